/**
 * Each case study printed by Chromium (A4, print media), as a trainer prints it: the participant
 * handout (the default) fits on two pages, in body text of at least 12 pt, with nothing for the
 * trainer's eyes and no site navigation; the trainer notes carry every suggested answer and tip;
 * the inject cards put each inject, with its phase and time, on a quarter of a page. The guide's
 * forms print on their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { checkContentFolder } from '../../src/lib/check-content.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import { trainingPaths } from '../../src/lib/training/paths.ts';
import { primaryNav } from '../../src/lib/site.ts';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { root } from '../helpers/site.ts';

const contentDir = process.env.CONTENT_DIR ? resolve(root, process.env.CONTENT_DIR) : undefined;
const incidents = checkContentFolder(root, contentDir)
  .entries.filter((e) => e.collection === 'incidents')
  .map((e) => ({ id: e.id, data: e.data as Incident }));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Pages in a PDF: each page object has /Type /Page (the page tree has /Type /Pages). */
function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Chooses a print as a reader does without JavaScript: the radio group the print styles read. */
async function choosePrint(page: Page, which: 'handout' | 'notes' | 'cards' | 'after-action' | 'feedback'): Promise<void> {
  await page.evaluate((id) => {
    (document.getElementById(`print-${id}`) as HTMLInputElement).checked = true;
  }, which);
}

/** What the printed page shows: its visible text, the smallest visible body text, and any site navigation. */
async function printed(page: Page) {
  await page.emulateMedia({ media: 'print' });
  const result = await page.evaluate(() => {
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
    };
    // Body text: every element in <main> with text of its own, bar headings (larger anyway).
    const sizes = [...document.querySelectorAll('main *')]
      .filter((el) => visible(el) && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
      .map((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), text: el.textContent!.trim().slice(0, 60) }));
    const smallest = sizes.sort((a, b) => a.size - b.size)[0];
    return {
      text: document.body.innerText,
      smallestPt: smallest ? (smallest.size * 72) / 96 : 0,
      smallestText: smallest?.text ?? '',
      navigation: [...document.querySelectorAll('nav, [role="navigation"], header, form, button, .skip-link, .site-footer')].filter(visible).map((el) => el.outerHTML.slice(0, 80)),
    };
  });
  await page.emulateMedia({ media: null });
  return result;
}

let site: SiteSession;
beforeAll(async () => {
  site = await openSite({ base: process.env.BASE_PATH ?? '/' });
});
afterAll(async () => {
  await site?.close();
});

