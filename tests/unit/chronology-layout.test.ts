/**
 * An incident's chronology chart: labels whole (wrapped, never cut) in both drawings, marks and
 * labels apart, and an accessible name that starts with the visible label and holds the event's
 * own words.
 */
import { describe, expect, it } from 'vitest';
import { parsePartialDate, type PartialDate } from '../../src/schemas/dates.ts';
import { chronologyMetrics as m, chronologyWidths, layoutChronology, type ChronologyEventInput, type ChronologyMark } from '../../src/lib/timeline/chronology-layout.ts';
import { textWidth } from '../../src/lib/charts/text.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';
import { layoutIncidentChronology } from '../../src/lib/timeline/chronology-layout.ts';

const date = (text: string): PartialDate => parsePartialDate(text)!;
const long = "The trusts' former joint chief digital information officer tells the HETT conference that two-factor authentication might have prevented the attack.";
const events: ChronologyEventInput[] = [
  { date: date('2024-06-03'), kind: 'disruption', event: 'Pathology services stop.', certainty: 'confirmed', sources: ['s1'] },
  { date: date('2024-06-04'), kind: 'disclosure', event: 'The trusts say so.', certainty: 'confirmed', sources: ['s1'] },
  { date: date('2024-09-24'), kind: 'other', event: long, certainty: 'confirmed', sources: ['s1'] },
  { date: date('2025-01'), kind: 'other', event: 'Accounts put the cost at £32.7m.', certainty: 'reported', sources: ['s1'] },
];
const sources = [{ id: 's1', number: 1, publisher: 'NHS England' }];

/** The horizontal extent of a mark's label, from its anchor and widest line. */
function labelSpan(mark: ChronologyMark): [number, number] {
  const width = Math.max(...mark.lines.map((l) => textWidth(l, m.fontSize)));
  return mark.labelAnchor === 'start' ? [mark.labelX, mark.labelX + width] : [mark.labelX - width, mark.labelX];
}

describe('chronology labels', () => {
  it('are whole in both drawings: the lines put back together are the label, with no ellipsis', () => {
    for (const arrangement of ['lanes', 'rows'] as const) {
      const layout = layoutChronology(events, sources, { arrangement });
      for (const mark of layout.marks) {
        expect(mark.lines.join(' '), arrangement).toBe(mark.label);
        expect(mark.label).not.toContain('…');
        const [from, to] = labelSpan(mark);
        expect(from, `${arrangement}: ${mark.label}`).toBeGreaterThanOrEqual(0);
        expect(to, `${arrangement}: ${mark.label}`).toBeLessThanOrEqual(layout.width);
      }
      expect(layout.marks.find((mk) => mk.kind === 'other' && mk.certainty === 'confirmed')!.label).toBe(`24 Sep 2024: ${long.slice(0, -1)}`);
    }
  });

  it('on a phone, put one event per row in order, each label above its mark', () => {
    const layout = layoutChronology(events, sources, { arrangement: 'rows' });
    expect(layout.width).toBe(chronologyWidths.rows);
    for (let i = 1; i < layout.marks.length; i++) {
      const above = layout.marks[i - 1]!;
      // The next row starts below this row's mark.
      expect(layout.marks[i]!.y).toBeGreaterThan(above.y + above.markY);
    }
    for (const mark of layout.marks) expect(mark.labelY + (mark.lines.length - 1) * m.lineHeight).toBeLessThan(mark.markY);
  });

  it('in lanes, never let two labels on one lane overlap, and give a lane room for its longest label', () => {
    const layout = layoutChronology(events, sources, { arrangement: 'lanes' });
    const byLane = new Map<number, ChronologyMark[]>();
    for (const mark of layout.marks) byLane.set(mark.y, [...(byLane.get(mark.y) ?? []), mark]);
    for (const marks of byLane.values()) {
      const spans = marks.map(labelSpan).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
      const tallest = Math.max(...marks.map((mk) => mk.lines.length));
      for (const mark of marks) expect(mark.markY).toBe(m.labelBaseline + (tallest - 1) * m.lineHeight + m.markBelowLabel);
    }
  });

  it('name each mark with its label first and the event in full, its full stop kept, whatever the certainty', () => {
    const layout = layoutChronology(events, sources);
    for (const [i, mark] of layout.marks.entries()) {
      expect(mark.accessibleName.startsWith(mark.label)).toBe(true);
      expect(mark.accessibleName).toContain(events[i]!.event);
    }
    const reportedOther = layout.marks[3]!;
    expect(reportedOther.label).toBe('Jan 2025 (reported): Accounts put the cost at £32.7m');
    expect(reportedOther.accessibleName).toBe('Jan 2025 (reported): Accounts put the cost at £32.7m. Only the month is known, not the day. Source 1: NHS England.');
  });

  it('draw every real incident with whole labels inside a phone-width drawing', () => {
    const kb = knowledgeBaseFrom(`${root}/content`);
    for (const incident of kb.incidents) {
      const layout = layoutIncidentChronology(incident, { arrangement: 'rows' });
      for (const mark of layout.marks) {
        expect(mark.lines.join(' '), incident.id).toBe(mark.label);
        expect(labelSpan(mark)[1], `${incident.id}: ${mark.label}`).toBeLessThanOrEqual(layout.width);
      }
    }
  });
});
