/**
 * Gate 3 (privacy and security, in the browser and in the files): no page asks any other origin
 * for anything; every page carries a strict Content-Security-Policy that the page itself keeps to;
 * public/_headers tells a host which headers to send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { distDir, listFiles, readDist, root } from '../helpers/site.ts';
import { mainPageTypes, recordCspViolations } from './crawl.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('no request leaves the site', () => {
  const types = Object.entries(mainPageTypes(distDir));

  it.each(types)('%s (%s): every request stays on the origin, and neither CSP is breached', async (_name, path) => {
    const { context, page } = await site.newPage();
    const origin = new URL(site.server.url).origin;
    // Serve the pages with the header policy from public/_headers as well as their own <meta>, as
    // a host that reads _headers would: the browser then enforces both.
    const headerPolicy = hostHeaders().get('content-security-policy');
    if (headerPolicy) {
      await context.route(`${origin}/**`, async (route) => {
        // A request still in flight when the page closes (search prefetching fragments) has no
        // context left to fetch in: drop it rather than fail the run with an unhandled rejection.
        try {
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': headerPolicy } });
        } catch (error) {
          if (!/disposed|closed/i.test(String(error))) throw error;
        }
      });
    }
    const outside: string[] = [];
    const requested: string[] = [];
    context.on('request', (request) => {
      const url = request.url();
      requested.push(url);
      if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
    });
    try {
      const violations = await recordCspViolations(page);
      await page.goto(site.url(path), { waitUntil: 'networkidle' });
      // Exercise what the page's scripts do on use: a search query loads the index and fragments.
      const searchBox = page.locator('main input[type="search"]').first();
      if (path === '/search/' && (await searchBox.count()) > 0) {
        await searchBox.fill('ransomware');
        await searchBox.press('Enter');
        await page.waitForLoadState('networkidle');
      }
      expect(outside, `requests to other origins from ${path}`).toEqual([]);
      expect(requested.length).toBeGreaterThan(0);
      expect(await violations(), `CSP violations on ${path}`).toEqual([]);
    } finally {
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    }
  });
});

/** The headers public/_headers sets for every path ("/*"), lower-case name → value. */
function hostHeaders(): Map<string, string> {
  const file = join(root, 'public/_headers');
  if (!existsSync(file)) return new Map();
  const block = /^\/\*\n((?:[ \t]+.+\n?)+)/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  return new Map(
    block
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const),
  );
}

/** The policy of a page, directive name → sources. */
function cspOf(html: string): Map<string, string[]> | undefined {
  const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
  if (!meta) return undefined;
  const directives = new Map<string, string[]>();
  for (const part of meta[1]!.replace(/&#39;|&apos;/g, "'").split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

describe('Content-Security-Policy', () => {
  const pages = listFiles(distDir, ['.html']).filter((file) => !file.startsWith('pagefind/'));

  it('is on every page, strict: hashes, no unsafe-inline or unsafe-eval, no other origin', () => {
    const problems: string[] = [];
    for (const file of pages) {
      const csp = cspOf(readDist(file));
      if (!csp) {
        problems.push(`${file}: no <meta http-equiv="content-security-policy">`);
        continue;
      }
      for (const required of ['default-src', 'script-src', 'style-src', 'object-src', 'base-uri']) {
        if (!csp.has(required)) problems.push(`${file}: no ${required} directive`);
      }
      if (csp.get('object-src')?.join(' ') !== "'none'") problems.push(`${file}: object-src should be 'none'`);
      for (const [name, sources] of csp) {
        for (const source of sources) {
          if (["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:', 'data:'].includes(source) && !(name === 'img-src' && source === 'data:')) {
            problems.push(`${file}: ${name} allows ${source}`);
          }
          if (/^(https?:)?\/\//.test(source)) problems.push(`${file}: ${name} allows another origin ${source}`);
        }
      }
      // Pagefind compiles WebAssembly: that needs 'wasm-unsafe-eval', which runs no JavaScript from strings.
      if (!csp.get('script-src')?.includes("'wasm-unsafe-eval'")) problems.push(`${file}: script-src lacks 'wasm-unsafe-eval' (search would break)`);
    }
    expect(pages.length).toBeGreaterThan(0);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it('has no inline code: no inline script, <style>, style attribute or on...= handler', () => {
    // public/_headers sends a policy without hashes (hashes differ per page), so anything inline
    // would be blocked by a host that sends it, even where the page's <meta> would hash it.
    const problems: string[] = [];
    for (const file of pages) {
      const html = readDist(file);
      for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const attrs = match[1] ?? '';
        if (/\bsrc=/.test(attrs) || (match[2] ?? '').trim() === '' || /type="application\/(ld\+)?json"/.test(attrs)) continue;
        problems.push(`${file}: inline <script${attrs}> (move it to a module script Astro bundles)`);
      }
      if (/<style\b/i.test(html)) problems.push(`${file}: inline <style> (use a stylesheet; inlineStylesheets must stay 'never')`);
      const outsideScripts = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
      for (const match of outsideScripts.matchAll(/<[a-z][^>]*\s(style|on[a-z]+)\s*=\s*("[^"]*"|'[^']*')/gi)) {
        problems.push(`${file}: ${match[1]}=${match[2]!.slice(0, 60)} attribute (blocked by the CSP: use a class or a bundled script)`);
      }
    }
    expect([...new Set(problems)], [...new Set(problems)].join("\n")).toEqual([]);
  });
});

describe('public/_headers', () => {
  const file = join(root, 'public/_headers');

  it('exists and is copied into the build', () => {
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(distDir, '_headers'))).toBe(true);
  });

  it('sends the headers a host should send for every path', () => {
    const headers = hostHeaders();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toMatch(/^(no-referrer|strict-origin-when-cross-origin|same-origin|strict-origin)$/);
    expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  });
});
