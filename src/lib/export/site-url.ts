/** Absolute URLs for exports, feeds and metadata, which leave the site and so cannot be relative. */
import { withBase } from '../urls.ts';

export interface SiteContext {
  /** The public origin, e.g. https://nhs-cyber-incidents.example.org (astro.config site). */
  site: string;
  /** The base path the site is served under, e.g. "/" or "/kb/". */
  base: string;
}

/** Absolute URL of a site path ("/incidents/x/") under the configured origin and base. */
export function absoluteUrl(ctx: SiteContext, path: string): string {
  const served = withBase(ctx.base, path);
  // Most paths need no escaping or resolving: the origin plus the path is what URL would give, at a
  // fraction of the cost (this runs for every link in the feeds and open data).
  if (plainPath.test(served)) return originOf(ctx.site) + served;
  return new URL(served, ctx.site).href;
}

const plainPath = /^\/(?:[\w~-]+\/)*(?:[\w~-]+(?:\.[A-Za-z0-9]+)?)?$/;
const origins = new Map<string, string>();
function originOf(site: string): string {
  let origin = origins.get(site);
  if (origin === undefined) {
    origin = new URL(site).origin;
    origins.set(site, origin);
  }
  return origin;
}

/** Removes the base path from a served pathname, giving the site path the permalink table uses. */
export function stripBase(base: string, pathname: string): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  if (trimmed && pathname.startsWith(`${trimmed}/`)) return pathname.slice(trimmed.length);
  if (trimmed && pathname === trimmed) return '/';
  return pathname;
}

/** Where the open data files live (site paths). One list, used by routes, head links and the /data/ page. */
export const dataPaths = {
  page: '/data/',
  list: (name: string) => `/data/${name}.json`,
  schema: (name: string) => `/data/schema/${name}.json`,
  csv: '/data/incidents.csv',
  stix: '/data/stix-bundle.json',
  navigator: {
    corpus: '/data/navigator/all-incidents.json',
    incident: (id: string) => `/data/navigator/incidents/${id}.json`,
    actor: (id: string) => `/data/navigator/actors/${id}.json`,
  },
  feed: '/feed.xml',
  actorFeed: (id: string) => `/feeds/actors/${id}.xml`,
  vendorFeed: (id: string) => `/feeds/vendors/${id}.xml`,
  bibtex: (id: string) => `/data/cite/${id}.bib`,
  cslJson: (id: string) => `/data/cite/${id}.json`,
  sitemap: '/sitemap.xml',
} as const;

/** A day as an RFC 3339 instant at midnight UTC (Atom, STIX and sitemaps want instants). */
export function dayInstant(day: string): string {
  return `${day}T00:00:00Z`;
}

/** The context from Astro's env (import.meta.env), with a clear error when `site` is not configured. */
export function siteContextFrom(env: { SITE?: string | undefined; BASE_URL: string }): SiteContext {
  if (!env.SITE) throw new Error('astro.config.mjs has no `site`: exports, feeds and canonical URLs need absolute addresses. Set SITE_URL or the site option.');
  return { site: env.SITE, base: env.BASE_URL };
}
