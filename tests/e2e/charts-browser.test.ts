/**
 * The chart components in Chromium, rendered with Astro's container API (no site build): axe-clean
 * in light and dark; at 390 and 1280 px each chart shows exactly one of its layouts, no label runs
 * out of its chart and the page never scrolls sideways; chart links take keyboard focus and show
 * it; print shows the wide layout. Real content and 1,000 synthetic incidents (histogram, merged
 * categories, top 10 of 300).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realSamples, syntheticSamples } from '../../scripts/lib/chart-samples.ts';
import { renderPreviewPage } from '../../scripts/charts-preview.ts';
import { launchBrowser } from '../helpers/browser.ts';

const root = resolve(import.meta.dirname, '../..');
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser: Browser;
let dir: string;
let url: string;
let html: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'charts-'));
  html = await renderPreviewPage([
    { heading: 'Real content', charts: realSamples(root) },
    { heading: 'Synthetic', charts: syntheticSamples(1000) },
    { heading: 'Few', charts: syntheticSamples(40, 3) },
  ]);
  writeFileSync(join(dir, 'index.html'), html);
  url = `file://${join(dir, 'index.html')}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The page holds no script; JavaScript stays on only so that axe, injected by the test, can run its timers. */
async function open(width: number, colorScheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

describe('chart components in a browser', () => {
  it('render every kind of chart', async () => {
    const page = await open(1280, 'light');
    const kinds = await page.locator('figure.chart').evaluateAll((figures) => figures.map((f) => f.className));
    for (const kind of ['ranked-bars', 'stacked-columns', 'small-multiples', 'strip', 'histogram', 'line']) expect(kinds.join(' ')).toContain(`chart-kind-${kind}`);
    await page.context().close();
  });

  it("are valid HTML under the site's html-validate rules", async () => {
    // The preview page inlines the stylesheets; the site links them, so the <style> is left out.
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(html.replace(/<style>[\s\S]*?<\/style>/, ''), 'charts.html');
    expect(report.valid, report.valid ? '' : formatterFactory('text')(report.results)).toBe(true);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`have no WCAG 2.2 A/AA violation (axe), ${colorScheme}, tables open and closed`, async () => {
      const page = await open(1280, colorScheme);
      await page.evaluate(axeSource);
      const run = () =>
        page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }, wcagTags);
      expect(await run()).toEqual([]);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await run()).toEqual([]);
      await page.context().close();
    }, 180_000);
  }

  for (const width of [390, 1280]) {
    it(`show one layout per chart at ${width} px, with every label inside its chart and no sideways scroll`, async () => {
      const page = await open(width, 'light');
      const report = await page.evaluate(() => {
        const problems: string[] = [];
        const shown: string[] = [];
        for (const figure of Array.from(document.querySelectorAll('figure.chart'))) {
          const visible = Array.from(figure.querySelectorAll('svg.chart-svg')).filter((svg) => getComputedStyle(svg).display !== 'none');
          if (visible.length !== 1) problems.push(`${figure.id}: ${visible.length} layouts shown`);
          for (const svg of visible) {
            shown.push(svg.getAttribute('class')!);
            const box = svg.getBoundingClientRect();
            for (const text of Array.from(svg.querySelectorAll('text'))) {
              const t = text.getBoundingClientRect();
              if (t.left < box.left - 1 || t.right > box.right + 1 || t.top < box.top - 1 || t.bottom > box.bottom + 1) problems.push(`${figure.id}: "${text.textContent}" runs out of the chart`);
            }
          }
        }
        return { problems, shown, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
      });
      expect(report.problems).toEqual([]);
      expect(report.overflow).toBeLessThanOrEqual(0);
      const expected = width === 390 ? 'chart-svg-narrow' : 'chart-svg-wide';
      expect(report.shown.every((c) => c.includes(expected))).toBe(true);
      await page.context().close();
    });
  }

  it('let the keyboard reach chart links, named for what they count, with a visible focus halo', async () => {
    const page = await open(1280, 'light');
    const link = page.locator('figure.chart-kind-ranked-bars svg.chart-svg-wide a').first();
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const a = document.activeElement!;
      const halo = a.querySelector('.chart-focus')!;
      return { name: a.getAttribute('aria-label'), inSvg: a.closest('svg') !== null, halo: getComputedStyle(halo).fill, outline: getComputedStyle(a).outlineStyle };
    });
    expect(focused.inSvg).toBe(true);
    expect(focused.name).toMatch(/^.+: \d[\d,]* incidents?$/);
    expect(focused.halo).toBe('rgb(255, 235, 59)');
    expect(focused.outline).toBe('solid');
    await page.context().close();
  });

  it('print the wide layout of each chart', async () => {
    const page = await open(390, 'light');
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.chart-svg')).filter((svg) => getComputedStyle(svg).display !== 'none').map((svg) => svg.getAttribute('class')),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((c) => c!.includes('chart-svg-wide'))).toBe(true);
    await page.context().close();
  });
});
