/**
 * Browse pages for every search facet value, so that whatever a reader can tick on the search page
 * also has a plain page listing its incidents, which works without JavaScript. The values are the
 * facet values search itself files incidents under (src/lib/facets.ts), so counts always agree.
 */
import { facetKeys, facetLabels, type FacetKey } from './facets.ts';
import type { ResolvedIncident } from './model.ts';

export interface BrowseValue {
  value: string;
  slug: string;
  incidents: ResolvedIncident[];
}

export interface BrowseFacet {
  key: FacetKey;
  label: string;
  values: BrowseValue[];
}

/** URL segment for a facet value: "Guy's and St Thomas'" → "guys-and-st-thomas". */
export function valueSlug(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const browsePaths = {
  index: () => '/browse/',
  facet: (key: FacetKey) => `/browse/#${key}`,
  value: (key: FacetKey, slug: string) => `/browse/${key}/${slug}/`,
} as const;

/**
 * Every facet with its values (most incidents first, then by name) and their incidents, in the
 * order given (newest first from the knowledge base, which memoises this as kb.browse).
 */
export function browseFacets(incidents: readonly ResolvedIncident[]): BrowseFacet[] {
  const byFacet = new Map<FacetKey, Map<string, ResolvedIncident[]>>(facetKeys.map((key) => [key, new Map()]));
  for (const incident of incidents) {
    const facets = incident.facets;
    for (const key of facetKeys) {
      for (const value of facets[key]) {
        const values = byFacet.get(key)!;
        const list = values.get(value) ?? [];
        list.push(incident);
        values.set(value, list);
      }
    }
  }
  return facetKeys.map((key): BrowseFacet => {
    const slugs = new Map<string, string>();
    const values = [...byFacet.get(key)!]
      .map(([value, incidents]) => {
        const slug = valueSlug(value) || 'other';
        const clash = slugs.get(slug);
        if (clash && clash !== value) {
          throw new Error(`facet "${key}": "${value}" and "${clash}" both make the browse URL /browse/${key}/${slug}/; rename one of them in content`);
        }
        slugs.set(slug, value);
        return { value, slug, incidents };
      })
      .sort((a, b) => b.incidents.length - a.incidents.length || a.value.localeCompare(b.value));
    if (key === 'year') values.sort((a, b) => b.value.localeCompare(a.value));
    return { key, label: facetLabels[key], values };
  });
}
