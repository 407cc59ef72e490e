/** /search/: the search page's frame and the few facts its markup needs before the script runs. */
import { paths } from '../urls.ts';
import { pageFrame, type LinkView, type PageFrame, type ViewContext } from './common.ts';

/**
 * Facet counts need every filter file of the index: a few kB for a few hundred incidents, about
 * 300 kB at 10,000. Above this many incidents the filters load when the reader asks for them (or
 * arrives with one ticked), so a plain search stays light.
 */
export const eagerFacetLimit = 2000;

export interface SearchPageView {
  page: PageFrame;
  /** When the search script loads the filter counts. */
  facetLoading: 'eager' | 'on-request';
  /** Where to go without JavaScript: the same incidents as plain lists. */
  browse: LinkView[];
}

export function searchPage(ctx: ViewContext): SearchPageView {
  return {
    page: pageFrame(ctx.site, {
      path: paths.search(),
      title: 'Search',
      description: 'Search the knowledge base by attacker, supplier, product, CVE, organisation or any word, and narrow the results by attack type, year and more.',
    }),
    facetLoading: ctx.kb.incidents.length <= eagerFacetLimit ? 'eager' : 'on-request',
    browse: [
      { path: paths.attackTypes(), text: 'Attack types' },
      { path: paths.actors(), text: 'Attackers' },
      { path: paths.vendors(), text: 'Suppliers and vendors' },
      { path: paths.organisations(), text: 'Affected organisations' },
      { path: paths.incidents(), text: 'All incidents, in a table' },
      { path: '/browse/', text: 'Every filter, as plain lists' },
    ],
  };
}
