/**
 * A measure over dates (appointments postponed, week by week), one line per series, with a mark
 * on every reported figure and the last figure of each line written beside it "as of" its date.
 *
 * Partial dates are never drawn as a day. A figure dated only "2024" or "2024-08" may mean any day
 * of that year or month, so:
 * - its mark is hollow and a bracket under it spans every day it can mean, narrowed to after the
 *   figure before it in the series and before the figure after it (a series is given in the order
 *   its figures were reported, which is time order);
 * - the mark sits on the last day of that span: "as of 2024" is true, at the latest, on 31 December,
 *   and for a running total it is the one day on which the figure is sure to have been reached;
 * - the line into it is dashed, since when it got there is not known.
 * The text alternative and table say the same: "10,152 as of 2024 (the day is not public)".
 */
import { scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import type { PartialDate } from '../../schemas/dates.ts';
import { dateEnd, dateStart } from '../partial-dates.ts';
import { formatPartialDate, formatPartialDateShort } from '../dates-format.ts';
import { precisionNote } from '../display.ts';
import { paddedDomain } from '../timeline/ranges.ts';
import { fittedAxisTicks } from '../timeline/ticks.ts';
import { countAxis, keepInside } from './axes.ts';
import { capitalise, countOf, formatNumber, type Noun } from './format.ts';
import { chartFont, chartVariants, chartWidths, layoutLegend, r2, seriesStyleCount, type AxisTick, type ChartModel, type ChartVariant, type LegendEntry, type PlacedText } from './model.ts';
import { textWidth } from './text.ts';

const dayMs = 86_400_000;

export interface LinePoint {
  date: PartialDate;
  value: number;
  /** Words before the figure, as the source qualifies it: "up to ", "about ". */
  qualifier?: string;
  /** Where the figure comes from (its source in the page's list). */
  href?: string;
}

export interface LineSeries {
  key: string;
  /** "Outpatient appointments postponed". */
  label: string;
  unit: Noun;
  /** A currency symbol written before every figure ("£"): the figures are sums of money, with no noun. */
  prefix?: string;
  /** In the order reported (time order). */
  points: LinePoint[];
}

/** A figure of the series in full ("10,152", "£25,000,000"). */
export function seriesFigure(series: Pick<LineSeries, 'prefix'>, value: number): string {
  return `${series.prefix ?? ''}${formatNumber(value)}`;
}

/** A figure in words, with its qualifier and noun: "up to £20,000,000", "2,194 appointments". */
export function seriesAmount(series: Pick<LineSeries, 'prefix' | 'unit'>, value: number, qualifier = ''): string {
  return `${qualifier}${series.prefix ? seriesFigure(series, value) : countOf(value, series.unit)}`;
}

export interface LineChartOptions {
  title: string;
  /** Over the value axis: "Postponed, running total". */
  valueLabel: string;
}

/** Where a figure is drawn: its day, or for a partial date the span it can mean and the last day of it. */
export interface PlacedDate {
  /** The instant the mark is drawn at (the start of a day, UTC). */
  at: Date;
  /** For a partial date: the first and last day the figure can mean (narrowed by its neighbours). */
  span?: { from: Date; to: Date };
}

function dayOf(date: PartialDate): Date {
  return dateStart(date);
}

/**
 * Places each figure of a series in time (see the module comment). A day is drawn on that day; a
 * month or year on the last day it can mean, after the figure before it and before the one after.
 */
export function placeSeriesDates(points: readonly { date: PartialDate }[]): PlacedDate[] {
  const placed: PlacedDate[] = [];
  for (const [i, point] of points.entries()) {
    if (point.date.precision === 'day') {
      placed.push({ at: dayOf(point.date) });
      continue;
    }
    let from = dateStart(point.date).getTime();
    let to = dateEnd(point.date).getTime() - dayMs;
    const previous = placed[i - 1];
    if (previous && previous.at.getTime() + dayMs > from && previous.at.getTime() + dayMs <= to) from = previous.at.getTime() + dayMs;
    const next = points.slice(i + 1).find((p) => p.date.precision === 'day');
    if (next) {
      const nextDay = dayOf(next.date).getTime();
      if (nextDay - dayMs < to && nextDay - dayMs >= from) to = nextDay - dayMs;
    }
    placed.push({ at: new Date(to), span: { from: new Date(from), to: new Date(to) } });
  }
  return placed;
}

/** "as of 7 July 2024", "as of 2024 (day not public)". */
export function asOfText(date: PartialDate): string {
  const note = precisionNote(date);
  return `as of ${formatPartialDate(date)}${note ? ` (${note})` : ''}`;
}

export interface LineMark {
  series: number;
  x: number;
  y: number;
  /** Hollow mark: a date known only to the month or year. */
  partial: boolean;
  /** The days a partial date can mean, drawn as a bracket along the time axis (y: its baseline). */
  span?: { x0: number; x1: number; y: number };
  href?: string;
  name: string;
}

export interface LinePath {
  series: number;
  /** Segments between figures on known days. */
  solid: string;
  /** Segments into a figure on a partial date. */
  dashed: string;
}

export interface LineChartLayout {
  width: number;
  height: number;
  legend: LegendEntry[];
  axisTitle: PlacedText;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: AxisTick[];
  yTicks: AxisTick[];
  paths: LinePath[];
  marks: LineMark[];
  /** The last figure of each line, "10,152" over "as of 2024". */
  endLabels: { series: number; value: PlacedText; asOf: PlacedText }[];
}

interface PreparedSeries {
  series: number;
  source: LineSeries;
  placed: PlacedDate[];
}

const plotHeights: Record<ChartVariant, number> = { narrow: 200, wide: 240 };

function layoutLine(prepared: readonly PreparedSeries[], options: LineChartOptions, width: number, plotHeight: number): LineChartLayout {
  const measure = (text: string) => textWidth(text, chartFont.label);
  const legend = prepared.length > 1 ? layoutLegend(prepared.map((s) => ({ series: s.series, label: s.source.label })), width, measure) : { entries: [], height: 0 };
  const axisTitleY = legend.height + 16;
  const top = axisTitleY + 34;
  const bottom = top + plotHeight;
  const all = prepared.flatMap((s) => s.source.points.map((p) => p.value));
  const prefix = prepared[0]?.source.prefix;
  const y = countAxis(Math.max(0, ...all), [bottom, top], { fontSize: chartFont.axis, room: width * 0.12, integer: all.every(Number.isInteger), ...(prefix ? { prefix } : {}) });
  const left = r2(y.labelWidth + 8);
  const right = width - 8;
  const ranges = prepared.flatMap((s) => s.placed.map((p) => ({ start: p.span?.from ?? p.at, end: new Date((p.span?.to ?? p.at).getTime() + dayMs), precision: 'day' as const })));
  const [d0, d1] = paddedDomain(ranges, { padding: 0.03, minimumDays: 14 });
  const x = scaleUtc().domain([d0, d1]).range([left + 6, right]);
  const xTicks = keepInside(fittedAxisTicks(d0, d1, right - left - 6, chartFont.axis).map((t) => ({ at: r2(x(t.date)), label: t.label })), width, chartFont.axis);

  const marks: LineMark[] = [];
  const paths: LinePath[] = [];
  const endLabels: LineChartLayout['endLabels'] = [];
  const path = line<[number, number]>();
  for (const s of prepared) {
    const points = s.source.points.map((p, i) => ({ p, x: x(s.placed[i]!.at), y: y.scale(p.value), placed: s.placed[i]! }));
    // Runs of segments between figures on known days are solid; a segment into or out of a
    // partial date is dashed. d3's line() writes each run as one path.
    const solidRuns: [number, number][][] = [];
    const dashedRuns: [number, number][][] = [];
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      const runs = a.placed.span || b.placed.span ? dashedRuns : solidRuns;
      const run = runs.at(-1);
      const from: [number, number] = [r2(a.x), r2(a.y)];
      const to: [number, number] = [r2(b.x), r2(b.y)];
      if (run && run.at(-1)![0] === from[0] && run.at(-1)![1] === from[1]) run.push(to);
      else runs.push([from, to]);
    }
    paths.push({ series: s.series, solid: solidRuns.map((run) => path(run)).join(''), dashed: dashedRuns.map((run) => path(run)).join('') });
    // Figures closer together than a mark is wide are not each marked (the table lists them all);
    // the first, the last and any on a partial date always are.
    const dense = points.length > (right - left) / 8;
    points.forEach(({ p, x: px, y: py, placed }, i) => {
      if (dense && i > 0 && i < points.length - 1 && !placed.span) return;
      marks.push({
        series: s.series,
        x: r2(px),
        y: r2(py),
        partial: Boolean(placed.span),
        ...(placed.span ? { span: { x0: r2(x(placed.span.from)), x1: r2(x(new Date(placed.span.to.getTime() + dayMs))), y: r2(bottom - 4 - s.series * 7) } } : {}),
        ...(p.href ? { href: p.href } : {}),
        name: `${s.source.label}: ${seriesAmount(s.source, p.value, p.qualifier)} ${asOfText(p.date)}`,
      });
    });
    const last = points.at(-1);
    if (last) {
      const asOf = `as of ${formatPartialDateShort(last.p.date)}`;
      const figure = `${last.p.qualifier ?? ''}${seriesFigure(s.source, last.p.value)}`;
      const labelWidth = Math.max(textWidth(figure, chartFont.value, true), textWidth(asOf, chartFont.axis));
      // Over the mark, right-aligned to it, unless that would run off the left edge.
      const anchor = last.x - labelWidth < left ? 'start' : 'end';
      const tx = anchor === 'end' ? last.x + 4 : last.x - 4;
      endLabels.push({
        series: s.series,
        value: { x: r2(Math.min(tx, width)), y: r2(last.y - 26), text: figure, anchor },
        asOf: { x: r2(Math.min(tx, width)), y: r2(last.y - 12), text: asOf, anchor },
      });
    }
  }
  // Two end labels that would overlap: the lower line's label goes under its mark instead.
  endLabels.sort((a, b) => a.value.y - b.value.y);
  for (let i = 1; i < endLabels.length; i++) {
    const above = endLabels[i - 1]!;
    const label = endLabels[i]!;
    if (label.value.y - above.value.y < 30) {
      label.value.y = r2(label.value.y + 44);
      label.asOf.y = r2(label.asOf.y + 44);
    }
  }
  endLabels.sort((a, b) => a.series - b.series);
  return {
    width,
    height: r2(bottom + 30 + (endLabels.some((l) => l.asOf.y > bottom) ? 20 : 0)),
    legend: legend.entries,
    axisTitle: { x: 0, y: axisTitleY, text: options.valueLabel, anchor: 'start' },
    plot: { left, right, top, bottom },
    xTicks,
    yTicks: y.ticks,
    paths,
    marks,
    endLabels,
  };
}

