import { describe, expect, it } from 'vitest';
import { incidentNoun } from '../../src/lib/charts/format.ts';
import { chartWidths } from '../../src/lib/charts/model.ts';
import { smallMultiplesChart } from '../../src/lib/charts/small-multiples.ts';
import { countByYear, type CategorisedItem } from '../../src/lib/charts/stacked-columns.ts';
import { textWidth } from '../../src/lib/charts/text.ts';

const type = (key: string) => ({ key, label: key[0]!.toUpperCase() + key.slice(1) });
// 2020 has three incidents but six attack-type mentions: a stack would stand six high.
const items: CategorisedItem[] = [
  { year: 2017, categories: [type('worm')] },
  { year: 2020, categories: [type('ransomware'), type('supplier')] },
  { year: 2020, categories: [type('supplier')] },
  { year: 2020, categories: [type('ransomware'), type('breach'), type('supplier')] },
  { year: 2021, categories: [type('breach')] },
];
const options = { title: 'Incidents per year, by attack type', unit: incidentNoun, category: { one: 'attack type', other: 'attack types' }, totalLabel: 'All incidents', totalHref: '/incidents/' };
const data = countByYear(items, {
  counting: 'each',
  href: (year, category) => (category ? `/search/?attack-type=${category}&year=${year}` : `/browse/year/${year}/`),
  categoryHref: (category) => `/attack-types/${category}/`,
});

describe('small multiples', () => {
  it('draws a first row that counts each item once, then one row per category counted under each', () => {
    const chart = smallMultiplesChart(data, options);
    const layout = chart.layouts.wide;
    const [all, ...rows] = layout.rows;
    expect(all!.isTotal).toBe(true);
    expect(all!.columns.map((c) => c.value)).toEqual([1, 0, 0, 3, 1]);
    expect(all!.total).toBe(items.length);
    expect(Object.fromEntries(rows.map((r) => [r.label, r.total]))).toEqual({ Supplier: 3, Breach: 2, Ransomware: 2, Worm: 1 });
    expect(rows.find((r) => r.label === 'Supplier')!.columns.find((c) => c.period === '2020')!.value).toBe(3);
  });

  it('gives every row one scale, so a column is as tall as its count wherever it is', () => {
    for (const layout of Object.values(smallMultiplesChart(data, options).layouts)) {
      const columns = layout.rows.flatMap((r) => r.columns).filter((c) => c.value > 0);
      const perItem = columns.map((c) => c.height / c.value);
      for (const ratio of perItem) expect(Math.abs(ratio - perItem[0]!)).toBeLessThan(0.01);
    }
  });

  it('links each column to the list it counts, and leaves empty columns unlinked', () => {
    const layout = smallMultiplesChart(data, options).layouts.narrow;
    const supplier2020 = layout.rows.find((r) => r.label === 'Supplier')!.columns.find((c) => c.period === '2020')!;
    expect(supplier2020.href).toBe('/search/?attack-type=supplier&year=2020');
    expect(supplier2020.name).toBe('2020, Supplier: 3 incidents');
    expect(layout.rows[0]!.columns.find((c) => c.period === '2020')!.href).toBe('/browse/year/2020/');
    expect(layout.rows[0]!.columns.find((c) => c.period === '2018')!.href).toBeUndefined();
    expect(layout.rows.find((r) => r.label === 'Worm')!.href).toBe('/attack-types/worm/');
  });

  it('says how it counts, and its table holds the same numbers with each item once in the first column', () => {
    const chart = smallMultiplesChart(data, options);
    expect(chart.notes[0]).toBe('Incidents with several attack types are counted once under each of them, as the filtered lists count them; the first row counts each incident once.');
    expect(chart.table.columns).toEqual(['Year', 'All incidents', 'Supplier', 'Breach', 'Ransomware', 'Worm']);
    expect(chart.table.rows.find((r) => r.header === '2020')!.cells).toEqual(['3', '3', '1', '2', '0']);
    expect(chart.table.foot).toEqual([{ header: 'All years', cells: ['5', '3', '2', '2', '1'] }]);
    expect(chart.textAlternative).toContain('Most: 2020, with 3 incidents.');
  });

  it('keeps every label inside the chart and rows apart, at both widths', () => {
    for (const [variant, layout] of Object.entries(smallMultiplesChart(data, options).layouts)) {
      const width = chartWidths[variant as keyof typeof chartWidths];
      for (const row of layout.rows) {
        for (const line of row.labelLines) expect(line.x + textWidth(line.text, 13)).toBeLessThanOrEqual(width);
        for (const label of row.axisLabels) expect(label.x + textWidth(label.text, 12) / 2).toBeLessThanOrEqual(width + 1);
      }
      for (let i = 1; i < layout.rows.length; i++) expect(layout.rows[i]!.labelBox.y).toBeGreaterThan(layout.rows[i - 1]!.baseline.y);
    }
  });

  it('refuses counts under each category without the number of items per period', () => {
    const bare = { ...data, periods: data.periods.map(({ items: _items, ...p }) => p) };
    expect(() => smallMultiplesChart(bare, options)).toThrow(/no item count/);
  });

  it('with no categories is one row of columns: items per period', () => {
    const chart = smallMultiplesChart(countByYear(items.map((i) => ({ year: i.year, categories: [] }))), options);
    expect(chart.layouts.wide.rows).toHaveLength(1);
    expect(chart.notes).toEqual([]);
    expect(chart.layouts.wide.rows[0]!.columns.map((c) => c.value)).toEqual([1, 0, 0, 3, 1]);
  });
});
