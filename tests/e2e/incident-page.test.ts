/**
 * The incident page in Chromium, without JavaScript (it ships none), as a reader meets it: the
 * at-a-glance panel's items on the first screen at 1280x800 and within the first two at 390x844;
 * a folded list opens from the keyboard and prints in full; on wide screens the contents list
 * stays in view as the page scrolls, and a link leads back to the top.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { root } from '../helpers/site.ts';
import { paths } from '../../src/lib/urls.ts';
import { join, resolve } from 'node:path';

const contentDir = process.env.CONTENT_DIR ? resolve(root, process.env.CONTENT_DIR) : join(root, 'content');
const incidents = knowledgeBaseFrom(contentDir).incidents;

let site: SiteSession;
beforeAll(async () => {
  site = await openSite({ base: process.env.BASE_PATH ?? '/' });
});
afterAll(async () => {
  await site?.close();
});

interface ItemPlace {
  key: string;
  /** Bottom of the item's label, from the top of the page. */
  labelBottom: number;
  /** Bottom of the first line of its value. */
  firstLineBottom: number;
}

/** Where each panel item's label and the first line of its value end, in page pixels. */
function placesOf(page: Page): Promise<ItemPlace[]> {
  return page.$$eval('[data-glance]', (items) =>
    items.map((item) => {
      const dt = item.querySelector('dt')!;
      const dd = item.querySelector('dd')!;
      // The first line of words: the first text the value shows, not the box of a list around it.
      const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
      let text = walker.nextNode();
      while (text && !text.textContent?.trim()) text = walker.nextNode();
      const range = document.createRange();
      range.selectNodeContents(text!);
      const firstLine = [...range.getClientRects()].find((rect) => rect.height > 0)!;
      return {
        key: item.getAttribute('data-glance') ?? '',
        labelBottom: dt.getBoundingClientRect().bottom + window.scrollY,
        firstLineBottom: firstLine.bottom + window.scrollY,
      };
    }),
  );
}

const viewports = [
  { name: 'a desktop (1280x800), on the first screen', width: 1280, height: 800, screens: 1 },
  { name: 'a phone (390x844), within the first two screens', width: 390, height: 844, screens: 2 },
];

describe.each(viewports)('the at-a-glance panel on $name', ({ width, height, screens }) => {
  it.each(incidents.map((incident) => [incident.id]))('%s shows every item where a reader looks first', async (id) => {
    const page = await site.tab({ javaScriptEnabled: false, viewport: { width, height } });
    await page.goto(site.url(paths.incident(id)));
    const places = await placesOf(page);
    const incident = incidents.find((i) => i.id === id)!;
    expect(places.map((p) => p.key)).toEqual(['happened', 'when', 'who', 'way-in', 'through', 'impact', 'data', 'ransom', ...(incident.data.lessons.length > 0 ? ['lessons'] : [])]);
    const fold = height * screens;
    const late = places.filter((p) => p.labelBottom > fold || p.firstLineBottom > fold).map((p) => `${p.key} (ends at ${Math.round(p.firstLineBottom)} px)`);
    expect(late, `below ${fold} px`).toEqual([]);
  });
});

describe('moving around the Synnovis page', () => {
  const path = paths.incident('synnovis-pathology-2024');

  it('opens a folded list from the keyboard, and prints it in full', async () => {
    const { context, page } = await site.newPage({ javaScriptEnabled: false });
    try {
      await page.goto(site.url(path));
      const fold = page.locator('section[aria-labelledby="chronology"] details.foldable');
      await expect(fold.locator('summary').textContent()).resolves.toMatch(/^Show all \d+ events/);
      await expect(fold.locator('ol.chronology').isVisible()).resolves.toBe(false);
      await fold.locator('summary').focus();
      await page.keyboard.press('Enter');
      await expect(fold.locator('ol.chronology').isVisible()).resolves.toBe(true);
      await page.keyboard.press('Enter');
      await page.emulateMedia({ media: 'print' });
      const printed = await page.$$eval('details.foldable:not([open])', (folds) => folds.map((f) => (f.querySelector(':scope > :not(summary)') as HTMLElement).getBoundingClientRect().height));
      expect(printed.length).toBeGreaterThan(0);
      expect(printed.every((h) => h > 0)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('folds its long source list, and a citation still opens it at the source it cites', async () => {
    const { context, page } = await site.newPage({ javaScriptEnabled: false });
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(site.url(path));
      const fold = page.locator('section[aria-labelledby="sources"] details.foldable');
      await expect(fold.locator('summary').textContent()).resolves.toMatch(/^Show all \d+ sources/);
      await expect(fold.locator('ol.sources').isVisible()).resolves.toBe(false);
      const citation = page.locator('#write-up ~ .prose a[href^="#source-"]').first();
      const target = (await citation.getAttribute('href'))!;
      await citation.click();
      await expect(fold.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
      const box = await page.locator(target).boundingBox();
      expect(box && box.y >= -1 && box.y < 844, `${target} in view after its citation is followed`).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('keeps the contents list in view on a wide screen, with a way back to the top', async () => {
    const { context, page } = await site.newPage({ javaScriptEnabled: false });
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(site.url(`${path}#sources`));
      const nav = page.locator('nav.on-this-page');
      const box = await nav.boundingBox();
      expect(box && box.y >= 0 && box.y < 800).toBe(true);
      await nav.getByRole('link', { name: 'Back to top' }).click();
      await expect(page.evaluate(() => window.scrollY)).resolves.toBeLessThan(300);
    } finally {
      await context.close();
    }
  });
});
