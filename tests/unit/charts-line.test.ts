import { describe, expect, it } from 'vitest';
import { asOfText, lineChart, placeSeriesDates, type LineSeries } from '../../src/lib/charts/line.ts';
import { parsePartialDate, type PartialDate } from '../../src/schemas/dates.ts';

const d = (text: string): PartialDate => parsePartialDate(text)!;
const day = (text: string) => new Date(`${text}T00:00:00Z`).getTime();
const appointments = { one: 'appointment', other: 'appointments' };

const synnovis: LineSeries = {
  key: 'appointments',
  label: 'Outpatient appointments',
  unit: appointments,
  points: [
    { date: d('2024-06-16'), value: 2194 },
    { date: d('2024-06-30'), value: 4913 },
    { date: d('2024-07-07'), value: 6199 },
    { date: d('2024-08-11'), value: 10054 },
    { date: d('2024'), value: 10152, href: '#source-london-post-final' },
  ],
};

describe('placing partial dates in a series', () => {
  it('draws a day on that day', () => {
    const placed = placeSeriesDates([{ date: d('2024-06-16') }]);
    expect(placed[0]!.at.getTime()).toBe(day('2024-06-16'));
    expect(placed[0]!.span).toBeUndefined();
  });

  it('never draws a year-only figure on 1 January: it goes on the last day it can mean, after the figure before it', () => {
    const placed = placeSeriesDates(synnovis.points);
    const last = placed.at(-1)!;
    expect(last.at.getTime()).not.toBe(day('2024-01-01'));
    expect(last.at.getTime()).toBe(day('2024-12-31'));
    expect(last.span!.from.getTime()).toBe(day('2024-08-12'));
    expect(last.span!.to.getTime()).toBe(day('2024-12-31'));
  });

  it('places a month-only figure on the last day of its month, or before the next figure', () => {
    expect(placeSeriesDates([{ date: d('2024-07') }])[0]!.at.getTime()).toBe(day('2024-07-31'));
    const beforeNext = placeSeriesDates([{ date: d('2024-07') }, { date: d('2024-07-20') }]);
    expect(beforeNext[0]!.at.getTime()).toBe(day('2024-07-19'));
    expect(beforeNext[0]!.span!.from.getTime()).toBe(day('2024-07-01'));
  });

  it('says what a partial date leaves out', () => {
    expect(asOfText(d('2024-07-07'))).toBe('as of 7 July 2024');
    expect(asOfText(d('2024'))).toBe('as of 2024 (month and day not public)');
    expect(asOfText(d('2024-08'))).toBe('as of August 2024 (exact day not public)');
  });
});

