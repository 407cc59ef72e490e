import { describe, expect, it } from 'vitest';
import { browsePaths, valueSlug } from '../../src/lib/browse.ts';
import { facetKeys } from '../../src/lib/facets.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';

describe('browse pages for facet values', () => {
  const kb = knowledgeBaseFrom(`${root}/content`);
  const facets = kb.browse;

  it('cover every facet value search can filter on, with the same counts', () => {
    expect(facets.map((f) => f.key)).toEqual([...facetKeys]);
    for (const key of facetKeys) {
      const expected = new Map<string, number>();
      for (const incident of kb.incidents) for (const value of incident.facets[key]) expected.set(value, (expected.get(value) ?? 0) + 1);
      const facet = facets.find((f) => f.key === key)!;
      expect(new Map(facet.values.map((v) => [v.value, v.incidents.length])), key).toEqual(expected);
    }
  });

  it('make URL-safe, readable slugs', () => {
    expect(valueSlug("Guy's and St Thomas' NHS Foundation Trust")).toBe('guys-and-st-thomas-nhs-foundation-trust');
    expect(valueSlug('Médecins: Sans/Frontières')).toBe('medecins-sans-frontieres');
    expect(browsePaths.value('region', 'london')).toBe('/browse/region/london/');
  });
});
