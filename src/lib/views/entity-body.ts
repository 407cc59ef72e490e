/** An entity's Markdown write-up, as its page shows it. */
import type { Entry } from '../model.ts';
import type { Source } from '../../schemas/source.ts';
import { linkCitations } from '../citations.ts';
import { demoteHeadings, sourceNumbersOf } from '../display.ts';
import { sourceAnchor } from '../urls.ts';

export interface EntityBodyView {
  /** The section heading ("Profile", "Background"). */
  heading: string;
  /** The body as HTML with its [@id] cites linked to the entity's own numbered sources; empty when it has none. */
  html: string;
}

export function entityBody(entry: Pick<Entry<{ sources: readonly Source[] }>, 'rendered' | 'data'>, heading: string): EntityBodyView {
  const html = entry.rendered?.html;
  // The body's own h2 sections nest under this section's heading.
  return { heading, html: html?.trim() ? demoteHeadings(linkCitations(html, sourceNumbersOf(entry.data.sources), sourceAnchor)) : '' };
}