export function lineChart(series: readonly LineSeries[], options: LineChartOptions): ChartModel<LineChartLayout> {
  const shown = series.filter((s) => s.points.length).slice(0, seriesStyleCount);
  const prepared = shown.map((source, i) => ({ series: i, source, placed: placeSeriesDates(source.points) }));
  const layouts = Object.fromEntries(chartVariants.map((v) => [v, layoutLine(prepared, options, chartWidths[v], plotHeights[v])])) as Record<ChartVariant, LineChartLayout>;

  // One table row per date as reported, in drawing order; one column per series.
  const rows = new Map<string, { at: number; date: PartialDate; cells: string[] }>();
  for (const s of prepared) {
    for (const [i, p] of s.source.points.entries()) {
      const key = `${p.date.value}@${s.placed[i]!.at.getTime()}`;
      const row = rows.get(key) ?? { at: s.placed[i]!.at.getTime(), date: p.date, cells: prepared.map(() => 'no figure') };
      row.cells[s.series] = `${p.qualifier ?? ''}${seriesFigure(s.source, p.value)}`;
      rows.set(key, row);
    }
  }
  const partial = prepared.some((s) => s.placed.some((p) => p.span));
  const notes = partial
    ? ['A figure dated only to a month or year is drawn hollow, on the last day it can mean, with a bracket along the time axis over the days it may be from.']
    : [];
  return {
    kind: 'line',
    layouts,
    textAlternative: describeLines(prepared, options.title),
    notes,
    table: {
      caption: options.title,
      columns: ['As of', ...prepared.map((s) => s.source.label)],
      rows: [...rows.values()].sort((a, b) => a.at - b.at).map((r) => ({ header: `${formatPartialDate(r.date)}${precisionNote(r.date) ? ` (${precisionNote(r.date)})` : ''}`, cells: r.cells })),
    },
    hasLinks: prepared.some((s) => s.source.points.some((p) => p.href)),
  };
}