describe('the participant handout (what the browser prints by default)', () => {
  it('has incidents to print', () => expect(incidents.length).toBeGreaterThan(0));

  it('fits each case study on at most two A4 pages, at 12 pt or more, with no trainer material and no navigation', async () => {
    const { context, page } = await site.newPage();
    const report: string[] = [];
    try {
      for (const { id, data } of incidents) {
        await page.goto(site.url(trainingPaths.caseStudy(id)), { waitUntil: 'load' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        const pages = countPdfPages(pdf);
        report.push(`${id}: ${pages}`);
        expect(pages, `${id} handout prints on ${pages} A4 pages; it must fit on two`).toBeLessThanOrEqual(2);

        const paper = await printed(page);
        expect(paper.smallestPt, `${id}: "${paper.smallestText}" prints at ${paper.smallestPt.toFixed(1)} pt`).toBeGreaterThanOrEqual(12);
        expect(paper.navigation, `${id}: navigation would print`).toEqual([]);
        for (const item of primaryNav) expect(paper.text).not.toMatch(new RegExp(`^${item.label}$`, 'm'));
        const text = squash(paper.text);
        expect(text).toContain(squash(data.title));
        expect(text).toContain(squash(data.summary));
        for (const q of data.training.questions) {
          expect(text).toContain(squash(q.question));
          if (q.answer) expect(text, `${id}: the handout gives away an answer`).not.toContain(squash(q.answer));
        }
        for (const tip of data.training.facilitatorNotes) expect(text, `${id}: a facilitation tip on the handout`).not.toContain(squash(tip));
        for (const inject of data.training.injects) expect(text, `${id}: an inject on the handout`).not.toContain(squash(inject.text));
        expect(text).not.toContain('Session plans');
        // Sources in brief, with one address for the full list, and room to write.
        expect(paper.text).toMatch(/^From \d+ sources?/m);
        expect(text).toMatch(new RegExp(`Every source, with its address: https?://\\S+/incidents/${id}/#sources`));
        expect(paper.text).toMatch(/^Notes$/m);
      }
    } finally {
      await context.close();
      console.info(`Handout pages (A4): ${report.join('; ')}`);
    }
  }, 240_000);
});

describe('the trainer notes (chosen in the print choice)', () => {
  it('carry every suggested answer, tip, inject and session plan, and no writing space meant for participants', async () => {
    const { context, page } = await site.newPage();
    try {
      for (const { id, data } of incidents) {
        await page.goto(site.url(trainingPaths.caseStudy(id)), { waitUntil: 'load' });
        await choosePrint(page, 'notes');
        const paper = await printed(page);
        const text = squash(paper.text);
        for (const q of data.training.questions) if (q.answer) expect(text, id).toContain(squash(q.answer));
        for (const tip of data.training.facilitatorNotes) expect(text, id).toContain(squash(tip));
        for (const inject of data.training.injects) expect(text, id).toContain(squash(inject.text));
        for (const objective of data.training.objectives) expect(text, id).toContain(squash(objective));
        expect(text).toContain('Session plans');
        expect(paper.text).not.toMatch(/^Notes$/m);
        expect(paper.navigation).toEqual([]);
      }
      // And it prints: a case study's notes run to a few pages.
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(countPdfPages(pdf)).toBeGreaterThanOrEqual(2);
    } finally {
      await context.close();
    }
  }, 240_000);
});

describe('the inject cards (chosen in the print choice)', () => {
  const withInjects = incidents.filter((i) => i.data.training.injects.length > 0);

  it.skipIf(withInjects.length === 0)('put each inject on a card of a quarter page, with its number, phase and time, four to a sheet', async () => {
    const { context, page } = await site.newPage();
    try {
      for (const { id, data } of withInjects) {
        await page.goto(site.url(trainingPaths.caseStudy(id)), { waitUntil: 'load' });
        await choosePrint(page, 'cards');
        await page.emulateMedia({ media: 'print' });
        const cards = await page.locator('.inject').evaluateAll((els) =>
          els.map((el) => ({ text: (el as HTMLElement).innerText, width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height, dashed: getComputedStyle(el).borderTopStyle })),
        );
        const paper = await printed(page);
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        expect(cards, id).toHaveLength(data.training.injects.length);
        data.training.injects.forEach((inject, index) => {
          const card = squash(cards[index]!.text);
          expect(card).toContain(`Inject ${index + 1} of ${data.training.injects.length}`);
          expect(card).toContain(squash(inject.phase));
          expect(card).toContain(squash(inject.text));
          expect(card).toMatch(/When: /);
          expect(cards[index]!.dashed, 'a dashed line to cut along').toBe('dashed');
        });
        // Nothing but the cards: not the title, not the questions.
        expect(squash(paper.text)).not.toContain(squash(data.summary));
        expect(countPdfPages(pdf), `${id}: ${cards.length} cards`).toBe(Math.ceil(cards.length / 4));
      }
    } finally {
      await context.close();
    }
  }, 240_000);
});

describe('the guide\'s forms', () => {
  it('print on their own: the after-action template on one page, the feedback form twice on one sheet', async () => {
    const { context, page } = await site.newPage();
    try {
      await page.goto(site.url(trainingPaths.guide()), { waitUntil: 'load' });
      const whole = countPdfPages(await page.pdf({ format: 'A4', printBackground: true }));
      await choosePrint(page, 'after-action');
      const review = await printed(page);
      expect(countPdfPages(await page.pdf({ format: 'A4', printBackground: true }))).toBe(1);
      expect(review.text).toMatch(/^After-action template$/m);
      expect(review.text).not.toMatch(/Participant feedback form/);
      await choosePrint(page, 'feedback');
      const feedback = await printed(page);
      expect(countPdfPages(await page.pdf({ format: 'A4', printBackground: true }))).toBe(1);
      expect(feedback.text.match(/^Participant feedback form$/gm)).toHaveLength(2);
      expect(feedback.text).not.toMatch(/After-action template/);
      expect(whole).toBeGreaterThan(2);
    } finally {
      await context.close();
    }
  });
});