describe('line chart', () => {
  const chart = lineChart([synnovis], { title: 'Appointments postponed', valueLabel: 'Postponed, running total' });

  it('marks every figure, the partial one hollow with its span, left to right in time order', () => {
    for (const layout of Object.values(chart.layouts)) {
      expect(layout.marks).toHaveLength(5);
      const xs = layout.marks.map((m) => m.x);
      expect([...xs].sort((a, b) => a - b)).toEqual(xs);
      const last = layout.marks.at(-1)!;
      expect(last.partial).toBe(true);
      expect(last.span!.x0).toBeGreaterThan(layout.marks[3]!.x);
      expect(last.span!.x1).toBeGreaterThanOrEqual(last.x);
      expect(last.href).toBe('#source-london-post-final');
      expect(last.name).toBe('Outpatient appointments: 10,152 appointments as of 2024 (month and day not public)');
      // The line into a partial date is dashed, the rest solid.
      expect(layout.paths[0]!.dashed).not.toBe('');
      expect(layout.paths[0]!.solid).not.toBe('');
    }
  });

  it('has value ticks from zero past the largest figure, and date ticks inside the plot', () => {
    for (const layout of Object.values(chart.layouts)) {
      const values = layout.yTicks.map((t) => Number(t.label.replace(/[,k]/g, '')) * (t.label.endsWith('k') ? 1000 : 1));
      expect(values[0]).toBe(0);
      expect(values.at(-1)).toBeGreaterThanOrEqual(10152);
      expect(layout.xTicks.length).toBeGreaterThan(1);
      for (const tick of layout.xTicks) {
        expect(tick.at).toBeGreaterThanOrEqual(layout.plot.left);
        expect(tick.at).toBeLessThanOrEqual(layout.plot.right);
      }
    }
  });

  it('labels the last figure "as of" its date', () => {
    const label = chart.layouts.wide.endLabels[0]!;
    expect(label.value.text).toBe('10,152');
    expect(label.asOf.text).toBe('as of 2024');
  });

  it('states the lowest and highest figures and the partial date in one text alternative', () => {
    expect(chart.textAlternative).toBe(
      'Appointments postponed: line chart of one series. Outpatient appointments: 5 figures, from 2,194 as of 16 June 2024 to 10,152 as of 2024 (month and day not public); lowest 2,194 appointments, highest 10,152 appointments.',
    );
    expect(chart.notes[0]).toContain('drawn hollow, on the last day it can mean');
  });

  it('tables every figure by date, saying which dates are partial', () => {
    expect(chart.table.columns).toEqual(['As of', 'Outpatient appointments']);
    expect(chart.table.rows.map((r) => r.header)).toEqual(['16 June 2024', '30 June 2024', '7 July 2024', '11 August 2024', '2024 (month and day not public)']);
    expect(chart.table.rows.at(-1)!.cells).toEqual(['10,152']);
  });

  it('puts two series on one date in one table row, and marks a gap as no figure', () => {
    const procedures: LineSeries = { key: 'procedures', label: 'Elective procedures', unit: { one: 'procedure', other: 'procedures' }, points: [{ date: d('2024-06-30'), value: 1391 }] };
    const both = lineChart([synnovis, procedures], { title: 'Postponed', valueLabel: 'Running total' });
    expect(both.table.rows.find((r) => r.header === '30 June 2024')!.cells).toEqual(['4,913', '1,391']);
    expect(both.table.rows.find((r) => r.header === '16 June 2024')!.cells).toEqual(['2,194', 'no figure']);
    expect(both.layouts.wide.legend.map((l) => l.label)).toEqual(['Outpatient appointments', 'Elective procedures']);
  });

  it('stops marking each figure when they are closer together than a mark, keeping the first, last and partial', () => {
    const start = day('2020-01-01');
    const daily: LineSeries = {
      key: 'daily',
      label: 'Daily',
      unit: appointments,
      points: [...Array.from({ length: 1000 }, (_, i) => ({ date: d(new Date(start + i * 86_400_000).toISOString().slice(0, 10)), value: i })), { date: d('2022-10'), value: 1000 }, { date: d('2022-11-15'), value: 1001 }],
    };
    const dense = lineChart([daily], { title: 'Daily', valueLabel: 'Total' });
    expect(dense.layouts.narrow.marks.map((m) => m.partial)).toEqual([false, true, false]);
    expect(dense.layouts.narrow.marks[0]!.name).toContain('as of 1 January 2020');
    expect(dense.table.rows).toHaveLength(1002);
  });
});

describe('sums of money over time', () => {
  it('writes the currency before every figure and the qualifier a source gives, in names, table and axis', () => {
    const costs: LineSeries = {
      key: 'costs',
      label: "Capita's costs",
      unit: { one: 'pound', other: 'pounds' },
      prefix: '£',
      points: [
        { date: d('2023-05-10'), value: 20_000_000, qualifier: 'up to ' },
        { date: d('2024'), value: 25_000_000 },
      ],
    };
    const chart = lineChart([costs], { title: 'Costs', valueLabel: 'Costs' });
    expect(chart.table.rows.map((r) => r.cells[0])).toEqual(['up to £20,000,000', '£25,000,000']);
    const wide = chart.layouts.wide;
    expect(wide.marks[0]!.name).toBe("Capita's costs: up to £20,000,000 as of 10 May 2023");
    expect(wide.yTicks.every((t) => t.label.startsWith('£'))).toBe(true);
    expect(wide.endLabels[0]!.value.text).toBe('£25,000,000');
    expect(chart.textAlternative).toContain('from up to £20,000,000 as of 10 May 2023 to £25,000,000 as of 2024');
    expect(chart.textAlternative).not.toMatch(/pounds/);
  });
});

