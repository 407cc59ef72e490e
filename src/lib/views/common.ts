/**
 * The parts every view shares: the page frame (head, navigation, search flags), and the small
 * shapes components render as they are: a date at its precision, a link, numbered source
 * references, a certainty label. A view is a plain, serialisable object; strings a page shows are
 * already formatted here, so components only lay them out.
 */
import type { PartialDate } from '../../schemas/dates.ts';
import { certaintyHelp, certaintyLabels, type Certainty } from '../../schemas/vocabularies.ts';
import type { KnowledgeBase } from '../model.ts';
import { formatPartialDate, formatPartialDateShort } from '../dates-format.ts';
import { precisionNote } from '../display.ts';
import { documentTitle, editFileUrl, primaryNav, repositoryHost, siteName, type CorrectionSettings } from '../site.ts';
import { sourceAnchor } from '../urls.ts';
import { citeLabel } from '../citations.ts';
import { absoluteUrl, dataPaths, type SiteContext } from '../export/site-url.ts';

/** What every view is computed from: the knowledge base, where the site is served, and where corrections go. */
export interface ViewContext {
  kb: KnowledgeBase;
  site: SiteContext;
  corrections: CorrectionSettings;
}

export interface FeedLink {
  title: string;
  href: string;
}

/** Everything the layout shows around a page's own content. */
export interface PageFrame {
  /** Site path of the page ("/incidents/x/"). */
  path: string;
  /** The <title> (shortened to fit search results; the h1 keeps the full text). */
  title: string;
  description: string;
  /** Absent on error pages, which have no address of their own. */
  canonical?: string | undefined;
  /** Printed above the content on paper, where the header is gone. */
  printAddress: string;
  feeds: FeedLink[];
  sitemap: string;
  ogType: 'website' | 'article';
  /** YYYY-MM-DD (article:modified_time) on incident pages. */
  modified?: string | undefined;
  /** The main navigation, with the section this page is in marked. */
  nav: { label: string; path: string; current: boolean }[];
  /** Mark the main content for the search index (reading pages only). */
  searchable: boolean;
  /** The label on search results ("Incident", "Attacker"). */
  searchKind?: string | undefined;
  /** "Suggest a correction", on pages made from one content file. */
  correction?: CorrectionView | undefined;
}

export interface FrameOptions {
  path: string;
  title: string;
  description: string;
  searchKind?: string;
  /** Feeds besides the site feed (an attacker's or supplier's own). */
  feeds?: FeedLink[];
  article?: { modified: string };
  /** Error pages have no canonical address. */
  noCanonical?: boolean;
  /** Pages made from one content file: see {@link correctionFor}. */
  correction?: CorrectionView | undefined;
}

export const siteFeedTitle = `${siteName}: new and updated incidents`;

/** The frame of a page: head metadata, navigation, and whether search indexes it (it does when it has a kind). */
export function pageFrame(site: SiteContext, options: FrameOptions): PageFrame {
  const { path } = options;
  return {
    path,
    title: documentTitle(options.title),
    description: options.description,
    canonical: options.noCanonical ? undefined : absoluteUrl(site, path),
    printAddress: absoluteUrl(site, path),
    feeds: [{ title: siteFeedTitle, href: absoluteUrl(site, dataPaths.feed) }, ...(options.feeds ?? [])],
    sitemap: absoluteUrl(site, dataPaths.sitemap),
    ogType: options.article ? 'article' : 'website',
    modified: options.article?.modified,
    nav: primaryNav.map((item) => ({ label: item.label, path: item.path, current: path.startsWith(item.path) })),
    searchable: options.searchKind !== undefined,
    searchKind: options.searchKind,
    correction: options.correction,
  };
}

