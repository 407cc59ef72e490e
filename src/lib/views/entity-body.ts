/** An entity's Markdown write-up, as its page shows it. */
import type { Entry } from '../model.ts';

export interface EntityBodyView {
  /** The section heading ("Profile", "Background"). */
  heading: string;
  /**
   * The body as HTML, as the Markdown pipeline renders it (src/lib/markdown/prose.ts: cites linked
   * to the entity's own numbered sources, headings under this section's); empty when it has none.
   */
  html: string;
}

export function entityBody(entry: Pick<Entry<unknown>, 'rendered'>, heading: string): EntityBodyView {
  const html = entry.rendered?.html;
  return { heading, html: html?.trim() ? html : '' };
}
