/** Pages whose words are written in their templates: only their frame comes from a view. */
import { attributionLabels, attributionStatuses, certainties, certaintyHelp, certaintyLabels, type Certainty } from '../../schemas/vocabularies.ts';
import { siteName } from '../site.ts';
import { paths } from '../urls.ts';
import { pageFrame, type PageFrame, type ViewContext } from './common.ts';

export interface StaticPageView {
  page: PageFrame;
}

export interface AboutPageView extends StaticPageView {
  siteName: string;
  /** The four certainty levels with what each means, as a sentence. */
  certaintyLevels: { level: Certainty; label: string; meaning: string }[];
  /** The same levels worded for attribution. */
  attributionLevels: string[];
}

export function aboutPage(ctx: ViewContext): AboutPageView {
  return {
    siteName,
    certaintyLevels: certainties.map((level) => ({
      level,
      label: certaintyLabels[level],
      meaning: `${certaintyHelp[level].charAt(0).toUpperCase()}${certaintyHelp[level].slice(1)}.`,
    })),
    attributionLevels: attributionStatuses.map((status) => attributionLabels[status]),
    page: pageFrame(ctx.site, {
      path: paths.about(),
      title: 'About this knowledge base',
      description: 'What the NHS cyber incidents knowledge base covers, how facts are sourced and checked, the naming policy and how to send a correction.',
      searchKind: 'About',
    }),
  };
}

/** The 404 page has no address of its own: no canonical URL. */
export function notFoundPage(ctx: ViewContext): StaticPageView {
  return {
    page: pageFrame(ctx.site, {
      path: '/404/',
      title: 'Page not found',
      description: 'The page you asked for does not exist on this site.',
      noCanonical: true,
    }),
  };
}
