/**
 * The search page in real Chromium against the built site: the names people type find the right
 * incident first, facets narrow results with counts that agree with the content, the URL carries
 * the state, the keyboard reaches everything, and without JavaScript the page says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { distDir, root } from '../helpers/site.ts';
import { fileForPath } from '../helpers/links.ts';
import { incidentSortDate } from '../../src/lib/facets.ts';

/** The content the site under test was built from (the default build uses content/). */
const kb = knowledgeBaseFrom(resolve(root, process.env.CONTENT_DIR ?? 'content'));
const base = process.env.BASE_PATH ?? '/';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite({ base });
});
afterAll(async () => {
  await site?.close();
});

/** Waits until the page has rendered the results for `query` (or for the current URL when omitted). */
async function settled(page: Page, query?: string) {
  const selector = query === undefined
    ? '#search-results-list[data-search-state="done"]'
    : `#search-results-list[data-search-state="done"][data-query="${query.replace(/"/g, '\\"')}"]`;
  await page.waitForSelector(selector, { state: 'attached', timeout: 15_000 });
}

async function resultPaths(page: Page): Promise<string[]> {
  return page.$$eval('.search-result h3 a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

async function resultKinds(page: Page): Promise<string[]> {
  return page.$$eval('.search-result .search-result-kind', (labels) => labels.map((l) => l.textContent?.trim() ?? ''));
}

/** The count the status line announces, e.g. "3 results for ..." or "10 incidents, newest first". */
async function announcedCount(page: Page): Promise<number> {
  const text = (await page.textContent('#search-status')) ?? '';
  const match = /^(No|[\d,]+) /.exec(text);
  if (!match) throw new Error(`status line has no count: "${text}"`);
  return match[1] === 'No' ? 0 : Number(match[1]!.replace(/,/g, ''));
}

const sitePath = (path: string) => `${base.replace(/\/$/, '')}${path}`;

/**
 * Results the page draws at a time. Each drawn result downloads its page's fragment, so this is
 * part of the first search's byte budget (see scripts/bench/search-payload.ts).
 */
const batchSize = 5;

type Incident = (typeof kb.incidents)[number];

/**
 * Checks `shown` (result paths, in page order) against a newest-first list of `incidents`: newest
 * first by the date the site sorts on, and, when `whole` is false, the newest of them (incidents
 * sharing the date at the cut may fall on either side).
 */
function expectNewestFirst(shown: string[], incidents: readonly Incident[], whole: boolean) {
  const dateOf = new Map(incidents.map((i) => [sitePath(`/incidents/${i.id}/`), incidentSortDate(i)]));
  expect(shown.length).toBe(whole ? incidents.length : Math.min(batchSize, incidents.length));
  expect(new Set(shown).size, 'no incident twice').toBe(shown.length);
  for (const path of shown) expect(dateOf.has(path), `${path} is not one of the incidents expected`).toBe(true);
  const dates = shown.map((path) => dateOf.get(path)!);
  expect(dates, 'newest first').toEqual([...dates].sort().reverse());
  const oldestShown = dates[dates.length - 1]!;
  for (const [path, date] of dateOf) {
    if (!shown.includes(path)) expect(date <= oldestShown, `${path} (${date}) is newer than a result shown`).toBe(true);
  }
}

/** Presses Tab until `predicate` holds for the focused element; fails after `limit` presses. */
async function tabTo(page: Page, predicate: string, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(() => { const el = document.activeElement; return Boolean(el && (${predicate})); })()`)) return;
  }
  throw new Error(`Tab never reached an element where ${predicate}`);
}

async function openSearch(path = '/search/') {
  const { context, page } = await site.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url(path));
  await settled(page);
  return { context, page, errors };
}

describe('ranking: the names people type find the incident they mean', () => {
  const expectations: [string, string][] = [
    ['Qilin', 'synnovis-pathology-2024'],
    ['Agenda', 'synnovis-pathology-2024'],
    ['Synnovis', 'synnovis-pathology-2024'],
    ['pathology', 'synnovis-pathology-2024'],
    ['Ivanti', 'ivanti-epmm-uclh-southampton-2025'],
    ['EPMM', 'ivanti-epmm-uclh-southampton-2025'],
    ['CVE-2025-4427', 'ivanti-epmm-uclh-southampton-2025'],
    ['IMEI', 'ivanti-epmm-uclh-southampton-2025'],
    ['Wirral', 'wirral-university-teaching-hospital-2024'],
  ];

  // One page for all the queries, typed into the box as a reader would.
  let searchPage: Awaited<ReturnType<typeof openSearch>>;
  beforeAll(async () => {
    searchPage = await openSearch('/search/');
  });
  afterAll(async () => {
    expect(searchPage.errors).toEqual([]);
    await searchPage.context.close();
  });

  it.each(expectations)('"%s" ranks %s first', async (query, incidentId) => {
    expect(kb.incident.has(incidentId), `incident ${incidentId} is not in the content the site was built from`).toBe(true);
    const { page } = searchPage;
    await page.fill('#search-query', query);
    await settled(page, query);
    const paths = await resultPaths(page);
    expect(paths[0], `results for "${query}": ${paths.join(', ')}`).toBe(sitePath(`/incidents/${incidentId}/`));
    expect((await resultKinds(page))[0]).toBe('Incident');
  });

  it('labels entity pages with their kind and says which other name matched', async () => {
    const { context, page } = await openSearch('/search/?q=Agenda');
    await settled(page, 'Agenda');
    const results = await page.$$eval('.search-result', (items) =>
      items.map((item) => ({
        path: new URL(item.querySelector('h3 a')!.getAttribute('href')!, location.href).pathname,
        kind: item.querySelector('.search-result-kind')?.textContent?.trim(),
        text: (item as HTMLElement).innerText,
      })),
    );
    const actor = results.find((r) => r.path === sitePath('/actors/qilin/'));
    expect(actor, 'the Qilin actor page is found by its alias').toBeDefined();
    expect(actor!.kind).not.toMatch(/^(Incident|Page)?$/);
    // "Agenda" is an alias, not in the incident's prose: the result says it matched that name.
    expect(results[0]!.text).toMatch(/Agenda/);
    await context.close();
  });
});

/** Long facets show their first values and a "Show all N ... values" button: press it if it is there. */
async function showAllValues(page: Page, facet: string) {
  const more = page.locator(`fieldset[data-facet="${facet}"] button.facet-more`);
  if ((await more.count()) > 0 && (await more.isVisible())) {
    await more.click();
    await page.waitForFunction((f) => document.querySelector(`fieldset[data-facet="${f}"] button.facet-more`)?.getAttribute('aria-expanded') === 'true', facet);
  }
}

describe('facets', () => {
  const attackTypes = [...kb.attackTypes.values()].filter((t) => t.incidents.length > 0);
  // The type that narrows the most while still matching something shows narrowing best.
  const narrowing = [...attackTypes].sort((a, b) => a.incidents.length - b.incidents.length)[0]!;

  it('lists every incident, newest first, with attack-type counts that agree with the content', async () => {
    const { context, page } = await openSearch('/search/');
    expect(await announcedCount(page)).toBe(kb.incidents.length);
    expectNewestFirst(await resultPaths(page), kb.incidents, false);
    await showAllValues(page, 'attack-type');
    const counts = await page.$$eval('fieldset[data-facet="attack-type"] li:not([hidden])', (items) =>
      Object.fromEntries(items.map((li) => [li.querySelector('input')!.value, Number(li.querySelector('.facet-count')!.getAttribute('data-count'))])),
    );
    expect(counts).toEqual(Object.fromEntries(attackTypes.map((t) => [t.data.name, t.incidents.length])));
    await context.close();
  });

  it('ticking an attack type narrows the results to its incidents, and the URL restores them', async () => {
    const { context, page } = await openSearch('/search/');
    const name = narrowing.data.name;
    // The rarest type may sit beyond the first few values: a reader opens the full list first.
    await showAllValues(page, 'attack-type');
    await page.getByRole('group', { name: 'Attack type' }).getByRole('checkbox', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) }).check();
    await page.waitForURL((url) => url.searchParams.getAll('attack-type').includes(name));
    await settled(page);
    await page.waitForFunction((n) => document.querySelector('#search-status')?.textContent?.startsWith(`${n} `), narrowing.incidents.length);
    expect(await announcedCount(page)).toBe(narrowing.incidents.length);
    const shown = await resultPaths(page);
    expectNewestFirst(shown, narrowing.incidents, false);

    // Reloading the URL gives the same results with the box still ticked.
    const sharedUrl = page.url();
    await page.reload();
    await settled(page);
    expect(page.url()).toBe(sharedUrl);
    expect(await resultPaths(page)).toEqual(shown);
    expect(await page.isChecked(`fieldset[data-facet="attack-type"] input[value="${name.replace(/"/g, '\\"')}"]`)).toBe(true);

    // Back returns to the unfiltered list.
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('attack-type'));
    await page.waitForFunction((n) => document.querySelector('#search-status')?.textContent?.startsWith(`${n} `), kb.incidents.length);
    expect(await page.isChecked(`fieldset[data-facet="attack-type"] input[value="${name.replace(/"/g, '\\"')}"]`)).toBe(false);
    await context.close();
  });

  it('combines a query with a facet and keeps both in the URL', async () => {
    const incident = kb.incident.get('ivanti-epmm-uclh-southampton-2025') ?? kb.incidents[0]!;
    const type = incident.attackTypes[0]!.data.name;
    const query = incident.vendors[0]?.entry.data.name ?? incident.data.title.split(' ')[0]!;
    const { context, page } = await openSearch(`/search/?q=${encodeURIComponent(query)}&attack-type=${encodeURIComponent(type)}`);
    expect(await page.inputValue('#search-query')).toBe(query);
    const paths = await resultPaths(page);
    expect(paths).toContain(sitePath(`/incidents/${incident.id}/`));
    // Only incidents carry facets, so a facet leaves no entity page in the results.
    expect(new Set(await resultKinds(page))).toEqual(new Set(['Incident']));
    await context.close();
  });
});

