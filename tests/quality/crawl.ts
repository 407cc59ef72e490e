/**
 * What the quality gates crawl: every page in the sitemap (or every HTML file when there is no
 * sitemap yet), and one representative page of each main page type.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { listFiles, pagePath, root } from '../helpers/site.ts';

/** The site paths a sitemap lists, following a sitemap index to its sitemaps. */
function sitemapPaths(dir: string, file: string): string[] {
  const base = new URL('.', `http://site/${file}`).pathname;
  return [...readFileSync(join(dir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].flatMap((m) => {
    const path = new URL(m[1]!.trim()).pathname;
    // The sitemap's own folder is the site's base: paths are relative to it here.
    const local = path.startsWith(base) ? path.slice(base.length - 1) : path;
    return local.endsWith('.xml') ? sitemapPaths(dir, local.slice(1)) : [local];
  });
}

/** Site paths ("/incidents/x/") of every page a reader can reach. */
export function sitePages(dir: string): string[] {
  if (existsSync(join(dir, 'sitemap.xml'))) {
    const paths = sitemapPaths(dir, 'sitemap.xml');
    if (paths.length > 0) return [...new Set(paths)].sort();
  }
  return listFiles(dir, ['.html'])
    .filter((file) => file !== '404.html' && !file.startsWith('pagefind/'))
    .map(pagePath);
}

/** The first built page under a list route ("/incidents/" → "/incidents/<first id>/"). */
function firstDetail(dir: string, section: string): string | undefined {
  if (!existsSync(join(dir, section))) return undefined;
  return listFiles(join(dir, section), ['index.html'])
    .filter((file) => file.includes('/'))
    // The shallowest page is the detail page (/training/<id>/), not a sub-page of one.
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
    .map((file) => `/${section}/${file.replace(/index\.html$/, '')}`)[0];
}

/** One page of each main type that exists in this build, keyed by a readable name. */
export function mainPageTypes(dir: string): Record<string, string> {
  const incident = firstDetail(dir, 'incidents');
  const candidates: Record<string, string | undefined> = {
    home: '/',
    'incident list': '/incidents/',
    overview: '/overview/',
    incident,
    search: '/search/',
    timeline: '/timeline/',
    actor: firstDetail(dir, 'actors'),
    vendor: firstDetail(dir, 'vendors'),
    organisation: firstDetail(dir, 'organisations'),
    'attack type': firstDetail(dir, 'attack-types'),
    vulnerability: firstDetail(dir, 'vulnerabilities'),
    control: firstDetail(dir, 'controls'),
    training: '/training/',
    // Case studies live at /training/<incident id>/.
    'case study': incident?.replace(/^\/incidents\//, '/training/'),
    about: '/about/',
  };
  const found: Record<string, string> = {};
  for (const [name, path] of Object.entries(candidates)) {
    if (path && existsSync(join(dir, path, 'index.html'))) found[name] = path;
  }
  return found;
}

/**
 * Runs `work` over items in `tabs` long-lived tabs of one context, each tab navigating from item to
 * item. Opening a tab starts a renderer process (about half a second here); navigating an open tab
 * costs a fraction of that. The tabs share the context's storage, as tabs of one browser do.
 */
export async function inTabs<T>(context: BrowserContext, items: readonly T[], tabs: number, work: (page: Page, item: T) => Promise<void>): Promise<void> {
  const pages = await Promise.all(Array.from({ length: Math.min(tabs, items.length) }, () => context.newPage()));
  let next = 0;
  try {
    await Promise.all(
      pages.map(async (page) => {
        while (next < items.length) await work(page, items[next++]!);
      }),
    );
  } finally {
    await Promise.all(pages.map((page) => page.close()));
  }
}

/** Collects CSP violations the browser reports on a page (must be installed before goto). */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

