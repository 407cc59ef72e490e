/**
 * Each incident's chronology chart, in Chromium with JavaScript off (the incident pages must need
 * none): one mark per dated event, in the same order as the list, each linking to a source that
 * exists on the page, drawn to scale (a month is as wide as a month, never a point), axe-clean,
 * and at 390 px every label whole and inside the chart.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type SiteSession } from '../helpers/browser.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { readDist, root } from '../helpers/site.ts';
import { dateEnd, dateStart } from '../../src/lib/partial-dates.ts';

const kb = knowledgeBaseFrom(resolve(root, process.env.CONTENT_DIR ?? 'content'));
const base = process.env.BASE_PATH ?? '/';
const axeSource = readFileSync(resolve(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

let site: SiteSession;
beforeAll(async () => {
  site = await openSite({ base });
});
afterAll(async () => {
  await site?.close();
});

describe('incident chronology charts', () => {
  it('add no script to any incident page', () => {
    for (const incident of kb.incidents) {
      const html = readDist(`incidents/${incident.id}/index.html`);
      const chart = /<figure class="chronology-chart[\s\S]*?<\/figure>/.exec(html)?.[0];
      expect(chart, `no chronology chart on /incidents/${incident.id}/`).toBeDefined();
      expect(chart).not.toMatch(/<script|\son[a-z]+=/i);
    }
  });

  it.each(kb.incidents.map((i) => [i.id, i] as const))('%s: every event drawn to scale, in order, linked to its source, without JavaScript', async (id, incident) => {
    const page = await site.tab({ javaScriptEnabled: false });
    await page.goto(site.url(`/incidents/${id}/`));
    // At the default width the lanes drawing shows; the rows drawing, for phones, is hidden.
    const marks = await page.$$eval('.chronology-chart svg.chronology-lanes g.event', (events) =>
      events.map((g) => {
        const link = g.querySelector('a');
        return {
          datetime: g.getAttribute('data-datetime')!,
          precision: g.getAttribute('data-precision')!,
          x0: Number(g.getAttribute('data-x0')),
          x1: Number(g.getAttribute('data-x1')),
          href: link?.getAttribute('href') ?? null,
          name: (link ?? g).getAttribute('aria-label') ?? '',
          width: g.getBoundingClientRect().width,
        };
      }),
    );
    const events = incident.data.chronology;
    expect(marks.map((m) => m.datetime)).toEqual(events.map((e) => e.date.value));
    for (const [index, mark] of marks.entries()) {
      const event = events[index]!;
      expect(mark.width).toBeGreaterThan(0);
      expect(mark.name).toContain(event.event);
      // Linked to a source of this event that is listed on the page.
      expect(mark.href).toMatch(/^#source-/);
      expect(event.sources).toContain(mark.href!.slice('#source-'.length));
      expect(await page.$(mark.href!)).not.toBeNull();
    }
    // Drawn to scale: widths are proportional to the time each date can mean.
    const perMs = marks.map((m, i) => (m.x1 - m.x0) / (dateEnd(events[i]!.date).getTime() - dateStart(events[i]!.date).getTime()));
    for (const ratio of perMs) expect(ratio).toBeCloseTo(perMs[0]!, 6);
    for (const mark of marks.filter((m) => m.precision !== 'day')) expect(mark.name).toMatch(/Only the (month|year) is known, not the day\./);
  });

  it.each(kb.incidents.map((i) => [i.id] as const))('%s: at 390 px one drawing shows, with every label whole and inside it', async (id) => {
    const page = await site.tab({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await page.goto(site.url(`/incidents/${id}/`));
    const result = await page.evaluate(() => {
      const figure = document.querySelector('.chronology-chart')!;
      const shown = [...figure.querySelectorAll('svg.chronology-svg')].filter((svg) => svg.getBoundingClientRect().width > 0);
      const svg = shown[0]!;
      const box = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll('g.event')].map((g) => {
        const text = g.querySelector('text.label')!;
        const r = text.getBoundingClientRect();
        const name = (g.querySelector('a') ?? g.querySelector('[aria-label]'))!.getAttribute('aria-label') ?? '';
        return { text: (text.textContent ?? '').replace(/\s+/g, ' ').trim(), name, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
      return {
        shown: shown.length,
        box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
        labels,
        viewport: document.documentElement.clientWidth,
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(result.shown).toBe(1);
    expect(result.sideways).toBe(0);
    expect(result.labels.length).toBeGreaterThan(0);
    for (const label of result.labels) {
      // Whole: nothing cut off with an ellipsis, and the visible words begin the mark's name.
      expect(label.text).not.toContain('…');
      expect(label.name.startsWith(label.text), `"${label.text}" is not the start of "${label.name}"`).toBe(true);
      // Inside the chart and the screen.
      expect(label.left, label.text).toBeGreaterThanOrEqual(result.box.left - 1);
      expect(label.right, label.text).toBeLessThanOrEqual(Math.min(result.box.right, result.viewport) + 1);
      expect(label.top).toBeGreaterThanOrEqual(result.box.top - 1);
      expect(label.bottom).toBeLessThanOrEqual(result.box.bottom + 1);
    }
  });

  it('axe finds no WCAG 2.2 A/AA violations in the chart', async () => {
    const incident = [...kb.incidents].sort((a, b) => b.data.chronology.length - a.data.chronology.length)[0]!;
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await site.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(site.url(`/incidents/${incident.id}/`));
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run({ include: [['.chronology-chart']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
      });
      expect(violations, colorScheme).toEqual([]);
      await context.close();
    }
  });
});
