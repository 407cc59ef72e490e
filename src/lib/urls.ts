/** Permalinks (fixed by the architecture: lower case, trailing slash) and base-path handling. */

/** Joins the configured base path and a site-absolute path, e.g. ('/kb/', '/incidents/') → '/kb/incidents/'. */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  if (/^[a-z]+:/i.test(path) || path.startsWith('#')) return path;
  return `${trimmedBase}${path.startsWith('/') ? path : `/${path}`}`;
}

export const paths = {
  home: () => '/',
  incidents: () => '/incidents/',
  incident: (id: string) => `/incidents/${id}/`,
  actors: () => '/actors/',
  actor: (id: string) => `/actors/${id}/`,
  vendors: () => '/vendors/',
  vendor: (id: string) => `/vendors/${id}/`,
  organisations: () => '/organisations/',
  organisation: (id: string) => `/organisations/${id}/`,
  attackTypes: () => '/attack-types/',
  attackType: (id: string) => `/attack-types/${id}/`,
  vulnerabilities: () => '/vulnerabilities/',
  vulnerability: (cve: string) => `/vulnerabilities/${cve.toLowerCase()}/`,
  controls: () => '/controls/',
  control: (id: string) => `/controls/${id}/`,
  timeline: () => '/timeline/',
  search: () => '/search/',
  training: () => '/training/',
  about: () => '/about/',
  data: () => '/data/',
} as const;

/** Fragment id for a source in an incident's source list. */
export const sourceAnchor = (id: string) => `source-${id}`;
