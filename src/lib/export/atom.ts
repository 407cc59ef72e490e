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

export interface FeedEntry {
  /** The incident's permalink: its id and its link. */
  id: string;
  title: string;
  /** RFC 3339 instant of the review date. */
  updated: string;
  summary: string;
  categories: { term: string; label: string }[];
}

/** A feed as plain data (its view): what the XML says, worked out. */
export interface FeedDocument {
  /** Absolute URL of the feed itself (its self link and its id). */
  id: string;
  /** Absolute URL of the HTML page it mirrors. */
  alternate: string;
  title: string;
  subtitle: string;
  updated: string;
  author: { name: string; uri: string };
  /** Where the category terms (attack type ids) are defined. */
  categoryScheme: string;
  entries: FeedEntry[];
}

/**
 * The feed's content. Entry ids are incident permalinks, which never change, so a feed reader shows
 * a re-reviewed incident as an update, not a new item. `fallbackUpdated` dates a feed with no
 * entries (Atom requires an updated date); it comes from content, never the build clock.
 */
export function feedDocument(spec: FeedSpec, ctx: SiteContext, fallbackUpdated: string): FeedDocument {
  const at = (path: string) => absoluteUrl(ctx, path);
  const incidents = feedOrder(spec.incidents);
  return {
    id: at(spec.path),
    alternate: at(spec.pagePath),
    title: spec.title,
    subtitle: spec.subtitle,
    updated: dayInstant(incidents[0]?.data.lastReviewed.value ?? fallbackUpdated),
    author: { name: siteName, uri: at(paths.home()) },
    categoryScheme: at(paths.attackTypes()),
    entries: incidents.map((incident) => ({
      id: at(paths.incident(incident.id)),
      title: incident.data.title,
      updated: dayInstant(incident.data.lastReviewed.value),
      summary: incident.data.summary,
      categories: incident.attackTypes.map((t) => ({ term: t.id, label: t.data.name })),
    })),
  };
}

/** The Atom XML of a feed. */
export function atomXml(feed: FeedDocument): string {
  const text = (tag: string, value: string, attributes = '') => `<${tag}${attributes}>${escapeXml(value)}</${tag}>`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  ${text('id', feed.id)}`,
    `  ${text('title', feed.title, ' type="text"')}`,
    `  ${text('subtitle', feed.subtitle, ' type="text"')}`,
    `  ${text('updated', feed.updated)}`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.id)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    `  <author>${text('name', feed.author.name)}${text('uri', feed.author.uri)}</author>`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    ${text('id', entry.id)}`,
      `    ${text('title', entry.title, ' type="text"')}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.id)}"/>`,
      `    ${text('updated', entry.updated)}`,
      `    ${text('summary', entry.summary, ' type="text"')}`,
      ...entry.categories.map((c) => `    <category term="${escapeXml(c.term)}" label="${escapeXml(c.label)}" scheme="${escapeXml(feed.categoryScheme)}"/>`),
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

export function siteFeed(kb: KnowledgeBase, ctx: SiteContext): FeedDocument {
  return feedDocument(
    { path: dataPaths.feed, pagePath: paths.incidents(), title: `${siteName}: new and updated incidents`, subtitle: 'Incidents added to the knowledge base or updated after review.', incidents: kb.incidents },
    ctx,
    fallback(kb),
  );
}

export function actorFeed(kb: KnowledgeBase, ctx: SiteContext, actorId: string): FeedDocument {
  const actor = kb.actors.get(actorId);
  if (!actor) throw new Error(`no actor "${actorId}" for a feed: feeds are made for the ids in content/actors/`);
  return feedDocument(
    { path: dataPaths.actorFeed(actorId), pagePath: paths.actor(actorId), title: `${siteName}: incidents attributed to ${actor.data.name}`, subtitle: `New and updated incidents that name ${actor.data.name}, whatever the status of the attribution.`, incidents: actor.incidents },
    ctx,
    fallback(kb),
  );
}

export function vendorFeed(kb: KnowledgeBase, ctx: SiteContext, vendorId: string): FeedDocument {
  const vendor = kb.vendors.get(vendorId);
  if (!vendor) throw new Error(`no vendor "${vendorId}" for a feed: feeds are made for the ids in content/vendors/`);
  return feedDocument(
    { path: dataPaths.vendorFeed(vendorId), pagePath: paths.vendor(vendorId), title: `${siteName}: incidents involving ${vendor.data.name}`, subtitle: `New and updated incidents where ${vendor.data.name} was the compromised supplier or its product was exploited.`, incidents: vendor.incidents },
    ctx,
    fallback(kb),
  );
}
