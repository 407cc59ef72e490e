import { describe, expect, it } from 'vitest';
import { incidentNoun } from '../../src/lib/charts/format.ts';
import { countByYear, stackedColumnChart, type CategorisedItem } from '../../src/lib/charts/stacked-columns.ts';

const type = (key: string) => ({ key, label: key[0]!.toUpperCase() + key.slice(1) });
const items: CategorisedItem[] = [
  { year: 2017, categories: [type('worm')] },
  { year: 2020, categories: [type('ransomware'), type('supplier')] },
  { year: 2020, categories: [type('supplier')] },
  { year: 2020, categories: [type('ransomware'), type('breach'), type('supplier')] },
  { year: 2021, categories: [type('breach')] },
];
const options = { title: 'Incidents per year by attack type', unit: incidentNoun, category: { one: 'attack type', other: 'attack types' } };

describe('counting items per year and category', () => {
  it("'first' counts each item once, under its first category, so columns add up to the items", () => {
    const data = countByYear(items);
    expect(data.counting).toBe('first');
    const total = data.periods.flatMap((p) => p.values).reduce((s, v) => s + v.value, 0);
    expect(total).toBe(items.length);
    const y2020 = data.periods.find((p) => p.key === '2020')!;
    expect(Object.fromEntries(y2020.values.filter((v) => v.value).map((v) => [v.category, v.value]))).toEqual({ ransomware: 2, supplier: 1 });
  });

  it("'each' counts an item under every category it has, as filtered lists do", () => {
    const data = countByYear(items, { counting: 'each' });
    const y2020 = data.periods.find((p) => p.key === '2020')!;
    expect(Object.fromEntries(y2020.values.filter((v) => v.value).map((v) => [v.category, v.value]))).toEqual({ ransomware: 2, supplier: 3, breach: 1 });
  });

  it('includes every year from the first to the last, empty ones as zero', () => {
    const data = countByYear(items);
    expect(data.periods.map((p) => p.key)).toEqual(['2017', '2018', '2019', '2020', '2021']);
    expect(data.periods[1]!.values.every((v) => v.value === 0)).toBe(true);
  });

  it('passes the links it is given to periods and segments', () => {
    const data = countByYear(items, { href: (year, category) => `/incidents/?year=${year}${category ? `&type=${category}` : ''}` });
    expect(data.periods[0]!.href).toBe('/incidents/?year=2017');
    expect(data.periods[0]!.values.find((v) => v.category === 'worm')!.href).toBe('/incidents/?year=2017&type=worm');
  });
});

describe('stacked column chart', () => {
  it('stacks segments without gaps or overlaps, each column as tall as its total', () => {
    const chart = stackedColumnChart(countByYear(items), options);
    for (const layout of Object.values(chart.layouts)) {
      const { bottom, top } = layout.plot;
      const unit = (bottom - top) / Number(layout.yTicks.at(-1)!.label);
      for (const column of layout.columns) {
        const segments = [...column.segments].sort((a, b) => b.y - a.y);
        let base = bottom;
        for (const segment of segments) {
          expect(segment.y + segment.height).toBeCloseTo(base, 1);
          base = segment.y;
        }
        expect(bottom - base).toBeCloseTo(column.total * unit, 0);
      }
    }
  });

  it('has value ticks from zero that reach the tallest column, in whole numbers', () => {
    const chart = stackedColumnChart(countByYear(items), options);
    for (const layout of Object.values(chart.layouts)) {
      const values = layout.yTicks.map((t) => Number(t.label.replace(/,/g, '')));
      expect(values[0]).toBe(0);
      expect(values.at(-1)).toBeGreaterThanOrEqual(Math.max(...layout.columns.map((c) => c.total)));
      expect(values.every(Number.isInteger)).toBe(true);
    }
  });

  it('says how several categories were counted, in its notes, table caption and text alternative', () => {
    for (const counting of ['first', 'each'] as const) {
      const chart = stackedColumnChart(countByYear(items, { counting }), options);
      const rule = counting === 'first' ? 'counted once, under the attack type listed first' : 'counted once under each of them';
      expect(chart.notes[0]).toContain(rule);
      expect(chart.table.caption).toContain(rule);
      expect(chart.textAlternative).toContain(rule);
    }
  });

  it('gives a table with a column per category and totals that match the chart', () => {
    const chart = stackedColumnChart(countByYear(items), options);
    expect(chart.table.columns).toEqual(['Year', 'Ransomware', 'Breach', 'Supplier', 'Worm', 'Total']);
    expect(chart.table.rows.find((r) => r.header === '2020')!.cells).toEqual(['2', '0', '1', '0', '3']);
    expect(chart.table.foot![0]!.cells.at(-1)).toBe(String(items.length));
  });

  it('states the most and fewest in its text alternative', () => {
    const chart = stackedColumnChart(countByYear(items), options);
    expect(chart.textAlternative).toContain('stacked columns for 5 years, 2017 to 2021.');
    expect(chart.textAlternative).toContain('Most: 2020, with 3 incidents.');
    expect(chart.textAlternative).toContain('Fewest: 2018 and 2019, with 0 incidents each.');
  });

  it('merges categories past eight into one, unlinked, and names them in a note', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ year: 2024, categories: [{ key: `t${i}`, label: `Type ${i}` }] }));
    many.push({ year: 2024, categories: [{ key: 't0', label: 'Type 0' }] });
    const chart = stackedColumnChart(countByYear(many, { href: (y, c) => `/x/?${y}${c ?? ''}` }), options);
    expect(chart.layouts.wide.legend).toHaveLength(8);
    expect(chart.layouts.wide.legend.at(-1)!.label).toBe('Other attack types');
    const other = chart.layouts.wide.columns[0]!.segments.find((s) => s.category === 'Other attack types')!;
    // Type 0 (2 incidents) and the next six alphabetically keep their colours; types 7, 8 and 9 merge.
    expect(other.value).toBe(3);
    expect(other.href).toBeUndefined();
    expect(chart.notes).toContain('Other attack types: Type 7, Type 8 and Type 9.');
    expect(chart.table.rows[0]!.cells.at(-1)).toBe('11');
  });

  it('keeps period labels apart by thinning them, never by overlapping', () => {
    const years = Array.from({ length: 40 }, (_, i) => ({ year: 1990 + i, categories: [type('worm')] }));
    const chart = stackedColumnChart(countByYear(years), options);
    const labels = chart.layouts.narrow.columns.flatMap((c) => (c.axisLabel ? [c.axisLabel] : []));
    expect(labels.length).toBeLessThan(40);
    expect(labels.length).toBeGreaterThan(3);
    for (let i = 1; i < labels.length; i++) expect(labels[i]!.x - labels[i - 1]!.x).toBeGreaterThan(30);
  });
});
