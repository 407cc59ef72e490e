/** /sitemap.xml (sitemaps.org 0.9): every page, with lastmod where content dates it. */
import type { KnowledgeBase } from '../model.ts';
import { absoluteUrl, type SiteContext } from './site-url.ts';
import { escapeXml } from './xml.ts';

export interface SitemapEntry {
  /** Site path, e.g. "/incidents/x/". */
  path: string;
  /** YYYY-MM-DD, only where content dates the page (incident review dates); never the build date. */
  lastmod?: string | undefined;
}

const pageExtension = /\.(astro|md|mdx|html)$/;

/** True for a file under src/pages that renders an HTML page (not an endpoint, not a _private file). */
export function isPageFile(file: string): boolean {
  return pageExtension.test(file) && !file.split('/').some((part) => part.startsWith('_'));
}

/** True for routes with parameters, which have one page per getStaticPaths entry. */
export function isDynamicRoute(file: string): boolean {
  return file.includes('[');
}

/**
 * The site path of a page file ("training/[id]/notes.astro") given its params ({ id: "x" }), with
 * the trailing slash every permalink has. Rest params ([...slug]) may be empty.
 */
export function routeToPath(file: string, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  const route = file.replace(pageExtension, '').replace(/(^|\/)index$/, '');
  const filled = route.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_whole, rest: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined && !rest) throw new Error(`page ${file} has no value for its [${name}] parameter in getStaticPaths`);
    return value === undefined ? '' : String(value);
  });
  const path = `/${filled}/`.replace(/\/{2,}/g, '/');
  return path;
}

/** Error pages have no address of their own, so they are not listed. */
const errorPage = /^\/(404|500)\/$/;

/** Sorted, de-duplicated entries; incident pages carry their review date as lastmod. */
export function sitemapEntries(paths: readonly string[], kb: KnowledgeBase): SitemapEntry[] {
  const lastmods = new Map(kb.incidents.map((i) => [`/incidents/${i.id}/`, i.data.lastReviewed.value]));
  return [...new Set(paths)]
    .filter((path) => !errorPage.test(path))
    .sort()
    .map((path) => ({ path, lastmod: lastmods.get(path) }));
}

export function sitemapXml(entries: readonly SitemapEntry[], ctx: SiteContext): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : '';
    return `  <url><loc>${escapeXml(absoluteUrl(ctx, e.path))}</loc>${lastmod}</url>`;
  });
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}
