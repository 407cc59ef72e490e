/**
 * /timeline/ in real Chromium against the built site: the chart is all there without JavaScript;
 * with it, zooming narrows the dates shown and always lands on incidents, the status line says what
 * is in view, filters hide exactly the incidents that do not match (and count them as the bands do)
 * and keep their state in the URL, the keyboard moves between incidents and opens them, and axe
 * finds no WCAG A/AA problems in light or dark mode. On a phone the page is a list down the page,
 * with or without JavaScript, and nothing scrolls sideways.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { itemSpan, timelineItemFromIncident } from '../../src/lib/timeline/incidents-layout.ts';
import { root } from '../helpers/site.ts';

/** The content the site under test was built from (the default build uses content/). */
const kb = knowledgeBaseFrom(resolve(root, process.env.CONTENT_DIR ?? 'content'));
const base = process.env.BASE_PATH ?? '/';
const axeSource = readFileSync(resolve(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const incidentPath = (id: string) => `${base.replace(/\/$/, '')}/incidents/${id}/`;

let site: SiteSession;
beforeAll(async () => {
  site = await openSite({ base });
});
afterAll(async () => {
  await site?.close();
});

const desktop = { width: 1280, height: 900 };

async function open(options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark'; path?: string; viewport?: { width: number; height: number }; reducedMotion?: 'reduce' } = {}) {
  const { context, page } = await site.newPage({ javaScriptEnabled: options.javaScriptEnabled ?? true, reducedMotion: options.reducedMotion });
  await page.setViewportSize(options.viewport ?? desktop);
  if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url(options.path ?? '/timeline/'));
  if (options.javaScriptEnabled !== false) await page.waitForSelector('incident-timeline [data-controls]:not([hidden])');
  return { context, page, errors };
}

/** Paths of the incidents a reader can see on the chart, each once (filtered-out marks are not displayed). */
async function shownMarkPaths(page: Page): Promise<string[]> {
  const paths = await page.$$eval('incident-timeline a.tl-mark', (links) =>
    links.filter((a) => getComputedStyle(a).display !== 'none' && !a.closest('[hidden]')).map((a) => new URL(a.getAttribute('href')!, location.href).pathname),
  );
  return [...new Set(paths)].sort();
}

/** Paths of the incidents the narrow list shows, in its order. */
function listedPaths(page: Page): Promise<string[]> {
  return page.$$eval('incident-timeline .tl-entry', (entries) =>
    entries.filter((li) => li.getBoundingClientRect().height > 0).map((li) => new URL(li.querySelector('a')!.getAttribute('href')!, location.href).pathname),
  );
}

function viewRange(page: Page): Promise<[number, number]> {
  return page.$eval('incident-timeline', (el) => [Date.parse((el as HTMLElement).dataset.viewStart!), Date.parse((el as HTMLElement).dataset.viewEnd!)]);
}

/** The dates shown once any zoom animation has finished (the same over several frames). */
async function settledRange(page: Page): Promise<[number, number]> {
  let previous = await viewRange(page);
  for (let i = 0; i < 50; i++) {
    await page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(done), 50)));
    const current = await viewRange(page);
    if (current[0] === previous[0] && current[1] === previous[1]) return current;
    previous = current;
  }
  throw new Error('the timeline kept moving');
}

/**
 * A point on the chart that is inside the window: with a thousand incidents the chart is far taller
 * than the window, and scrolling it into view may leave its top edge above the window.
 */
async function pointOnChart(page: Page): Promise<[number, number]> {
  const canvas = page.locator('[data-canvas]');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const windowHeight = await page.evaluate(() => innerHeight);
  const top = Math.max(box.y, 0);
  const bottom = Math.min(box.y + box.height, windowHeight);
  return [box.x + box.width / 2, Math.min(top + 40, (top + bottom) / 2)];
}

