/**
 * The trainers' pages in real Chromium: a case study opens with what a trainer decides on; its
 * presenter view works from the keyboard alone; its print buttons choose the print; axe finds no
 * WCAG 2.2 A/AA violation (light and dark, presenter open or not); nothing scrolls sideways at
 * 320 px; compare sets any two incidents side by side, stacked on a phone; and every page still
 * works with JavaScript off. Printing itself is in training-print.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { checkContentFolder } from '../../src/lib/check-content.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import { trainingPaths } from '../../src/lib/training/paths.ts';
import { groupInjectsByPhase, groupQuestionsByAudience } from '../../src/lib/training/session.ts';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { root } from '../helpers/site.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';

const contentDir = process.env.CONTENT_DIR ? resolve(root, process.env.CONTENT_DIR) : undefined;
const incidents = checkContentFolder(root, contentDir)
  .entries.filter((e) => e.collection === 'incidents')
  .map((e) => ({ id: e.id, data: e.data as Incident }));
const kb = knowledgeBaseFrom(contentDir ?? resolve(root, 'content'));
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The case study with the most injects: the one whose presenter view has the most to step through. */
const rich = [...incidents].sort((a, b) => b.data.training.injects.length - a.data.training.injects.length)[0]!;

/** axe evaluated through the DevTools protocol: the site's CSP rightly refuses an unhashed inline script. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, wcagTags);
}

let site: SiteSession;
beforeAll(async () => {
  site = await openSite({ base: process.env.BASE_PATH ?? '/' });
});
afterAll(async () => {
  await site?.close();
});

describe('a case study, trainer first', () => {
  it.each([[1280, 800], [390, 844]])('shows the objectives in the first screen at %ix%i, before any of the facts', async (width, height) => {
    const { context, page } = await site.newPage();
    try {
      await page.setViewportSize({ width, height });
      await page.goto(site.url(trainingPaths.caseStudy(rich.id)), { waitUntil: 'load' });
      const top = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      const objectives = await top('#objectives');
      const firstObjective = await top('.objectives li');
      expect(objectives, 'the "What it teaches" heading is in the first screen').toBeLessThan(height);
      if (width > 400) expect(firstObjective, 'and so is the first objective').toBeLessThan(height);
      for (const fact of ['#incident', '#key-facts', '#questions']) expect(await top(fact), `${fact} comes after the objectives`).toBeGreaterThan(firstObjective);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, lists everything in order, with the print choice in place of the buttons', async () => {
    const { context, page } = await site.newPage({ javaScriptEnabled: false });
    try {
      await page.goto(site.url(trainingPaths.caseStudy(rich.id)));
      const headings = await page.locator('main h2').allTextContents();
      const order = ['What it teaches', 'Run the session', 'Session plans', 'Before the session', 'The incident', 'Discussion questions', 'Exercise injects', 'Controls that would have helped', 'Trainer notes'];
      expect(headings.filter((h) => order.includes(h))).toEqual(order);
      await expect(page.locator('[data-case-buttons]').isVisible()).resolves.toBe(false);
      await expect(page.getByRole('radio', { name: /participant handout/ }).isChecked()).resolves.toBe(true);
      await expect(page.getByRole('group', { name: 'What this page prints' }).isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });

  it('prints what each button says, and the browser\'s own print gives the handout again afterwards', async () => {
    const { context, page } = await site.newPage();
    try {
      await page.goto(site.url(trainingPaths.caseStudy(rich.id)), { waitUntil: 'load' });
      // Record what was chosen when the print dialog would open, instead of opening it.
      await page.evaluate(() => {
        const printed: string[] = [];
        (window as unknown as { printed: string[] }).printed = printed;
        window.print = () => {
          printed.push((document.querySelector('input[name="print"]:checked') as HTMLInputElement).value);
          window.dispatchEvent(new Event('afterprint'));
        };
      });
      await expect(page.getByRole('group', { name: 'What this page prints' }).isVisible()).resolves.toBe(false);
      await page.getByRole('button', { name: 'Print the trainer notes' }).click();
      await page.getByRole('button', { name: 'Print the inject cards' }).click();
      await page.getByRole('button', { name: 'Print the participant handout' }).click();
      expect(await page.evaluate(() => (window as unknown as { printed: string[] }).printed)).toEqual(['notes', 'cards', 'handout']);
      expect(await page.locator('input[name="print"]:checked').getAttribute('value')).toBe('handout');
    } finally {
      await context.close();
    }
  });
});

describe('the presenter view', () => {
  const phases = groupInjectsByPhase(rich.data.training.injects);
  const groups = groupQuestionsByAudience(rich.data.training.questions);

  it('steps through the session with the keyboard: next, previous, a timer per slide, and Escape back to the button', async () => {
    const { context, page } = await site.newPage();
    try {
      await page.goto(site.url(trainingPaths.caseStudy(rich.id)), { waitUntil: 'load' });
      const opener = page.getByRole('button', { name: 'Present on a projector' });
      await opener.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const title = () => page.locator('#presenter-title').textContent();
      const position = () => page.locator('.presenter-position').textContent();
      expect(await title()).toBe(rich.data.title);
      expect(await position()).toBe(`Slide 1 of ${1 + phases.length + groups.length + 2}`);
      // The rest of the page is out of reach while presenting.
      expect(await page.locator('main').evaluate((el) => el.closest('[inert]') !== null)).toBe(true);

      await page.keyboard.press('ArrowRight');
      expect(await title()).toBe(`Phase 1 of ${phases.length}: ${phases[0]!.phase}`);
      const slideText = await page.locator('.presenter-body').innerText();
      expect(slideText).toContain(phases[0]!.injects[0]!.text);
      if (phases[1]) expect(slideText, 'one phase at a time').not.toContain(phases[1].injects[0]!.text);
      expect(slideText).toMatch(/What do you do now\?/);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      expect(await title()).toBe(`Phase 1 of ${phases.length}: ${phases[0]!.phase}`);
      expect(await page.getByRole('status').last().textContent()).toContain(`Slide 2 of`);

      // The timer: its target is the phase's time in the 60-minute plan; start, pause and reset from the keyboard.
      const clock = page.locator('[data-presenter-clock]');
      expect(await clock.textContent()).toMatch(/^0:00 of \d+:00$/);
      const start = page.getByRole('button', { name: 'Start timer' });
      await start.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /^0:0[1-9]/.test(document.querySelector('[data-presenter-clock]')?.textContent ?? ''), undefined, { timeout: 5000 });
      await page.keyboard.press('Enter'); // the same button now pauses
      const paused = await clock.textContent();
      await page.waitForTimeout(1300);
      expect(await clock.textContent(), 'a paused timer stands still').toBe(paused);
      await page.getByRole('button', { name: 'Reset timer' }).focus();
      await page.keyboard.press('Enter');
      expect(await clock.textContent()).toMatch(/^0:00 /);

      // The last slide, and no further; then Escape leaves and hands focus back.
      await page.keyboard.press('End');
      expect(await title()).toBe('Close');
      await page.keyboard.press('ArrowRight');
      expect(await title()).toBe('Close');
      await page.keyboard.press('Escape');
      await expect(dialog.count()).resolves.toBe(0);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Present on a projector');
      expect(await page.locator('main').evaluate((el) => el.closest('[inert]') === null)).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('accessibility (axe, WCAG 2.2 A and AA)', () => {
  it('finds no violation on the catalogue, a case study (presenting or not), the guide and the compare pages, in light and dark', async () => {
    const { context, page } = await site.newPage();
    const violations: string[] = [];
    const pair = incidents.slice(0, 2).map((i) => i.id);
    try {
      for (const path of [trainingPaths.catalogue(), trainingPaths.caseStudy(rich.id), trainingPaths.guide(), trainingPaths.compareAny(...pair), 'presenter']) {
        if (path === 'presenter') {
          await page.goto(site.url(trainingPaths.caseStudy(rich.id)), { waitUntil: 'load' });
          await page.getByRole('button', { name: 'Present on a projector' }).click();
          await page.keyboard.press('ArrowRight');
        } else {
          await page.goto(site.url(path), { waitUntil: 'networkidle' });
        }
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          for (const v of await axeViolations(page)) violations.push(`${path} [${colorScheme}] ${v}`);
        }
      }
    } finally {
      await context.close();
    }
    expect(violations, violations.join('\n')).toEqual([]);
  }, 120_000);
});

describe('small screens', () => {
  it('reflows to 320 CSS pixels (400% zoom) with no sideways scrolling, compare tables included', async () => {
    const { context, page } = await site.newPage();
    const wide: string[] = [];
    const pair = incidents.slice(0, 2).map((i) => i.id);
    try {
      await page.setViewportSize({ width: 320, height: 800 });
      for (const path of [trainingPaths.catalogue(), trainingPaths.caseStudy(rich.id), trainingPaths.guide(), trainingPaths.compareAny(...pair)]) {
        await page.goto(site.url(path), { waitUntil: 'networkidle' });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide.push(`${path} is ${width}px wide`);
      }
    } finally {
      await context.close();
    }
    expect(wide, wide.join('\n')).toEqual([]);
  });
});

describe('the catalogue filter (progressive enhancement)', () => {
  it('without JavaScript shows every case study and no dead filter form', async () => {
    const { context, page } = await site.newPage({ javaScriptEnabled: false });
    try {
      await page.goto(site.url(`${trainingPaths.catalogue()}?audience=board`));
      await expect(page.locator('.case-card:visible').count()).resolves.toBe(incidents.length);
      await expect(page.locator('form.catalogue-filter').isVisible()).resolves.toBe(false);
      await expect(page.getByRole('navigation', { name: /by audience, topic and session length/ }).isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });

  it('narrows the list as a trainer chooses, keeps the choice in the URL, and restores it from a shared link', async () => {
    const audience = incidents[0]!.data.training.audiences[0]!;
    const expected = incidents.filter((i) => i.data.training.audiences.includes(audience)).length;
    const { context, page } = await site.newPage();
    try {
      await page.goto(site.url(trainingPaths.catalogue()));
      await page.getByRole('combobox', { name: 'Audience' }).selectOption(audience);
      await expect(page.locator('.case-card:visible').count()).resolves.toBe(expected);
      expect(new URL(page.url()).searchParams.get('audience')).toBe(audience);
      await expect(page.getByRole('status').textContent()).resolves.toContain(`${expected} of ${incidents.length}`);

      await page.goto(site.url(`${trainingPaths.catalogue()}?audience=${audience}`));
      await expect(page.locator('.case-card:visible').count()).resolves.toBe(expected);
      await expect(page.getByRole('combobox', { name: 'Audience' }).inputValue()).resolves.toBe(audience);

      await page.getByRole('combobox', { name: 'Audience' }).selectOption('');
      await expect(page.locator('.case-card:visible').count()).resolves.toBe(incidents.length);
      expect(new URL(page.url()).search).toBe('');
    } finally {
      await context.close();
    }
  });
});

describe('compare any two incidents (in the browser, from the compare data)', () => {
  it.skipIf(incidents.length < 2)('sets the two chosen incidents side by side, puts them in the URL, and restores them from it', async () => {
    const [a, b] = incidents;
    const { context, page } = await site.newPage();
    try {
      await page.goto(site.url(trainingPaths.compare()), { waitUntil: 'networkidle' });
      await page.getByRole('combobox', { name: 'First incident' }).selectOption(a!.id);
      await page.getByRole('combobox', { name: 'Second incident' }).selectOption(b!.id);
      await page.getByRole('button', { name: 'Compare' }).click();
      await page.waitForSelector('#compare-result');
      const shown = await page.locator('#compare-result thead th[data-incident]').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.incident));
      expect(shown).toEqual([a!.id, b!.id]);
      expect(new URL(page.url()).searchParams.getAll('incident')).toEqual([a!.id, b!.id]);
      expect(await page.locator('#compare-result tbody th[scope="row"]').allTextContents()).toContain('Time to recovery');
      await page.reload({ waitUntil: 'networkidle' });
      await page.waitForSelector('#compare-result');
      expect(await page.locator('#compare-result tbody td[data-incident]').count()).toBe(2 * (await page.locator('#compare-result tbody tr').count()));
    } finally {
      await context.close();
    }
  });

  it.skipIf(incidents.length < 2)('on a phone, stacks the incidents under each fact: nothing off-screen, the caption whole, each answer under its incident\'s name', async () => {
    // A pair with a prerendered page, so both the page and the browser's table are looked at.
    const [a, b] = kb.comparePairs.pairs[0]!.incidents;
    const pairPage = trainingPaths.comparePair(a.id, b.id);
    const { context, page } = await site.newPage();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of [trainingPaths.compareAny(a.id, b.id), pairPage]) {
        const response = await page.goto(site.url(path), { waitUntil: 'networkidle' });
        expect(response?.ok(), path).toBe(true);
        const table = page.locator('table.compare-table').first();
        await table.waitFor();
        const layout = await table.evaluate((t) => {
          const caption = t.querySelector('caption')!;
          const cells = [...t.querySelectorAll('tbody tr:first-child td')].map((td) => td.getBoundingClientRect());
          const boxes = [...t.querySelectorAll('caption, th, td')].map((el) => el.getBoundingClientRect());
          return {
            pageWidth: document.documentElement.scrollWidth,
            captionCut: caption.scrollWidth > caption.clientWidth + 1,
            captionInside: caption.getBoundingClientRect().right <= window.innerWidth,
            stacked: cells.length === 2 && cells[1]!.top >= cells[0]!.bottom - 1,
            offScreen: boxes.filter((box) => box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1)).length,
            names: [...t.querySelectorAll('tbody tr:first-child .cell-incident')].map((n) => (n as HTMLElement).innerText),
          };
        });
        expect(layout.pageWidth, path).toBeLessThanOrEqual(390);
        expect(layout.captionCut || !layout.captionInside, `${path}: the caption is cut`).toBe(false);
        expect(layout.stacked, `${path}: the two incidents stack`).toBe(true);
        expect(layout.offScreen, `${path}: cells off-screen`).toBe(0);
        expect(layout.names).toEqual([a.data.title, b.data.title]);
      }
    } finally {
      await context.close();
    }
  });

  it('without JavaScript says so, and offers the pairs that have pages of their own', async () => {
    const { context, page } = await site.newPage({ javaScriptEnabled: false });
    try {
      await page.goto(site.url(trainingPaths.compare()));
      await expect(page.locator('form.compare-picker').isVisible()).resolves.toBe(false);
      await expect(page.getByText(/needs JavaScript, which is off in this browser/).isVisible()).resolves.toBe(true);
      const pairs = await page.locator('.compare-pairs a').count();
      if (incidents.length > 1) expect(pairs).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
