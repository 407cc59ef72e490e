/** Atom 1.0 feeds (RFC 4287) of new and updated incidents: the whole site, and per actor and vendor. */
import type { KnowledgeBase, ResolvedIncident } from '../model.ts';
import { siteName } from '../site.ts';
import { paths } from '../urls.ts';
import { absoluteUrl, dataPaths, dayInstant, type SiteContext } from './site-url.ts';
import { escapeXml } from './xml.ts';

export interface FeedSpec {
  /** Site path of the feed itself (its self link and its id). */
  path: string;
  /** Site path of the HTML page the feed mirrors. */
  pagePath: string;
  title: string;
  subtitle: string;
  incidents: readonly ResolvedIncident[];
}

/** Most recently reviewed first: a re-reviewed incident moves to the top as an update. */
export function feedOrder(incidents: readonly ResolvedIncident[]): ResolvedIncident[] {
  return [...incidents].sort((a, b) => b.data.lastReviewed.value.localeCompare(a.data.lastReviewed.value) || a.id.localeCompare(b.id));
}

/**
 * The feed document. Entry ids are incident permalinks, which never change, so a feed reader shows
 * a re-reviewed incident as an update, not a new item. `fallbackUpdated` dates a feed with no
 * entries (Atom requires an updated date); it comes from content, never the build clock.
 */
export function buildAtomFeed(spec: FeedSpec, ctx: SiteContext, fallbackUpdated: string): string {
  const at = (path: string) => absoluteUrl(ctx, path);
  const entries = feedOrder(spec.incidents);
  const updated = entries[0]?.data.lastReviewed.value ?? fallbackUpdated;
  const text = (tag: string, value: string, attributes = '') => `<${tag}${attributes}>${escapeXml(value)}</${tag}>`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  ${text('id', at(spec.path))}`,
    `  ${text('title', spec.title, ' type="text"')}`,
    `  ${text('subtitle', spec.subtitle, ' type="text"')}`,
    `  ${text('updated', dayInstant(updated))}`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(at(spec.path))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(at(spec.pagePath))}"/>`,
    `  <author>${text('name', siteName)}${text('uri', at(paths.home()))}</author>`,
  ];
  for (const incident of entries) {
    const d = incident.data;
    const permalink = at(paths.incident(incident.id));
    lines.push(
      '  <entry>',
      `    ${text('id', permalink)}`,
      `    ${text('title', d.title, ' type="text"')}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(permalink)}"/>`,
      `    ${text('updated', dayInstant(d.lastReviewed.value))}`,
      `    ${text('summary', d.summary, ' type="text"')}`,
      ...incident.attackTypes.map(
        (t) => `    <category term="${escapeXml(t.id)}" label="${escapeXml(t.data.name)}" scheme="${escapeXml(at(paths.attackTypes()))}"/>`,
      ),
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}

/** Fallback "updated" for feeds with no entries: the latest review anywhere, else the epoch of the data. */
function fallback(kb: KnowledgeBase): string {
  return kb.latestReview ?? '1970-01-01';
}

export function siteFeed(kb: KnowledgeBase, ctx: SiteContext): string {
  return buildAtomFeed(
    { path: dataPaths.feed, pagePath: paths.incidents(), title: `${siteName}: new and updated incidents`, subtitle: 'Incidents added to the knowledge base or updated after review.', incidents: kb.incidents },
    ctx,
    fallback(kb),
  );
}

export function actorFeed(kb: KnowledgeBase, ctx: SiteContext, actorId: string): string {
  const actor = kb.actors.get(actorId);
  if (!actor) throw new Error(`no actor "${actorId}" for a feed: feeds are made for the ids in content/actors/`);
  return buildAtomFeed(
    { path: dataPaths.actorFeed(actorId), pagePath: paths.actor(actorId), title: `${siteName}: incidents attributed to ${actor.data.name}`, subtitle: `New and updated incidents that name ${actor.data.name}, whatever the status of the attribution.`, incidents: actor.incidents },
    ctx,
    fallback(kb),
  );
}

export function vendorFeed(kb: KnowledgeBase, ctx: SiteContext, vendorId: string): string {
  const vendor = kb.vendors.get(vendorId);
  if (!vendor) throw new Error(`no vendor "${vendorId}" for a feed: feeds are made for the ids in content/vendors/`);
  return buildAtomFeed(
    { path: dataPaths.vendorFeed(vendorId), pagePath: paths.vendor(vendorId), title: `${siteName}: incidents involving ${vendor.data.name}`, subtitle: `New and updated incidents where ${vendor.data.name} was the compromised supplier or its product was exploited.`, incidents: vendor.incidents },
    ctx,
    fallback(kb),
  );
}
