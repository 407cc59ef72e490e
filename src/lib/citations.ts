/** Prose cites sources as [@id] or [@id1, @id2]. These helpers find and render those cites. */

const citePattern = /\[@([a-z0-9][a-z0-9-]*(?:\s*[,;]\s*@?[a-z0-9][a-z0-9-]*)*)\]/g;

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
 * Replaces [@id] cites in rendered HTML with numbered links to the source list. `numbers` maps
 * a source id to its number; `anchor` makes the fragment id for a source.
 */
export function linkCitations(html: string, numbers: ReadonlyMap<string, number>, anchor: (id: string) => string): string {
  return html.replace(citePattern, (whole, list: string) => {
    const ids = list.split(/[,;]/).map((part) => part.trim().replace(/^@/, ''));
    if (ids.some((id) => !numbers.has(id))) return whole;
    const links = ids
      .map((id) => `<a href="#${anchor(id)}" aria-label="Source ${numbers.get(id)}">${numbers.get(id)}</a>`)
      .join(', ');
    return `<sup class="cite">[${links}]</sup>`;
  });
}
