/** Prose cites sources as [@id] or [@id1, @id2]. These helpers find those cites and number them. */
import { sourceAnchor } from './urls.ts';

const citePattern = /\[@([a-z0-9][a-z0-9-]*(?:\s*[,;]\s*@?[a-z0-9][a-z0-9-]*)*)\]/g;

/** A cite with the whitespace before it, which the rendered link replaces with a no-break space. */
const citeWithSpaceBefore = new RegExp(`(\\s*)${citePattern.source}`, 'g');

const idsOf = (list: string) => list.split(/[,;]/).map((part) => part.trim().replace(/^@/, ''));

/** Every source id cited in a text, in order of first appearance. */
export function findCitations(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(citePattern)) {
    for (const id of idsOf(match[1] ?? '')) {
      if (id && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/**
 * The accessible name of a citation link whose visible text is its number. It starts with that
 * number (WCAG 2.5.3, label in name: a voice-control user says what they see), then says what the
 * number is.
 */
export function citeLabel(number: number): string {
  return `${number}: source`;
}

export interface CiteLink {
  number: number;
  /** "#source-s1": the numbered source list's item. */
  href: string;
  label: string;
}

/** A run of prose: plain text, or a cite (with whether a space before it was taken up into it). */
export type ProsePart = { text: string } | { cite: CiteLink[]; spaceBefore: boolean };

/**
 * Splits a text into plain runs and cites numbered by `numbers` (source id → number). A cite that
 * names a source the list does not have stays as written rather than linking nowhere (the content
 * check reports it). Returns undefined when the text has no cite to link.
 */
export function splitCitations(text: string, numbers: ReadonlyMap<string, number>): ProsePart[] | undefined {
  const parts: ProsePart[] = [];
  let at = 0;
  for (const match of text.matchAll(citeWithSpaceBefore)) {
    const ids = idsOf(match[2] ?? '');
    if (ids.some((id) => !numbers.has(id))) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ cite: ids.map((id) => ({ number: numbers.get(id)!, href: `#${sourceAnchor(id)}`, label: citeLabel(numbers.get(id)!) })), spaceBefore: (match[1] ?? '') !== '' });
    at = match.index + match[0].length;
  }
  if (parts.length === 0) return undefined;
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
