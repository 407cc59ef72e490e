/**
 * /timeline/ in real Chromium against the built site: the chart is all there without JavaScript;
 * with it, zooming narrows the dates shown, filters hide exactly the incidents that do not match
 * and keep their state in the URL, the keyboard moves between incidents and opens them, and axe
 * finds no WCAG A/AA problems in light or dark mode.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
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

async function open(options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark'; path?: string } = {}) {
  const { context, page } = await site.newPage({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url(options.path ?? '/timeline/'));
  if (options.javaScriptEnabled !== false) await page.waitForSelector('incident-timeline [data-controls]:not([hidden])');
  return { context, page, errors };
}

/** Paths of the marks a reader can see (filtered-out marks are not displayed). */
function shownMarkPaths(page: Page): Promise<string[]> {
  return page.$$eval('incident-timeline a.tl-mark', (links) =>
    links.filter((a) => getComputedStyle(a).display !== 'none').map((a) => new URL(a.getAttribute('href')!, location.href).pathname).sort(),
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
      links.map((a) => ({ path: a.getAttribute('href')!, name: a.getAttribute('aria-label') ?? '', label: a.querySelector('text')?.textContent ?? '' })),
    );
    expect(marks.map((m) => m.path).sort()).toEqual(kb.incidents.map((i) => incidentPath(i.id)).sort());
    for (const mark of marks) {
      const incident = kb.incidents.find((i) => incidentPath(i.id) === mark.path)!;
      expect(mark.name.startsWith(incident.data.title)).toBe(true);
      expect(mark.label.length).toBeGreaterThan(0);
    }
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
    expect(await page.textContent('[data-status]')).toMatch(/^Showing /);
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
    const shownCount = matching(type).length;
    expect(await page.textContent('[data-status]')).toMatch(shownCount < kb.incidents.length ? `Showing ${shownCount} of ${kb.incidents.length} incidents` : /Showing (all \d+ incidents|the only incident)/);

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
