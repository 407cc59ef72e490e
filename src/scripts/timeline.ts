/**
 * Zoom, pan, details, keyboard movement and filters for the static timeline on /timeline/.
 * The page is complete without this script; everything here only adds. Positions come from the
 * build (data-* attributes), so the browser never re-runs the layout: zooming only rescales x.
 *
 * Units: x positions are in the SVGs' own units (every block shares one viewBox width); d3-zoom
 * works in CSS pixels on the HTML canvas around them, so its transform is converted on the way in
 * and out.
 *
 * Start-up does as little as it can, because with 10,000 incidents the page is already busy parsing
 * its HTML: marks are read from the DOM only when their block comes into sight or a feature needs
 * them (a filter, the arrow keys, printing), nothing is redrawn while the view is the one the build
 * drew, and nothing measures the layout until the browser has done it anyway (ResizeObserver).
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { fittedAxisTicks, type AxisTick } from '../lib/timeline/ticks.ts';
import { gridPath, viewStatus } from '../lib/timeline/marks-svg.ts';
import {
  filterAttributes,
  filterKeys,
  matchesFilters,
  readFilterState,
  writeFilterState,
  type FilterChoices,
  type FilterKey,
  type FilterState,
} from '../lib/timeline/filters.ts';

const svgNS = 'http://www.w3.org/2000/svg';
const dayMs = 86_400_000;
/** The closest zoom shows two weeks across the chart: dates here are at most day-precise. */
const closestSpanMs = 14 * dayMs;

/** Zoom in SVG units: a mark at x (zoom 1) is drawn at x * k + shift. */
interface View {
  k: number;
  shift: number;
}

interface Mark {
  element: SVGAElement;
  block: Block;
  /** The bar: one path, or a group of a sure and an uncertain path; zooming scales it along x. */
  bar: SVGGraphicsElement | null;
  label: SVGTextElement | null;
  x0: number;
  /** Where the bar ends at zoom 1; only marks whose label ends there (labelEnd) need it. */
  x1: number;
  y: number;
  row: number;
  labelEnd: boolean;
  ids: Record<FilterKey, string[]>;
  visible: boolean;
}

/** One SVG block of rows: redrawn only while in sight, and brought up to date when it scrolls back. */
interface Block {
  container: Element;
  svg: SVGSVGElement;
  grid: SVGPathElement | null;
  height: number;
  /** Read from the DOM on first need (see marksOf). */
  marks: Mark[] | null;
  inSight: boolean;
  /** The view the block's marks are drawn at; null when they must be redrawn whatever the view. */
  drawnAt: View | null;
}

/** The view the build drew: zoom 1, no shift. */
const buildView: View = { k: 1, shift: 0 };

function numberData(element: HTMLElement, name: string): number {
  const value = Number(element.dataset[name]);
  if (!Number.isFinite(value)) throw new Error(`incident-timeline: data-${name} is missing or not a number`);
  return value;
}

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

class IncidentTimeline extends HTMLElement {
  private canvas!: HTMLElement;
  private axes: SVGSVGElement[] = [];
  private blocks: Block[] = [];
  private blockOfSvg = new Map<Element, Block>();
  private markOfElement = new WeakMap<Element, Mark>();
  /** Every mark, once something has needed them all (see allMarks). */
  private everyMark: Mark[] | null = null;
  /** Marks in time order, for the arrow keys (built on first use). */
  private timeOrder: Mark[] | null = null;
  private total = 0;
  private zoomBehavior!: ZoomBehavior<HTMLElement, unknown>;
  private view: View = { k: 1, shift: 0 };
  private ticks: (AxisTick & { x: number })[] = [];
  private domainStart = 0;
  private domainEnd = 0;
  private left = 0;
  private right = 0;
  private width = 0;
  private status: HTMLElement | null = null;
  private tooltip: HTMLElement | null = null;
  private filters: FilterState = {};
  /** The options of each filter (names, with the ids marks carry), read from its select. */
  private choices: Partial<FilterChoices> = {};
  private animation = 0;

