/** Which incidents are most alike, for choosing the pairs worth comparing. */
import type { ResolvedIncident } from '../model.ts';

/** What two incidents share, weighted: the same attacker or supplier matters most. */
function weightedFeatures(incident: ResolvedIncident): [string, number][] {
  const unique = <T>(values: readonly T[]) => [...new Set(values)];
  return [
    ...unique(incident.actors.map((x) => x.id)).map((id): [string, number] => [`actor:${id}`, 4]),
    ...unique(incident.vendors.map((x) => x.id)).map((id): [string, number] => [`vendor:${id}`, 4]),
    ...unique(incident.attackTypes.map((x) => x.id)).map((id): [string, number] => [`attack:${id}`, 2]),
    ...unique(incident.data.training.topics).map((id): [string, number] => [`topic:${id}`, 1]),
    ...unique(incident.controls.map((c) => c.control)).map((id): [string, number] => [`control:${id}`, 1]),
  ];
}

/**
 * For each incident, its `perIncident` most similar others (score > 0; ties by id). Scores are
 * summed through an inverted index of features, so only incidents that share something are
 * touched and nothing is sorted beyond the few best: thousands of incidents take well under a
 * second, where comparing and sorting every pair took minutes.
 */
export function mostSimilar(incidents: readonly ResolvedIncident[], perIncident: number): Map<string, ResolvedIncident[]> {
  const postings = new Map<string, { index: number; weight: number }[]>();
  const features = incidents.map(weightedFeatures);
  features.forEach((list, index) => {
    for (const [key, weight] of list) {
      let posting = postings.get(key);
      if (!posting) postings.set(key, (posting = []));
      posting.push({ index, weight });
    }
  });
  const scores = new Float64Array(incidents.length);
  const result = new Map<string, ResolvedIncident[]>();
  features.forEach((list, self) => {
    const touched: number[] = [];
    for (const [key] of list) {
      for (const { index, weight } of postings.get(key) ?? []) {
        if (index === self) continue;
        if (scores[index] === 0) touched.push(index);
        scores[index] = scores[index]! + weight;
      }
    }
    const best: number[] = [];
    const better = (x: number, y: number) => scores[x]! > scores[y]! || (scores[x] === scores[y] && incidents[x]!.id.localeCompare(incidents[y]!.id) < 0);
    for (const index of touched) {
      if (best.length < perIncident) best.push(index);
      else if (better(index, best[best.length - 1]!)) best[best.length - 1] = index;
      else continue;
      best.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0));
    }
    result.set(incidents[self]!.id, best.map((index) => incidents[index]!));
    for (const index of touched) scores[index] = 0;
  });
  return result;
}
