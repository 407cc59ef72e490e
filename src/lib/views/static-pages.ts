/** Pages whose words are written in their templates: only their frame comes from a view. */
import { attributionLabels, attributionStatuses, certainties, certaintyHelp, certaintyLabels, type Certainty } from '../../schemas/vocabularies.ts';
import { newIssueUrl, repositoryHost, siteName } from '../site.ts';
import { paths } from '../urls.ts';
import { correctionBody, mailtoWith, pageFrame, type PageFrame, type ViewContext } from './common.ts';

export interface StaticPageView {
  page: PageFrame;
}

/** Where to send a correction or report a broken link from a page that is not about one entry. */
export interface CorrectionChannelsView {
  /** Opens a new issue in the project's repository. */
  issueUrl: string;
  /** "GitHub" or "GitLab"; undefined for a host without a familiar name. */
  host?: string | undefined;
  email: string;
  /** mailto: with a subject and a body that asks for what is needed. */
  mailto: string;
}

function correctionChannels(ctx: ViewContext, subject: string, body: readonly string[]): CorrectionChannelsView {
  const settings = ctx.corrections;
  return {
    issueUrl: newIssueUrl(settings),
    host: repositoryHost(settings),
    email: settings.email,
    mailto: mailtoWith(settings.email, subject, body),
  };
}

export interface AboutPageView extends StaticPageView {
  siteName: string;
  corrections: CorrectionChannelsView;
  /** The four certainty levels with what each means, as a sentence. */
  certaintyLevels: { level: Certainty; label: string; meaning: string }[];
  /** The same levels worded for attribution. */
  attributionLevels: string[];
}

export function aboutPage(ctx: ViewContext): AboutPageView {
  return {
    siteName,
    corrections: correctionChannels(ctx, `Correction to ${siteName}`, ['Page (its address):', '', '', ...correctionBody]),
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

export interface NotFoundPageView extends StaticPageView {
  brokenLink: CorrectionChannelsView;
}

/** The 404 page has no address of its own: no canonical URL. */
export function notFoundPage(ctx: ViewContext): NotFoundPageView {
  return {
    brokenLink: correctionChannels(ctx, `Broken link on ${siteName}`, [
      'The address I tried to open:',
      '',
      '',
      'The page or document that linked to it, if you know:',
      '',
    ]),
    page: pageFrame(ctx.site, {
      path: '/404/',
      title: 'Page not found',
      description: 'The page you asked for does not exist on this site.',
      noCanonical: true,
    }),
  };
}
