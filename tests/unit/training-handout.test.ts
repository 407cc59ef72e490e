/**
 * What goes on the two-page participant handout, over the real content (whose longest case
 * studies are what the cut is for), and the presenter view's pure helpers. Whether the handout
 * really prints on two pages at 12 pt is checked in Chromium (tests/e2e/training-print.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { handoutCut } from '../../src/lib/training/handout.ts';
import { handoutFacts, latestOfEachSeries } from '../../src/lib/training/facts.ts';
import { parsePartialDate } from '../../src/lib/partial-dates.ts';
import { caseStudyPage } from '../../src/lib/views/training.ts';
import { formatClock, parseTimes } from '../../src/scripts/case-study.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';
import { correctionSettingsFrom } from '../../src/lib/site.ts';

const kb = knowledgeBaseFrom(`${root}/content`);
const ctx = { kb, site: { site: 'https://kb.example.org', base: '/' }, corrections: correctionSettingsFrom({}) };
const longest = [...kb.incidents].sort((a, b) => b.data.chronology.length - a.data.chronology.length)[0]!;

describe('the participant handout', () => {
  it('keeps the summary and every question, and never an answer', () => {
    for (const incident of kb.incidents) {
      const { handout } = caseStudyPage(ctx, incident.id);
      expect(handout.summary).toBe(incident.data.summary);
      const questions = handout.questions.flatMap((g) => g.questions);
      expect(questions.map((q) => q.question)).toEqual(expect.arrayContaining(incident.data.training.questions.map((q) => q.question)));
      expect(questions).toHaveLength(incident.data.training.questions.length);
      for (const q of questions) expect(q).not.toHaveProperty('answer');
    }
  });

  it('cuts a long chronology to events in date order, and says how many it leaves to the write-up', () => {
    const cut = handoutCut(longest);
    expect(cut.events.length).toBeLessThan(longest.data.chronology.length);
    expect(cut.events).toEqual([...cut.events].sort((a, b) => a - b));
    const note = caseStudyPage(ctx, longest.id).handout.chronologyNote;
    expect(note).toMatch(cut.events.length === 0 ? new RegExp(`^The chronology \\(${longest.data.chronology.length} events\\) is in the write-up\\.$`) : new RegExp(`^The ${cut.events.length} key events of ${longest.data.chronology.length} events; the write-up has them all\\.$`));
  });

  it('gives the turning points (the first event of each kind) their place before a second event of any kind', () => {
    for (const incident of kb.incidents) {
      const chronology = incident.data.chronology;
      const firsts = new Set(chronology.map((e) => chronology.findIndex((x) => x.kind === e.kind)));
      const { events } = handoutCut(incident);
      if (events.some((i) => !firsts.has(i))) expect([...firsts].every((i) => events.includes(i)), incident.id).toBe(true);
    }
  });

  it('names a few of a long list and says how many more are in the write-up, with the right noun', () => {
    for (const incident of kb.incidents) {
      const full = handoutFacts(incident).find((row) => row.key === 'organisations')!;
      const shown = handoutCut(incident).facts.find((row) => row.key === 'organisations')!;
      const more = shown.items.at(-1)!.text.match(/^and (\d+) more (organisations?) in the write-up$/);
      if (!more) {
        expect(shown.items).toEqual(full.items);
        continue;
      }
      const named = shown.items.length - 1;
      expect(named).toBeLessThanOrEqual(4);
      expect(named + Number(more[1])).toBe(full.items.length);
      expect(more[2]).toBe(Number(more[1]) === 1 ? 'organisation' : 'organisations');
    }
  });

  it('keeps short qualifiers ("reported", "as of 11 August 2024") and leaves explanations to the write-up', () => {
    const notes = kb.incidents.flatMap((incident) => handoutFacts(incident).flatMap((row) => row.items.flatMap((item) => (item.note ? [item.note] : []))));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note.length, note).toBeLessThanOrEqual(48);
    expect(notes).toContain('reported');
  });
});

describe('the latest figure of each series', () => {
  const figure = (label: string, asOf: string, value: number) => ({ label, unit: 'appointments' as const, asOf: parsePartialDate(asOf)!, value });

  it('takes a final total known only to the year over an earlier running count in the same year', () => {
    const series = [figure('Appointments postponed, cumulative', '2024-07-07', 6199), figure('Appointments postponed, cumulative', '2024-08-11', 10054), figure('Appointments postponed, final total', '2024', 10152)];
    expect(latestOfEachSeries(series).map((f) => f.value)).toEqual([10152]);
  });

  it('keeps a later dated figure over one listed after it whose date must be earlier', () => {
    expect(latestOfEachSeries([figure('Appointments postponed', '2024-08-11', 10054), figure('Appointments postponed', '2024-06', 2194)]).map((f) => f.value)).toEqual([10054]);
  });

  it('gives Synnovis\'s handout the final totals the incident page gives', () => {
    const synnovis = kb.incident.get('synnovis-pathology-2024')!;
    const impact = handoutFacts(synnovis).find((row) => row.key === 'impact')!.items.map((item) => item.text).join(' | ');
    const { appointmentsPostponed, proceduresPostponed } = synnovis.data.impactSummary;
    expect(impact).toContain(`${appointmentsPostponed!.value.toLocaleString('en-GB')} appointments`);
    expect(impact).toContain(`${proceduresPostponed!.value.toLocaleString('en-GB')} procedures`);
  });
});

describe('the presenter view', () => {
  it('reads the times of a part of the session for each session length', () => {
    expect([...parseTimes('60:10-14 90:10-16')]).toEqual([[60, { from: 10, to: 14 }], [90, { from: 10, to: 16 }]]);
    expect(parseTimes('')).toEqual(new Map());
    expect(parseTimes(undefined)).toEqual(new Map());
  });

  it('shows a timer as minutes and seconds, and hours past the hour', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65.7)).toBe('1:05');
    expect(formatClock(600)).toBe('10:00');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(-4)).toBe('0:00');
  });
});
