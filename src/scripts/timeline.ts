/**
 * Zoom, pan, details, keyboard movement and filters for the static timeline on /timeline/.
 * The page is complete without this script; everything here only adds. Positions come from the
 * build (data-* attributes), so the browser never re-runs the layout: zooming only rescales x.
 * Filters apply to both renderings (the wide chart and the narrow list); zoom and moves to the chart.
 * The buttons go where incidents are: "Zoom in" to the half of the view that holds the most,
 * "Earlier" and "Later" to the incidents just outside it, "Show all" to every incident shown; and
 * the status line always says how many incidents are in view, and between which dates.
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
import { countOf, formatCount } from '../lib/wording.ts';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { axisFontSize, fittedAxisTicks, type AxisTick } from '../lib/timeline/ticks.ts';
import { keepInside } from '../lib/charts/axes.ts';
import { gridPath, listStatus, viewStatus } from '../lib/timeline/marks-svg.ts';
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
  /** The incident's page: an incident of several attack types has a mark in each of their bands. */
  href: string;
  /** The bar: one path, or a group of a sure and an uncertain path; zooming scales it along x. */
  bar: SVGGraphicsElement | null;
  label: SVGTextElement | null;
  /** The group at the bar's end (open end, label running right), moved as the bar grows. */
  end: SVGGElement | null;
  x0: number;
  /** The bar's length at zoom 1. */
  length: number;
  y: number;
  row: number;
  ids: Record<FilterKey, string[]>;
  visible: boolean;
  /** Where it was last drawn, it may show on the chart (false: wholly outside the SVG). */
  onChart: boolean;
}