/**
 * "Appointments postponed, week by week: line chart, 16 June 2024 to 2024. Outpatient appointments
 * postponed: 8 figures, from 2,194 as of 16 June 2024 to 10,152 as of 2024 (month and day not
 * public); lowest 2,194, highest 10,152."
 */
function describeLines(prepared: readonly PreparedSeries[], title: string): string {
  if (!prepared.length) return `${title}: no figures to show.`;
  const sentences = [`${title}: line chart of ${prepared.length === 1 ? 'one series' : `${formatNumber(prepared.length)} series`}.`];
  for (const s of prepared) {
    const points = s.source.points;
    const first = points[0]!;
    const last = points.at(-1)!;
    const values = points.map((p) => p.value);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const figures = points.length === 1 ? 'one figure' : `${formatNumber(points.length)} figures`;
    const figure = (p: LinePoint) => `${p.qualifier ?? ''}${seriesFigure(s.source, p.value)}`;
    const course = points.length === 1 ? `${figure(first)} ${asOfText(first.date)}` : `from ${figure(first)} ${asOfText(first.date)} to ${figure(last)} ${asOfText(last.date)}`;
    sentences.push(`${capitalise(s.source.label)}: ${figures}, ${course}; lowest ${seriesAmount(s.source, lo)}, highest ${seriesAmount(s.source, hi)}.`);
  }
  return sentences.join(' ');
}
