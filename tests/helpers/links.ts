/**
 * Walks every internal link, script, stylesheet, image and form target in a built site and reports
 * the ones that do not resolve to a file (or to an element id, for #fragments).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, pagePath } from './site.ts';

export interface BrokenLink {
  page: string;
  target: string;
  reason: string;
}

const attributePattern = /\s(href|src|action|srcset)="([^"]*)"/g;
const idPattern = /\sid="([^"]*)"/g;

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

export function fileForPath(distDir: string, sitePath: string): string | undefined {
  const clean = decodeURIComponent(sitePath.split('#')[0]!.split('?')[0]!);
  let file = join(distDir, clean);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(idPattern)].map((m) => decodeEntities(m[1]!)));
    idCache.set(file, ids);
  }
  return ids;
}

/** Checks every page in distDir; `base` is the configured base path (e.g. /kb/). */
export function findBrokenLinks(distDir: string, base = '/'): { pages: number; links: number; broken: BrokenLink[] } {
  idCache.clear();
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const pages = listFiles(distDir, ['.html']);
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const page of pages) {
    const html = readFileSync(join(distDir, page), 'utf8');
    const pageUrl = new URL(`${prefix.slice(0, -1)}${pagePath(page)}`, 'http://site.invalid');
    for (const match of html.matchAll(attributePattern)) {
      const raw = decodeEntities(match[2]!.trim());
      const values = match[1] === 'srcset' ? raw.split(',').map((part) => part.trim().split(/\s+/)[0]!) : [raw];
      for (const value of values) {
        if (!value || /^(https?:|mailto:|tel:|data:|javascript:)/i.test(value) || value.startsWith('//')) continue;
        links++;
        const target = new URL(value, pageUrl);
        if (target.origin !== pageUrl.origin) continue;
        if (!target.pathname.startsWith(prefix) && target.pathname !== prefix.slice(0, -1)) {
          broken.push({ page, target: value, reason: `does not start with the base path ${prefix}` });
          continue;
        }
        const file = fileForPath(distDir, target.pathname.slice(prefix.length - 1));
        if (!file) {
          broken.push({ page, target: value, reason: 'no such page or file' });
          continue;
        }
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) {
          broken.push({ page, target: value, reason: `no element with id "${fragment}"` });
        }
      }
    }
  }
  return { pages: pages.length, links, broken };
}

export function describeBroken(broken: BrokenLink[]): string {
  return broken.map((b) => `${b.page}: ${b.target} (${b.reason})`).join('\n');
}
