/**
 * An incident's impact figures over time: figures that share a `series` id are one measure as it
 * was reported week by week (Synnovis's postponed appointments), drawn as a line chart with its
 * table (src/components/charts/LineChart.astro) near the impact figures. Series in the same kind of
 * unit share a chart (appointments and procedures; sums in pounds); figures without a series stay
 * in the table only. Partial dates are placed as the chart toolkit documents (src/lib/charts/line.ts).
 */
import type { Incident } from '../../schemas/incident.ts';
import { impactQualifierWords, impactUnitLabels } from '../../schemas/vocabularies.ts';
import { asOfText, seriesFigure, type LineSeries } from '../charts/line.ts';
import type { ResolvedIncident } from '../model.ts';
import { sourceAnchor } from '../urls.ts';
import { listOf, nounOf, type Noun } from '../wording.ts';

type Figure = Incident['impact'][number];
type Unit = Figure['unit'];

export interface LineChartView {
  frame: { id: string; title: string; headingLevel: 3; takeaway: string };
  series: LineSeries[];
  /** Over the value axis. */
  valueLabel: string;
}

const currencies: Partial<Record<Unit, string>> = { gbp: impactUnitLabels.gbp, usd: impactUnitLabels.usd };

/** The noun of a count unit ("appointment", "appointments"); symbols stand for themselves. */
function unitNoun(unit: Unit): Noun {
  if (unit === 'people') return { one: 'person', other: 'people' };
  if (unit === 'percent') return { one: 'per cent', other: 'per cent' };
  if (unit === 'terabytes' || unit === 'gigabytes') return { one: impactUnitLabels[unit], other: impactUnitLabels[unit] };
  return nounOf(impactUnitLabels[unit].replace(/s$/, ''));
}

/** Series that can share a value axis: sums in one currency, shares, volumes in one unit, or counts of anything. */
function axisKind(unit: Unit): string {
  if (unit in currencies || unit === 'percent' || unit === 'terabytes' || unit === 'gigabytes') return unit;
  return 'count';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Data breach" → "data breach" mid-sentence; a label with other capitals ("Capita's ...") keeps them. */
function inSentence(text: string): string {
  return /[A-Z]/.test(text.slice(1)) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** Each series of figures, in the order they are listed (which is the order they were reported). */
function seriesOf(incident: ResolvedIncident): { id: string; unit: Unit; figures: Figure[] }[] {
  const byId = new Map<string, Figure[]>();
  for (const figure of incident.data.impact) if (figure.series) byId.set(figure.series, [...(byId.get(figure.series) ?? []), figure]);
  return [...byId].map(([id, figures]) => ({ id, unit: figures[0]!.unit, figures }));
}

/** One sentence: where each line starts and ends. */
function takeaway(series: readonly LineSeries[]): string {
  const clauses = series.map((s, i) => {
    const first = s.points[0]!;
    const last = s.points.at(-1)!;
    const figure = (p: typeof first) => `${p.qualifier ?? ''}${seriesFigure(s, p.value)} ${asOfText(p.date)}`;
    const label = i === 0 ? s.label : inSentence(s.label);
    return s.points.length === 1 ? `${label}: ${figure(first)}` : `${label}: from ${figure(first)} to ${figure(last)}`;
  });
  return `${clauses.join('; ')}.`;
}

/** The incident's series as line charts, one per kind of unit; none when it has no series. */
export function impactSeriesCharts(incident: ResolvedIncident): LineChartView[] {
  const groups = new Map<string, LineSeries[]>();
  const seriesUnit = new Map<string, Unit>();
  for (const { id, unit, figures } of seriesOf(incident)) {
    const prefix = currencies[unit];
    const series: LineSeries = {
      key: id,
      // The latest wording of what was counted.
      label: figures.at(-1)!.label,
      unit: unitNoun(unit),
      ...(prefix ? { prefix } : {}),
      points: figures.map((f) => ({
        date: f.asOf,
        value: f.value,
        ...(f.qualifier !== 'exact' ? { qualifier: impactQualifierWords[f.qualifier] } : {}),
        ...(f.sources[0] ? { href: `#${sourceAnchor(f.sources[0])}` } : {}),
      })),
    };
    const kind = axisKind(unit);
    groups.set(kind, [...(groups.get(kind) ?? []), series]);
    seriesUnit.set(id, unit);
  }
  return [...groups].map(([kind, unsorted], index) => {
    // The largest measure first: in the key, the title and the takeaway.
    const peak = (x: LineSeries) => Math.max(...x.points.map((p) => p.value));
    const series = [...unsorted].sort((a, b) => peak(b) - peak(a));
    const unitsOf = [...new Set(series.map((x) => seriesUnit.get(x.key)!))];
    const what = kind in currencies ? `Sums in ${currencies[kind as Unit]}` : capitalise(listOf(unitsOf.map((u) => unitNoun(u).other)));
    return {
      frame: { id: `chart-impact-${index + 1}`, title: `${what} over time`, headingLevel: 3, takeaway: capitalise(takeaway(series)) },
      series,
      valueLabel: what,
    };
  });
}
