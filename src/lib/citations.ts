/** Prose cites sources as [@id] or [@id1, @id2]. These helpers find and render those cites. */

const citePattern = /\[@([a-z0-9][a-z0-9-]*(?:\s*[,;]\s*@?[a-z0-9][a-z0-9-]*)*)\]/g;

/** A cite with the space before it, which linkCitations makes unbreakable. */
const citeWithSpaceBefore = new RegExp(`(\\s*)${citePattern.source}`, 'g');

/** Every source id cited in a text, in order of first appearance. */
export function findCitations(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(citePattern)) {
    for (const id of (match[1] ?? '').split(/[,;]/).map((part) => part.trim().replace(/^@/, ''))) {
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

/**
 * Replaces [@id] cites in rendered HTML with numbered links to the source list. `numbers` maps
 * a source id to its number; `anchor` makes the fragment id for a source.
 */
export function linkCitations(html: string, numbers: ReadonlyMap<string, number>, anchor: (id: string) => string): string {
  return html.replace(citeWithSpaceBefore, (whole, space: string, list: string) => {
    const ids = list.split(/[,;]/).map((part) => part.trim().replace(/^@/, ''));
    if (ids.some((id) => !numbers.has(id))) return whole;
    const links = ids
      .map((id) => `<a href="#${anchor(id)}" aria-label="${citeLabel(numbers.get(id)!)}">${numbers.get(id)}</a>`)
      .join(', ');
    // A no-break space keeps the number on the line of the word it supports. The numbers stay out
    // of the search index and its excerpts, as on every other cite (SourceRefs).
    return `${space ? '&nbsp;' : ''}<sup class="cite" data-pagefind-ignore>[${links}]</sup>`;
  });
}
