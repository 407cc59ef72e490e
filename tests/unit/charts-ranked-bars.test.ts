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

  it('splits a bar into parts that add up to it, with a key, a table column per part, and "no figure" where a part has none', () => {
    const postponed = { one: 'appointment or procedure', other: 'appointments and procedures' };
    const parts = [{ one: 'appointment', other: 'appointments' }, { one: 'procedure', other: 'procedures' }];
    const chart = rankedBarChart(
      [
        { label: 'Synnovis', value: 11862, parts: [10152, 1710], href: '/incidents/synnovis/' },
        { label: 'WannaCry', value: 19000, qualifier: 'more than ', parts: [19000, null] },
      ],
      { title: 'Postponed', unit: postponed, category: { one: 'incident', other: 'incidents' }, parts },
    );
    for (const layout of Object.values(chart.layouts)) {
      expect(layout.legend.map((e) => e.label)).toEqual(['Appointments', 'Procedures']);
      const synnovis = layout.rows.find((r) => r.label === 'Synnovis')!;
      const [a, p] = synnovis.segments;
      // The parts sit end to end and fill the bar, in proportion.
      expect(a!.x).toBe(synnovis.bar.x);
      expect(a!.x + a!.width).toBeCloseTo(p!.x, 1);
      expect(a!.width + p!.width).toBeCloseTo(synnovis.bar.width, 1);
      expect(a!.width / p!.width).toBeCloseTo(10152 / 1710, 1);
      // Bars start below the key.
      expect(layout.rows[0]!.box.y).toBeGreaterThan(layout.legend.at(-1)!.y);
    }
    const wide = chart.layouts.wide.rows;
    expect(wide.find((r) => r.label === 'Synnovis')!.name).toBe('Synnovis: 11,862 appointments and procedures (10,152 appointments and 1,710 procedures)');
    expect(wide.find((r) => r.label === 'WannaCry')!.name).toBe('WannaCry: more than 19,000 appointments and procedures');
    expect(wide.find((r) => r.label === 'WannaCry')!.valueText.text).toBe('more than 19,000');
    expect(chart.table.columns).toEqual(['Incident', 'Appointments', 'Procedures', 'Total']);
    expect(chart.table.rows.map((r) => r.cells)).toEqual([
      ['19,000', 'no figure', 'more than 19,000'],
      ['10,152', '1,710', '11,862'],
    ]);
    expect(chart.textAlternative).toContain('In all: 29,152 appointments and 1,710 procedures.');
  });
});
