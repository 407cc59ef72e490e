/**
 * Gate 3, escaping: tests/fixtures/xss puts `</title></script><script>alert(N)</script>"'><img
 * src=x onerror=alert(N)>` into every free-text field. The set is built into its own folder and
 * every page is loaded in Chromium with the CSP switched off (so escaping is proven on its own, not
 * hidden behind the CSP): nothing may run, no element may be injected, the payload must still read
 * as text; JSON-LD, JSON, XML and CSV outputs must parse and carry the text intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { launchBrowser } from '../helpers/browser.ts';
import { listFiles, root } from '../helpers/site.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import type { Browser, Page } from 'playwright-core';
import { inTabs, sitePages } from './crawl.ts';
import { buildSite } from '../helpers/build.ts';

const marker = '<script>alert(';
let work: string;
let outDir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const run = await buildSite({ CONTENT_DIR: join(root, 'tests/fixtures/xss') }, { name: 'xss' });
  if (run.status !== 0) throw new Error(`building tests/fixtures/xss failed:\n${run.output.slice(-6000)}`);
  ({ outDir, work } = run);
  server = await startStaticServer(outDir);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('content text is escaped wherever it lands', () => {
  it('no page runs content as code or grows elements from it (CSP off)', async () => {
    const pages = sitePages(outDir);
    expect(pages.length).toBeGreaterThan(3);
    const context = await browser.newContext({ bypassCSP: true });
    const problems: string[] = [];
    let pagesShowingPayload = 0;
    // Three long-lived tabs walk the pages; a dialog is charged to the page its tab is showing.
    const showing = new Map<Page, string>();
    await inTabs(context, pages, 3, async (page, path) => {
      if (!showing.has(page)) {
        page.on('dialog', async (dialog) => {
          problems.push(`${showing.get(page)}: a script from content ran (${dialog.message()})`);
          await dialog.dismiss();
        });
      }
      showing.set(page, path);
      await page.goto(new URL(path.slice(1), server.url).href, { waitUntil: 'networkidle' });
      const found = await page.evaluate(() => ({
        injected: [...document.querySelectorAll('img[src="x"], [onerror], [onload]')].map((el) => el.outerHTML.slice(0, 80)),
        inlineAlerts: [...document.querySelectorAll('script:not([src])')].filter((s) => s.textContent?.includes('alert(') && !(s as HTMLScriptElement).type.includes('json')).length,
        title: document.title,
        showsPayload: document.body.innerText.includes('<script>alert('),
      }));
      for (const html of found.injected) problems.push(`${path}: injected element ${html}`);
      if (found.inlineAlerts) problems.push(`${path}: ${found.inlineAlerts} script element(s) made from content`);
      if (found.title.includes('</title>') === false && /alert\(/.test(found.title)) problems.push(`${path}: <title> was cut short: "${found.title}"`);
      if (found.showsPayload) pagesShowingPayload++;
    });
    await context.close();
    expect(problems, problems.join("\n")).toEqual([]);
    // The payload must still read as text: a page that dropped it would pass the checks above blindly.
    expect(pagesShowingPayload).toBeGreaterThan(3);
  }, 300_000);

  it('the incident page shows the title, quotes and all, in <title> and <h1>', async () => {
    const incident = sitePages(outDir).find((p) => p.startsWith('/incidents/') && p !== '/incidents/');
    expect(incident).toBeDefined();
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(new URL(incident!.slice(1), server.url).href);
    const { title, h1 } = await page.evaluate(() => ({ title: document.title, h1: document.querySelector('h1')?.textContent ?? '' }));
    await context.close();
    expect(h1).toContain('Example Labs attack </title></script><script>alert(1)</script>"\'><img src=x onerror=alert(1)>');
    expect(title).toContain('Example Labs attack </title></script>');
  });

  it('JSON-LD blocks parse and cannot close their <script>', () => {
    const problems: string[] = [];
    let blocks = 0;
    for (const file of listFiles(outDir, ['.html'])) {
      const html = readFileSync(join(outDir, file), 'utf8');
      for (const match of html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)) {
        blocks++;
        const body = match[1] ?? '';
        if (body.includes('<')) problems.push(`${file}: JSON-LD contains a raw "<" (escape it as \\u003c so "</script>" cannot end the block)`);
        try {
          JSON.parse(body);
        } catch (error) {
          problems.push(`${file}: JSON-LD does not parse: ${(error as Error).message}`);
        }
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
    // Every incident page carries one block, so the check above has run on the payload fixture.
    expect(blocks).toBeGreaterThan(0);
  });

  it('search metadata attributes keep the payload inside their quotes', () => {
    const problems: string[] = [];
    for (const file of listFiles(outDir, ['.html'])) {
      const html = readFileSync(join(outDir, file), 'utf8');
      // Inside a double-quoted attribute a raw "<" is inert as long as '"' is escaped, which the
      // browser test proves; outside attributes the payload must read &lt;script&gt;.
      const outsideAttributes = html.replace(/<script type="application\/ld\+json"[\s\S]*?<\/script>/g, '').replace(/="[^"]*"/g, '=""');
      if (outsideAttributes.includes(marker)) problems.push(`${file}: raw "${marker}" in the HTML outside attributes`);
      if (/<img src=x onerror/i.test(outsideAttributes)) problems.push(`${file}: raw <img onerror> in the HTML outside attributes`);
      if (/="[^"]*<\/title><\/script><script>alert\(\d+\)<\/script>"/.test(html)) problems.push(`${file}: an attribute value ends at an unescaped quote`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it('the search index serves the payload as text in results (Pagefind metadata and excerpts)', async () => {
    if (!existsSync(join(outDir, 'pagefind/pagefind.js'))) return;
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url);
    // A string, not a function: vitest would rewrite import() inside a function for Node.
    const bundle = JSON.stringify(new URL('pagefind/pagefind.js', server.url).href);
    const meta = (await page.evaluate(`(async () => {
      const pagefind = await import(${bundle});
      await pagefind.init();
      const search = await pagefind.search('Example');
      const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
      return data.map((d) => d.meta.title ?? '');
    })()`)) as string[];
    await context.close();
    expect(meta.length).toBeGreaterThan(0);
    expect(meta.some((title) => title.includes('<script>alert('))).toBe(true);
  });

  it('the search page renders results without running them', async () => {
    if (!existsSync(join(outDir, 'search/index.html'))) return;
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const ran: string[] = [];
    page.on('dialog', async (dialog) => {
      ran.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(new URL('search/?q=Example', server.url).href, { waitUntil: 'networkidle' });
    // Results arrive after the index loads: wait for the incident's title to be shown as text.
    await page.waitForFunction(() => document.querySelector('main')?.innerText.includes('Example Labs attack'), undefined, { timeout: 15_000 }).catch(() => undefined);
    const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror]').length);
    const resultText = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
    await context.close();
    expect(ran).toEqual([]);
    expect(injected).toBe(0);
    expect(resultText, 'the search page should show the matching incident for ?q=Example').toContain('Example Labs attack </title></script><script>alert(1)</script>');
  });

  it('data exports parse and carry the text intact', () => {
    const problems: string[] = [];
    const files = listFiles(outDir, ['.json', '.xml', '.csv']).filter((f) => !f.startsWith('pagefind/'));
    for (const file of files) {
      const text = readFileSync(join(outDir, file), 'utf8');
      if (file.endsWith('.json')) {
        try {
          JSON.parse(text);
        } catch (error) {
          problems.push(`${file}: not valid JSON: ${(error as Error).message}`);
        }
      } else if (file.endsWith('.xml')) {
        const valid = XMLValidator.validate(text);
        if (valid !== true) problems.push(`${file}: not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
        else {
          const parsed = JSON.stringify(new XMLParser({ ignoreAttributes: false }).parse(text));
          if (text.includes(marker) && !/<!\[CDATA\[/.test(text)) problems.push(`${file}: raw "${marker}" in XML`);
          if (file.includes('feed') && !parsed.includes('alert(')) problems.push(`${file}: the feed lost the text of the titles`);
        }
      } else if (file.endsWith('.csv')) {
        // A cell starting with = + - @ runs as a formula in a spreadsheet (the fixture's summary
        // starts with "=1+2"): exports must defuse it, e.g. with a leading apostrophe.
        const rows = parseCsv(text, { relax_column_count: true }) as string[][];
        for (const cell of rows.flat()) {
          if (/^([=+@\t\r]|-[^0-9])/.test(cell)) problems.push(`${file}: a cell starts with a formula character: ${cell.slice(0, 40)}`);
        }
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
