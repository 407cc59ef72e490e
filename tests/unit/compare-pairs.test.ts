/** The inverted-index similarity search finds the same best matches as comparing every pair. */
import { describe, expect, it } from 'vitest';
import { mostSimilar } from '../../src/lib/training/similarity.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';
import type { ResolvedIncident } from '../../src/lib/model.ts';

function bruteForce(incidents: readonly ResolvedIncident[], perIncident: number): Map<string, string[]> {
  const overlap = <T>(x: readonly T[], y: readonly T[]) => [...new Set(x)].filter((v) => y.includes(v)).length;
  const score = (a: ResolvedIncident, b: ResolvedIncident) =>
    4 * overlap(a.actors.map((x) => x.id), b.actors.map((x) => x.id)) +
    4 * overlap(a.vendors.map((x) => x.id), b.vendors.map((x) => x.id)) +
    2 * overlap(a.attackTypes.map((x) => x.id), b.attackTypes.map((x) => x.id)) +
    overlap(a.data.training.topics, b.data.training.topics) +
    overlap(a.controls.map((c) => c.control), b.controls.map((c) => c.control));
  return new Map(
    incidents.map((a) => [
      a.id,
      incidents
        .filter((b) => b.id !== a.id)
        .map((b) => ({ id: b.id, s: score(a, b) }))
        .filter((r) => r.s > 0)
        .sort((x, y) => y.s - x.s || x.id.localeCompare(y.id))
        .slice(0, perIncident)
        .map((r) => r.id),
    ]),
  );
}

describe('most similar incidents', () => {
  const incidents = knowledgeBaseFrom(`${root}/content`).incidents;
  it('agrees with comparing every pair, on the real content', () => {
    expect(incidents.length).toBeGreaterThanOrEqual(10);
    for (const k of [1, 2, 3]) {
      const fast = mostSimilar(incidents, k);
      const expected = bruteForce(incidents, k);
      for (const incident of incidents) expect(fast.get(incident.id)!.map((i) => i.id), `${incident.id}, k=${k}`).toEqual(expected.get(incident.id));
    }
  });
});
