import { describe, expect, it } from 'vitest';
import { binLabel, binValues, distributionChart, type DotPlotLayout, type HistogramLayout } from '../../src/lib/charts/distribution.ts';
import { dayNoun, incidentNoun } from '../../src/lib/charts/format.ts';

const options = { title: 'Days to restore services', unit: dayNoun, item: incidentNoun, axisLabel: 'Days until core services were restored' };

/** Deterministic pseudo-random values (a linear congruential generator). */
function values(count: number, seed: number, scale = 300, power = 2): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return Math.round((state / 4294967296) ** power * scale);
  });
}

describe('binning', () => {
  it('puts every value in exactly one range: counts add up, ranges are contiguous and cover the data', () => {
    for (const seed of [1, 2, 3]) {
      const data = values(5000, seed);
      const bins = binValues(data);
      expect(bins.reduce((s, b) => s + b.count, 0)).toBe(data.length);
      for (let i = 1; i < bins.length; i++) expect(bins[i]!.from).toBe(bins[i - 1]!.to);
      expect(bins[0]!.from).toBeLessThanOrEqual(Math.min(...data));
      expect(bins.at(-1)!.to).toBeGreaterThanOrEqual(Math.max(...data));
      for (const bin of bins) {
        const inside = data.filter((v) => v >= bin.from && (bin.last ? v <= bin.to : v < bin.to)).length;
        expect(inside).toBe(bin.count);
      }
    }
  });

  it('uses whole-number ranges for whole-number data and labels them inclusively', () => {
    const bins = binValues([0, 3, 9, 10, 19, 20, 25]);
    expect(bins.every((b) => Number.isInteger(b.from) && Number.isInteger(b.to))).toBe(true);
    expect(binLabel({ from: 0, to: 10, count: 3, last: false }, dayNoun, true)).toBe('0 to 9 days');
    expect(binLabel({ from: 20, to: 30, count: 1, last: true }, dayNoun, true)).toBe('20 to 30 days');
    expect(binLabel({ from: 5, to: 6, count: 1, last: false }, dayNoun, true)).toBe('5 days');
    expect(binLabel({ from: 0, to: 2.5, count: 1, last: false }, dayNoun, false)).toBe('from 0 to under 2.5 days');
  });
});

describe('distribution chart', () => {
  it('draws one dot per item up to the threshold, and bins above it', () => {
    const at = (n: number) => distributionChart(values(n, 4, 300, 1).map((value, i) => ({ label: `Incident ${i}`, value })), { ...options, threshold: 100 });
    expect(at(100).kind).toBe('strip');
    expect((at(100).layouts.wide as DotPlotLayout).dots).toHaveLength(100);
    const binned = at(101);
    expect(binned.kind).toBe('histogram');
    const bars = (binned.layouts.wide as HistogramLayout).bars;
    expect(bars.length).toBeLessThan(30);
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(101);
    expect(binned.notes.join(' ')).toContain('101 incidents are counted in ranges of');
  });

  it('never draws 10,000 marks: at 10,000 items both layouts draw a few dozen bars', () => {
    const chart = distributionChart(values(10_000, 5).map((value, i) => ({ label: `Incident ${i}`, value })), options);
    for (const layout of Object.values(chart.layouts)) {
      expect(layout.mode).toBe('histogram');
      expect((layout as HistogramLayout).bars.length).toBeLessThanOrEqual(30);
    }
    expect(chart.table.rows.length).toBeLessThanOrEqual(30);
    expect(chart.table.foot![0]!.cells[0]).toBe('10,000');
  });

  it('bins when the piles of dots would be too tall to read, whatever the count', () => {
    const same = Array.from({ length: 40 }, (_, i) => ({ label: `Incident ${i}`, value: 7 }));
    expect(distributionChart(same, options).kind).toBe('histogram');
  });

  it('piles dots so that none overlaps another', () => {
    const chart = distributionChart(values(150, 6, 300, 1).map((value, i) => ({ label: `Incident ${i}`, value, href: `/incidents/${i}/` })), options);
    expect(chart.kind).toBe('strip');
    const layout = chart.layouts.narrow as DotPlotLayout;
    const dots = layout.dots;
    expect(dots).toHaveLength(150);
    for (let i = 0; i < dots.length; i++) {
      for (let j = i + 1; j < dots.length; j++) {
        const distance = Math.hypot(dots[i]!.cx - dots[j]!.cx, dots[i]!.cy - dots[j]!.cy);
        expect(distance).toBeGreaterThanOrEqual(layout.radius * 2 - 0.01);
      }
    }
    expect(dots[0]!.name).toMatch(/^Incident \d+: \d+ days?$/);
  });

  it('has a value axis whose last tick is at or past the largest value', () => {
    const chart = distributionChart([{ label: 'A', value: 9 }, { label: 'B', value: 2 }], options);
    for (const layout of Object.values(chart.layouts)) expect(Number(layout.xTicks.at(-1)!.label)).toBeGreaterThanOrEqual(9);
  });

  it('states the smallest and largest values, with who holds them, in one text alternative', () => {
    const chart = distributionChart(
      [
        { label: 'WannaCry', value: 4 },
        { label: 'Synnovis', value: 180 },
        { label: 'Advanced', value: 40 },
      ],
      { ...options, missing: 2 },
    );
    expect(chart.textAlternative).toBe('Days to restore services: one dot per incident. 3 incidents, from 4 days (WannaCry) to 180 days (Synnovis); median 40 days.');
    expect(chart.notes).toContain('2 incidents with no published figure are not shown.');
    expect(distributionChart([{ label: 'A', value: 1 }], { ...options, missing: 1 }).notes).toContain('1 incident with no published figure is not shown.');
  });
});

describe('qualified figures', () => {
  it('are drawn at the value given and say their qualifier in the mark name and table', () => {
    const chart = distributionChart(
      [
        { label: 'Medway', value: 150, qualifier: 'about ' },
        { label: 'Lanarkshire', value: 3 },
      ],
      options,
    );
    const layout = chart.layouts.wide as DotPlotLayout;
    expect(layout.dots.find((d) => d.label === 'Medway')!.name).toBe('Medway: about 150 days');
    expect(chart.table.rows.map((r) => r.cells[0])).toEqual(['3', 'about 150']);
  });
});