  connectedCallback() {
    const canvas = this.querySelector<HTMLElement>('[data-canvas]');
    if (!canvas) return;
    this.canvas = canvas;
    this.domainStart = numberData(this, 'domainStart');
    this.domainEnd = numberData(this, 'domainEnd');
    this.left = numberData(this, 'plotLeft');
    this.right = numberData(this, 'plotRight');
    this.width = numberData(this, 'width');
    this.status = this.querySelector('[data-status]');
    this.tooltip = this.querySelector('[data-tooltip]');
    this.axes = [...canvas.querySelectorAll<SVGSVGElement>('svg[data-axis]')];
    this.total = numberData(this, 'total');

    for (const svg of canvas.querySelectorAll<SVGSVGElement>('svg[data-chunk]')) {
      const block: Block = {
        container: svg.parentElement ?? svg,
        svg,
        grid: svg.querySelector<SVGPathElement>('[data-grid]'),
        height: svg.viewBox.baseVal.height,
        marks: null,
        inSight: false,
        drawnAt: buildView,
      };
      this.blocks.push(block);
      this.blockOfSvg.set(svg, block);
    }

    this.watchSight();
    this.setUpZoom();
    this.setUpFilters();
    this.setUpKeyboardAndDetails();
    const controls = this.querySelector<HTMLElement>('[data-controls]');
    if (controls) controls.hidden = false;
    this.render(this.view);
    // The page already says what the full view shows; only a filter from the URL changes that.
    if (this.filtering()) this.announce();
  }

  // ---- marks, read from the DOM on first need -------------------------------------------------

  private marksOf(block: Block): Mark[] {
    if (block.marks) return block.marks;
    block.marks = [...block.svg.querySelectorAll<SVGAElement>('a.tl-mark')].map((element): Mark => {
      // The build places each mark with translate(x0,y) at zoom 1.
      const [, x0 = '0', y = '0'] = /translate\(\s*([-\d.]+)[\s,]+([-\d.]+)\)/.exec(element.getAttribute('transform') ?? '') ?? [];
      const split = (name: string) => (element.dataset[name] ?? '').split(' ').filter(Boolean);
      const mark: Mark = {
        element,
        block,
        bar: element.querySelector<SVGGraphicsElement>('.tl-bar'),
        label: element.querySelector<SVGTextElement>('text'),
        x0: Number(x0),
        // data-label-end holds the bar's end: such a label is anchored there and moves with it.
        x1: Number(element.dataset.labelEnd ?? x0),
        y: Number(y),
        row: Number(element.dataset.row),
        labelEnd: element.hasAttribute('data-label-end'),
        ids: { 'attack-type': split(filterAttributes['attack-type']), attacker: split(filterAttributes.attacker), vendor: split(filterAttributes.vendor) },
        visible: true,
      };
      this.markOfElement.set(element, mark);
      return mark;
    });
    return block.marks;
  }

  private allMarks(): Mark[] {
    this.everyMark ??= this.blocks.flatMap((block) => this.marksOf(block));
    return this.everyMark;
  }

  private markOf(target: EventTarget | null): Mark | undefined {
    const element = target instanceof Element ? target.closest('a.tl-mark') : null;
    if (!element) return undefined;
    const block = this.blockOfSvg.get(element.closest('svg[data-chunk]') ?? element);
    if (block) this.marksOf(block);
    return this.markOfElement.get(element);
  }

  // ---- zoom and pan -------------------------------------------------------------------------

  /** CSS pixels per SVG unit (the SVGs fill the canvas width). */
  private pixelsPerUnit(): number {
    return this.canvas.clientWidth / this.width || 1;
  }

