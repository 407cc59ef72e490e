/**
 * Case studies in search, on the built Pagefind index through the search page a trainer uses:
 * the words a trainer types ("case study", "tabletop", "exercise", "handout", an audience, a topic) find case
 * studies, filed under their own kind; the "Case study" filter narrows to them; and an incident's
 * own name still finds the incident first, not its case study.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { audienceLabels } from '../../src/schemas/vocabularies.ts';
import { trainingTopicLabels } from '../../src/lib/training/filters.ts';
import { trainingPaths } from '../../src/lib/training/paths.ts';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';

const kb = knowledgeBaseFrom(resolve(root, process.env.CONTENT_DIR ?? 'content'));
const base = process.env.BASE_PATH ?? '/';
const sitePath = (path: string) => `${base.replace(/\/$/, '')}${path}`;
const caseStudyKind = 'Case study';

let site: SiteSession;
let page: Page;
beforeAll(async () => {
  site = await openSite({ base });
  page = (await site.newPage()).page;
});
afterAll(async () => {
  await site?.close();
});

/** Opens the search page at `query` (and filters), waits for the results, and reads every result (all batches). */
async function search(query: string, filters = ''): Promise<{ path: string; kind: string }[]> {
  await page.goto(site.url(`/search/?q=${encodeURIComponent(query)}${filters}`));
  await page.waitForSelector(`#search-results-list[data-search-state="done"]`, { state: 'attached', timeout: 15_000 });
  for (let i = 0; i < 20; i++) {
    const more = page.locator('#search-more');
    if (!(await more.isVisible())) break;
    const before = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
  }
  return page.$$eval('.search-result', (items) =>
    items.map((item) => ({
      path: new URL(item.querySelector('h3 a')!.getAttribute('href')!, location.href).pathname,
      kind: item.querySelector('.search-result-kind')?.textContent?.trim() ?? '',
    })),
  );
}

const caseStudyPaths = (ids: string[]) => ids.map((id) => sitePath(trainingPaths.caseStudy(id))).sort();

describe('searching for case studies', () => {
  it.each(['case study', 'tabletop'])('"%s" lists case studies first (after the guide to running one, if it leads), each labelled as one', async (query) => {
    const results = await search(query);
    expect(results.length, `results for "${query}"`).toBeGreaterThan(0);
    // The guide is about running a tabletop with a case study: it may lead, but nothing else may.
    const first = results.find((r) => r.path !== sitePath(trainingPaths.guide()))!;
    expect(first.kind, `first result for "${query}" after the guide: ${first.path}`).toBe(caseStudyKind);
    for (const r of results.filter((x) => x.kind === caseStudyKind)) expect(r.path).toMatch(/\/training\/[^/]+\/$/);
  });

  it.each(['handout', 'inject cards'])('"%s" finds the case studies that print it', async (query) => {
    const found = (await search(query, `&kind=${encodeURIComponent(caseStudyKind)}`)).map((r) => r.path).sort();
    const expected = query === 'handout' ? kb.incidents : kb.incidents.filter((i) => i.data.training.injects.length > 0);
    expect(found).toEqual(caseStudyPaths(expected.map((i) => i.id)));
  });

  it('"exercise" finds the case studies that are tabletop exercises, among the guide and the exercising controls', async () => {
    const withInjects = kb.incidents.filter((i) => i.data.training.injects.length > 0).map((i) => i.id);
    const found = (await search('exercise')).filter((r) => r.kind === caseStudyKind).map((r) => r.path);
    for (const path of caseStudyPaths(withInjects)) expect(found, `${path} for "exercise"`).toContain(path);
  });

  it.each([
    ['clinicians', 'clinicians'],
    ['board', 'board'],
  ] as const)('the audience "%s" with the Case study filter finds exactly the case studies for %s', async (query, audience) => {
    expect(audienceLabels[audience].toLowerCase()).toContain(query);
    const expected = caseStudyPaths(kb.incidents.filter((i) => i.data.training.audiences.includes(audience)).map((i) => i.id));
    const results = await search(query, `&kind=${encodeURIComponent(caseStudyKind)}`);
    expect(results.every((r) => r.kind === caseStudyKind), results.map((r) => `${r.kind} ${r.path}`).join(', ')).toBe(true);
    expect(results.map((r) => r.path).sort()).toEqual(expected);
  });

  it('a topic ("supplier failure") finds the case studies filed under it', async () => {
    expect(trainingTopicLabels['supplier-failure'].toLowerCase()).toContain('supplier failure');
    const expected = caseStudyPaths(kb.incidents.filter((i) => i.data.training.topics.includes('supplier-failure')).map((i) => i.id));
    const found = (await search('supplier failure', `&kind=${encodeURIComponent(caseStudyKind)}`)).map((r) => r.path);
    for (const path of expected) expect(found, `${path} for "supplier failure"`).toContain(path);
  });

  it("an incident's title finds the incident before its case study", async () => {
    for (const incident of kb.incidents.slice(0, 6)) {
      const results = await search(incident.data.title);
      const incidentAt = results.findIndex((r) => r.path === sitePath(`/incidents/${incident.id}/`));
      const caseAt = results.findIndex((r) => r.path === sitePath(trainingPaths.caseStudy(incident.id)));
      expect(incidentAt, `"${incident.data.title}": ${results.slice(0, 5).map((r) => r.path).join(', ')}`).toBe(0);
      if (caseAt >= 0) expect(caseAt).toBeGreaterThan(incidentAt);
    }
  });
});
