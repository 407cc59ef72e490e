import { describe, expect, it } from 'vitest';
import { parsePartialDate, type PartialDate } from '../../src/schemas/dates.ts';
import { assignLanes, collide, type Occupied } from '../../src/lib/timeline/lanes.ts';
import { axisTicks, fittedAxisTicks } from '../../src/lib/timeline/ticks.ts';
import { partialDateRange } from '../../src/lib/timeline/ranges.ts';
import { layoutTimeline, timelineMetrics, type TimelineItem, type TimelineMark } from '../../src/lib/timeline/incidents-layout.ts';
import { layoutChronology, type ChronologyEventInput } from '../../src/lib/timeline/chronology-layout.ts';
import { estimateTextWidth, fitLabel } from '../../src/lib/timeline/text.ts';

const day = 86_400_000;
const date = (text: string): PartialDate => parsePartialDate(text)!;

/** A small deterministic pseudo-random sequence, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function item(id: string, started: string, resolved?: string, type = 'ransomware'): TimelineItem {
  return {
    id,
    title: `Incident ${id}`,
    started: date(started),
    resolved: resolved ? date(resolved) : undefined,
    attackTypes: [{ id: type, name: type === 'ransomware' ? 'Ransomware' : 'Supply chain' }],
    actors: [],
    vendors: [],
  };
}

/** The pixel box a mark takes on its row: bar, glyph and label. */
function box(mark: TimelineMark): Occupied {
  const labelWidth = estimateTextWidth(mark.label, timelineMetrics.fontSize);
  const labelStart = mark.labelAnchor === 'start' ? mark.x0 + mark.labelDx : mark.x0 + mark.labelDx - labelWidth;
  const half = timelineMetrics.glyphSize / 2;
  return { from: Math.min(mark.x0 - half, labelStart), to: Math.max(mark.x1, mark.x0 + half, labelStart + labelWidth) };
}

function expectNoOverlaps(marks: TimelineMark[], zoom = 1) {
  const rows = Map.groupBy(marks, (m) => m.row);
  for (const row of rows.values()) {
    const boxes = row.map(box).map((b) => ({ from: b.from * zoom, to: b.to * zoom }));
    // Labels keep their pixel width while positions scale with the zoom.
    row.forEach((mark, i) => {
      const labelWidth = estimateTextWidth(mark.label, timelineMetrics.fontSize);
      const b = boxes[i]!;
      if (mark.labelAnchor === 'start') b.to = Math.max(mark.x1 * zoom, (mark.x0 + mark.labelDx) * zoom + labelWidth);
    });
    boxes.sort((a, b) => a.from - b.from);
    for (let i = 1; i < boxes.length; i++) expect(collide(boxes[i - 1]!, boxes[i]!)).toBe(false);
  }
}

describe('lane assignment', () => {
  it('puts overlapping intervals on different lanes and reuses a lane once it is free', () => {
    const { lanes, laneCount } = assignLanes([
      { from: 0, to: 100 },
      { from: 50, to: 150 },
      { from: 120, to: 200 },
    ], 10);
    expect(lanes[0]).not.toBe(lanes[1]);
    expect(lanes[2]).toBe(lanes[0]);
    expect(laneCount).toBe(2);
  });

  it('keeps the gap between neighbours on a lane', () => {
    const { lanes } = assignLanes([{ from: 0, to: 100 }, { from: 105, to: 150 }], 10);
    expect(lanes[0]).not.toBe(lanes[1]);
  });

  it('never overlaps, for 1,000 random intervals', () => {
    const next = random(7);
    const intervals = Array.from({ length: 1000 }, () => {
      const from = next() * 5000;
      return { from, to: from + 1 + next() * 300 };
    });
    const gap = 6;
    const { lanes, laneCount } = assignLanes(intervals, gap);
    for (let lane = 0; lane < laneCount; lane++) {
      const onLane = intervals.filter((_, i) => lanes[i] === lane).sort((a, b) => a.from - b.from);
      for (let i = 1; i < onLane.length; i++) expect(onLane[i]!.from).toBeGreaterThanOrEqual(onLane[i - 1]!.to + gap);
    }
    // First-fit on sorted intervals is optimal: lanes equal the deepest overlap (with gaps added).
    let deepest = 0;
    for (const probe of intervals) {
      deepest = Math.max(deepest, intervals.filter((o) => o.from <= probe.from && probe.from < o.to + gap).length);
    }
    expect(laneCount).toBe(deepest);
  });
});

