/**
 * The trainers' pages in real Chromium: each participant handout prints to A4 within two pages
 * with no navigation on it; axe finds no WCAG 2.2 A/AA violation on the catalogue, a case study
 * and the compare page; and the two small scripts (catalogue filter, compare picker) work, with
 * the pages still complete when JavaScript is off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { checkContentFolder } from '../../src/lib/check-content.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import { trainingPaths } from '../../src/lib/training/paths.ts';
import { primaryNav } from '../../src/lib/site.ts';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { root } from '../helpers/site.ts';

const contentDir = process.env.CONTENT_DIR ? resolve(root, process.env.CONTENT_DIR) : undefined;
const incidents = checkContentFolder(root, contentDir)
  .entries.filter((e) => e.collection === 'incidents')
  .map((e) => ({ id: e.id, data: e.data as Incident }));
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Pages in a PDF: each page object has /Type /Page (the page tree has /Type /Pages). */
function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** axe evaluated through the DevTools protocol: the site's CSP rightly refuses an unhashed inline script. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, wcagTags);
}

let site: SiteSession;
beforeAll(async () => {
  site = await openSite({ base: process.env.BASE_PATH ?? '/' });
});
afterAll(async () => {
  await site?.close();
});

describe('participant handouts on paper', () => {
  it('has incidents to print', () => expect(incidents.length).toBeGreaterThan(0));

  it('prints each handout on at most two A4 pages, with no navigation, header or footer of the site', async () => {
    const { context, page } = await site.newPage();
    const report: string[] = [];
    try {
      for (const { id, data } of incidents) {
        await page.goto(site.url(trainingPaths.handout(id)), { waitUntil: 'load' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        const pages = countPdfPages(pdf);
        report.push(`${id}: ${pages} page${pages === 1 ? '' : 's'}`);
        expect(pages, `${id} handout`).toBeGreaterThanOrEqual(1);
        expect(pages, `${id} handout prints on ${pages} A4 pages; it must fit on two`).toBeLessThanOrEqual(2);

        // What the PDF shows is the page under print media: check that rendering.
        await page.emulateMedia({ media: 'print' });
        const printed = await page.evaluate(() => {
          const visible = (el: Element) => {
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
          };
          return {
            navigation: [...document.querySelectorAll('nav, [role="navigation"], header, footer, form, button, .skip-link')].filter(visible).map((el) => el.outerHTML.slice(0, 80)),
            text: document.body.innerText,
          };
        });
        await page.emulateMedia({ media: null });
        expect(printed.navigation, `${id}: navigation would print`).toEqual([]);
        for (const item of primaryNav) expect(printed.text).not.toMatch(new RegExp(`^${item.label}$`, 'm'));
        expect(printed.text).not.toContain('Back to the case study');
        expect(printed.text).toContain(data.title);
        expect(printed.text).toMatch(/https:\/\//);
      }
    } finally {
      await context.close();
      console.info(`Handout page counts (A4): ${report.join('; ')}`);
    }
  }, 180_000);
});

describe('accessibility (axe, WCAG 2.2 A and AA)', () => {
  const paths = () => [trainingPaths.catalogue(), trainingPaths.caseStudy(incidents[0]!.id), trainingPaths.compare(), trainingPaths.handout(incidents[0]!.id)];

  it('finds no violation on the catalogue, a case study, the compare page and a handout, in light and dark', async () => {
    const { context, page } = await site.newPage();
    const violations: string[] = [];
    try {
      for (const path of paths()) {
        await page.goto(site.url(path), { waitUntil: 'load' });
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          for (const v of await axeViolations(page)) violations.push(`${path} [${colorScheme}] ${v}`);
        }
      }
    } finally {
      await context.close();
    }
    expect(violations, violations.join('\n')).toEqual([]);
  }, 120_000);
});

describe('small screens', () => {
  it('reflows to 320 CSS pixels (400% zoom) with no sideways scrolling of the page; only the compare table scrolls, in its own region', async () => {
    const { context, page } = await site.newPage();
    const wide: string[] = [];
    try {
      await page.setViewportSize({ width: 320, height: 800 });
      for (const path of [trainingPaths.catalogue(), trainingPaths.caseStudy(incidents[0]!.id), trainingPaths.compare(), trainingPaths.handout(incidents[0]!.id), trainingPaths.notes(incidents[0]!.id)]) {
        await page.goto(site.url(path), { waitUntil: 'load' });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide.push(`${path} is ${width}px wide`);
      }
    } finally {
      await context.close();
    }
    expect(wide, wide.join('\n')).toEqual([]);
  });
});

describe('the catalogue filter (progressive enhancement)', () => {
  it('without JavaScript shows every case study and no dead filter form', async () => {
    const { context, page } = await site.newPage({ javaScriptEnabled: false });
    try {
      await page.goto(site.url(`${trainingPaths.catalogue()}?audience=board`));
      await expect(page.locator('.case-card:visible').count()).resolves.toBe(incidents.length);
      await expect(page.locator('form.catalogue-filter').isVisible()).resolves.toBe(false);
      await expect(page.getByRole('navigation', { name: /by audience, topic and session length/ }).isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });

  it('narrows the list as a trainer chooses, keeps the choice in the URL, and restores it from a shared link', async () => {
    const audience = incidents[0]!.data.training.audiences[0]!;
    const expected = incidents.filter((i) => i.data.training.audiences.includes(audience)).length;
    const { context, page } = await site.newPage();
    try {
      await page.goto(site.url(trainingPaths.catalogue()));
      await page.getByRole('combobox', { name: 'Audience' }).selectOption(audience);
      await expect(page.locator('.case-card:visible').count()).resolves.toBe(expected);
      expect(new URL(page.url()).searchParams.get('audience')).toBe(audience);
      await expect(page.getByRole('status').textContent()).resolves.toContain(`${expected} of ${incidents.length}`);

      await page.goto(site.url(`${trainingPaths.catalogue()}?audience=${audience}`));
      await expect(page.locator('.case-card:visible').count()).resolves.toBe(expected);
      await expect(page.getByRole('combobox', { name: 'Audience' }).inputValue()).resolves.toBe(audience);

      await page.getByRole('combobox', { name: 'Audience' }).selectOption('');
      await expect(page.locator('.case-card:visible').count()).resolves.toBe(incidents.length);
      expect(new URL(page.url()).search).toBe('');
    } finally {
      await context.close();
    }
  });
});

describe('the compare picker (progressive enhancement)', () => {
  it.skipIf(incidents.length < 3)('keeps only the ticked incidents\' columns and puts them in the URL', async () => {
    const [a, b] = incidents;
    const { context, page } = await site.newPage();
    try {
      await page.goto(site.url(trainingPaths.compare()));
      await expect(page.locator('thead th[data-incident]:visible').count()).resolves.toBe(incidents.length);
      for (const box of await page.locator('.compare-picker input[type="checkbox"]').all()) await box.uncheck();
      await page.getByLabel(a!.data.title, { exact: false }).first().check();
      await page.getByLabel(b!.data.title, { exact: false }).first().check();
      await page.getByRole('button', { name: 'Compare the ticked incidents' }).click();
      const shown = await page.locator('thead th[data-incident]:visible').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.incident));
      expect(shown.sort()).toEqual([a!.id, b!.id].sort());
      expect(new URL(page.url()).searchParams.getAll('incident').sort()).toEqual([a!.id, b!.id].sort());
      await page.reload();
      await expect(page.locator('tbody td[data-incident]:visible').count()).resolves.toBe(2 * (await page.locator('tbody tr').count()));
    } finally {
      await context.close();
    }
  });
});
