/** "Cite this incident": a suggested citation, BibTeX and CSL-JSON, all naming the permalink and review date. */
import type { ResolvedIncident } from '../model.ts';
import { formatPartialDate } from '../dates-format.ts';
import { siteName } from '../site.ts';
import { paths } from '../urls.ts';
import { absoluteUrl, type SiteContext } from './site-url.ts';

export interface CitationData {
  id: string;
  title: string;
  url: string;
  /** YYYY-MM-DD. */
  lastReviewed: string;
  /** "29 November 2026". */
  lastReviewedText: string;
}

export function citationData(incident: ResolvedIncident, ctx: SiteContext): CitationData {
  return {
    id: incident.id,
    title: incident.data.title,
    url: absoluteUrl(ctx, paths.incident(incident.id)),
    lastReviewed: incident.data.lastReviewed.value,
    lastReviewedText: formatPartialDate(incident.data.lastReviewed),
  };
}

/** Plain-text citation in a common author–date web style; the reader adds the day they read it. */
export function citationText(c: CitationData): string {
  return `${siteName} (${c.lastReviewed.slice(0, 4)}) ‘${c.title}’. Last reviewed ${c.lastReviewedText}. Available at: ${c.url}`;
}

// BibTeX special characters, each replaced by the form LaTeX prints literally.
const bibtexEscapes: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (ch) => bibtexEscapes[ch] ?? ch).replace(/\s+/g, ' ');
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A BibTeX @misc entry (biblatex reads it too). The key is stable: the incident id. */
export function bibtex(c: CitationData): string {
  const [year, month] = c.lastReviewed.split('-');
  const fields: [string, string][] = [
    // Double braces keep the title's capitals; a corporate author is braced so it is not split into names.
    ['title', `{${escapeBibtex(c.title)}}`],
    ['author', `{${escapeBibtex(siteName)}}`],
    ['year', year ?? ''],
    ['month', monthNames[Number(month) - 1] ?? ''],
    ['howpublished', `\\url{${c.url}}`],
    ['url', c.url],
    ['note', `Last reviewed ${c.lastReviewed}`],
  ];
  const body = fields.map(([key, value]) => (key === 'month' ? `  ${key} = ${value}` : `  ${key} = {${value}}`)).join(',\n');
  return `@misc{${c.id},\n${body}\n}\n`;
}

/** CSL-JSON (what Zotero, Mendeley and pandoc read): an array with one webpage item. */
export function cslJson(c: CitationData): unknown[] {
  const [year, month, day] = c.lastReviewed.split('-').map(Number);
  return [
    {
      id: c.id,
      type: 'webpage',
      title: c.title,
      author: [{ literal: siteName }],
      'container-title': siteName,
      issued: { 'date-parts': [[year, month, day]] },
      URL: c.url,
      note: `Last reviewed ${c.lastReviewed}`,
    },
  ];
}