describe('axis ticks', () => {
  it('labels days for a span of a few days', () => {
    const ticks = axisTicks(new Date('2024-06-02T00:00:00Z'), new Date('2024-06-09T00:00:00Z'), 7);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(8);
    for (const tick of ticks) {
      expect(tick.granularity).toBe('day');
      expect(tick.date.getUTCHours()).toBe(0);
    }
    expect(ticks[0]!.label).toMatch(/^\d{1,2} Jun 2024$/);
    for (const tick of ticks.slice(1)) expect(tick.label).toMatch(/^\d{1,2} Jun$/);
    expect(ticks.map((t) => t.label)).toContain('3 Jun');
  });

  it('writes the year again where it changes', () => {
    const ticks = axisTicks(new Date('2023-12-20T00:00:00Z'), new Date('2024-01-12T00:00:00Z'), 6);
    const january = ticks.find((t) => t.date.getUTCFullYear() === 2024)!;
    expect(january.label).toMatch(/2024$/);
    expect(ticks[0]!.label).toMatch(/2023$/);
  });

  it('never ticks hours, even when asked for many ticks over two days', () => {
    const ticks = axisTicks(new Date('2024-06-02T00:00:00Z'), new Date('2024-06-04T00:00:00Z'), 12);
    for (const tick of ticks) expect(tick.date.getTime() % day).toBe(0);
    expect(new Set(ticks.map((t) => t.label)).size).toBe(ticks.length);
  });

  it('labels months for a span of a year', () => {
    const ticks = axisTicks(new Date('2024-01-10T00:00:00Z'), new Date('2024-12-20T00:00:00Z'), 6);
    expect(ticks.every((t) => t.granularity === 'month' && t.date.getUTCDate() === 1)).toBe(true);
    expect(ticks.map((t) => t.label)).toContain('Jul');
    expect(ticks[0]!.label).toMatch(/^[A-Z][a-z]{2} 2024$/);
  });

  it('labels round years for a span of decades', () => {
    const ticks = axisTicks(new Date('1998-03-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z'), 8);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(12);
    for (const tick of ticks) {
      expect(tick.granularity).toBe('year');
      expect(tick.label).toMatch(/^\d{4}$/);
      expect(Number(tick.label) % 5).toBe(0);
    }
  });

  it('fitted ticks never let labels collide, from a week to 40 years, on narrow and wide axes', () => {
    const start = new Date('1990-03-07T00:00:00Z');
    for (const days of [7, 20, 90, 400, 1500, 6000, 14_600]) {
      const end = new Date(start.getTime() + days * day);
      for (const width of [280, 600, 968]) {
        const ticks = fittedAxisTicks(start, end, width);
        expect(ticks.length).toBeGreaterThanOrEqual(1);
        const x = (d: Date) => ((d.getTime() - start.getTime()) / (end.getTime() - start.getTime())) * width;
        for (let i = 1; i < ticks.length; i++) {
          const a = ticks[i - 1]!;
          const b = ticks[i]!;
          // Labels are centred on their tick.
          const gap = x(b.date) - x(a.date) - (estimateTextWidth(a.label, 11) + estimateTextWidth(b.label, 11)) / 2;
          expect(gap).toBeGreaterThan(0);
        }
      }
    }
  });

  it('ticks fall inside the span and in order', () => {
    const start = new Date('2017-05-12T00:00:00Z');
    const end = new Date('2024-11-30T00:00:00Z');
    const ticks = axisTicks(start, end, 9);
    for (const tick of ticks) {
      expect(tick.date >= start && tick.date <= end).toBe(true);
    }
    expect([...ticks].sort((a, b) => a.date.getTime() - b.date.getTime())).toEqual(ticks);
  });
});

describe('date precision drawn as ranges', () => {
  it('a month-precision date covers the whole month and a year-precision date the whole year', () => {
    const june = partialDateRange(date('2024-06'));
    expect(june.end.getTime() - june.start.getTime()).toBe(30 * day);
    const year = partialDateRange(date('2023'));
    expect(year.end.getTime() - year.start.getTime()).toBe(365 * day);
    const one = partialDateRange(date('2024-06-03'));
    expect(one.end.getTime() - one.start.getTime()).toBe(day);
  });

  it('an incident started in a known month has a hatched (uncertain) stretch as wide as the month', () => {
    const layout = layoutTimeline([item('a', '2024-06', '2024-09-30'), item('b', '2020-01-01', '2020-01-05')]);
    const mark = layout.marks.find((m) => m.id === 'a')!;
    const first = mark.segments[0]!;
    expect(first.certainty).toBe('uncertain');
    const pxPerDay = (layout.plot.right - layout.plot.left) / ((layout.domain[1].getTime() - layout.domain[0].getTime()) / day);
    expect((first.to - first.from) / pxPerDay).toBeCloseTo(30, 0);
    expect(mark.segments.at(-1)!.certainty).toBe('known');
    const b = layout.marks.find((m) => m.id === 'b')!;
    expect(b.segments.every((s) => s.certainty === 'known')).toBe(true);
  });

  it('in a chronology, a month-only event is a bar across the month and a day event spans one day', () => {
    const events: ChronologyEventInput[] = [
      { date: date('2024-06-03'), kind: 'detection', event: 'Detected.', certainty: 'confirmed', sources: ['s1'] },
      { date: date('2024-07'), kind: 'recovery', event: 'Restored.', certainty: 'confirmed', sources: ['s1'] },
      { date: date('2024'), kind: 'regulator', event: 'Regulator asked.', certainty: 'reported', sources: ['s2'] },
    ];
    const layout = layoutChronology(events, [{ id: 's1', number: 1, publisher: 'NHS England' }]);
    const pxPerDay = (layout.plot.right - layout.plot.left) / ((layout.domain[1].getTime() - layout.domain[0].getTime()) / day);
    const [detected, recovered, regulator] = layout.marks;
    expect(detected!.precision).toBe('day');
    expect((detected!.x1 - detected!.x0) / pxPerDay).toBeCloseTo(1, 0);
    expect(recovered!.precision).toBe('month');
    expect((recovered!.x1 - recovered!.x0) / pxPerDay).toBeCloseTo(31, 0);
    expect(regulator!.precision).toBe('year');
    expect((regulator!.x1 - regulator!.x0) / pxPerDay).toBeCloseTo(366, 0);
    expect(recovered!.accessibleName).toMatch(/^Jul 2024: Recovery\. Restored\. Only the month is known, not the day\./);
    expect(detected!.accessibleName.startsWith(detected!.label)).toBe(true);
    expect(detected!.accessibleName).toContain('Source 1: NHS England');
    expect(regulator!.source).toBeUndefined();
    expect(layout.precisionsUsed.sort()).toEqual(['day', 'month', 'year']);
  });
});

