/**
 * Incidents side by side: the compare table (one column per incident, one row per fact), and the
 * pairs worth a compare page of their own: every pair a writer named, then each incident's most
 * similar others (src/lib/training/similarity.ts).
 */
import type { ResolvedIncident } from '../model.ts';
import { compareRowKeys, factRows, rowLabels, type CompareRowKey, type FactItem } from './facts.ts';
import { trainingTopicLabels } from './filters.ts';
import { pairSlug } from './paths.ts';
import { mostSimilar } from './similarity.ts';

export interface CompareTable {
  incidents: ResolvedIncident[];
  rows: { key: CompareRowKey; label: string; cells: { items: FactItem[]; empty: string }[] }[];
}

/** Rows of facts, one cell per incident, in the order the incidents are given. */
export function compareTable(incidents: readonly ResolvedIncident[]): CompareTable {
  const columns = incidents.map(factRows);
  return {
    incidents: [...incidents],
    rows: compareRowKeys.map((key, index) => ({
      key,
      label: rowLabels[key],
      cells: columns.map((rows) => {
        const row = rows[index]!;
        return { items: row.items, empty: row.empty };
      }),
    })),
  };
}

export interface ComparePair {
  slug: string;
  incidents: [ResolvedIncident, ResolvedIncident];
  /** Why these two are worth comparing, in words. */
  reasons: string[];
  /** Named by a writer in training.compareWith, not found by shared features. */
  curated: boolean;
}

function sharedFeatures(a: ResolvedIncident, b: ResolvedIncident): string[] {
  const shared = <T>(x: readonly T[], y: readonly T[]) => x.filter((v) => y.includes(v));
  const reasons: string[] = [];
  const actors = shared(a.actors.map((x) => x.entry.data.name), b.actors.map((x) => x.entry.data.name));
  if (actors.length) reasons.push(`same attacker: ${actors.join(', ')}`);
  const vendors = shared(a.vendors.map((x) => x.entry.data.name), b.vendors.map((x) => x.entry.data.name));
  if (vendors.length) reasons.push(`same supplier or product: ${vendors.join(', ')}`);
  const suppliers = a.vendors.some((v) => v.role === 'compromised-supplier') && b.vendors.some((v) => v.role === 'compromised-supplier');
  if (suppliers && !vendors.length) reasons.push('both came through a compromised supplier');
  const types = shared(a.attackTypes.map((t) => t.data.name), b.attackTypes.map((t) => t.data.name));
  if (types.length) reasons.push(`both ${types.join(', ').toLowerCase()}`);
  const topics = shared(a.data.training.topics, b.data.training.topics).map((t) => trainingTopicLabels[t].toLowerCase());
  if (topics.length) reasons.push(`teach ${topics.join(', ')}`);
  const controls = shared(a.controls.map((c) => c.control), b.controls.map((c) => c.control));
  if (controls.length) reasons.push(`${controls.length} control${controls.length === 1 ? '' : 's'} in common`);
  return reasons;
}

/**
 * The pairs that get a static compare page: every pair a writer named in training.compareWith,
 * then for each incident its `perIncident` most similar others. The number of pairs grows
 * linearly with the number of incidents.
 */
export function comparePairs(incidents: readonly ResolvedIncident[], perIncident = 2): ComparePair[] {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const pairs = new Map<string, ComparePair>();
  const add = (a: ResolvedIncident, b: ResolvedIncident, curated: boolean) => {
    if (a.id === b.id) return;
    const slug = pairSlug(a.id, b.id);
    const existing = pairs.get(slug);
    if (existing) {
      existing.curated ||= curated;
      return;
    }
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    pairs.set(slug, { slug, incidents: [first, second], reasons: sharedFeatures(first, second), curated });
  };
  for (const incident of incidents) {
    for (const id of incident.data.training.compareWith ?? []) {
      const other = byId.get(id);
      if (other) add(incident, other, true);
    }
  }
  const similar = mostSimilar(incidents, perIncident);
  for (const incident of incidents) {
    for (const other of similar.get(incident.id) ?? []) add(incident, other, false);
  }
  return [...pairs.values()].sort((x, y) => Number(y.curated) - Number(x.curated) || x.slug.localeCompare(y.slug));
}

export interface ComparePairIndex {
  /** Curated pairs first, then by slug. */
  pairs: ComparePair[];
  bySlug: Map<string, ComparePair>;
  byIncident: Map<string, ComparePair[]>;
}

/** Pairs looked up by slug and by incident (the knowledge base keeps this as kb.comparePairs). */
export function indexComparePairs(pairs: readonly ComparePair[]): ComparePairIndex {
  const byIncident = new Map<string, ComparePair[]>();
  for (const pair of pairs) {
    for (const incident of pair.incidents) {
      const list = byIncident.get(incident.id) ?? [];
      list.push(pair);
      byIncident.set(incident.id, list);
    }
  }
  return { pairs: [...pairs], bySlug: new Map(pairs.map((p) => [p.slug, p])), byIncident };
}

/** Pairs that include one incident, the other incident first-class for linking ("Compare with ..."). */
export function pairsFor(index: ComparePairIndex, id: string): { pair: ComparePair; other: ResolvedIncident }[] {
  return (index.byIncident.get(id) ?? []).map((pair) => ({ pair, other: pair.incidents[0].id === id ? pair.incidents[1] : pair.incidents[0] }));
}
