/** What every page's head says about it: canonical URL, feeds, Open Graph. Computed from the page path. */
import type { KnowledgeBase } from '../model.ts';
import { siteName } from '../site.ts';
import { absoluteUrl, dataPaths, stripBase, type SiteContext } from './site-url.ts';

export interface FeedLink {
  title: string;
  href: string;
}

export interface PageMeta {
  /** Absent on error pages, which have no address of their own. */
  canonical?: string | undefined;
  ogType: 'website' | 'article';
  /** YYYY-MM-DD for incident pages (article:modified_time). */
  modified?: string | undefined;
  feeds: FeedLink[];
}

export function pageMeta(pathname: string, kb: KnowledgeBase, ctx: SiteContext): PageMeta {
  const path = stripBase(ctx.base, pathname);
  const feeds: FeedLink[] = [{ title: `${siteName}: new and updated incidents`, href: absoluteUrl(ctx, dataPaths.feed) }];
  const [, section, id, rest] = /^\/([a-z-]+)\/([^/]+)\/(.*)$/.exec(path) ?? [];
  const isEntityPage = rest === '' && id !== undefined;
  if (isEntityPage && section === 'actors') {
    const actor = kb.actors.get(id);
    if (actor) feeds.push({ title: `Incidents attributed to ${actor.data.name}`, href: absoluteUrl(ctx, dataPaths.actorFeed(id)) });
  }
  if (isEntityPage && section === 'vendors') {
    const vendor = kb.vendors.get(id);
    if (vendor) feeds.push({ title: `Incidents involving ${vendor.data.name}`, href: absoluteUrl(ctx, dataPaths.vendorFeed(id)) });
  }
  const incident = isEntityPage && section === 'incidents' ? kb.incident.get(id) : undefined;
  const isErrorPage = /^\/(404|500)(\/|\.html)?$/.test(path);
  return {
    canonical: isErrorPage ? undefined : absoluteUrl(ctx, path),
    ogType: incident ? 'article' : 'website',
    modified: incident?.data.lastReviewed.value,
    feeds,
  };
}