  private setUpZoom() {
    const maxZoom = Math.max(1, (this.domainEnd - this.domainStart) / closestSpanMs);
    const extent = (): [[number, number], [number, number]] => {
      const s = this.pixelsPerUnit();
      return [[this.left * s, 0], [this.right * s, Math.max(1, this.canvas.clientHeight)]];
    };
    this.zoomBehavior = zoom<HTMLElement, unknown>()
      .scaleExtent([1, maxZoom])
      .extent(extent)
      // A plain wheel scrolls the page (a long chart would otherwise trap it); Ctrl or Cmd with the
      // wheel zooms, as does a trackpad pinch, which browsers report as a wheel with Ctrl held.
      .filter((event: Event) => (event.type === 'wheel' ? (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey : !(event as MouseEvent).button))
      .wheelDelta((event: WheelEvent) => {
        const perUnit = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
        // A pinch sends small steps; a mouse wheel with Ctrl sends whole notches and needs no boost.
        return -event.deltaY * perUnit * (Math.abs(event.deltaY) < 50 ? 10 : 1);
      })
      .on('zoom', (event: { transform: ZoomTransform }) => {
        const s = this.pixelsPerUnit();
        this.render({ k: event.transform.k, shift: event.transform.x / s });
      })
      .on('end', () => this.announce());
    select(this.canvas).call(this.zoomBehavior);
    this.canvas.classList.add('tl-zoomable');
    // Let the page scroll vertically on touch screens; horizontal drags still pan the chart.
    this.canvas.style.touchAction = 'pan-y';
    // The pixel extents follow the canvas width; keep the same dates in view when it changes. The
    // first call comes once the browser has laid the page out, so start-up forces no layout.
    new ResizeObserver(() => {
      const [from, to] = this.visibleUnits();
      this.zoomBehavior.translateExtent(extent());
      this.moveTo(from, to, false);
    }).observe(this.canvas);

    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
      button.addEventListener('click', () => {
        const [from, to] = this.visibleUnits();
        const middle = (from + to) / 2;
        const span = to - from;
        switch (button.dataset.zoom) {
          case 'in': return this.moveTo(middle - span / 4, middle + span / 4);
          case 'out': return this.moveTo(middle - span, middle + span);
          case 'earlier': return this.moveTo(from - span / 3, to - span / 3);
          case 'later': return this.moveTo(from + span / 3, to + span / 3);
          default: return this.moveTo(this.left, this.right);
        }
      });
    }
    window.addEventListener('beforeprint', () => {
      this.moveTo(this.left, this.right, false);
      for (const block of this.blocks) this.drawBlock(block);
    });
  }

  /** The visible stretch of the chart, in zoom-1 SVG units. */
  private visibleUnits(view = this.view): [number, number] {
    return [(this.left - view.shift) / view.k, (this.right - view.shift) / view.k];
  }

