/** Impact figures that share a series become line charts on the incident page, every figure kept. */
import { describe, expect, it } from 'vitest';
import { lineChart } from '../../src/lib/charts/line.ts';
import { impactSeriesCharts } from '../../src/lib/views/impact-series.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';

const kb = knowledgeBaseFrom(`${root}/content`);
const withSeries = kb.incidents.filter((i) => i.data.impact.some((f) => f.series));

describe('impact over time', () => {
  it('is drawn for every incident with a series, and for no other', () => {
    expect(withSeries.length).toBeGreaterThan(0);
    for (const incident of kb.incidents) expect(impactSeriesCharts(incident).length > 0, incident.id).toBe(withSeries.includes(incident));
  });

  it('keeps every figure of every series, in the order reported, each linked to its source', () => {
    for (const incident of withSeries) {
      const drawn = impactSeriesCharts(incident).flatMap((c) => c.series);
      const ids = new Set(incident.data.impact.flatMap((f) => (f.series ? [f.series] : [])));
      expect(new Set(drawn.map((s) => s.key))).toEqual(ids);
      for (const series of drawn) {
        const figures = incident.data.impact.filter((f) => f.series === series.key);
        expect(series.points.map((p) => [p.date.value, p.value])).toEqual(figures.map((f) => [f.asOf.value, f.value]));
        for (const [i, point] of series.points.entries()) expect(point.href).toBe(`#source-${figures[i]!.sources[0]}`);
      }
    }
  });

  it('puts series of one kind of unit on one chart, the largest first, and says where each line starts and ends', () => {
    const synnovis = impactSeriesCharts(kb.incident.get('synnovis-pathology-2024')!);
    expect(synnovis).toHaveLength(1);
    const [chart] = synnovis;
    const peaks = chart!.series.map((s) => Math.max(...s.points.map((p) => p.value)));
    expect([...peaks].sort((a, b) => b - a)).toEqual(peaks);
    const first = chart!.series[0]!;
    expect(chart!.frame.takeaway.startsWith(`${first.label}: from ${first.points[0]!.value.toLocaleString('en-GB')} as of `)).toBe(true);
    expect(chart!.frame.title).toBe('Appointments and procedures over time');
  });

  it('writes sums of money with their currency and keeps a figure dated only to a year, drawn as partial', () => {
    const capita = impactSeriesCharts(kb.incident.get('capita-pcse-2023')!);
    const money = capita.find((c) => c.series.some((s) => s.prefix))!;
    expect(money.frame.takeaway).toMatch(/£[\d,]+ as of/);
    const model = lineChart(money.series, { title: money.frame.title, valueLabel: money.valueLabel });
    const yearOnly = money.series.flatMap((s) => s.points).filter((p) => p.date.precision === 'year');
    expect(model.layouts.wide.marks.filter((m) => m.partial)).toHaveLength(yearOnly.length);
  });
});
