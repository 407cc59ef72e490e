/**
 * Gate 1: accessibility. axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) over every page of the
 * sitemap, in the light scheme and, for the rules that read colours, the dark one; then, on one page of each main type, keyboard-only use
 * (skip link, every tab stop shows focus, no trap) and reflow at 320 CSS px (WCAG 1.4.10: what a
 * 1280 px window shows at 400 % zoom) and at 640 CSS px (200 % zoom).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { distDir, root } from '../helpers/site.ts';
import { inTabs, mainPageTypes, sitePages } from './crawl.ts';

const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  page: string;
  scheme: string;
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe is evaluated through the DevTools protocol rather than added as a <script> tag: the site's
 * CSP rightly refuses an inline script it has no hash for, and turning CSP off for the test would
 * audit a page no reader sees.
 */
async function runAxe(page: Page, only: { type: 'tag' | 'rule'; values: string[] }): Promise<Omit<Violation, 'page' | 'scheme'>[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, only);
}

/**
 * The WCAG A/AA rules that read colours, and so can pass in one scheme and fail in the other. The
 * rest (names, roles, structure, ARIA) read the same DOM in both schemes: run in light only, they
 * lose nothing and the dark pass costs a fraction of a full one.
 */
const colourRules = ['color-contrast', 'link-in-text-block'];

const describeViolations = (violations: Violation[]) =>
  violations.map((v) => `${v.page} [${v.scheme}] ${v.rule} (${v.impact}): ${v.help}\n    at ${v.targets.join('\n    at ')}`).join('\n');

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('axe-core over every page', () => {
  it('finds no WCAG 2.2 A/AA violation, in light or dark scheme', async () => {
    const pages = sitePages(distDir);
    expect(pages.length).toBeGreaterThan(0);
    const violations: Violation[] = [];
    const audited: string[] = [];
    const context = await site.browser.newContext();
    // A few long-lived tabs, each walking its share of the pages: a new tab per page starts a new
    // renderer process, which cost three times the audit itself.
    await inTabs(context, pages, 2, async (page, path) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(site.url(path), { waitUntil: 'load' });
      for (const v of await runAxe(page, { type: 'tag', values: wcagTags })) violations.push({ page: path, scheme: 'light', ...v });
      // The same load, re-styled for the dark scheme: only the colours change.
      await page.emulateMedia({ colorScheme: 'dark' });
      for (const v of await runAxe(page, { type: 'rule', values: colourRules })) violations.push({ page: path, scheme: 'dark', ...v });
      audited.push(path);
    });
    await context.close();
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(audited.sort()).toEqual([...pages].sort());
  }, 25 * 60_000);
});

/** What makes focus visible, read from the focused element's computed style. */
const focusStyleProps = ['outline-style', 'outline-width', 'outline-color', 'box-shadow', 'background-color', 'color', 'text-decoration-line', 'border-color'];

describe('keyboard only, on each main page type', () => {
  const types = Object.entries(mainPageTypes(distDir));
  // One tab, navigated from page to page: each test loads its page afresh, so no focus or state
  // carries over, without starting a renderer process per test.
  let page: Page;
  beforeAll(async () => {
    ({ page } = await site.newPage());
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('finds the main page types', () => {
    expect(types.map(([name]) => name)).toContain('incident');
    expect(types.map(([name]) => name)).toContain('home');
  });

  it.each(types)('%s (%s): skip link first, focus always visible, no trap', async (_name, path) => {
    await page.goto(site.url(path), { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      return { text: el?.textContent?.trim() ?? '', href: el?.getAttribute('href') ?? '' };
    });
    expect(first.text.toLowerCase(), 'the first Tab stop should be a "Skip to main content" link').toContain('skip');
    expect(first.href.startsWith('#')).toBe(true);
    const skipVisible = await page.evaluate(() => {
      const box = (document.activeElement as HTMLElement).getBoundingClientRect();
      return box.width > 1 && box.height > 1 && box.top >= 0 && box.left >= 0;
    });
    expect(skipVisible, 'the skip link must be visible when focused').toBe(true);

    const problems: string[] = [];
    const seen: string[] = [];
    for (let step = 0; step < 80; step++) {
      const stop = await page.evaluate((props) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // A per-element number: several cite links can share an href and a text.
        const store = window as unknown as { __stopIds?: WeakMap<Element, number>; __stopCount?: number };
        const ids = (store.__stopIds ??= new WeakMap());
        if (!ids.has(el)) ids.set(el, (store.__stopCount = (store.__stopCount ?? 0) + 1));
        const describe = `#${ids.get(el)} ${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
        const focused = props.map((p) => getComputedStyle(el).getPropertyValue(p));
        const outlineVisible = focused[0] !== 'none' && parseFloat(focused[1] ?? '0') > 0;
        el.blur();
        const unfocused = props.map((p) => getComputedStyle(el).getPropertyValue(p));
        el.focus({ preventScroll: true });
        const box = el.getBoundingClientRect();
        return { describe, changed: outlineVisible || focused.some((v, i) => v !== unfocused[i]), visible: box.width > 0 && box.height > 0 };
      }, focusStyleProps);
      if (stop === null) break;
      if (seen.at(-1) === stop.describe) {
        problems.push(`keyboard trap: Tab does not move focus on from ${stop.describe}`);
        break;
      }
      // Back at the first stop: the whole page has been walked.
      if (seen[0] === stop.describe) break;
      seen.push(stop.describe);
      if (!stop.changed) problems.push(`no visible focus indicator on ${stop.describe}`);
      if (!stop.visible) problems.push(`focus lands on an invisible element ${stop.describe}`);
      await page.keyboard.press('Tab');
    }
    expect(problems, problems.join("\n")).toEqual([]);
    expect(seen.length, 'Tab should reach more than the skip link').toBeGreaterThan(1);
  });

  it.each(types)('%s (%s): the skip link moves focus to the main content', async (_name, path) => {
    await page.goto(site.url(path), { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const inMain = await page.evaluate(() => {
      const main = document.querySelector('main');
      const active = document.activeElement;
      return Boolean(main && active && (main === active || main.contains(active)));
    });
    expect(inMain).toBe(true);
  });
});

describe('reflow (WCAG 1.4.10) on each main page type', () => {
  const types = Object.entries(mainPageTypes(distDir));
  const widths = [320, 640];
  // One tab per width, each loading every page type in turn.
  const tabs = new Map<number, Page>();
  beforeAll(async () => {
    for (const width of widths) tabs.set(width, await (await site.browser.newContext({ viewport: { width, height: 800 } })).newPage());
  });
  afterAll(async () => {
    for (const page of tabs.values()) await page.context().close();
  });
  it.each(types)('%s (%s): no horizontal scrolling of the page at 320 and 640 CSS px', async (_name, path) => {
    const problems: string[] = [];
    for (const width of widths) {
      const page = tabs.get(width)!;
      await page.goto(site.url(path), { waitUntil: 'load' });
      const overflow = await page.evaluate(() => {
        const doc = document.documentElement;
        const wide = [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
          .filter((el) => {
            // Content inside its own scroll container (a wide table) is allowed by 1.4.10.
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
              const style = getComputedStyle(p);
              if (['auto', 'scroll'].includes(style.overflowX) || style.overflowX === 'hidden') return false;
            }
            return true;
          })
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`);
        return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide };
      });
      if (overflow.scrollWidth > overflow.clientWidth + 1) {
        problems.push(`at ${width}px the page scrolls sideways (${overflow.scrollWidth}px wide); too wide: ${overflow.wide.join(', ')}`);
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
