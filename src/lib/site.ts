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
