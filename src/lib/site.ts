/** Site-wide names and navigation, used by the layout and by exports. */
export const siteName = 'NHS Cyber Incidents';
export const siteTagline = 'A sourced knowledge base of cyber incidents that hit the NHS and its suppliers';

export const primaryNav = [
  { label: 'Incidents', path: '/incidents/' },
  { label: 'Overview', path: '/overview/' },
  { label: 'Timeline', path: '/timeline/' },
  { label: 'Attackers', path: '/actors/' },
  { label: 'Suppliers and vendors', path: '/vendors/' },
  { label: 'Attack types', path: '/attack-types/' },
  { label: 'Training', path: '/training/' },
  { label: 'About', path: '/about/' },
] as const;

/**
 * Where readers open an issue to send a correction. Set it (or SITE_REPOSITORY_URL at build time)
 * to the public repository's address; the about and 404 pages link to its issue tracker when set.
 */
export const repositoryUrl: string | undefined = globalThis.process?.env.SITE_REPOSITORY_URL || undefined;

/** The most a <title> should hold: search results and browser tabs cut longer ones off. */
export const titleMaxLength = 70;

/**
 * Shortens text to `max` characters at a word boundary, with an ellipsis, trimming any punctuation
 * the cut leaves dangling. A single word longer than half the room is cut mid-word rather than
 * leaving almost nothing.
 */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Room left in a 70-character <title> (what search results and tabs show) once " | site name" is added. */
export const titleRoom = titleMaxLength - ` | ${siteName}`.length;

/** Shortens a page title to `max` characters at a word boundary, with an ellipsis; the h1 keeps the full text. */
export function fitTitle(text: string, max = titleRoom): string {
  return shortenAtWord(text, max);
}

/**
 * A page's <title>: "Page | NHS Cyber Incidents" when that fits in {@link titleMaxLength}
 * characters; otherwise the page title alone; otherwise the page title shortened at a word
 * boundary. The page's h1 keeps the full text.
 */
export function documentTitle(title: string, max = titleMaxLength): string {
  const text = title.trim().replace(/\s+/g, ' ');
  if (text === siteName) return siteName;
  const withSite = `${text} | ${siteName}`;
  if (withSite.length <= max) return withSite;
  return shortenAtWord(text, max);
}