describe('large indexes: filters load when asked for', () => {
  /** The page as built for a corpus above the eager-facet limit (the index is the real one). */
  async function openLargeSiteSearch(path: string) {
    const { context, page } = await site.newPage();
    await page.route(/\/search\/(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('data-facets="eager"', 'data-facets="on-request"');
      await route.fulfill({ response, body: html });
    });
    const filterFiles: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.pf_filter')) filterFiles.push(request.url());
    });
    await page.goto(site.url(path));
    await settled(page);
    return { context, page, filterFiles };
  }

  it('searches without downloading the filters, and loads them from the button', async () => {
    const { context, page, filterFiles } = await openLargeSiteSearch('/search/?q=ransomware');
    expect(await announcedCount(page)).toBeGreaterThan(0);
    expect(filterFiles).toEqual([]);
    expect(await page.locator('fieldset[data-facet]').count()).toBe(0);
    await page.focus('#search-load-filters');
    await page.keyboard.press('Enter');
    await page.waitForSelector('fieldset[data-facet="attack-type"]', { state: 'attached' });
    await settled(page, 'ransomware');
    expect(filterFiles.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#search-facets')))).toBe(true);
    const counts = await page.$$eval('fieldset[data-facet="attack-type"] .facet-count', (c) => c.map((x) => Number(x.getAttribute('data-count'))));
    expect(counts.some((n) => n > 0)).toBe(true);
    await context.close();
  });

  it('loads the filters at once for a link that has one ticked', async () => {
    const type = [...kb.attackTypes.values()].find((t) => t.incidents.length > 0)!;
    const { context, page } = await openLargeSiteSearch(`/search/?attack-type=${encodeURIComponent(type.data.name)}`);
    expect(await announcedCount(page)).toBe(type.incidents.length);
    expect(await page.isChecked(`fieldset[data-facet="attack-type"] input[value="${type.data.name.replace(/"/g, '\\"')}"]`)).toBe(true);
    expect(await page.isHidden('#search-load-filters')).toBe(true);
    await context.close();
  });
});

