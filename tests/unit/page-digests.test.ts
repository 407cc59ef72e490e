/**
 * Cache keys for incremental builds: a key must change whenever anything its page shows changes
 * (else a reader gets a stale page), and should stay put otherwise (else nothing is ever skipped).
 * Each test edits a copy of the real content the way a writer would and compares every page's key
 * before and after. tests/site/incremental.test.ts checks the same against real builds.
 */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, type CollectionsInput, type KnowledgeBase } from '../../src/lib/model.ts';
import { buildPageDigests, digestOf, getPageDigests, stableStringify } from '../../src/lib/page-digests.ts';
import { pairsFor } from '../../src/lib/training.ts';
import { buildExportFile } from '../../src/lib/export/json.ts';
import { exportFileNames } from '../../src/lib/export/schema.ts';
import { collectionsFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';

const original = collectionsFrom(`${root}/content`);

/** Every keyed page of a build, by its path, enumerated the way the routes' getStaticPaths do. */
function pageKeys(kb: KnowledgeBase): Map<string, string> {
  const d = buildPageDigests(kb);
  const keys = new Map<string, string>();
  for (const { id } of kb.incidents) {
    keys.set(`/incidents/${id}/`, d.incident(id));
    keys.set(`/training/${id}/handout/`, d.incident(id));
    keys.set(`/training/${id}/notes/`, d.incident(id));
    keys.set(`/data/cite/${id}.json`, d.incident(id));
    keys.set(`/training/${id}/`, d.caseStudy(id));
  }
  for (const id of kb.actors.keys()) {
    keys.set(`/actors/${id}/`, d.actor(id));
    keys.set(`/feeds/actors/${id}.xml`, d.actorFeed(id));
  }
  for (const id of kb.vendors.keys()) {
    keys.set(`/vendors/${id}/`, d.vendor(id));
    keys.set(`/feeds/vendors/${id}.xml`, d.vendorFeed(id));
  }
  for (const id of kb.organisations.keys()) keys.set(`/organisations/${id}/`, d.organisation(id));
  for (const id of kb.attackTypes.keys()) keys.set(`/attack-types/${id}/`, d.attackType(id));
  for (const id of kb.vulnerabilities.keys()) keys.set(`/vulnerabilities/${id}/`, d.vulnerability(id));
  for (const id of kb.controls.keys()) keys.set(`/controls/${id}/`, d.control(id));
  for (const pair of kb.comparePairs.pairs) keys.set(`/training/compare/${pair.slug}/`, d.comparePair(pair.slug));
  for (const facet of kb.browse) for (const value of facet.values) keys.set(`/browse/${facet.key}/${value.slug}/`, d.browseValue(facet.key, value.slug));
  const facets = kb.catalogueFacets;
  for (const f of facets.audiences) keys.set(`/training/audience/${f.value}/`, d.trainingCatalogue({ audience: f.value }));
  for (const f of facets.topics) keys.set(`/training/topic/${f.value}/`, d.trainingCatalogue({ topic: f.value }));
  for (const f of facets.lengths) keys.set(`/training/length/${f.value}/`, d.trainingCatalogue({ length: f.value }));
  keys.set('/data/incidents.json', d.corpusData());
  return keys;
}

/** A writer's edit to a copy of the content; returns the pages whose key changed (or that appeared). */
function changedBy(edit: (input: CollectionsInput) => void): { changed: Set<string>; before: KnowledgeBase; after: KnowledgeBase } {
  const before = buildKnowledgeBase(structuredClone(original));
  const input = structuredClone(original);
  edit(input);
  const after = buildKnowledgeBase(input);
  const was = pageKeys(before);
  const changed = new Set<string>();
  for (const [path, key] of pageKeys(after)) if (was.get(path) !== key) changed.add(path);
  return { changed, before, after };
}

const kb = buildKnowledgeBase(structuredClone(original));
/** An incident that names an actor, a vendor and a CVE, so edits reach many pages. */
const busy = kb.incidents.find((i) => i.actors.length > 0 && i.vendors.length > 0 && i.vulnerabilities.length > 0) ?? kb.incidents.find((i) => i.actors.length > 0)!;

function entityPages(incident: KnowledgeBase['incidents'][number]): string[] {
  return [
    ...incident.actors.map((a) => `/actors/${a.id}/`),
    ...incident.vendors.map((v) => `/vendors/${v.id}/`),
    ...incident.organisations.map((o) => `/organisations/${o.id}/`),
    ...incident.attackTypes.map((t) => `/attack-types/${t.id}/`),
    ...incident.vulnerabilities.map((v) => `/vulnerabilities/${v.id}/`),
    ...incident.controls.map((c) => `/controls/${c.control}/`),
  ];
}

describe('stable digests', () => {
  it('do not depend on key order, and tell Maps, Dates and nesting apart', () => {
    expect(stableStringify({ b: 1, a: { d: 2, c: 3 } })).toBe(stableStringify({ a: { c: 3, d: 2 }, b: 1 }));
    expect(digestOf({ a: 1, b: 2 })).toBe(digestOf({ b: 2, a: 1 }));
    expect(stableStringify(new Map([['b', 1], ['a', 2]]))).toBe('{"a":2,"b":1}');
    expect(stableStringify({ at: new Date('2024-06-03T00:00:00Z') })).toBe('{"at":"2024-06-03T00:00:00.000Z"}');
    expect(digestOf(['a', 'b'])).not.toBe(digestOf(['b', 'a']));
    expect(digestOf({ a: 'x' })).not.toBe(digestOf({ a: 'y' }));
  });

  it('are the same for two builds of the same content, and memoised per model', () => {
    const again = buildKnowledgeBase(structuredClone(original));
    expect([...pageKeys(again)]).toEqual([...pageKeys(kb)]);
    expect(getPageDigests(kb)).toBe(getPageDigests(kb));
  });

  it('name the page asked for when it does not exist', () => {
    expect(() => buildPageDigests(kb).actor('no-such-actor')).toThrow(/no actor "no-such-actor"/);
    expect(() => buildPageDigests(kb).incident('nope-2099')).toThrow(/no incident "nope-2099"/);
  });

  it('give every page of a kind its own key', () => {
    const keys = pageKeys(kb);
    const incidentKeys = kb.incidents.map((i) => keys.get(`/incidents/${i.id}/`));
    expect(new Set(incidentKeys).size).toBe(kb.incidents.length);
    const actorKeys = [...kb.actors.keys()].map((id) => keys.get(`/actors/${id}/`));
    expect(new Set(actorKeys).size).toBe(kb.actors.size);
  });
});

describe('what an edit invalidates', () => {
  it('prose of one incident: its own pages only, no list page and no export', () => {
    const { changed } = changedBy((input) => {
      const entry = input.incidents.find((i) => i.id === busy.id)!;
      entry.body = `${entry.body ?? ''}\nA corrected paragraph.\n`;
    });
    const own = [`/incidents/${busy.id}/`, `/training/${busy.id}/`, `/training/${busy.id}/handout/`, `/training/${busy.id}/notes/`, `/data/cite/${busy.id}.json`];
    expect([...changed].sort()).toEqual(own.sort());
  });

  it('the open-data files carry no prose, so their key may leave prose out', () => {
    const ctx = { site: 'https://kb.example.org', base: '/' };
    const rewritten = structuredClone(original);
    for (const list of Object.values(rewritten)) for (const entry of list as { body?: string }[]) entry.body = 'Different prose everywhere.';
    const withOtherProse = buildKnowledgeBase(rewritten);
    for (const name of exportFileNames) expect(buildExportFile(name, withOtherProse, ctx), name).toEqual(buildExportFile(name, kb, ctx));
    expect(buildPageDigests(withOtherProse).corpusData()).toBe(buildPageDigests(kb).corpusData());
  });

  it("an actor's name: every page that names it, and nothing that does not", () => {
    const actorId = busy.actors[0]!.id;
    const { changed, before } = changedBy((input) => {
      input.actors.find((a) => a.id === actorId)!.data.name = 'Renamed Group';
    });
    const actor = before.actors.get(actorId)!;
    const named = actor.incidents.map((i) => i.id);
    const expected = [
      `/actors/${actorId}/`,
      `/feeds/actors/${actorId}.xml`,
      '/browse/attacker/renamed-group/',
      ...named.flatMap((id) => [`/incidents/${id}/`, `/training/${id}/`, `/training/${id}/handout/`, `/training/${id}/notes/`]),
      // Compare tables show both incidents' attackers.
      ...before.comparePairs.pairs.filter((p) => p.incidents.some((i) => named.includes(i.id))).map((p) => `/training/compare/${p.slug}/`),
    ];
    for (const path of expected) expect(changed, path).toContain(path);
    // Lists of incidents show titles, dates and the page's own link details, not attackers.
    const untouchedIncident = before.incidents.find((i) => i.actors.length === 0 || !i.actors.some((a) => a.id === actorId));
    if (untouchedIncident) expect(changed).not.toContain(`/incidents/${untouchedIncident.id}/`);
    for (const id of before.organisations.keys()) expect(changed).not.toContain(`/organisations/${id}/`);
    for (const id of before.controls.keys()) expect(changed).not.toContain(`/controls/${id}/`);
  });

  it("an incident's title: every page that lists it or links to it by name", () => {
    const { changed, before } = changedBy((input) => {
      input.incidents.find((i) => i.id === busy.id)!.data.title = 'A new title for this incident';
    });
    const incident = before.incident.get(busy.id)!;
    const pairs = pairsFor(before.comparePairs, busy.id);
    const expected = [
      `/incidents/${busy.id}/`,
      `/training/${busy.id}/`,
      ...entityPages(incident),
      ...incident.actors.map((a) => `/feeds/actors/${a.id}.xml`),
      ...incident.vendors.map((v) => `/feeds/vendors/${v.id}.xml`),
      ...before.browse.flatMap((f) => f.values.filter((v) => v.incidents.includes(incident)).map((v) => `/browse/${f.key}/${v.slug}/`)),
      // Its compare pages, and the case studies of the incidents it is compared with ("compared with <title>").
      ...pairs.flatMap(({ pair, other }) => [`/training/compare/${pair.slug}/`, `/training/${other.id}/`]),
      ...incident.data.training.audiences.map((a) => `/training/audience/${a}/`),
      ...incident.data.training.topics.map((t) => `/training/topic/${t}/`),
      ...incident.data.training.sessionLengths.map((l) => `/training/length/${l}/`),
    ];
    for (const path of expected) expect(changed, path).toContain(path);
    const unrelated = before.incidents.find((i) => i.id !== busy.id && !pairs.some((p) => p.other.id === i.id))!;
    expect(changed).not.toContain(`/incidents/${unrelated.id}/`);
  });

  it('a vulnerability: its page, the pages of incidents that used it, and its vendor page', () => {
    const cve = busy.vulnerabilities[0];
    if (!cve) return;
    const { changed, before } = changedBy((input) => {
      input.vulnerabilities.find((v) => v.id === cve.id)!.data.name = 'Renamed flaw';
    });
    const users = before.vulnerabilities.get(cve.id)!.incidents.map((i) => i.id);
    const expected = [`/vulnerabilities/${cve.id}/`, `/vendors/${cve.data.vendor}/`, ...users.map((id) => `/incidents/${id}/`)];
    for (const path of expected) expect(changed, path).toContain(path);
  });

  it('a vendor named only through a CVE: the incident page names it (exploited product, search terms), so its key follows the vendor', () => {
    const withCve = kb.incidents.find((i) => i.vulnerabilities.length > 0)!;
    const vendorId = withCve.vulnerabilities[0]!.data.vendor;
    const dropVendor = (input: CollectionsInput) => {
      const entry = input.incidents.find((i) => i.id === withCve.id)!;
      entry.data.vendors = entry.data.vendors.filter((v) => v.id !== vendorId);
    };
    const base = buildKnowledgeBase((() => { const input = structuredClone(original); dropVendor(input); return input; })());
    const renamed = buildKnowledgeBase((() => {
      const input = structuredClone(original);
      dropVendor(input);
      input.vendors.find((v) => v.id === vendorId)!.data.name = 'Renamed Vendor Ltd';
      return input;
    })());
    expect(base.incident.get(withCve.id)!.vendors.some((v) => v.id === vendorId)).toBe(false);
    expect(buildPageDigests(renamed).incident(withCve.id)).not.toBe(buildPageDigests(base).incident(withCve.id));
  });

  it('shared features of two incidents move compare pairs: the case studies that link them change', () => {
    // Give the incident with the fewest attack types every attack type: its most similar incidents,
    // and so the pairs other case studies link to, shift.
    const target = [...kb.incidents].sort((a, b) => a.attackTypes.length - b.attackTypes.length)[0]!;
    const { changed, before, after } = changedBy((input) => {
      const entry = input.incidents.find((i) => i.id === target.id)!;
      entry.data.attackTypes = [...kb.attackTypes.keys()];
    });
    const links = (model: KnowledgeBase, id: string) => pairsFor(model.comparePairs, id).map(({ pair }) => `${pair.slug} ${pair.reasons.join('; ')}`);
    const moved = before.incidents.filter((i) => links(before, i.id).join('\n') !== links(after, i.id).join('\n'));
    expect(moved.length).toBeGreaterThan(0);
    for (const incident of moved) expect(changed, incident.id).toContain(`/training/${incident.id}/`);
    // The new pairs' pages exist only after the edit; they count as changed (rendered, not restored).
    for (const pair of after.comparePairs.pairs) {
      if (!before.comparePairs.bySlug.has(pair.slug)) expect(changed).toContain(`/training/compare/${pair.slug}/`);
    }
  });

  it('the latest review date anywhere dates empty feeds: every feed key follows it', () => {
    const { changed, before } = changedBy((input) => {
      input.incidents[0]!.data.lastReviewed = { value: '2099-12-31', precision: 'day' } as never;
    });
    for (const id of before.actors.keys()) expect(changed).toContain(`/feeds/actors/${id}.xml`);
    for (const id of before.vendors.keys()) expect(changed).toContain(`/feeds/vendors/${id}.xml`);
  });
});
