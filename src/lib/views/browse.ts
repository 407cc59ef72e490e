/** /browse/ and /browse/<facet>/<value>/: every search filter as plain lists that work without JavaScript. */
import { browsePaths } from '../browse.ts';
import { countIncidents } from '../display.ts';
import { searchQueryString, type FacetKey } from '../facets.ts';
import { paths } from '../urls.ts';
import { pageFrame, type LinkView, type PageFrame, type ViewContext } from './common.ts';
import { incidentItem, type IncidentItemView } from './parts.ts';

export interface BrowsePageView {
  page: PageFrame;
  facets: { key: FacetKey; label: string; values: { path: string; value: string; count: string }[] }[];
}

export function browsePage(ctx: ViewContext): BrowsePageView {
  return {
    page: pageFrame(ctx.site, {
      path: browsePaths.index(),
      title: 'Browse incidents',
      description: 'Every way to narrow the incidents, as plain lists: by attack type, attacker, supplier, product, organisation, region, year, data exposed and attribution.',
    }),
    facets: ctx.kb.browse.map((facet) => ({
      key: facet.key,
      label: facet.label,
      values: facet.values.map((v) => ({ path: browsePaths.value(facet.key, v.slug), value: v.value, count: countIncidents(v.incidents.length) })),
    })),
  };
}

export interface BrowseValuePageView {
  page: PageFrame;
  breadcrumbs: LinkView[];
  label: string;
  value: string;
  /** "3 incidents". */
  count: string;
  /** The same filter on the search page, to narrow further. */
  search: string;
  incidents: IncidentItemView[];
}

export function browseValuePage(ctx: ViewContext, key: FacetKey, slug: string): BrowseValuePageView {
  const facet = ctx.kb.browse.find((f) => f.key === key);
  const entry = facet?.values.find((v) => v.slug === slug);
  if (!facet || !entry) throw new Error(`no browse page /browse/${key}/${slug}/: browse pages are made for the facet values of the incidents`);
  const count = countIncidents(entry.incidents.length);
  return {
    page: pageFrame(ctx.site, {
      path: browsePaths.value(key, slug),
      title: `${facet.label}: ${entry.value}`,
      description: `${count} filed under ${facet.label.toLowerCase()} "${entry.value}".`,
    }),
    breadcrumbs: [{ text: 'Browse', path: browsePaths.index() }, { text: facet.label, path: browsePaths.facet(key) }],
    label: facet.label,
    value: entry.value,
    count,
    search: `${paths.search()}${searchQueryString('', { [key]: [entry.value] })}`,
    incidents: entry.incidents.map(incidentItem),
  };
}