describe('keyboard and the header search box', () => {
  it('can type a query, tick a facet and open a result with the keyboard alone', async () => {
    const { context, page } = await openSearch('/search/');
    await tabTo(page, `el.id === 'search-query'`);
    await page.keyboard.type('ransomware');
    await settled(page, 'ransomware');
    const before = await announcedCount(page);
    expect(before).toBeGreaterThan(0);
    await tabTo(page, `el.matches('fieldset[data-facet] input[type=checkbox]')`);
    const facet = await page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      return { key: input.name, value: input.value };
    });
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.getAll(facet.key).includes(facet.value));
    await settled(page, 'ransomware');
    expect(await announcedCount(page)).toBeLessThanOrEqual(before);
    await tabTo(page, `el.matches('.search-result h3 a')`);
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await page.keyboard.press('Enter');
    await page.waitForURL(target);
    expect(await page.locator('h1').first().textContent()).toBeTruthy();
    await context.close();
  });

  it('highlights the matched words in excerpts', async () => {
    const { context, page } = await openSearch('/search/?q=Synnovis');
    const marks = await page.$$eval('.search-result-excerpt mark', (m) => m.map((x) => x.textContent?.toLowerCase()));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((text) => text?.includes('synnovis'))).toBe(true);
    await context.close();
  });

  it('announces results in a polite live region', async () => {
    const { context, page } = await openSearch('/search/?q=Synnovis');
    const status = page.locator('#search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toMatch(/result/);
    await context.close();
  });

  it('the header search box on any page lands on the search page with the query run', async () => {
    const { context, page } = await site.newPage();
    await page.goto(site.url('/'));
    await page.fill('#site-search', 'Wirral');
    await page.press('#site-search', 'Enter');
    await page.waitForURL((url) => url.pathname === sitePath('/search/') && url.searchParams.get('q') === 'Wirral');
    await settled(page, 'Wirral');
    expect(await page.inputValue('#search-query')).toBe('Wirral');
    expect((await resultPaths(page)).length).toBeGreaterThan(0);
    await context.close();
  });
});