  /** Shows the stretch [from, to] (zoom-1 units); d3-zoom clamps it to the chart. */
  private moveTo(from: number, to: number, animate = !matchMedia('(prefers-reduced-motion: reduce)').matches) {
    cancelAnimationFrame(this.animation);
    const selection = select(this.canvas);
    const apply = (a: number, b: number) => {
      const k = (this.right - this.left) / Math.max(b - a, 1e-6);
      this.zoomBehavior.transform(selection, zoomIdentity.translate((this.left - a * k) * this.pixelsPerUnit(), 0).scale(k));
    };
    if (!animate) {
      apply(from, to);
      this.announce();
      return;
    }
    const [startFrom, startTo] = this.visibleUnits();
    const began = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - began) / 250);
      const eased = t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
      apply(startFrom + (from - startFrom) * eased, startTo + (to - startTo) * eased);
      if (t < 1) this.animation = requestAnimationFrame(step);
      else this.announce();
    };
    this.animation = requestAnimationFrame(step);
  }

  private dateAt(units: number): number {
    return this.domainStart + ((units - this.left) / (this.right - this.left)) * (this.domainEnd - this.domainStart);
  }

  private unitsAt(time: number): number {
    return this.left + ((time - this.domainStart) / (this.domainEnd - this.domainStart)) * (this.right - this.left);
  }

  /**
   * Redraws the axis and the blocks in sight. Blocks out of sight are skipped (with a thousand
   * incidents most are) and caught up when they scroll back into view.
   */
  private render(view: View) {
    this.view = view;
    const [from, to] = this.visibleUnits();
    const start = new Date(this.dateAt(from));
    const end = new Date(this.dateAt(to));
    this.dataset.viewStart = start.toISOString().slice(0, 10);
    this.dataset.viewEnd = end.toISOString().slice(0, 10);
    this.ticks = fittedAxisTicks(start, end, this.right - this.left).map((tick) => ({
      ...tick,
      x: this.unitsAt(tick.date.getTime()) * view.k + view.shift,
    }));
    this.axes.forEach((axis, index) => {
      const y = index === 0 ? Number(axis.viewBox.baseVal.height) - 8 : 16;
      axis.replaceChildren(...this.ticks.map((tick) => {
        const text = svgElement('text', { x: tick.x, y, 'text-anchor': 'middle' });
        text.textContent = tick.label;
        return text;
      }));
    });
    for (const block of this.blocks) if (block.inSight) this.drawBlock(block);
  }

  private drawBlock(block: Block) {
    const view = this.view;
    const drawn = block.drawnAt;
    if (drawn && drawn.k === view.k && drawn.shift === view.shift) return;
    block.drawnAt = view;
    const barScale = `scale(${view.k},1)`;
    for (const mark of this.marksOf(block)) {
      if (!mark.visible) continue;
      mark.element.setAttribute('transform', `translate(${mark.x0 * view.k + view.shift},${mark.y})`);
      mark.bar?.setAttribute('transform', barScale);
      if (mark.labelEnd) mark.label?.setAttribute('x', String(Math.max((mark.x1 - mark.x0) * view.k, 6)));
    }
    block.grid?.setAttribute('d', gridPath(this.ticks.map((tick) => tick.x), block.height));
  }

  private watchSight() {
    const byContainer = new Map(this.blocks.map((block) => [block.container, block]));
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const block = byContainer.get(entry.target);
          if (!block) continue;
          block.inSight = entry.isIntersecting;
          if (block.inSight) this.drawBlock(block);
        }
      },
      { rootMargin: '25% 0px' },
    );
    for (const block of this.blocks) observer.observe(block.container);
  }

  /** Tells screen readers what is shown, once a zoom or filter change has settled. */
  private announce() {
    if (!this.status) return;
    const [from, to] = this.visibleUnits();
    const shown = this.filtering() ? this.allMarks().filter((m) => m.visible).length : this.total;
    const text = viewStatus(shown, this.total, new Date(this.dateAt(from)), new Date(this.dateAt(to)));
    // Rewriting the same words would make some screen readers say them again.
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  // ---- filters ------------------------------------------------------------------------------

  private setUpFilters() {
    const fieldset = this.querySelector<HTMLFieldSetElement>('[data-filters]');
    if (!fieldset) return;
    const selects = new Map<FilterKey, HTMLSelectElement>();
    for (const key of filterKeys) {
      const control = fieldset.querySelector(`select[name="${key}"]`);
      if (control instanceof HTMLSelectElement) {
        selects.set(key, control);
        this.choices[key] = [...control.options].filter((o) => o.value).map((o) => ({ id: o.dataset.id ?? o.value, name: o.value }));
      }
    }
    this.filters = readFilterState(location.search, this.choices);
    for (const [key, control] of selects) control.value = this.filters[key] ?? '';
    // A link in the old vocabulary (?type=<id>) shows its view under the shared one.
    const canonical = writeFilterState(location.search, this.filters);
    if (canonical !== location.search) history.replaceState(history.state, '', `${location.pathname}${canonical}${location.hash}`);
    fieldset.addEventListener('change', () => {
      const state: FilterState = {};
      for (const [key, control] of selects) if (control.value) state[key] = control.value;
      this.filters = state;
      history.replaceState(history.state, '', `${location.pathname}${writeFilterState(location.search, state)}${location.hash}`);
      this.applyFilters();
      this.announce();
    });
    if (this.filtering()) this.applyFilters();
  }

  /** True while any filter is chosen. */
  private filtering(): boolean {
    return filterKeys.some((key) => this.filters[key]);
  }

  private applyFilters() {
    for (const mark of this.allMarks()) {
      const visible = matchesFilters(mark.ids, this.filters, this.choices);
      mark.visible = visible;
      mark.element.classList.toggle('tl-hidden', !visible);
    }
    for (const count of this.querySelectorAll<HTMLElement>('.tl-band')) {
      const label = count.querySelector<HTMLElement>('[data-count]');
      if (!label) continue;
      const total = Number(label.dataset.count);
      const shown = [...count.querySelectorAll('a.tl-mark')].filter((a) => !a.classList.contains('tl-hidden')).length;
      const noun = total === 1 ? 'incident' : 'incidents';
      label.textContent = shown === total ? `(${total} ${noun})` : `(${shown} of ${total} ${noun} shown)`;
    }
    for (const block of this.blocks) block.drawnAt = null;
    this.render(this.view);
  }

  // ---- keyboard and details -----------------------------------------------------------------

  private setUpKeyboardAndDetails() {
    const markOf = (target: EventTarget | null) => this.markOf(target);
    this.canvas.addEventListener('keydown', (event) => {
      const current = markOf(event.target);
      if (!current) return;
      const next = this.neighbour(current, event.key);
      if (next === undefined) return;
      event.preventDefault();
      next?.element.focus();
    });
    this.canvas.addEventListener('focusin', (event) => {
      const mark = markOf(event.target);
      if (!mark) return;
      this.bringIntoView(mark);
      this.showDetails(mark);
    });
    this.canvas.addEventListener('focusout', () => this.hideDetails());
    this.canvas.addEventListener('mouseover', (event) => {
      const mark = markOf(event.target);
      if (mark) this.showDetails(mark);
    });
    this.canvas.addEventListener('mouseout', (event) => {
      if (!markOf(event.relatedTarget)) this.hideDetails();
    });
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hideDetails();
    });
  }

  /** The mark an arrow key moves to: undefined when the key is not ours, null when there is nowhere to go. */
  private neighbour(current: Mark, key: string): Mark | null | undefined {
    this.timeOrder ??= [...this.allMarks()].sort((a, b) => a.x0 - b.x0 || a.row - b.row);
    const shown = this.timeOrder.filter((m) => m.visible);
    const index = shown.indexOf(current);
    switch (key) {
      case 'ArrowRight': return shown[index + 1] ?? null;
      case 'ArrowLeft': return shown[index - 1] ?? null;
      case 'Home': return shown[0] ?? null;
      case 'End': return shown.at(-1) ?? null;
      case 'ArrowDown':
      case 'ArrowUp': {
        const below = key === 'ArrowDown';
        const candidates = shown.filter((m) => (below ? m.row > current.row : m.row < current.row));
        if (candidates.length === 0) return null;
        const row = below ? Math.min(...candidates.map((m) => m.row)) : Math.max(...candidates.map((m) => m.row));
        return candidates
          .filter((m) => m.row === row)
          .reduce((best, m) => (Math.abs(m.x0 - current.x0) < Math.abs(best.x0 - current.x0) ? m : best));
      }
      default: return undefined;
    }
  }

  private bringIntoView(mark: Mark) {
    const x = mark.x0 * this.view.k + this.view.shift;
    if (x >= this.left && x <= this.right - 40) return;
    const [from, to] = this.visibleUnits();
    const span = to - from;
    this.moveTo(mark.x0 - span / 3, mark.x0 + (span * 2) / 3, false);
    this.drawBlock(mark.block);
  }

  private showDetails(mark: Mark) {
    const tooltip = this.tooltip;
    if (!tooltip) return;
    // The build writes data-title only when the label had to be shortened.
    const title = mark.element.dataset.title ?? mark.label?.textContent ?? '';
    const name = mark.element.getAttribute('aria-label') ?? '';
    const heading = document.createElement('strong');
    heading.textContent = title;
    const body = document.createElement('span');
    body.textContent = name.startsWith(`${title}, `) ? name.slice(title.length + 2) : name;
    tooltip.replaceChildren(heading, body);
    tooltip.hidden = false;
    const host = this.getBoundingClientRect();
    const anchor = (mark.element.querySelector('.tl-glyph') ?? mark.element).getBoundingClientRect();
    const width = tooltip.offsetWidth;
    tooltip.style.left = `${Math.min(Math.max(0, anchor.left - host.left), Math.max(0, host.width - width))}px`;
    tooltip.style.top = `${anchor.bottom - host.top + 8}px`;
  }

  private hideDetails() {
    if (this.tooltip) this.tooltip.hidden = true;
  }
}

if (!customElements.get('incident-timeline')) customElements.define('incident-timeline', IncidentTimeline);
