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
  /**
   * A tab kept open for every test that asks for the same options, for tests that load a page and
   * read it: opening a tab starts a renderer process (a few hundred ms here), navigating one does
   * not. Each call resets the emulated media and the viewport; the caller must load its page
   * (goto) before reading it, and should not use it for anything that stores state (storage,
   * cookies, service workers), which tabs of one context share.
   */
  tab(options: { javaScriptEnabled: boolean; viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

/** Starts a server over dist/ (or `dir`) and a browser; call close() in afterAll. */
export async function openSite(options: { dir?: string; base?: string } = {}): Promise<SiteSession> {
  const dir = requireDist(options.dir ?? distDir);
  const server = await startStaticServer(dir, { base: options.base ?? '/' });
  const browser = await launchBrowser();
  const tabs = new Map<string, Page>();
  const defaultViewport = { width: 1280, height: 720 };
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
    async tab({ javaScriptEnabled, viewport = defaultViewport }) {
      const key = String(javaScriptEnabled);
      let page = tabs.get(key);
      if (!page || page.isClosed()) {
        page = await (await browser.newContext({ javaScriptEnabled, reducedMotion: 'no-preference' })).newPage();
        tabs.set(key, page);
      }
      await page.emulateMedia({ media: null, colorScheme: null, reducedMotion: 'no-preference' });
      await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