/** An incident on the chart (once, whatever its number of marks): where its bar runs at zoom 1. */
interface Incident {
  x0: number;
  x1: number;
  marks: Mark[];
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
  /** Incidents in time order, from the marks (built on first need). */
  private incidents: Incident[] | null = null;
  private wide!: MediaQueryList;
  private buttons = new Map<string, HTMLButtonElement>();
  private narrowEntries: HTMLElement[] = [];
  private zoomBehavior!: ZoomBehavior<HTMLElement, unknown>;
  private view: View = { k: 1, shift: 0 };
  private ticks: (AxisTick & { x: number })[] = [];
  private domainStart = 0;
  private domainEnd = 0;
  private left = 0;
  private right = 0;
  private width = 0;
  /** How far beyond its bar a mark's glyph, open end and label may reach (SVG units). */
  private markReach = 0;
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
    this.markReach = numberData(this, 'markReach');
    this.status = this.querySelector('[data-status]');
    this.wide = matchMedia(this.dataset.wideQuery ?? '(min-width: 60em)');
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
    this.updateButtons();
    this.wide.addEventListener('change', () => this.announce());
  }

  // ---- marks, read from the DOM on first need -------------------------------------------------

  private marksOf(block: Block): Mark[] {
    if (block.marks) return block.marks;
    block.marks = [...block.svg.querySelectorAll<SVGAElement>('a.tl-mark')].map((element): Mark => {
      // The build places each mark with translate(x0,y) at zoom 1.
      const [, x0 = '0', y = '0'] = /translate\(\s*([-\d.]+)[\s,]+([-\d.]+)\)/.exec(element.getAttribute('transform') ?? '') ?? [];
      const split = (name: string) => (element.dataset[name] ?? '').split(' ').filter(Boolean);
      // The group at the bar's end is placed at translate(length,0) by the build.
      const end = element.querySelector<SVGGElement>(':scope > g.tl-end');
      const [, length = '0'] = /translate\(\s*([-\d.]+)/.exec(end?.getAttribute('transform') ?? '') ?? [];
      const mark: Mark = {
        element,
        block,
        href: element.getAttribute('href') ?? '',
        bar: element.querySelector<SVGGraphicsElement>('.tl-bar'),
        label: element.querySelector<SVGTextElement>('text'),
        end,
        x0: Number(x0),
        length: Number(length),
        y: Number(y),
        row: Number(element.dataset.row),
        ids: { 'attack-type': split(filterAttributes['attack-type']), attacker: split(filterAttributes.attacker), vendor: split(filterAttributes.vendor) },
        visible: true,
        onChart: true,
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

  /** Every incident once, in order of start, with the marks that stand for it. */
  private allIncidents(): Incident[] {
    if (this.incidents) return this.incidents;
    const byHref = new Map<string, Incident>();
    for (const mark of this.allMarks()) {
      const incident = byHref.get(mark.href);
      if (incident) incident.marks.push(mark);
      else byHref.set(mark.href, { x0: mark.x0, x1: mark.x0 + mark.length, marks: [mark] });
    }
    this.incidents = [...byHref.values()].sort((a, b) => a.x0 - b.x0 || a.x1 - b.x1);
    return this.incidents;
  }

  /** Incidents the filters let through. */
  private shownIncidents(): Incident[] {
    const all = this.allIncidents();
    return this.filtering() ? all.filter((incident) => incident.marks[0]!.visible) : all;
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
      // Hidden (the narrow list is shown instead): nothing to fit until it is shown again.
      if (this.canvas.clientWidth === 0) return;
      const [from, to] = this.visibleUnits();
      this.zoomBehavior.translateExtent(extent());
      this.moveTo(from, to, false);
    }).observe(this.canvas);

    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
      this.buttons.set(button.dataset.zoom ?? '', button);
      button.addEventListener('click', () => {
        // A button with nowhere to go stays focusable (aria-disabled) and does nothing.
        if (button.getAttribute('aria-disabled') === 'true') return;
        const target = this.targetOf(button.dataset.zoom ?? '');
        if (target) this.moveTo(target[0], target[1]);
      });
    }
    window.addEventListener('beforeprint', () => {
      this.moveTo(this.left, this.right, false);
      for (const block of this.blocks) this.drawBlock(block);
    });
  }

  /** The narrowest stretch the chart zooms to, in zoom-1 units. */
  private closestSpan(): number {
    return ((this.right - this.left) * closestSpanMs) / (this.domainEnd - this.domainStart);
  }

  /**
   * Where a button takes the view (zoom-1 units), or nothing when it has nowhere to go:
   * - in: half the span, placed where it holds the most incidents of those in view (the closest to
   *   the middle among equals), so zooming in never lands on an empty stretch;
   * - out: twice the span, around the same middle;
   * - earlier, later: the same span, moved to the nearest incident starting before or after the view;
   * - reset: every incident shown (all of them, or those the filters match).
   */
  private targetOf(action: string): [number, number] | undefined {
    const [from, to] = this.visibleUnits();
    const span = to - from;
    const shown = this.shownIncidents();
    switch (action) {
      case 'in': {
        if (span <= this.closestSpan() * 1.01) return undefined;
        const width = Math.max(span / 2, this.closestSpan());
        const inView = shown.filter((i) => i.x1 >= from && i.x0 <= to);
        const start = densestWindow(inView.length ? inView : shown, width, inView.length ? [from, to - width] : [this.left, this.right - width], (from + to) / 2 - width / 2);
        return [start, start + width];
      }
      case 'out': {
        if (from <= this.left + 0.5 && to >= this.right - 0.5) return undefined;
        const middle = (from + to) / 2;
        return [middle - span, middle + span];
      }
      case 'earlier': {
        const before = shown.filter((i) => i.x0 < from - 0.01).at(-1);
        if (!before) return undefined;
        // Its start near the right of the view, so the stretch before it comes into view too.
        const start = Math.max(this.left, before.x0 - span * 0.85);
        return [start, start + span];
      }
      case 'later': {
        const after = shown.find((i) => i.x0 > to + 0.01);
        if (!after) return undefined;
        // Its start near the left of the view, so the stretch after it comes into view too.
        const start = Math.min(this.right - span, after.x0 - span * 0.1);
        return [start, start + span];
      }
      default: {
        if (!this.filtering()) return [this.left, this.right];
        if (shown.length === 0) return undefined;
        const lo = Math.min(...shown.map((i) => i.x0));
        const hi = Math.max(...shown.map((i) => i.x1));
        // Room either side for a mark's glyph and label (they keep their size as the bars stretch):
        // a share r of the view each side, so the bars fill the rest. Without it, a lone long bar
        // filled the view and its label, which runs left from the start, was cut off.
        const r = Math.min(this.markReach / (this.right - this.left), 0.3);
        const pad = Math.max((hi - lo) * 0.05, this.closestSpan() / 2, ((hi - lo) * r) / (1 - 2 * r));
        return [Math.max(this.left, lo - pad), Math.min(this.right, hi + pad)];
      }
    }
  }

  /** Marks the buttons that have nowhere to go (they stay in the tab order, and say so). */
  private updateButtons() {
    for (const [action, button] of this.buttons) {
      const disabled = this.targetOf(action) === undefined;
      if ((button.getAttribute('aria-disabled') === 'true') !== disabled) button.setAttribute('aria-disabled', String(disabled));
    }
  }

  /** The visible stretch of the chart, in zoom-1 SVG units. */
  private visibleUnits(view = this.view): [number, number] {
    return [(this.left - view.shift) / view.k, (this.right - view.shift) / view.k];
  }

  /** Shows the stretch [from, to] (zoom-1 units), kept inside the chart. */
  private moveTo(from: number, to: number, animate = !matchMedia('(prefers-reduced-motion: reduce)').matches) {
    cancelAnimationFrame(this.animation);
    const selection = select(this.canvas);
    // Never narrower than the closest zoom: widen around the middle instead.
    const least = this.closestSpan();
    if (to - from < least) [from, to] = [(from + to) / 2 - least / 2, (from + to) / 2 + least / 2];
    // Never past the chart's dates: zoom.transform does not apply the translate extent, so a view
    // that runs off an end slides back inside it, and one wider than the chart becomes the chart.
    if (to - from >= this.right - this.left) [from, to] = [this.left, this.right];
    else if (from < this.left) [from, to] = [this.left, this.left + (to - from)];
    else if (to > this.right) [from, to] = [this.right - (to - from), this.right];
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
    this.ticks = fittedAxisTicks(start, end, this.right - this.left, axisFontSize).map((tick) => ({
      ...tick,
      x: this.unitsAt(tick.date.getTime()) * view.k + view.shift,
    }));
    this.axes.forEach((axis, index) => {
      const y = index === 0 ? Number(axis.viewBox.baseVal.height) - 8 : 16;
      axis.replaceChildren(...keepInside(this.ticks.map((tick) => ({ at: tick.x, label: tick.label })), this.width, axisFontSize).map((tick) => {
        const text = svgElement('text', { x: tick.at, y, 'text-anchor': tick.anchor ?? 'middle' });
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
    const reach = this.markReach;
    for (const mark of this.marksOf(block)) {
      if (!mark.visible) continue;
      // A mark wholly outside the SVG where it was drawn and where it goes stays unseen wherever it
      // is: leave it (zoomed in, most marks are), and move it once it comes back.
      const x = mark.x0 * view.k + view.shift;
      const onChart = x + mark.length * view.k + reach >= 0 && x - reach <= this.width;
      if (!onChart && !mark.onChart) continue;
      mark.onChart = onChart;
      mark.element.setAttribute('transform', `translate(${x},${mark.y})`);
      if (mark.length > 0) {
        mark.bar?.setAttribute('transform', barScale);
        mark.end?.setAttribute('transform', `translate(${mark.length * view.k},0)`);
      }
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

  /**
   * Tells screen readers what is shown, once a zoom or filter change has settled: on the chart, the
   * incidents whose bars are in view; on the narrow list, those the filters let through.
   */
  private announce() {
    this.updateButtons();
    if (!this.status) return;
    const wideLine = this.status.querySelector<HTMLElement>('[data-status-wide]');
    const narrowLine = this.status.querySelector<HTMLElement>('[data-status-narrow]');
    // Only the line of the rendering on screen changes, so a screen reader hears only what it shows.
    if (this.wide.matches && wideLine) {
      const [from, to] = this.visibleUnits();
      const shown = this.shownIncidents();
      const inView = shown.filter((i) => i.x1 >= from && i.x0 <= to).length;
      const text = viewStatus({ inView, matching: shown.length, total: this.total, filtered: this.filtering() }, new Date(this.dateAt(from)), new Date(this.dateAt(to)));
      // Rewriting the same words would make some screen readers say them again.
      if (wideLine.textContent !== text) wideLine.textContent = text;
    } else if (!this.wide.matches && narrowLine) {
      if (this.narrowEntries.length === 0) this.narrowEntries = [...this.querySelectorAll<HTMLElement>('.tl-entry')];
      // The year each listed entry starts in.
      const shownYears = this.narrowEntries.filter((entry) => !entry.classList.contains('tl-hidden')).map((entry) => Number(entry.closest<HTMLElement>('[data-year]')?.dataset.year));
      const text = listStatus(shownYears.length, this.total, shownYears.length ? [Math.min(...shownYears), Math.max(...shownYears)] : undefined);
      if (narrowLine.textContent !== text) narrowLine.textContent = text;
    }
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
      // The chart moves to the incidents the filters let through (all of them when none is chosen).
      const target = this.targetOf('reset');
      if (target && this.canvas.clientWidth > 0) this.moveTo(target[0], target[1]);
      else this.announce();
    });
    if (this.filtering()) {
      this.applyFilters();
      const target = this.targetOf('reset');
      if (target) this.moveTo(target[0], target[1], false);
    }
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
    // The narrow list: the same filters on its entries, which carry the same ids.
    const split = (value: string | undefined) => (value ?? '').split(' ').filter(Boolean);
    if (this.narrowEntries.length === 0) this.narrowEntries = [...this.querySelectorAll<HTMLElement>('.tl-entry')];
    for (const entry of this.narrowEntries) {
      const ids = { 'attack-type': split(entry.dataset[filterAttributes['attack-type']]), attacker: split(entry.dataset[filterAttributes.attacker]), vendor: split(entry.dataset[filterAttributes.vendor]) };
      entry.classList.toggle('tl-hidden', !matchesFilters(ids, this.filters, this.choices));
    }
    const filtering = this.filtering();
    for (const gap of this.querySelectorAll<HTMLElement>('.tl-gap')) gap.hidden = filtering;
    // Counts in the band and year headings: "(3 of 7 incidents shown)".
    for (const group of this.querySelectorAll<HTMLElement>('.tl-band, .tl-year')) {
      const label = group.querySelector<HTMLElement>('[data-count]');
      if (!label) continue;
      const total = Number(label.dataset.count);
      const shown = [...group.querySelectorAll('a.tl-mark, .tl-entry')].filter((a) => !a.classList.contains('tl-hidden')).length;
      label.textContent = shown === total ? `(${countOf(total, 'incident')})` : `(${formatCount(shown)} of ${countOf(total, 'incident')} shown)`;
      // A band or year the filters empty is left out while they apply.
      group.hidden = shown === 0;
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
      // The next or previous incident in time: an incident's other marks (in other bands) are skipped.
      case 'ArrowRight': return shown.slice(index + 1).find((m) => m.href !== current.href) ?? null;
      case 'ArrowLeft': return shown.slice(0, Math.max(0, index)).findLast((m) => m.href !== current.href) ?? null;
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

/**
 * Where a window of `width` (zoom-1 units) starting between `range[0]` and `range[1]` overlaps the
 * most incidents: a sweep over the positions where an incident comes into or leaves the window.
 * Among equally good positions, the one closest to `preferred`.
 */
function densestWindow(incidents: readonly Incident[], width: number, range: [number, number], preferred: number): number {
  const [lo, hi] = range[0] <= range[1] ? range : [range[0], range[0]];
  const clamp = (value: number) => Math.min(hi, Math.max(lo, value));
  // A window starting at s overlaps [x0, x1] when x0 - width <= s <= x1.
  const events: [number, number][] = [];
  for (const incident of incidents) {
    const from = incident.x0 - width;
    const to = incident.x1;
    if (to < lo || from > hi) continue;
    events.push([clamp(from), 1], [clamp(to), -1]);
  }
  if (events.length === 0) return clamp(preferred);
  // Openings before closings at the same place: an incident touching the window's edge counts.
  events.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let depth = 0;
  let best = -1;
  let choice = clamp(preferred);
  for (let i = 0; i < events.length; i++) {
    const [at, change] = events[i]!;
    depth += change;
    if (change < 0) continue;
    // The stretch from here to the next event has this depth.
    const until = events[i + 1]?.[0] ?? at;
    const candidate = Math.min(until, Math.max(at, preferred));
    if (depth > best || (depth === best && Math.abs(candidate - preferred) < Math.abs(choice - preferred))) {
      best = depth;
      choice = candidate;
    }
  }
  return choice;
}

if (!customElements.get('incident-timeline')) customElements.define('incident-timeline', IncidentTimeline);