describe('incident timeline layout', () => {
  it('three incidents at the same time stay on separate rows', () => {
    const layout = layoutTimeline([item('a', '2024-06-03', '2024-07-01'), item('b', '2024-06-05', '2024-06-20'), item('c', '2024-06-04')]);
    expect(new Set(layout.marks.map((m) => m.row)).size).toBe(3);
    expectNoOverlaps(layout.marks);
  });

  it('1,000 incidents over 30 years: no two marks overlap, at zoom 1 and zoomed in', () => {
    const next = random(42);
    const items = Array.from({ length: 1000 }, (_, i) => {
      const start = new Date(Date.UTC(1996, 0, 1) + next() * 30 * 365 * day);
      const precision = next();
      const started = precision < 0.7 ? start.toISOString().slice(0, 10) : precision < 0.9 ? start.toISOString().slice(0, 7) : start.toISOString().slice(0, 4);
      const resolved = next() < 0.6 ? new Date(start.getTime() + next() * 400 * day).toISOString().slice(0, 10) : undefined;
      return item(`i${i}`, started, resolved && resolved > started ? resolved : undefined, next() < 0.5 ? 'ransomware' : 'supply-chain');
    });
    const layout = layoutTimeline(items);
    expect(layout.marks).toHaveLength(1000);
    expectNoOverlaps(layout.marks);
    expectNoOverlaps(layout.marks, 3.5);
    // Each mark is drawn inside its band's block, and rows map one-to-one to (band, block, y).
    const places = new Map<number, string>();
    for (const group of layout.groups) {
      group.chunks.forEach((chunk, c) => {
        for (const mark of chunk.marks) {
          expect(mark.group).toBe(group.id);
          expect(mark.chunk).toBe(c);
          expect(mark.y).toBeGreaterThanOrEqual(0);
          expect(mark.y + timelineMetrics.laneHeight).toBeLessThanOrEqual(chunk.height);
          const place = `${group.id}/${c}/${mark.y}`;
          expect(places.get(mark.row) ?? place).toBe(place);
          places.set(mark.row, place);
        }
      });
    }
    expect(layout.groups.flatMap((g) => g.chunks.flatMap((c) => c.marks))).toHaveLength(1000);
    for (const mark of layout.marks) {
      expect(mark.x0).toBeGreaterThanOrEqual(layout.plot.left);
      expect(mark.x1).toBeLessThanOrEqual(layout.plot.right);
    }
  });

  it('groups by the first attack type, and says so in words', () => {
    const layout = layoutTimeline([item('a', '2024-06-03', undefined, 'supply-chain'), item('b', '2017-05-12')]);
    expect(layout.groups.map((g) => g.name)).toEqual(['Ransomware', 'Supply chain']);
    expect(new Set(layout.groups.map((g) => g.glyph)).size).toBe(2);
    const a = layout.marks.find((m) => m.id === 'a')!;
    expect(a.accessibleName).toContain('Attack type: Supply chain');
    expect(a.accessibleName).toContain('resolution date not recorded');
    expect(a.path).toBe('/incidents/a/');
  });
});

describe('labels', () => {
  it('shortens long labels to fit and keeps short ones', () => {
    expect(fitLabel('Short', 12, 200)).toBe('Short');
    const long = fitLabel('A very long incident title that will never fit in the space given to it', 12, 120);
    expect(long.endsWith('…')).toBe(true);
    expect(estimateTextWidth(long, 12)).toBeLessThanOrEqual(120);
  });

  it('never leaves a bracket open: the cut label drops a parenthetical it would split', () => {
    const title = 'Data breach at Longmead (synthetic 345)';
    const label = fitLabel(title, 12, estimateTextWidth('Data breach at Longmead (synthetic…', 12));
    expect(label).toBe('Data breach at Longmead…');
    // A parenthetical that fits whole is kept.
    expect(fitLabel('Breach (2024) at a very long named trust somewhere', 12, estimateTextWidth('Breach (2024) at a…', 12))).toBe('Breach (2024) at a…');
  });
});
