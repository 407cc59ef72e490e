/**
 * Gate 4, page weight: an incident page reads without JavaScript, its HTML and CSS come to under
 * 40 kB gzipped, and no font is fetched from anywhere but the site itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { distDir, listFiles, readDist } from '../helpers/site.ts';
import { mainPageTypes } from './crawl.ts';

const budgetBytes = 40 * 1024;
const incidentFiles = listFiles(distDir, ['index.html']).filter((file) => /^incidents\/[^/]+\/index\.html$/.test(file));
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** Stylesheets a page links, as paths inside dist/. */
function stylesheets(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
    .map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? '')
    .filter((href) => href.startsWith('/'))
    .map((href) => href.replace(/^\//, '').replace(new RegExp(`^${(process.env.BASE_PATH ?? '/').replace(/^\/|\/$/g, '')}/?`), ''));
}

describe('incident pages need no JavaScript', () => {
  it('load no script (JSON-LD data aside)', () => {
    expect(incidentFiles.length).toBeGreaterThan(0);
    const withScripts = incidentFiles.filter((file) =>
      [...readDist(file).matchAll(/<script\b([^>]*)>/g)].some((m) => !/type="application\/(ld\+)?json"/.test(m[1] ?? '')),
    );
    expect(withScripts).toEqual([]);
  });

  let site: SiteSession;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('read the same with JavaScript switched off', async () => {
    const path = mainPageTypes(distDir).incident!;
    const texts: string[] = [];
    for (const javaScriptEnabled of [true, false]) {
      const { context, page } = await site.newPage({ javaScriptEnabled });
      await page.goto(site.url(path), { waitUntil: 'load' });
      texts.push(await page.evaluate(() => document.querySelector('main')?.innerText ?? ''));
      await context.close();
    }
    expect(texts[1]!.length).toBeGreaterThan(200);
    expect(texts[1]).toBe(texts[0]);
  });
});

describe('incident page weight', () => {
  it(`HTML + CSS of every incident page is under ${budgetBytes / 1024} kB gzipped`, () => {
    const over: string[] = [];
    let heaviest = { file: '', bytes: 0 };
    for (const file of incidentFiles) {
      const html = readDist(file);
      const css = stylesheets(html).map((path) => readFileSync(join(distDir, path)));
      const bytes = gz(html) + css.reduce((sum, sheet) => sum + gz(sheet), 0);
      if (bytes > heaviest.bytes) heaviest = { file, bytes };
      if (bytes >= budgetBytes) over.push(`${file}: ${(bytes / 1024).toFixed(1)} kB`);
    }
    expect(over).toEqual([]);
    console.info(`heaviest incident page: ${heaviest.file}, ${(heaviest.bytes / 1024).toFixed(1)} kB gzipped (HTML + CSS)`);
  });
});

describe('fonts', () => {
  it('come only from the site itself', () => {
    const problems: string[] = [];
    for (const file of listFiles(distDir, ['.css'])) {
      const css = readDist(file);
      for (const rule of css.matchAll(/@font-face\s*{[^}]*}/g)) {
        for (const url of rule[0].matchAll(/url\(\s*['"]?([^'")]+)/g)) {
          if (/^(https?:)?\/\//.test(url[1]!)) problems.push(`${file}: @font-face loads ${url[1]}`);
        }
      }
      for (const imported of css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/g)) {
        if (/^(https?:)?\/\//.test(imported[1]!)) problems.push(`${file}: @import of ${imported[1]}`);
      }
    }
    for (const file of listFiles(distDir, ['.html'])) {
      for (const link of readDist(file).matchAll(/<link\b[^>]*>/g)) {
        const tag = link[0];
        if (/rel="(stylesheet|preload|preconnect|dns-prefetch|modulepreload)"/.test(tag) && /href="(https?:)?\/\//.test(tag)) {
          problems.push(`${file}: ${tag}`);
        }
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