/** "Suggest a correction": edit the page's source file in the repository, or send an email. */
export interface CorrectionView {
  /** The source file, from the repository's root ("content/incidents/x.md"). */
  file: string;
  /** Opens the file for editing on the repository's site. */
  editUrl: string;
  /** "GitHub" or "GitLab"; undefined for a host without a familiar name. */
  host?: string | undefined;
  email: string;
  /** mailto: with the page in the subject and a body that asks for the fact, the correction and a source. */
  mailto: string;
}

/** A mailto: link with its subject and body filled in (each encoded, line breaks kept). */
export function mailtoWith(email: string, subject: string, bodyLines: readonly string[]): string {
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(bodyLines.join('\r\n'))}`;
}

/** The body of a correction email: the page, then the fact, the correction and a source. */
export const correctionBody = [
  'The fact that is wrong or missing (quote it):',
  '',
  '',
  'What it should say:',
  '',
  '',
  'A public source that shows it (a link to a statement, notice, judgment or report):',
  '',
  '',
  'Are you writing for the organisation concerned? (optional)',
  '',
] as const;

/** The mailto: address of a correction to the page titled `title` at `url`. */
export function correctionMailto(email: string, title: string, url: string): string {
  return mailtoWith(email, `Correction: ${title}`, [`Page: ${title}`, url, '', ...correctionBody]);
}

/**
 * The correction links of a page made from one content entry: its source file opened for editing
 * on the configured branch, and an email naming the page. Undefined when the entry does not say
 * which file it came from (entries built by hand in tests).
 */
export function correctionFor(ctx: ViewContext, entry: { filePath?: string | undefined }, title: string, path: string): CorrectionView | undefined {
  if (!entry.filePath) return undefined;
  const file = entry.filePath.split('\\').join('/');
  return {
    file,
    editUrl: editFileUrl(ctx.corrections, file),
    host: repositoryHost(ctx.corrections),
    email: ctx.corrections.email,
    mailto: correctionMailto(ctx.corrections.email, title, absoluteUrl(ctx.site, path)),
  };
}

export interface LinkView {
  path: string;
  text: string;
}

/** A date at its own precision, for a <time> element. */
export interface DateView {
  /** ISO text at its own precision ("2024-06"). */
  datetime: string;
  /** "3 June 2024", "June 2024", "2024" (or "3 Jun 2024" in tables). */
  text: string;
  /** What the precision leaves out ("exact day not public"), where the page says so. */
  precisionNote?: string | undefined;
}

export function dateView(date: PartialDate, options: { short?: boolean; showPrecision?: boolean } = {}): DateView {
  return {
    datetime: date.value,
    text: options.short ? formatPartialDateShort(date) : formatPartialDate(date),
    precisionNote: options.showPrecision ? precisionNote(date) : undefined,
  };
}

/** One numbered reference to a source in the page's source list. */
export interface SourceRefView {
  number: number;
  /** "#source-s1". */
  href: string;
  /** Accessible name: the number first, then what it is. */
  label: string;
}

/** The references for these source ids, numbered by `numbers`; ids not in the list are left out. */
export function sourceRefs(ids: readonly string[] | undefined, numbers: ReadonlyMap<string, number>): SourceRefView[] {
  return (ids ?? []).flatMap((id) => {
    const number = numbers.get(id);
    return number === undefined ? [] : [{ number, href: `#${sourceAnchor(id)}`, label: citeLabel(number) }];
  });
}

export interface CertaintyView {
  level: Certainty;
  label: string;
  /** What the level means, shown on hover. */
  help: string;
}

export function certaintyView(level: Certainty): CertaintyView {
  return { level, label: certaintyLabels[level], help: certaintyHelp[level] };
}

/** The entry a page is for, or an error that says which id has no entry, and where entries come from. */
export function entryFor<T>(entries: ReadonlyMap<string, T>, id: string, what: string, folder: string): T {
  const entry = entries.get(id);
  if (entry === undefined) throw new Error(`no ${what} "${id}": its pages are made for the files in content/${folder}/`);
  return entry;
}

/** "1 incident", "3 incidents", "1 case study", "2 case studies". */
export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
