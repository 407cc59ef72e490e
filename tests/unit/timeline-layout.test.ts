import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';
import { parsePartialDate, type PartialDate } from '../../src/schemas/dates.ts';
import { assignLanes, collide, type Occupied } from '../../src/lib/timeline/lanes.ts';
import { axisFontSize, axisTicks, fittedAxisTicks } from '../../src/lib/timeline/ticks.ts';
import { keepInside } from '../../src/lib/charts/axes.ts';
import { partialDateRange } from '../../src/lib/timeline/ranges.ts';
import { layoutTimeline, timelineMetrics, type TimelineItem, type TimelineMark } from '../../src/lib/timeline/incidents-layout.ts';
import { layoutChronology, type ChronologyEventInput } from '../../src/lib/timeline/chronology-layout.ts';
import { estimateTextWidth, fitLabel } from '../../src/lib/timeline/text.ts';
import { textWidth } from '../../src/lib/charts/text.ts';
import { itemSpan, wrapLabel } from '../../src/lib/timeline/incidents-layout.ts';
import { careImpact, impactScale, impactSizes } from '../../src/lib/timeline/impact.ts';
import { layoutNarrow, narrowBar } from '../../src/lib/timeline/narrow-layout.ts';
import { filterChoices, matchesFilters } from '../../src/lib/timeline/filters.ts';

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

/**
 * The pixel box a mark takes on its row at a zoom: glyph, bar (and its open end) and label, worked out
 * from what the page draws. Positions scale with the zoom; the glyph, the open end and the label keep
 * their size in pixels.
 */
function box(mark: TimelineMark, zoom = 1): Occupied {
  const m = timelineMetrics;
  const labelWidth = Math.max(...mark.lines.map((line) => textWidth(line, m.fontSize)));
  const x0 = mark.x0 * zoom;
  const x1 = mark.x1 * zoom;
  const half = mark.glyphSize / 2;
  // A label that runs right is placed from the bar's end (which moves with the zoom); one that runs left, from the mark.
  const label = mark.labelAnchor === 'start' ? { from: x1 + mark.labelDx, to: x1 + mark.labelDx + labelWidth } : { from: x0 + mark.labelDx - labelWidth, to: x0 + mark.labelDx };
  const parts = [{ from: x0 - half, to: x0 + half }, { from: x0, to: x1 + (mark.openEnd ? m.tailLength : 0) }, label];
  return { from: Math.min(...parts.map((p) => p.from)), to: Math.max(...parts.map((p) => p.to)) };
}

