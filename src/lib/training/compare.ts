/**
 * Incidents side by side: the compare table (one column per incident, one row per fact), and the
 * pairs worth a prerendered page: each incident's closest match (a writer's first choice, else the
 * most similar incident: src/lib/training/similarity.ts).
 */
import type { ResolvedIncident } from '../model.ts';
import { compareRowKeys, factRows, rowLabels, type CompareRowKey, type FactItem } from './facts.ts';
import { trainingTopicLabels } from './filters.ts';
import { pairSlug } from './paths.ts';
import { mostSimilar } from './similarity.ts';
import { countOf } from '../wording.ts';

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
  if (controls.length) reasons.push(`${countOf(controls.length, 'control')} in common`);
  return reasons;
}

/**
 * The pairs that get a prerendered compare page: one per incident at most, its closest match. That
 * is the first incident a writer named in training.compareWith, else the incident most like it
 * (similarity.ts); an incident that shares nothing with any other has none. Two incidents that are
 * each other's closest match share one page, so there are never more pages than incidents. Every
 * other pair is compared in the browser from the compare data (compare-data.ts).
 */
export function comparePairs(incidents: readonly ResolvedIncident[]): ComparePair[] {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const similar = mostSimilar(incidents, 1);
  const pairs = new Map<string, ComparePair>();
  for (const incident of incidents) {
    const named = incident.data.training.compareWith.map((id) => byId.get(id)).find((other) => other !== undefined && other.id !== incident.id);
    const other = named ?? similar.get(incident.id)?.[0];
    if (!other) continue;
    const slug = pairSlug(incident.id, other.id);
    const existing = pairs.get(slug);
    if (existing) {
      existing.curated ||= named !== undefined;
      continue;
    }
    const [first, second] = incident.id < other.id ? [incident, other] : [other, incident];
    pairs.set(slug, { slug, incidents: [first, second], reasons: sharedFeatures(first, second), curated: named !== undefined });
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
