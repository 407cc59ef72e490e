/**
 * /overview/ and the home page's headline charts in Chromium, as readers use them: JavaScript off
 * (the charts are built SVG), at 390 and 1280 px, light and dark; every chart with its takeaway and
 * its table; every bar that leads to a list leading to one with as many incidents as the bar says;
 * and in print, one drawing per chart, whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { readDist } from '../helpers/site.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite({ base: process.env.BASE_PATH ?? '/' });
});
afterAll(async () => {
  await site?.close();
});

describe('the overview page', () => {
  it('loads no script and draws at least six charts, each with a title, a takeaway and its numbers as a table', () => {
    const html = readDist('overview/index.html');
    expect([...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/type="application\/(ld\+)?json"/.test(m[1] ?? ''))).toEqual([]);
    const figures = [...html.matchAll(/<figure class="chart [\s\S]*?<\/figure>/g)].map((m) => m[0]);
    expect(figures.length).toBeGreaterThanOrEqual(6);
    for (const figure of figures) {
      expect(figure).toMatch(/<h2 class="chart-title"[^>]*>[^<]+<\/h2>/);
      expect(figure).toMatch(/<p class="chart-takeaway">[^<]+\.<\/p>/);
      expect(figure).toMatch(/<summary>Show as table<\/summary>[\s\S]*<table>[\s\S]*<tbody>\s*<tr>/);
    }
  });

  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`shows one drawing per chart at ${width} px (${colorScheme}), every label inside it, without JavaScript or sideways scroll`, async () => {
        const { context, page } = await site.newPage({ javaScriptEnabled: false });
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await page.goto(site.url('/overview/'));
        const report = await page.evaluate(() => {
          const problems: string[] = [];
          for (const figure of Array.from(document.querySelectorAll('figure.chart'))) {
            const shown = Array.from(figure.querySelectorAll('svg.chart-svg')).filter((svg) => svg.getBoundingClientRect().width > 0);
            if (shown.length !== 1) problems.push(`${figure.id}: ${shown.length} drawings shown`);
            for (const svg of shown) {
              const box = svg.getBoundingClientRect();
              for (const text of Array.from(svg.querySelectorAll('text'))) {
                const t = text.getBoundingClientRect();
                if (t.width === 0) continue;
                if (t.left < box.left - 1 || t.right > box.right + 1 || t.top < box.top - 1 || t.bottom > box.bottom + 1) problems.push(`${figure.id}: "${text.textContent}" runs out of its chart`);
              }
            }
          }
          return { problems, sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth };
        });
        expect(report.problems).toEqual([]);
        expect(report.sideways).toBe(0);
        await context.close();
      });
    }
  }

  it('leads each bar to a list of exactly as many incidents as it says', async () => {
    const { context, page } = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url('/overview/'));
    // The drawing a wide screen shows; browse pages are plain lists that can be counted.
    const links = await page.$$eval('figure.chart svg.chart-svg-wide a[href*="/browse/"]', (anchors) =>
      // An SVG link's href is an animated string, not a URL: resolve its attribute.
      anchors.map((a) => ({ href: new URL(a.getAttribute('href')!, location.href).href, name: a.getAttribute('aria-label') ?? '' })),
    );
    expect(links.length).toBeGreaterThan(3);
    // One tab follows every bar in turn: each goto loads its list afresh.
    const target = await context.newPage();
    for (const link of links) {
      const said = /: ([\d,]+) incidents?$/.exec(link.name);
      expect(said, link.name).not.toBeNull();
      await target.goto(link.href);
      const listed = await target.locator('main ul.incident-list > li').count();
      expect(listed, `${link.name} → ${link.href}`).toBe(Number(said![1]!.replace(/,/g, '')));
    }
    await context.close();
  });

  it('prints each chart once, in its wide drawing, with the closed tables left out', async () => {
    const { context, page } = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url('/overview/'));
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('figure.chart')).map((figure) => ({
        shown: Array.from(figure.querySelectorAll('svg.chart-svg')).filter((svg) => getComputedStyle(svg).display !== 'none').map((svg) => svg.getAttribute('class')),
        table: getComputedStyle(figure.querySelector('details.chart-table')!).display,
        takeaway: getComputedStyle(figure.querySelector('.chart-takeaway')!).display,
      })),
    );
    for (const figure of printed) {
      expect(figure.shown).toHaveLength(1);
      expect(figure.shown[0]).toContain('chart-svg-wide');
      expect(figure.table).toBe('none');
      expect(figure.takeaway).not.toBe('none');
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await context.close();
  });

  it('is linked from the main navigation and the home page, which shows headline charts', () => {
    const home = readDist('index.html');
    expect(home).toMatch(/<nav[^>]*aria-label="Main"[\s\S]*?href="[^"]*\/overview\/"/);
    const glance = /<section aria-labelledby="at-a-glance">[\s\S]*?<\/section>/.exec(home)?.[0] ?? '';
    expect((glance.match(/<figure class="chart /g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(glance).toMatch(/href="[^"]*\/overview\/"/);
  });
});
