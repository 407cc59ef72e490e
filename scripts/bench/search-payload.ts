/**
 * What a reader's first search costs, measured in Chromium on a built site: the bytes of every
 * Pagefind file fetched (library, worker, WebAssembly, metadata, filters, index chunks and the
 * fragments of the first page of results) and the time from the last keystroke to results on
 * screen. `npm run bench` calls measureSearchPayload(); run this file directly to measure one build:
 *
 *   node scripts/bench/search-payload.ts [dist-dir] [query] [base-path]
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { resolveRequest, startStaticServer } from '../lib/static-server.ts';

export type PayloadPart = 'library' | 'metadata' | 'filters' | 'index' | 'fragments';

export interface SearchPayload {
  query: string;
  /** How many results the search page reported for the query. */
  results: number;
  /** Pagefind requests made for the first search. */
  requests: number;
  /** Bytes of those responses as served (the static server sends them uncompressed). */
  bytes: number;
  /**
   * The same with text files (pagefind.js, the worker) gzipped, as any static host or CDN serves
   * them; Pagefind's own index files are compressed already.
   */
  bytesGzip: number;
  /** Bytes by kind of file, as transferred with text files gzipped (they add up to bytesGzip). */
  parts: Record<PayloadPart, number>;
  /** From the last keystroke in the search box to results on screen (includes the typing pause). */
  msToResults: number;
}

const partOf = (path: string): PayloadPart => {
  if (/\.pf_meta$/.test(path)) return 'metadata';
  if (/\.pf_filter$/.test(path)) return 'filters';
  if (/\.pf_index$/.test(path)) return 'index';
  if (/\.pf_fragment$/.test(path)) return 'fragments';
  return 'library';
};

const resultsSelector = (query: string) =>
  `#search-results-list[data-search-state="done"][data-query="${query.replace(/["\\]/g, '\\$&')}"]`;

export async function measureSearchPayload(distDir: string, query = 'ransomware', base = '/'): Promise<SearchPayload> {
  const root = resolve(distDir);
  const server = await startStaticServer(root, { base });
  const browser = await launchBrowser();
  try {
    // Bytes: a fresh browser arriving from the header search box (/search/?q=...), no cache.
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/pagefind/')) fetched.push(path);
    });
    await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, server.url).href);
    await page.waitForSelector(resultsSelector(query), { state: 'attached', timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const statusText = (await page.textContent('#search-status')) ?? '';
    const results = /^No /.test(statusText) ? 0 : Number(/^([\d,]+)/.exec(statusText)?.[1]?.replace(/,/g, '') ?? NaN);
    const parts: Record<PayloadPart, number> = { library: 0, metadata: 0, filters: 0, index: 0, fragments: 0 };
    let bytes = 0;
    let bytesGzip = 0;
    for (const path of fetched) {
      const file = resolveRequest(root, base, path);
      if (!file) throw new Error(`the search fetched ${path}, which is not in ${root}`);
      const body = readFileSync(file);
      // Pagefind's own files are gzipped already; its script is text, and a host compresses it.
      const transferred = /\.(js|css)$/.test(path) ? gzipSync(body).length : body.length;
      parts[partOf(path)] += transferred;
      bytes += body.length;
      bytesGzip += transferred;
    }
    await context.close();

    // Time: a reader on the loaded search page types the query; clock from the last key to results.
    const typing = await browser.newContext();
    const typingPage = await typing.newPage();
    await typingPage.goto(new URL('search/', server.url).href);
    await typingPage.waitForSelector('#search-results-list[data-search-state="done"]', { state: 'attached', timeout: 60_000 });
    await typingPage.focus('#search-query');
    await typingPage.keyboard.type(query.slice(0, -1));
    const started = performance.now();
    await typingPage.keyboard.type(query.slice(-1));
    await typingPage.waitForSelector(resultsSelector(query), { state: 'attached', timeout: 60_000 });
    const msToResults = Math.round(performance.now() - started);
    await typing.close();

    return { query, results, requests: fetched.length, bytes, bytesGzip, parts, msToResults };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = process.env.OUT_DIR ?? 'dist', query = 'ransomware', base = process.env.BASE_PATH ?? '/'] = process.argv.slice(2);
  const payload = await measureSearchPayload(resolve(dir), query, base);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `search "${payload.query}": ${payload.results} results; ${payload.requests} requests, ${kb(payload.bytes)} served ` +
      `(${kb(payload.bytesGzip)} with gzip on text files); ${Object.entries(payload.parts).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}; ` +
      `${payload.msToResults} ms from last keystroke to results`,
  );
}