function expectNoOverlaps(marks: TimelineMark[], zoom = 1) {
  const rows = Map.groupBy(marks, (m) => m.row);
  for (const row of rows.values()) {
    const boxes = row.map((mark) => box(mark, zoom)).sort((a, b) => a.from - b.from);
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

describe('axis labels at the ends of the axis', () => {
  const anchorOf = (at: number, label: string, width: number) => keepInside([{ at, label }], width, axisFontSize)[0]!.anchor ?? 'middle';

  it('start or end at their tick where a centred label would be cut off, and are centred elsewhere', () => {
    const width = 1000;
    expect(anchorOf(4, 'Jul 2022', width)).toBe('start');
    expect(anchorOf(500, 'Jul 2022', width)).toBe('middle');
    expect(anchorOf(996, 'Jul 2022', width)).toBe('end');
    // Every label drawn stays inside the axis and clear of its neighbours, wherever the view starts.
    for (const from of ['2022-06-28', '2022-07-10', '2024-05-30', '2016-01-02']) {
      const start = new Date(`${from}T00:00:00Z`);
      const end = new Date(start.getTime() + 90 * 86_400_000);
      const ticks = fittedAxisTicks(start, end, width, axisFontSize).map((tick) => ({ label: tick.label, at: ((tick.date.getTime() - start.getTime()) / (end.getTime() - start.getTime())) * width }));
      const labels = keepInside(ticks, width, axisFontSize);
      expect(labels.length, from).toBeGreaterThanOrEqual(ticks.length - 2);
      // The first label stays (it often carries the year); a crowded neighbour gives way.
      expect(labels[0]!.label, from).toBe(ticks[0]!.label);
      const extents = labels.map((tick) => {
        const w = textWidth(tick.label, axisFontSize);
        const left = tick.anchor === 'start' ? tick.at : tick.anchor === 'end' ? tick.at - w : tick.at - w / 2;
        return [left, left + w] as const;
      });
      extents.forEach(([left, right], i) => {
        expect(left, `${labels[i]!.label} from ${from}`).toBeGreaterThanOrEqual(0);
        expect(right, `${labels[i]!.label} from ${from}`).toBeLessThanOrEqual(width);
        if (i > 0) expect(left, `${labels[i]!.label} runs into ${labels[i - 1]!.label} (from ${from})`).toBeGreaterThan(extents[i - 1]![1]);
      });
    }
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

  it('an incident of several attack types is in the band of each, and a band counts what the filter of its name shows', () => {
    const both = { ...item('a', '2024-06-03'), attackTypes: [{ id: 'supply-chain', name: 'Supply chain' }, { id: 'ransomware', name: 'Ransomware' }] };
    const items = [both, item('b', '2017-05-12'), item('c', '2020-01-01', undefined, 'supply-chain')];
    const layout = layoutTimeline(items);
    expect(layout.groups.map((g) => g.name)).toEqual(['Ransomware', 'Supply chain']);
    expect(new Set(layout.groups.map((g) => g.glyph)).size).toBe(2);
    expect(layout.marks.filter((m) => m.id === 'a').map((m) => m.group).sort()).toEqual(['ransomware', 'supply-chain']);
    expect(layout.incidents).toBe(3);
    for (const group of layout.groups) {
      // What the attack-type filter matches: any of an incident's types.
      const matching = items.filter((i) => matchesFilters({ 'attack-type': i.attackTypes.map((t) => t.id), attacker: [], vendor: [] }, { 'attack-type': group.name }, filterChoices(items)));
      expect(group.count).toBe(matching.length);
      expect(group.chunks.flatMap((c) => c.marks).map((m) => m.id).sort()).toEqual(matching.map((i) => i.id).sort());
    }
    const a = layout.marks.find((m) => m.id === 'a')!;
    expect(a.accessibleName).toContain('Attack types: Supply chain, Ransomware');
    expect(a.path).toBe('/incidents/a/');
  });
});

describe('what a bar shows', () => {
  it('runs from the start to the restoration date, and says how long that was', () => {
    const span = itemSpan({ started: date('2017-01-13'), resolved: date('2017-01-16') });
    expect(span.openEnd).toBe(false);
    expect((span.end - span.start) / day).toBe(4);
    expect(span.summary).toBe('13 January 2017 to 16 January 2017 (3 days)');
  });

  it('without a restoration date, ends at the days to restore from the impact summary, pale when approximate', () => {
    const span = itemSpan({ started: date('2022-08-02'), restoredAfter: { days: 31, qualifier: 'about' } });
    expect(span.openEnd).toBe(false);
    expect((span.end - span.start) / day).toBe(31);
    expect(span.segments.at(-1)!.certainty).toBe('uncertain');
    expect(span.summary).toBe('from 2 August 2022, services restored after about 31 days');
    // "More than N days" reaches the Nth day and stays open.
    expect(itemSpan({ started: date('2022-08-02'), restoredAfter: { days: 31, qualifier: 'more-than' } }).openEnd).toBe(true);
  });

  it('with no end recorded, is open-ended: drawn with a tail, never as a finished bar of no length', () => {
    const layout = layoutTimeline([item('open', '2017-05-12'), item('closed', '2017-05-12', '2017-05-12'), item('later', '2020-01-01', '2020-02-01')]);
    const open = layout.marks.find((m) => m.id === 'open')!;
    const closed = layout.marks.find((m) => m.id === 'closed')!;
    expect(open.openEnd).toBe(true);
    expect(closed.openEnd).toBe(false);
    expect(open.accessibleName).toContain('end not recorded');
    expect(box(open).to - open.x0).toBeGreaterThanOrEqual(timelineMetrics.tailLength);
  });
});

describe('impact marks', () => {
  const withImpact = (id: string, value: number | undefined) => ({ ...item(id, '2024-06-03'), impact: value === undefined ? undefined : { value, phrase: `${value} postponed.` } });

  it('are sized by one scale, area for count, and an incident without a figure is drawn as unknown, not as small', () => {
    const layout = layoutTimeline([withImpact('big', 20_000), withImpact('quarter', 5_000), withImpact('none', 0), withImpact('unknown', undefined)]);
    const size = (id: string) => layout.marks.find((m) => m.id === id)!;
    expect(size('big').glyphSize).toBeCloseTo(impactSizes.max, 1);
    // A quarter of the count: half the diameter, a quarter of the area.
    expect(size('quarter').glyphSize).toBeCloseTo(impactSizes.max / 2, 1);
    expect(size('none').glyphSize).toBe(impactSizes.min);
    expect(size('none').impactKnown).toBe(true);
    expect(size('unknown').impactKnown).toBe(false);
    expect(size('unknown').accessibleName).toContain('no figure published');
    expect(layout.impactKnown).toBe(3);
  });

  it('count appointments and procedures together, with the qualifiers the sources give', () => {
    const figure = (value: number, qualifier: 'exact' | 'more-than' = 'exact') => ({ value, qualifier, asOf: date('2024'), certainty: 'confirmed' as const, sources: ['s'] });
    expect(careImpact({ appointmentsPostponed: figure(10_152), proceduresPostponed: figure(1_710) })).toEqual({ value: 11_862, phrase: '10,152 appointments and 1,710 procedures postponed.' });
    expect(careImpact({ appointmentsPostponed: figure(19_000, 'more-than') })?.phrase).toBe('More than 19,000 appointments postponed.');
    expect(careImpact({ appointmentsPostponed: figure(1) })?.phrase).toBe('1 appointment postponed.');
    expect(careImpact({ appointmentsPostponed: figure(0) })).toEqual({ value: 0, phrase: 'No appointments postponed.' });
    expect(careImpact({ daysToRestore: figure(3) })).toBeUndefined();
  });

  it('the legend shows round reference sizes from the same scale', () => {
    const scale = impactScale([19_000, 184, 0]);
    expect(scale.legend[0]!.diameter).toBe(impactSizes.min);
    for (const entry of scale.legend.slice(1)) {
      expect(entry.diameter).toBe(scale.diameter(entry.value));
      expect(entry.value % 1000).toBe(0);
    }
    expect(scale.unknownDiameter).not.toBe(impactSizes.min);
  });
});

describe('narrow layout', () => {
  it('lists every incident once, year by year, and marks the years with none', () => {
    const items = [item('a', '2024-06-03', undefined, 'supply-chain'), { ...item('b', '2017-05-12'), attackTypes: [{ id: 'ransomware', name: 'Ransomware' }, { id: 'supply-chain', name: 'Supply chain' }] }, item('c', '2017-01-01'), item('d', '2020-02')];
    const layout = layoutTimeline(items);
    const narrow = layoutNarrow(items, layout.spans, layout.impact, () => 0);
    const years = narrow.sections.flatMap((s) => (s.kind === 'year' ? [s] : []));
    expect(years.map((s) => s.year)).toEqual([2017, 2020, 2024]);
    expect(years.flatMap((s) => s.entries.map((e) => e.id))).toEqual(['c', 'b', 'd', 'a']);
    expect(narrow.sections.filter((s) => s.kind === 'gap')).toEqual([{ kind: 'gap', from: 2018, to: 2019 }, { kind: 'gap', from: 2021, to: 2023 }]);
  });

  it('draws every bar on one scale, the longest filling it', () => {
    const items = [item('long', '2024-01-01', '2024-12-31'), item('short', '2024-01-01', '2024-01-31')];
    const layout = layoutTimeline(items);
    const entries = layoutNarrow(items, layout.spans, layout.impact, () => 0).sections.flatMap((s) => (s.kind === 'year' ? s.entries : []));
    const length = (id: string) => Math.max(...entries.find((e) => e.id === id)!.segments.map((s) => s.to));
    expect(length('long')).toBeCloseTo(narrowBar.width - narrowBar.tailLength, 0);
    expect(length('short') / length('long')).toBeCloseTo(31 / 366, 2);
  });
});

describe('labels', () => {
  const { fontSize, minLabelWidth, maxLabelWidth } = timelineMetrics;

  it('every title in the knowledge base is whole on the chart, on one or two lines no wider than the room', () => {
    const kb = knowledgeBaseFrom(resolve(root, 'content'));
    expect(kb.incidents.length).toBeGreaterThan(0);
    for (const incident of kb.incidents) {
      const { lines, cut } = wrapLabel(incident.data.title, fontSize, minLabelWidth, maxLabelWidth);
      expect(cut, incident.data.title).toBe(false);
      expect(lines.join(' ')).toBe(incident.data.title);
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) expect(textWidth(line, fontSize)).toBeLessThanOrEqual(maxLabelWidth);
    }
  });

  it('wraps as narrow as two lines allow, and cuts a title too long for two lines at a word, never mid-word', () => {
    const title = 'Synnovis pathology ransomware attack, south east London';
    const { lines } = wrapLabel(title, fontSize, minLabelWidth, maxLabelWidth);
    expect(lines).toHaveLength(2);
    // Balanced: the two lines are close in width, not one full line and a stub.
    const [a, b] = lines.map((line) => textWidth(line, fontSize)) as [number, number];
    expect(Math.abs(a - b)).toBeLessThan(textWidth('attack,', fontSize) * 1.5);
    const long = 'A very long incident title that runs on and on across far more room than two lines of the chart could ever give it (synthetic 12)';
    const cut = wrapLabel(long, fontSize, minLabelWidth, maxLabelWidth);
    expect(cut.cut).toBe(true);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]!.endsWith('…')).toBe(true);
    const shown = cut.lines.join(' ').slice(0, -1);
    expect(long.startsWith(shown)).toBe(true);
    expect(long[shown.length]).toBe(' ');
    expect(shown).not.toContain('(');
  });

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
