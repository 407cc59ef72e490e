import { describe, expect, it } from 'vitest';
import { incidentNoun } from '../../src/lib/charts/format.ts';
import { chartWidths } from '../../src/lib/charts/model.ts';
import { rankedBarChart } from '../../src/lib/charts/ranked-bars.ts';
import { textWidth } from '../../src/lib/charts/text.ts';

const attacker = { one: 'attacker', other: 'attackers' };
const options = { title: 'Incidents by attacker', unit: incidentNoun, category: attacker };
const data = [
  { label: 'LockBit', value: 1, href: '/actors/lockbit/' },
  { label: 'Qilin', value: 3, href: '/actors/qilin/' },
  { label: 'INC Ransom', value: 2 },
  { label: 'ALPHV', value: 1 },
];

describe('ranked horizontal bars', () => {
  it('orders bars by value, largest first, ties alphabetically, in both layouts and the table', () => {
    const chart = rankedBarChart(data, options);
    for (const layout of Object.values(chart.layouts)) {
      expect(layout.rows.map((r) => r.label)).toEqual(['Qilin', 'INC Ransom', 'ALPHV', 'LockBit']);
      const widths = layout.rows.map((r) => r.bar.width);
      expect([...widths].sort((a, b) => b - a)).toEqual(widths);
      // Bar length is proportional to value.
      expect(layout.rows[0]!.bar.width / layout.rows[2]!.bar.width).toBeCloseTo(3, 1);
    }
    expect(chart.table.rows.map((r) => [r.header, r.cells[0]])).toEqual([['Qilin', '3'], ['INC Ransom', '2'], ['ALPHV', '1'], ['LockBit', '1']]);
  });

  it('names each linked bar for what it counts', () => {
    const chart = rankedBarChart(data, options);
    const qilin = chart.layouts.wide.rows[0]!;
    expect(qilin.href).toBe('/actors/qilin/');
    expect(qilin.name).toBe('Qilin: 3 incidents');
    expect(chart.layouts.wide.rows.find((r) => r.label === 'ALPHV')!.name).toBe('ALPHV: 1 incident');
    expect(chart.hasLinks).toBe(true);
  });

  it('keeps every label and value inside the chart, rows apart, at both widths', () => {
    const long = [...data, { label: 'Cyber incident of undisclosed type attributed to no named group', value: 2 }];
    const chart = rankedBarChart(long, options);
    for (const [variant, layout] of Object.entries(chart.layouts)) {
      const width = chartWidths[variant as keyof typeof chartWidths];
      for (const row of layout.rows) {
        for (const line of row.labelLines) {
          const w = textWidth(line.text, 13);
          const [from, to] = line.anchor === 'end' ? [line.x - w, line.x] : [line.x, line.x + w];
          expect(from, `${variant}: "${line.text}"`).toBeGreaterThanOrEqual(0);
          expect(to, `${variant}: "${line.text}"`).toBeLessThanOrEqual(width);
        }
        expect(row.valueText.x + textWidth(row.valueText.text, 13, true)).toBeLessThanOrEqual(width);
        expect(row.labelLines.map((l) => l.text).join(' ')).toBe(row.label);
      }
      for (let i = 1; i < layout.rows.length; i++) expect(layout.rows[i]!.bar.y).toBeGreaterThan(layout.rows[i - 1]!.bar.y + layout.rows[i - 1]!.bar.height);
    }
  });

  it('draws at most maxBars and accounts for the rest in a note and the table foot', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ label: `Group ${i + 1}`, value: 30 - i }));
    const chart = rankedBarChart(many, { ...options, maxBars: 10 });
    expect(chart.layouts.narrow.rows).toHaveLength(10);
    const restTotal = many.slice(10).reduce((s, d) => s + d.value, 0);
    expect(chart.table.foot).toEqual([{ header: '15 other attackers', cells: [String(restTotal)] }]);
    expect(chart.notes.join(' ')).toContain(`The 15 other attackers, not drawn, have ${restTotal} incidents between them.`);
    expect(chart.textAlternative).toContain('15 other attackers');
  });

  it('states the largest and smallest values in its one text alternative', () => {
    const chart = rankedBarChart(data, options);
    expect(chart.textAlternative).toBe(
      'Incidents by attacker: bar chart of 4 attackers. Most: Qilin, with 3 incidents. Fewest: ALPHV and LockBit, with 1 incident each.',
    );
    expect(rankedBarChart([{ label: 'A', value: 2 }, { label: 'B', value: 2 }], options).textAlternative).toContain('All have 2 incidents each: A and B.');
  });
});