describe('results in batches', () => {
  const drawnCount = (page: Page) => page.locator('#search-results-list > li').count();

  /** Presses "Show more results" from the keyboard and waits for the next batch; returns the paths it added. */
  async function showMore(page: Page) {
    const before = await resultPaths(page);
    await page.focus('#search-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results-list > li').length > n, before.length);
    const after = await resultPaths(page);
    expect(after.slice(0, before.length), 'earlier results stay in place').toEqual(before);
    return { before, added: after.slice(before.length) };
  }

  const focusedPath = (page: Page) =>
    page.evaluate(() => (document.activeElement instanceof HTMLAnchorElement ? new URL(document.activeElement.href).pathname : null));

  it('ticking through the batches reaches every incident, newest first, focusing and announcing each batch', async () => {
    const { context, page, errors } = await openSearch('/search/');
    const total = await announcedCount(page);
    expect(total).toBe(kb.incidents.length);
    expect(await drawnCount(page)).toBe(Math.min(batchSize, total));
    let presses = 0;
    while (await page.isVisible('#search-more')) {
      expect(presses++, 'the button keeps coming back').toBeLessThan(total);
      const { before, added } = await showMore(page);
      expect(added.length).toBeGreaterThan(0);
      expect(added.length).toBeLessThanOrEqual(batchSize);
      // Focus lands on the first new result, so keyboard and screen-reader users read on from there.
      expect(await focusedPath(page)).toBe(added[0]);
      const drawn = before.length + added.length;
      const status = (await page.textContent('#search-status')) ?? '';
      expect(await announcedCount(page)).toBe(total);
      if (drawn < total) expect(status).toContain(`showing the first ${drawn}`);
      else expect(status).not.toContain('showing the first');
    }
    expectNewestFirst(await resultPaths(page), kb.incidents, true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a query's batches add up to the count it announces, with no result twice", async () => {
    // "NHS" is on nearly every page: several batches.
    const { context, page, errors } = await openSearch('/search/?q=NHS');
    const total = await announcedCount(page);
    expect(total).toBeGreaterThan(batchSize);
    expect(await drawnCount(page)).toBe(batchSize);
    expect(await page.textContent('#search-more')).toContain(`(${(total - batchSize).toLocaleString('en-GB')} not shown yet)`);
    let presses = 0;
    while (await page.isVisible('#search-more')) {
      expect(presses++, 'the button keeps coming back').toBeLessThan(total);
      await showMore(page);
    }
    const all = await resultPaths(page);
    expect(all.length).toBe(total);
    expect(new Set(all).size).toBe(total);
    expect(presses).toBe(Math.ceil(total / batchSize) - 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the keyboard reaches "Show more results" after the drawn results, and again after the next batch', async () => {
    const { context, page } = await openSearch('/search/?q=NHS');
    await page.focus('#search-query');
    await tabTo(page, `el.id === 'search-more'`);
    // Tab order went through every drawn result before reaching the button.
    const first = await resultPaths(page);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedPath(page)).toBe(first[first.length - 1]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results-list > li').length > n, first.length);
    expect(await focusedPath(page)).toBe((await resultPaths(page))[first.length]);
    // Tabbing on through the new batch comes back to the button.
    await tabTo(page, `el.id === 'search-more'`, batchSize + 1);
    await context.close();
  });

  it('keeps the drawn results on reload and Back, while the shared URL opens at the first batch', async () => {
    const { context, page } = await openSearch('/search/?q=NHS');
    const url = page.url();
    await showMore(page);
    const drawn = await resultPaths(page);
    expect(drawn.length).toBe(2 * batchSize);
    expect(page.url(), 'batches are not part of the shareable URL').toBe(url);

    await page.reload();
    await settled(page, 'NHS');
    expect(await resultPaths(page)).toEqual(drawn);

    await page.locator('.search-result h3 a').nth(batchSize).click();
    await page.waitForURL((u) => u.pathname === drawn[batchSize]);
    await page.goBack();
    await settled(page, 'NHS');
    expect(await resultPaths(page)).toEqual(drawn);

    // A new search starts again from one batch.
    await page.fill('#search-query', 'hospital');
    await settled(page, 'hospital');
    expect(await drawnCount(page)).toBe(Math.min(batchSize, await announcedCount(page)));

    const fresh = await openSearch(new URL(url).pathname.slice(base.length - 1) + new URL(url).search);
    expect(await drawnCount(fresh.page)).toBe(batchSize);
    await fresh.context.close();
    await context.close();
  });
});

describe('layout stability', () => {
  const cases: [string, number, number][] = [
    ['/search/', 412, 823],
    ['/search/', 1280, 800],
    ['/search/?q=ransomware', 412, 823],
    ['/search/?q=ransomware', 1280, 800],
  ];
  it.each(cases)('%s at %ix%i: nothing on screen moves when the script fills the page', async (path, width, height) => {
    const context = await site.browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const shifts: { value: number; sources: string[] }[] = [];
      (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; sources: { node?: Node | null }[] }[]) {
          shifts.push({ value: entry.value, sources: entry.sources.map((s) => (s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : String(s.node?.nodeName))) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(site.url(path));
    await settled(page);
    // Two frames, so a shift caused by the last render has been recorded.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: { value: number; sources: string[] }[] }).layoutShifts);
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    expect(total, JSON.stringify(shifts)).toBeLessThan(0.01);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('says search needs JavaScript and links to browse pages that exist', async () => {
    const { context, page } = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url('/search/?q=Qilin'));
    // innerText holds only rendered text: the <noscript> notice shows because scripts are off.
    expect(await page.innerText('main')).toContain('Search needs JavaScript');
    // The space kept for script-drawn results is not kept without scripts: the browse links follow at once.
    const gap = await page.evaluate(() => document.querySelector('.search-browse')!.getBoundingClientRect().top - document.querySelector('.search-form')!.getBoundingClientRect().bottom);
    expect(gap).toBeLessThan(100);
    const links = await page.$$eval('.search-browse a', (as) => as.map((a) => ({ text: a.textContent?.trim(), href: a.getAttribute('href')! })));
    expect(links.map((l) => l.href)).toEqual(
      ['/attack-types/', '/actors/', '/vendors/', '/organisations/', '/incidents/', '/browse/'].map(sitePath),
    );
    for (const link of links) {
      expect(fileForPath(distDir, link.href.slice(base.length - 1)), `${link.text} (${link.href}) exists in the build`).toBeDefined();
    }
    await context.close();
  });
});
