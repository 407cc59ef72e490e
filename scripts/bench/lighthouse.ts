/**
 * Lighthouse scores for the main page types (home, one incident, /timeline/, /search/), run against
 * Debian's Chromium (CHROME_PATH) over loopback. Scores are reported by the bench, never asserted:
 * they move with machine load.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from '../lib/static-server.ts';
import { chromiumArgs } from '../../tests/helpers/browser.ts';

export interface LighthouseRow {
  page: string;
  performance?: number;
  accessibility?: number;
  bestPractices?: number;
  seo?: number;
  error?: string;
}

/** null when Lighthouse could not score the category (it then says why in the report JSON). */
const score = (value: number | null | undefined) => (value === null || value === undefined ? undefined : Math.round(value * 100));

export async function runLighthouse(distDir: string, reportDir: string): Promise<LighthouseRow[] | string> {
  let lighthouse: typeof import('lighthouse').default;
  let chromeLauncher: typeof import('chrome-launcher');
  try {
    lighthouse = (await import('lighthouse')).default;
    chromeLauncher = await import('chrome-launcher');
  } catch {
    return 'Not run: the lighthouse package is not installed (npm install -D lighthouse).';
  }
  const incidents = existsSync(join(distDir, 'incidents')) ? readdirSync(join(distDir, 'incidents')).filter((name) => existsSync(join(distDir, 'incidents', name, 'index.html'))).sort() : [];
  const pages = ['/', incidents[0] ? `/incidents/${incidents[0]}/` : '/incidents/(none built)/', '/timeline/', '/search/'];
  mkdirSync(reportDir, { recursive: true });
  const server = await startStaticServer(distDir);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: chromiumArgs,
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages) {
      if (!existsSync(join(distDir, page, 'index.html'))) {
        rows.push({ page, error: 'page not built' });
        continue;
      }
      const url = new URL(page.slice(1), server.url).href;
      try {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        if (!result) throw new Error('Lighthouse returned no result');
        const { categories } = result.lhr;
        writeFileSync(join(reportDir, `${page.replace(/[^a-z0-9]+/gi, '_') || 'home'}.json`), String(result.report));
        rows.push({
          page,
          performance: score(categories.performance?.score),
          accessibility: score(categories.accessibility?.score),
          bestPractices: score(categories['best-practices']?.score),
          seo: score(categories.seo?.score),
        });
      } catch (error) {
        rows.push({ page, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return rows;
}
