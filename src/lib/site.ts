/** Site-wide names and navigation, used by the layout and by exports. */
export const siteName = 'NHS Cyber Incidents';
export const siteTagline = 'A sourced knowledge base of cyber incidents that hit the NHS and its suppliers';

export const primaryNav = [
  { label: 'Incidents', path: '/incidents/' },
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