describe('/timeline/', () => {
  it('without JavaScript, shows every incident as a labelled link, with the table linked as the text alternative', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    const marks = await page.$$eval('incident-timeline svg a.tl-mark', (links) =>
      links.map((a) => ({ path: a.getAttribute('href')!, name: a.getAttribute('aria-label') ?? '', label: a.querySelector('text')?.textContent ?? '', title: a.getAttribute('data-title') })),
    );
    expect([...new Set(marks.map((m) => m.path))].sort()).toEqual(kb.incidents.map((i) => incidentPath(i.id)).sort());
    for (const mark of marks) {
      const incident = kb.incidents.find((i) => incidentPath(i.id) === mark.path)!;
      expect(mark.name.startsWith(incident.data.title)).toBe(true);
      // The label is the whole title (its lines joined by a space); a title too long for two lines is
      // cut at a word, and the full title is on the mark, shown on focus and hover.
      if (mark.label !== incident.data.title) {
        expect(mark.label.endsWith('…')).toBe(true);
        expect(incident.data.title.startsWith(`${mark.label.slice(0, -1)} `)).toBe(true);
        expect(mark.title).toBe(incident.data.title);
      }
    }
    // An incident is in the band of each of its attack types.
    expect(marks).toHaveLength(kb.incidents.reduce((sum, i) => sum + Math.max(1, i.attackTypes.length), 0));
    // The chart is drawn: marks are laid out with non-zero boxes, and the axis has year or month labels.
    const sizes = await page.$$eval('incident-timeline a.tl-mark', (links) => links.map((a) => a.getBoundingClientRect().width));
    expect(sizes.every((w) => w > 0)).toBe(true);
    expect(await page.$$eval('svg[data-axis] text', (t) => t.length)).toBeGreaterThan(1);
    // Controls that need the script stay hidden; the table link is there.
    expect(await page.isVisible('incident-timeline [data-controls]')).toBe(false);
    expect(await page.$eval('main', (main) => [...main.querySelectorAll('a')].some((a) => new URL(a.href).pathname.endsWith('/incidents/')))).toBe(true);
    // A legend in words for every attack type band.
    const legend = (await page.textContent('.tl-legend')) ?? '';
    for (const heading of await page.$$eval('.tl-band-heading', (hs) => hs.map((h) => h.firstChild?.parentElement?.textContent ?? ''))) {
      expect(legend).toContain(heading.replace(/\s*\(.*\)\s*$/, '').trim());
    }
    await context.close();
  });

  it('zooming (buttons and wheel) narrows the dates shown, and "Show all" restores them', async () => {
    const { context, page, errors } = await open();
    const [start, end] = await viewRange(page);
    const axisBefore = await page.$$eval('svg[data-axis] text', (t) => t.map((x) => x.textContent).join('|'));
    await page.click('button[data-zoom="in"]');
    await page.waitForFunction((span) => {
      const el = document.querySelector<HTMLElement>('incident-timeline')!;
      return Date.parse(el.dataset.viewEnd!) - Date.parse(el.dataset.viewStart!) < span * 0.6;
    }, end - start);
    const [zoomedStart, zoomedEnd] = await settledRange(page);
    expect(zoomedStart).toBeGreaterThan(start);
    expect(zoomedEnd).toBeLessThan(end);
    expect(await page.$$eval('svg[data-axis] text', (t) => t.map((x) => x.textContent).join('|'))).not.toBe(axisBefore);

    await page.mouse.move(...(await pointOnChart(page)));
    // A plain wheel scrolls the page (a long chart must not trap it); with Ctrl held it zooms the chart.
    await page.mouse.wheel(0, -400);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await viewRange(page)).toEqual([zoomedStart, zoomedEnd]);
    // The page may have scrolled: aim at the chart again.
    await page.mouse.move(...(await pointOnChart(page)));
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await page.waitForFunction((span) => {
      const el = document.querySelector<HTMLElement>('incident-timeline')!;
      return Date.parse(el.dataset.viewEnd!) - Date.parse(el.dataset.viewStart!) < span * 0.9;
    }, zoomedEnd - zoomedStart);

    await page.click('button[data-zoom="reset"]');
    await page.waitForFunction((range) => {
      const el = document.querySelector<HTMLElement>('incident-timeline')!;
      return Math.abs(Date.parse(el.dataset.viewStart!) - range.start) < 86_400_000 * 2 && Math.abs(Date.parse(el.dataset.viewEnd!) - range.end) < 86_400_000 * 2;
    }, { start, end });
    expect(await page.textContent('[data-status-wide]')).toMatch(/^Showing all \d+ incidents, /);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('every bar in view stretches with the zoom, whichever side of it its label is on', async () => {
    const { context, page, errors } = await open();
    // The first band is in view; bands further down are redrawn as they come into view.
    const bars = () =>
      page.$$eval('incident-timeline section.tl-band', (bands) =>
        [...bands[0]!.querySelectorAll('a.tl-mark')].map((m) => ({ href: m.getAttribute('href'), labelLeft: m.querySelector('text')?.getAttribute('text-anchor') === 'end', width: m.querySelector('.tl-bar')!.getBoundingClientRect().width })),
      );
    const before = await bars();
    const [start, end] = await viewRange(page);
    await page.click('button[data-zoom="in"]');
    const [zoomedStart, zoomedEnd] = await settledRange(page);
    const k = (end - start) / (zoomedEnd - zoomedStart);
    expect(k).toBeGreaterThan(1.5);
    const after = await bars();
    const measured = before.flatMap((bar, i) => (bar.width >= 2 ? [{ ...bar, ratio: after[i]!.width / bar.width }] : []));
    // The check means something only if a bar with its label on the left is among them (real content has several).
    expect(measured.some((bar) => bar.labelLeft)).toBe(true);
    for (const bar of measured) expect(bar.ratio, `${bar.href} (label ${bar.labelLeft ? 'left' : 'right'}) grew ${bar.ratio.toFixed(2)}x, the chart ${k.toFixed(2)}x`).toBeCloseTo(k, 0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a filter that leaves one incident shows its whole bar and its whole label', async () => {
    // An attacker behind one incident, the one with the longest bar: the view closes in on it, and
    // the bar must not crowd out its label.
    const barLength = (id: string) => { const span = itemSpan(timelineItemFromIncident(kb.incident.get(id)!)); return span.end - span.start; };
    const [actor] = [...kb.actors.values()].filter((a) => a.incidents.length === 1).sort((a, b) => barLength(b.incidents[0]!.id) - barLength(a.incidents[0]!.id));
    const { context, page, errors } = await open({ path: `/timeline/?attacker=${encodeURIComponent(actor!.data.name)}` });
    await settledRange(page);
    const boxes = await page.$$eval('incident-timeline section.tl-band:not([hidden])', (bands) => {
      const mark = [...bands[0]!.querySelectorAll<SVGAElement>('a.tl-mark')].find((m) => !m.classList.contains('tl-hidden'))!;
      const box = (el: Element) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right }; };
      return { chart: box(bands[0]!.querySelector('svg[data-chunk]')!), bar: box(mark.querySelector('.tl-bar')!), label: box(mark.querySelector('text')!) };
    });
    for (const part of ['bar', 'label'] as const) {
      expect(boxes[part].left, `${part} starts left of the chart`).toBeGreaterThanOrEqual(boxes.chart.left - 1);
      expect(boxes[part].right, `${part} ends right of the chart`).toBeLessThanOrEqual(boxes.chart.right + 1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a filter shows exactly the incidents that match, puts its state in the URL, and a shared URL restores it', async () => {
    const { context, page } = await open();
    const everything = await shownMarkPaths(page);
    expect(everything).toHaveLength(kb.incidents.length);
    // Prefer the attack type that splits the incidents, so the test sees marks both hidden and kept.
    // Values are names, as on the search page (?attack-type=Ransomware).
    const options = await page.$$eval('#tl-filter-attack-type option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const matching = (type: string) => kb.incidents.filter((i) => i.attackTypes.some((t) => t.data.name === type)).map((i) => incidentPath(i.id)).sort();
    const type = options.find((o) => matching(o).length < kb.incidents.length) ?? options[0]!;
    await page.selectOption('#tl-filter-attack-type', type);
    await page.waitForFunction((t) => new URL(location.href).searchParams.get('attack-type') === t, type);
    expect(await shownMarkPaths(page)).toEqual(matching(type));
    // The chart moves to the matching incidents, and the status line counts them.
    const shownCount = matching(type).length;
    await page.waitForFunction((n) => document.querySelector('[data-status-wide]')?.textContent?.startsWith(n === 1 ? 'Showing the only matching incident' : `Showing all ${n} matching incidents`), shownCount);

    // Two filters together: attack type and an attacker named by one of the matching incidents.
    const withActor = kb.incidents.find((i) => i.attackTypes.some((t) => t.data.name === type) && i.actors.length > 0);
    if (withActor) {
      const actor = withActor.actors[0]!.entry.data.name;
      await page.selectOption('#tl-filter-attacker', actor);
      await page.waitForFunction((a) => new URL(location.href).searchParams.get('attacker') === a, actor);
      const both = kb.incidents
        .filter((i) => i.attackTypes.some((t) => t.data.name === type) && i.actors.some((a) => a.entry.data.name === actor))
        .map((i) => incidentPath(i.id))
        .sort();
      expect(await shownMarkPaths(page)).toEqual(both);
    }

    // The URL is shareable: opening it shows the same selection.
    const shared = page.url();
    const again = await open({ path: new URL(shared).pathname.replace(base.replace(/\/$/, ''), '') + new URL(shared).search });
    expect(await again.page.inputValue('#tl-filter-attack-type')).toBe(type);
    expect(await shownMarkPaths(again.page)).toEqual(await shownMarkPaths(page));
    await again.context.close();

    // A link shared in the old vocabulary (?type=<id>) shows the same view, and its URL is rewritten in the new one.
    const id = kb.incidents.flatMap((i) => i.attackTypes).find((t) => t.data.name === type)!.id;
    const old = await open({ path: `/timeline/?type=${id}` });
    expect(await old.page.inputValue('#tl-filter-attack-type')).toBe(type);
    expect(await shownMarkPaths(old.page)).toEqual(matching(type));
    expect(new URL(old.page.url()).searchParams.get('attack-type')).toBe(type);
    await old.context.close();

    // Clearing the filters clears the URL and shows everything again.
    await page.selectOption('#tl-filter-attack-type', '');
    await page.selectOption('#tl-filter-attacker', '');
    await page.waitForFunction(() => !location.search.includes('attack-type=') && !location.search.includes('attacker='));
    expect(await shownMarkPaths(page)).toEqual(everything);
    await context.close();
  });

  it('arrow keys move between incidents in time order, and Enter opens the focused one', async () => {
    const { context, page } = await open();
    const first = page.locator('incident-timeline a.tl-mark').first();
    await first.focus();
    await page.keyboard.press('Home');
    // The start date of the focused incident, from the content the site was built from.
    const startOf = (href: string | null) => kb.incidents.find((i) => incidentPath(i.id) === href)?.start.toISOString().slice(0, 10) ?? '';
    const focused = async () => {
      const state = await page.evaluate(() => {
        const a = document.activeElement as SVGAElement;
        const tooltip = document.querySelector<HTMLElement>('[data-tooltip]')!;
        return { href: a.getAttribute('href'), tooltip: !tooltip.hidden, tooltipTitle: tooltip.querySelector('strong')?.textContent ?? '' };
      });
      return { ...state, start: startOf(state.href) };
    };
    const earliest = await focused();
    expect(earliest.start).toBe(kb.incidents.map((i) => i.start.toISOString().slice(0, 10)).sort()[0]);
    expect(earliest.tooltip).toBe(true);
    // The details name the incident in full, even when its label on the chart is shortened.
    expect(earliest.tooltipTitle).toBe(kb.incidents.find((i) => incidentPath(i.id) === earliest.href)?.data.title);
    if (kb.incidents.length > 1) {
      await page.keyboard.press('ArrowRight');
      const next = await focused();
      expect(next.href).not.toBe(earliest.href);
      expect(next.start >= earliest.start).toBe(true);
      await page.keyboard.press('ArrowLeft');
      expect((await focused()).href).toBe(earliest.href);
      await page.keyboard.press('End');
      const latest = await focused();
      expect(latest.start).toBe(kb.incidents.map((i) => i.start.toISOString().slice(0, 10)).sort().at(-1));
      expect(latest.tooltipTitle).toBe(kb.incidents.find((i) => incidentPath(i.id) === latest.href)?.data.title);
    }
    const target = (await focused()).href!;
    await Promise.all([page.waitForURL((url) => url.pathname === target), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(target);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no WCAG 2.2 A/AA violations (${colorScheme} mode, a filter and a zoom applied)`, async () => {
      const { context, page } = await open({ colorScheme });
      await page.click('button[data-zoom="in"]');
      const type = await page.$eval('#tl-filter-attack-type option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
      await page.selectOption('#tl-filter-attack-type', type);
      await page.locator('incident-timeline a.tl-mark:not(.tl-hidden)').first().focus();
      // Evaluated through the DevTools protocol: the site's CSP rightly refuses an unhashed inline script.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
      });
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});

/** Incidents whose bars are in the chart's plot area, by geometry: [surely in, possibly in] (a pixel either way). */
function incidentsInView(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('incident-timeline')!;
    const canvas = host.querySelector<HTMLElement>('[data-canvas]')!.getBoundingClientRect();
    const scale = canvas.width / Number(host.dataset.width);
    const left = canvas.left + Number(host.dataset.plotLeft) * scale;
    const right = canvas.left + Number(host.dataset.plotRight) * scale;
    const surely = new Set<string>();
    const possibly = new Set<string>();
    for (const mark of host.querySelectorAll<SVGAElement>('a.tl-mark')) {
      if (getComputedStyle(mark).display === 'none' || mark.closest('[hidden]')) continue;
      const bar = mark.querySelector('.tl-bar')!.getBoundingClientRect();
      const glyph = mark.querySelector('.tl-glyph')!.getBoundingClientRect();
      const from = glyph.left + glyph.width / 2;
      const to = Math.max(from, bar.right);
      if (to > left + 1 && from < right - 1) surely.add(mark.getAttribute('href')!);
      if (to >= left - 1 && from <= right + 1) possibly.add(mark.getAttribute('href')!);
    }
    return [surely.size, possibly.size] as [number, number];
  });
}

/** The count the status line gives ("Showing 4 of 22 incidents", "Showing all 22 ..."), or 0 when it says none is in view. */
async function statusCount(page: Page): Promise<number> {
  const text = (await page.textContent('[data-status-wide]')) ?? '';
  const match = /^Showing (?:all )?([\d,]+)/.exec(text) ?? (/^Showing the only/.test(text) ? ['', '1'] : undefined);
  return match ? Number(match[1]!.replace(/,/g, '')) : 0;
}

describe('/timeline/ zoom and move buttons go where incidents are', () => {
  it('“Zoom in”, “Earlier” and “Later” always land on incidents, and the status line counts those in view', async () => {
    // Tall enough that every band is in sight (bands out of sight are redrawn only when scrolled to);
    // reduced motion, so each move is done in one step.
    const { context, page, errors } = await open({ viewport: { width: 1280, height: 4000 }, reducedMotion: 'reduce' });
    const settle = async () => {
      await settledRange(page);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    };
    const check = async (what: string) => {
      await settle();
      const shown = await statusCount(page);
      const [surely, possibly] = await incidentsInView(page);
      expect(shown, `${what}: ${await page.textContent('[data-status-wide]')}`).toBeGreaterThan(0);
      expect(shown, what).toBeGreaterThanOrEqual(surely);
      expect(shown, what).toBeLessThanOrEqual(possibly);
      expect(await page.textContent('[data-status-wide]'), what).toMatch(/, (\d{1,2} )?[A-Z][a-z]+ \d{4} to (\d{1,2} )?[A-Z][a-z]+ \d{4}\.$/);
    };
    const disabled = (action: string) => page.getAttribute(`button[data-zoom="${action}"]`, 'aria-disabled').then((v) => v === 'true');
    await check('at first');
    const whole = await settledRange(page);
    // At the widest view there is nowhere further out or to either side.
    expect(await disabled('out')).toBe(true);
    let zooms = 0;
    while (!(await disabled('in')) && zooms < 12) {
      await page.click('button[data-zoom="in"]');
      zooms++;
      await check(`after ${zooms} × Zoom in`);
    }
    expect(zooms).toBeGreaterThan(2);
    // From a view of an eighth of the whole, step to either end.
    await page.click('button[data-zoom="reset"]');
    for (let i = 0; i < 3; i++) await page.click('button[data-zoom="in"]');
    await check('after Show all and 3 × Zoom in');
    for (const direction of ['earlier', 'later'] as const) {
      let steps = 0;
      while (!(await disabled(direction)) && steps < kb.incidents.length) {
        const before = await settledRange(page);
        await page.click(`button[data-zoom="${direction}"]`);
        steps++;
        await check(`after ${steps} × ${direction}`);
        const after = await settledRange(page);
        expect(direction === 'earlier' ? after[0] < before[0] : after[0] > before[0]).toBe(true);
      }
    }
    // Zooming out from an end stays on the chart's dates: the status line never names months past them.
    let outs = 0;
    while (!(await disabled('out')) && outs < 12) {
      await page.click('button[data-zoom="out"]');
      outs++;
      await check(`after ${outs} × Zoom out`);
      const [from, to] = await settledRange(page);
      expect(from, `after ${outs} × Zoom out`).toBeGreaterThanOrEqual(whole[0]);
      expect(to, `after ${outs} × Zoom out`).toBeLessThanOrEqual(whole[1]);
    }
    expect(outs).toBeGreaterThan(0);
    expect(await settledRange(page)).toEqual(whole);
    // A button with nowhere to go keeps focus and does nothing.
    const stuck = (await disabled('later')) ? 'later' : 'earlier';
    const range = await settledRange(page);
    await page.focus(`button[data-zoom="${stuck}"]`);
    await page.keyboard.press('Enter');
    await settle();
    expect(await viewRange(page)).toEqual(range);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.zoom)).toBe(stuck);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('/timeline/ bands and filters count alike', () => {
  it('each attack type’s band holds as many incidents as its filter shows and says, and the page says how', async () => {
    const { context, page } = await open();
    const bands = await page.$$eval('.tl-band', (sections) =>
      sections.map((s) => ({
        name: (s.querySelector('.tl-band-heading')!.textContent ?? '').replace(s.querySelector('.tl-count')!.textContent ?? '', '').trim(),
        count: Number(s.querySelector<HTMLElement>('[data-count]')!.dataset.count),
        heading: s.querySelector('.tl-count')!.textContent,
        marks: new Set([...s.querySelectorAll('a.tl-mark')].map((a) => a.getAttribute('href'))).size,
      })),
    );
    const options = await page.$$eval('#tl-filter-attack-type option', (os) => os.filter((o) => (o as HTMLOptionElement).value).map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      const band = bands.find((b) => b.name === option.value);
      expect(band, `a band for ${option.value}`).toBeDefined();
      await page.selectOption('#tl-filter-attack-type', option.value);
      await page.waitForFunction((v) => new URL(location.href).searchParams.get('attack-type') === v, option.value);
      const shown = (await shownMarkPaths(page)).length;
      // The filter shows, the option says, and the band holds the same number: the incidents of that type.
      expect(shown).toBe(kb.incidents.filter((i) => i.attackTypes.some((t) => t.data.name === option.value)).length);
      expect(option.text).toBe(`${option.value} (${shown})`);
      expect(band!.count).toBe(shown);
      expect(band!.marks).toBe(shown);
      expect(band!.heading).toBe(`(${shown} ${shown === 1 ? 'incident' : 'incidents'})`);
    }
    // How an incident of several types is counted, in words, beside the chart.
    expect(await page.textContent('incident-timeline .tl-key')).toMatch(/an incident of several (attack )?types is in the band of each/i);
    await context.close();
  });
});

describe('/timeline/ on a phone', () => {
  const phone = { width: 390, height: 844 };

  for (const javaScriptEnabled of [true, false]) {
    it(`(${javaScriptEnabled ? 'with' : 'without'} JavaScript) lists every incident down the page, whole titles, nothing sideways`, async () => {
      const { context, page } = await open({ viewport: phone, javaScriptEnabled });
      // The narrow list, not the chart: every incident once, in order of start.
      expect(await page.isVisible('incident-timeline [data-wide]')).toBe(false);
      const listed = await listedPaths(page);
      expect([...listed].sort()).toEqual(kb.incidents.map((i) => incidentPath(i.id)).sort());
      const startOf = (path: string) => kb.incidents.find((i) => incidentPath(i.id) === path)!.start.getTime();
      expect(listed.map(startOf)).toEqual(listed.map(startOf).sort((a, b) => a - b));
      // At least five incidents in the first two screens, each title whole: the link's text is the
      // incident's title, on lines inside the page (not cut, not ellipsed, not scrolled).
      const titles = await page.$$eval('incident-timeline .tl-entry-title', (links) =>
        links.map((a) => {
          const box = a.getBoundingClientRect();
          return { path: new URL(a.getAttribute('href')!, location.href).pathname, text: a.textContent?.trim() ?? '', bottom: box.bottom + scrollY, left: box.left, right: box.right, clipped: a.scrollWidth > a.clientWidth + 1 || getComputedStyle(a).textOverflow === 'ellipsis' };
        }),
      );
      const firstTwoScreens = titles.filter((t) => t.bottom <= phone.height * 2);
      expect(firstTwoScreens.length).toBeGreaterThanOrEqual(Math.min(5, kb.incidents.length));
      for (const title of titles) {
        expect(title.text).toBe(kb.incidents.find((i) => incidentPath(i.id) === title.path)!.data.title);
        expect(title.clipped).toBe(false);
        expect(title.left).toBeGreaterThanOrEqual(0);
        expect(title.right).toBeLessThanOrEqual(phone.width);
      }
      // No sideways scroll of the page, at 390 px and at 320 px (a desktop at 400% zoom).
      for (const width of [390, 320]) {
        await page.setViewportSize({ width, height: 844 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `at ${width} px`).toBeLessThanOrEqual(width);
      }
      await context.close();
    });
  }

  it('the filters narrow the list too, and the status line says how many are listed', async () => {
    const { context, page } = await open({ viewport: phone });
    const type = kb.incidents.flatMap((i) => i.attackTypes).map((t) => t.data.name).find((name) => {
      const n = kb.incidents.filter((i) => i.attackTypes.some((t) => t.data.name === name)).length;
      return n > 0 && n < kb.incidents.length;
    });
    if (!type) return void (await context.close());
    const matching = kb.incidents.filter((i) => i.attackTypes.some((t) => t.data.name === type));
    await page.selectOption('#tl-filter-attack-type', type);
    await page.waitForFunction((n) => document.querySelector('[data-status-narrow]')?.textContent?.startsWith(`Showing ${n} of`), matching.length);
    expect((await listedPaths(page)).sort()).toEqual(matching.map((i) => incidentPath(i.id)).sort());
    expect(await page.isVisible('[data-status-narrow]')).toBe(true);
    expect(await page.isVisible('[data-status-wide]')).toBe(false);
    await context.close();
  });
});
