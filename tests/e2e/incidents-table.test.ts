/**
 * /incidents/ in real Chromium against the built site. Without JavaScript the table reads newest
 * first and offers no buttons that would do nothing. With it, each sortable column heading is a
 * button a keyboard user reaches with Tab and presses with Enter or Space: the rows follow that
 * column (unknown figures last either way), the heading says so with aria-sort and no other does,
 * the caption names the order and a status message announces it. axe finds no WCAG A/AA problem
 * once the table is sorted, in light or dark mode.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';
import type { ResolvedIncident } from '../../src/lib/model.ts';

const kb = knowledgeBaseFrom(resolve(root, process.env.CONTENT_DIR ?? 'content'));
const base = process.env.BASE_PATH ?? '/';
const axeSource = readFileSync(resolve(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const incidentPath = (id: string) => `${base.replace(/\/$/, '')}/incidents/${id}/`;

/** The incidents newest first, as the content dates them (ties by id): the order the page is built in. */
const newestFirst = [...kb.incidents].sort((a, b) => b.sortDate.getTime() - a.sortDate.getTime() || a.id.localeCompare(b.id));

type Value = number | string | undefined;
/** What each sortable column holds for an incident, read from the content, and the order a first press gives. */
const columns: { button: RegExp; value: (i: ResolvedIncident) => Value; first: 'ascending' | 'descending' }[] = [
  { button: /^Started/, value: (i) => i.sortDate.toISOString().slice(0, 10), first: 'descending' },
  { button: /^Days to restore/, value: (i) => i.data.impactSummary.daysToRestore?.value, first: 'descending' },
  {
    button: /^Appointments and procedures postponed/,
    value: (i) => {
      const { appointmentsPostponed: a, proceduresPostponed: p } = i.data.impactSummary;
      return a || p ? (a?.value ?? 0) + (p?.value ?? 0) : undefined;
    },
    first: 'descending',
  },
  { button: /^People whose data was exposed/, value: (i) => i.data.impactSummary.peopleDataExposed?.value, first: 'descending' },
  { button: /^Attacker/, value: (i) => i.actors[0]?.entry.data.name.toLocaleLowerCase('en-GB'), first: 'ascending' },
];

/** The order a reader should see: by the column's values, unknown last, ties newest first. */
function expectedOrder(value: (i: ResolvedIncident) => Value, direction: 'ascending' | 'descending'): string[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return newestFirst
    .map((incident, index) => ({ incident, index, value: value(incident) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) return a.value === undefined && b.value === undefined ? a.index - b.index : a.value === undefined ? 1 : -1;
      const compared = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value), 'en-GB');
      return sign * compared || a.index - b.index;
    })
    .map(({ incident }) => incidentPath(incident.id));
}

let site: SiteSession;
beforeAll(async () => {
  site = await openSite({ base });
});
afterAll(async () => {
  await site?.close();
});

async function open(options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark' } = {}) {
  const { context, page } = await site.newPage({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url('/incidents/'));
  if (options.javaScriptEnabled !== false) await page.waitForSelector('incidents-table table.is-sortable');
  return { context, page, errors };
}

const rowOrder = (page: Page) => page.$$eval('table.incidents-table tbody tr th a', (links) => links.map((a) => a.getAttribute('href')));

/** Each heading's aria-sort, keyed by its words. */
const ariaSorts = (page: Page) =>
  page.$$eval('table.incidents-table thead th', (ths) => Object.fromEntries(ths.filter((th) => th.hasAttribute('aria-sort')).map((th) => [th.textContent?.trim() ?? '', th.getAttribute('aria-sort')])));

/** Presses Tab until the focused element is the button named `name`, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement?.tagName === 'BUTTON' ? (document.activeElement.textContent ?? '') : ''));
    if (name.test(focused.trim())) return;
  }
  throw new Error(`Tab never reached the sort button ${name}`);
}

describe('the incidents table without JavaScript', () => {
  it('reads newest first, says so, and has no sort buttons', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    expect(await rowOrder(page)).toEqual(newestFirst.map((i) => incidentPath(i.id)));
    expect(await page.locator('table.incidents-table caption').textContent()).toMatch(/newest first/);
    expect(Object.values(await ariaSorts(page))).toEqual(['descending']);
    expect(await page.locator('table.incidents-table button').count()).toBe(0);
    expect(await page.locator('[data-sort-hint]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('the incidents table with JavaScript', () => {
  it.each(columns.map((c) => [c.button.source, c] as const))('sorts by %s from the keyboard, both ways', async (_name, column) => {
    const { context, page, errors } = await open();
    await tabTo(page, column.button);
    // A first press sorts the column its own way; on the column the table is already sorted by, it reverses.
    const current = await page.evaluate(() => document.activeElement?.closest('th')?.getAttribute('aria-sort'));
    const reverse = (d: string) => (d === 'ascending' ? 'descending' : 'ascending');
    const first = current ? reverse(current) : column.first;
    for (const [key, direction] of [['Enter', first], ['Space', reverse(first)]] as const) {
      await page.keyboard.press(key);
      expect(await rowOrder(page)).toEqual(expectedOrder(column.value, direction));
      const sorts = await ariaSorts(page);
      expect(Object.values(sorts), 'one heading carries aria-sort').toEqual([direction]);
      expect(Object.keys(sorts)[0]).toMatch(column.button);
      const status = (await page.locator('incidents-table [role="status"]').textContent()) ?? '';
      const caption = (await page.locator('table.incidents-table caption').textContent()) ?? '';
      const order = caption.replace(/^All [^,]+ recorded, /, '').trim();
      expect(order.length).toBeGreaterThan(0);
      expect(status).toBe(`Sorted ${order}.`);
      // Focus stays on the button, so the next press reverses the order.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps every unknown figure after the known ones', async () => {
    const { context, page } = await open();
    await page.getByRole('button', { name: /^Days to restore/ }).click();
    const cells = await page.$$eval('table.incidents-table tbody tr', (rows) => rows.map((row) => row.querySelectorAll('td')[1]?.classList.contains('unknown') ?? false));
    const firstUnknown = cells.indexOf(true);
    expect(firstUnknown).toBeGreaterThan(0);
    expect(cells.slice(firstUnknown).every(Boolean)).toBe(true);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no WCAG 2.2 A/AA violations once sorted (${colorScheme} mode)`, async () => {
      const { context, page } = await open({ colorScheme });
      await page.getByRole('button', { name: /^Attacker/ }).click();
      await page.getByRole('button', { name: /^Attacker/ }).focus();
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
