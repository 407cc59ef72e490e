/**
 * /timeline/ must not jump while it loads. The script that adds zoom and filters runs after the
 * chart is on screen; if the controls it shows, or the blocks of rows the browser skips while out
 * of sight, took a different height before and after, everything below them would move under the
 * reader's eyes (Lighthouse scored this page 88 for that reason, CLS about 0.24).
 *
 * Three checks, in Chromium, at a phone width and a desktop width:
 * - geometry: the page with its script blocked (as a reader sees it before the script runs) has
 *   every part of the chart where the page with the script puts it;
 * - every block of rows, including those the browser has not drawn yet, is as tall as its SVG;
 * - the browser's own measure: layout-shift entries recorded from the start of the load until after
 *   the script has upgraded the chart add up to less than 0.1 (the "good" threshold of CLS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type SiteSession } from '../helpers/browser.ts';

const base = process.env.BASE_PATH ?? '/';
const viewports = [
  { name: 'phone', width: 412, height: 823 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

let site: SiteSession;
beforeAll(async () => {
  site = await openSite({ base });
});
afterAll(async () => {
  await site?.close();
});

async function openAt(viewport: (typeof viewports)[number], options: { blockScripts?: boolean } = {}) {
  const context = await site.browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, reducedMotion: 'no-preference' });
  const page = await context.newPage();
  if (options.blockScripts) await page.route(/\.m?js(\?.*)?$/, (route) => route.abort());
  return { context, page };
}

/** Two animation frames: whatever the last change caused has been laid out and painted. */
const frames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Where each part of the chart is on the page (document coordinates, CSS pixels). */
function chartGeometry(page: Page) {
  return page.$$eval('incident-timeline .tl-key, incident-timeline .tl-wide, incident-timeline .tl-band, incident-timeline .tl-chunk, incident-timeline svg[data-axis], incident-timeline .tl-narrow, incident-timeline .tl-year', (elements) =>
    elements.map((element, index) => {
      const box = element.getBoundingClientRect();
      return { part: `${index}:${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`, top: Math.round(box.top + scrollY), height: Math.round(box.height) };
    }),
  );
}

describe('/timeline/ keeps still while its script loads', () => {
  for (const viewport of viewports) {
    it(`(${viewport.name}) every part of the chart is where it will be before the script runs`, async () => {
      const before = await openAt(viewport, { blockScripts: true });
      await before.page.goto(site.url('/timeline/'));
      await frames(before.page);
      // The script really did not run: its controls are still hidden.
      expect(await before.page.$eval('incident-timeline [data-controls]', (el) => el.hasAttribute('hidden'))).toBe(true);
      const unscripted = await chartGeometry(before.page);
      await before.context.close();

      const after = await openAt(viewport);
      await after.page.goto(site.url('/timeline/'));
      await after.page.waitForSelector('incident-timeline [data-controls]:not([hidden])');
      await frames(after.page);
      const scripted = await chartGeometry(after.page);
      await after.context.close();

      expect(unscripted.length).toBeGreaterThan(3);
      expect(scripted).toEqual(unscripted);
    });

    it(`(${viewport.name}) every block of rows is as tall as its SVG, drawn or not yet drawn`, async () => {
      // Blocks far out of sight are skipped by the browser (content-visibility) until scrolled to; a
      // skipped block must already be the height it will have, or the page jumps as the reader scrolls.
      const { context, page } = await openAt(viewport);
      await page.goto(site.url('/timeline/'));
      await frames(page);
      const blocks = await page.$$eval('incident-timeline .tl-chunk', (chunks) =>
        chunks.map((chunk) => {
          const svg = chunk.querySelector('svg')!;
          const { width, height } = svg.viewBox.baseVal;
          const box = chunk.getBoundingClientRect();
          return { expected: (box.width * height) / width, actual: box.height };
        }),
      );
      await context.close();
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) expect(block.actual).toBeCloseTo(block.expected, 0);
    });

    it(`(${viewport.name}) layout shifts during load and the script's upgrade add up to less than 0.1`, async () => {
      const { context, page } = await openAt(viewport);
      // Injected before any page script (through the DevTools protocol, so the site's CSP does not apply).
      await page.addInitScript(() => {
        const record: { value: number; sources: string[] }[] = [];
        (window as unknown as { layoutShifts: typeof record }).layoutShifts = record;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] }[]) {
            if (entry.hadRecentInput) continue;
            record.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.getAttribute('class') ?? ''}` : String(s.node?.nodeName))) });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(site.url('/timeline/'));
      await page.waitForSelector('incident-timeline [data-controls]:not([hidden])');
      // Let the upgrade, the first resize callback and any deferred block rendering settle.
      await frames(page);
      await page.waitForTimeout(300);
      await frames(page);
      const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: { value: number; sources: string[] }[] }).layoutShifts);
      await context.close();
      const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
      expect(total, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThan(0.1);
    });
  }
});
