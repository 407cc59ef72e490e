/**
 * Search payload for one query, measured in Chromium: what a reader downloads for the search to
 * answer (Pagefind's script, worker, WebAssembly, index chunks, filters and the fragments of the
 * first page of results). Used by the bench when scripts/bench/search-payload.ts is absent.
 */
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { startStaticServer } from '../lib/static-server.ts';

export interface SearchPayload {
  query: string;
  results: number;
  requests: number;
  bytes: number;
}

export async function measureSearchPayload(distDir: string, query = 'ransomware', resultsShown = 10): Promise<SearchPayload> {
  const server = await startStaticServer(distDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    let bytes = 0;
    let requests = 0;
    context.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      requests++;
    });
    const results = await page.evaluate(
      async ({ bundle, query, resultsShown }) => {
        const pagefind = await import(bundle);
        await pagefind.init();
        const search = await pagefind.search(query);
        await Promise.all(search.results.slice(0, resultsShown).map((r: { data: () => Promise<unknown> }) => r.data()));
        return search.results.length as number;
      },
      { bundle: new URL('pagefind/pagefind.js', server.url).href, query, resultsShown },
    );
    await page.waitForLoadState('networkidle');
    return { query, results, requests, bytes };
  } finally {
    await browser.close();
    await server.close();
  }
}
