/**
 * Launches Debian's Chromium through playwright-core (test tools cannot download browsers here),
 * and serves the built site on loopback. CHROME_PATH overrides the browser path.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { distDir, requireDist } from './site.ts';

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
}

export interface SiteSession {
  browser: Browser;
  server: StaticServer;
  /** Absolute URL for a site path such as /incidents/ (base path handled). */
  url(path: string): string;
  newPage(options?: { javaScriptEnabled?: boolean; reducedMotion?: 'reduce' | 'no-preference' }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Starts a server over dist/ (or `dir`) and a browser; call close() in afterAll. */
export async function openSite(options: { dir?: string; base?: string } = {}): Promise<SiteSession> {
  const dir = requireDist(options.dir ?? distDir);
  const server = await startStaticServer(dir, { base: options.base ?? '/' });
  const browser = await launchBrowser();
  return {
    browser,
    server,
    url: (path) => new URL(path.replace(/^\//, ''), server.url).href,
    async newPage(pageOptions = {}) {
      const context = await browser.newContext({
        javaScriptEnabled: pageOptions.javaScriptEnabled ?? true,
        reducedMotion: pageOptions.reducedMotion ?? 'no-preference',
      });
      // Record any request that leaves the site: none may.
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
