/**
 * Vertical stacked columns over time: incidents per year, each column split by attack type.
 *
 * How an incident of several attack types is counted is the caller's choice, and the chart says
 * which in its notes, table caption and text alternative:
 * - 'first' (the default): once, under the type listed first for it (its main type, as the
 *   timeline bands use it). Each column then adds up to that year's incidents: what a stack means.
 *   A segment's filtered list (every incident of that type) can hold more than the segment.
 * - 'each': once under each of its types, as the filtered lists count. Segments then match their
 *   lists, and a column can add up to more than that year's incidents.
 * Years with no incident are drawn as empty columns, never skipped, so the time axis is even.
 */
import { scaleBand } from 'd3-scale';
import { stack } from 'd3-shape';
import { countAxis } from './axes.ts';
import { capitalise, countOf, formatNumber, listNames, type Noun } from './format.ts';
import { chartFont, chartVariants, chartWidths, layoutLegend, r2, seriesStyleCount, type AxisTick, type ChartModel, type ChartVariant, type LegendEntry, type PlacedText } from './model.ts';
import { hatchPath } from './patterns.ts';
import { textWidth } from './text.ts';

export type MultiCategoryCounting = 'first' | 'each';

export interface StackCategory {
  key: string;
  label: string;
  /** The filtered list of every item in the category (small multiples link their row labels to it). */
  href?: string;
}

export interface StackedPeriod {
  key: string;
  /** "2024". */
  label: string;
  /** The filtered list for the whole period. */
  href?: string;
  values: { category: string; value: number; href?: string }[];
  /** How many items fall in the period, each once (under 'each' the values can add up to more). */
  items?: number;
}

export interface StackedColumnsData {
  /** Bottom of the stack first. */
  categories: StackCategory[];
  /** In time order. */
  periods: StackedPeriod[];
  counting: MultiCategoryCounting;
}

/** An item to count: the year it falls in and its categories, main one first. */
export interface CategorisedItem {
  year: number;
  categories: readonly StackCategory[];
}

/**
 * Counts items per year and category under `counting` (see the module comment), with every year
 * from the first to the last present, and categories ordered by their total, largest first (the
 * largest sits at the bottom of each column, where it is easiest to compare).
 */
export function countByYear(
  items: readonly CategorisedItem[],
  options: {
    counting?: MultiCategoryCounting;
    href?: (year: number, category?: string) => string | undefined;
    /** The list of a category's items over every year. */
    categoryHref?: (category: string) => string | undefined;
  } = {},
): StackedColumnsData {
  const counting = options.counting ?? 'first';
  const labels = new Map<string, string>();
  const counts = new Map<number, Map<string, number>>();
  const totals = new Map<string, number>();
  const perYear = new Map<number, number>();
  for (const item of items) {
    perYear.set(item.year, (perYear.get(item.year) ?? 0) + 1);
    const counted = counting === 'first' ? item.categories.slice(0, 1) : item.categories;
    const year = counts.get(item.year) ?? new Map<string, number>();
    counts.set(item.year, year);
    for (const category of new Map(counted.map((c) => [c.key, c])).values()) {
      labels.set(category.key, category.label);
      year.set(category.key, (year.get(category.key) ?? 0) + 1);
      totals.set(category.key, (totals.get(category.key) ?? 0) + 1);
    }
  }
  const categories = [...labels].map(([key, label]) => {
    const href = options.categoryHref?.(key);
    return { key, label, ...(href ? { href } : {}) };
  }).sort((a, b) => totals.get(b.key)! - totals.get(a.key)! || a.label.localeCompare(b.label, 'en-GB'));
  const years = [...counts.keys()];
  const periods: StackedPeriod[] = [];
  if (years.length) {
    for (let year = Math.min(...years); year <= Math.max(...years); year++) {
      const counted = counts.get(year);
      const href = options.href?.(year);
      periods.push({
        key: String(year),
        label: String(year),
        ...(href ? { href } : {}),
        values: categories.map((c) => {
          const segmentHref = options.href?.(year, c.key);
          return { category: c.key, value: counted?.get(c.key) ?? 0, ...(segmentHref ? { href: segmentHref } : {}) };
        }),
        items: perYear.get(year) ?? 0,
      });
    }
  }
  return { categories, periods, counting };
}

export interface StackedColumnsOptions {
  title: string;
  /** What is counted: incidents. */
  unit: Noun;
  /** What the colours are: attack type. */
  category: Noun;
  /** What a column is: year. */
  period?: Noun;
  /** Label of the merged category when there are more than the chart can tell apart. */
  otherLabel?: string;
}

export interface StackSegment {
  series: number;
  category: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  href?: string;
  name: string;
  /** The series' hatching, clipped to the segment (src/lib/charts/patterns.ts). */
  hatch: string;
}

export interface StackColumn {
  key: string;
  label: string;
  total: number;
  href?: string;
  name: string;
  segments: StackSegment[];
  /** The total above the column; absent where columns are too narrow for it (the table has it). */
  totalText?: PlacedText;
  /** Around the total, outlined when its link has focus. */
  totalBox?: { x: number; y: number; width: number; height: number };
  /** The period's label under the axis; absent where thinned out to keep labels apart. */
  axisLabel?: PlacedText;
}

export interface StackedColumnsLayout {
  width: number;
  height: number;
  legend: LegendEntry[];
  /** The unit over the value axis: "Incidents". */
  axisTitle: PlacedText;
  yTicks: AxisTick[];
  plot: { left: number; right: number; top: number; bottom: number };
  columns: StackColumn[];
}

interface Prepared {
  categories: (StackCategory & { series: number })[];
  periods: { key: string; label: string; href?: string; values: Map<string, { value: number; href?: string }>; total: number }[];
  merged: StackCategory[];
}

/** Keeps the categories the chart can tell apart and merges the rest, smallest totals, into one. */
function prepare(data: StackedColumnsData, otherLabel: string): Prepared {
  const totals = new Map(data.categories.map((c) => [c.key, 0]));
  for (const p of data.periods) for (const v of p.values) totals.set(v.category, (totals.get(v.category) ?? 0) + v.value);
  let kept = data.categories;
  let merged: StackCategory[] = [];
  if (data.categories.length > seriesStyleCount) {
    const bySize = [...data.categories].sort((a, b) => totals.get(b.key)! - totals.get(a.key)! || a.label.localeCompare(b.label, 'en-GB'));
    const keep = new Set(bySize.slice(0, seriesStyleCount - 1).map((c) => c.key));
    kept = data.categories.filter((c) => keep.has(c.key));
    merged = data.categories.filter((c) => !keep.has(c.key));
  }
  const otherKey = '\u0000other';
  const categories = [...kept, ...(merged.length ? [{ key: otherKey, label: otherLabel }] : [])].map((c, series) => ({ ...c, series }));
  const mergedKeys = new Set(merged.map((c) => c.key));
  const periods = data.periods.map((p) => {
    const values = new Map<string, { value: number; href?: string }>();
    for (const v of p.values) {
      const key = mergedKeys.has(v.category) ? otherKey : v.category;
      const previous = values.get(key);
      // A merged segment has no single filtered list to link to.
      values.set(key, previous ? { value: previous.value + v.value } : { value: v.value, ...(v.href && !mergedKeys.has(v.category) ? { href: v.href } : {}) });
    }
    const total = [...values.values()].reduce((sum, v) => sum + v.value, 0);
    return { key: p.key, label: p.label, ...(p.href ? { href: p.href } : {}), values, total };
  });
  return { categories, periods, merged };
}

const plotHeights: Record<ChartVariant, number> = { narrow: 220, wide: 260 };

function layoutStackedColumns(prepared: Prepared, unit: Noun, width: number, plotHeight: number): StackedColumnsLayout {
  const axisSize = chartFont.axis;
  const measure = (text: string) => textWidth(text, chartFont.label);
  const legend = layoutLegend(prepared.categories.map((c) => ({ series: c.series, label: c.label })), width, measure);
  const axisTitleY = legend.height + 16;
  const top = axisTitleY + 26;
  const bottom = top + plotHeight;
  const max = Math.max(0, ...prepared.periods.map((p) => p.total));
  const y = countAxis(max, [bottom, top], { fontSize: axisSize, room: width * 0.12 });
  const left = r2(y.labelWidth + 8);
  const right = width - 2;
  const x = scaleBand<string>().domain(prepared.periods.map((p) => p.key)).range([left + 4, right]).paddingInner(0.25).paddingOuter(0.15);
  const band = x.bandwidth();

  const keys = prepared.categories.map((c) => c.key);
  const series = stack<Prepared['periods'][number], string>()
    .keys(keys)
    .value((p, key) => p.values.get(key)?.value ?? 0)(prepared.periods);

  // Period labels: thinned to every n-th so that they never touch; years thin to round years.
  const widestLabel = Math.max(0, ...prepared.periods.map((p) => textWidth(p.label, axisSize)));
  const step = Math.max(1, Math.ceil((widestLabel + 6) / x.step()));
  const numeric = prepared.periods.every((p) => /^\d+$/.test(p.label));
  const showLabel = (index: number, label: string) => (numeric ? Number(label) % step === 0 : index % step === 0);
  const widestTotal = Math.max(0, ...prepared.periods.map((p) => textWidth(formatNumber(p.total), chartFont.value, true)));
  const totalsFit = widestTotal <= x.step() - 2;

  const columns: StackColumn[] = prepared.periods.map((p, index) => {
    const x0 = x(p.key)!;
    const segments: StackSegment[] = [];
    for (const [s, layer] of series.entries()) {
      const [y0, y1] = layer[index]!;
      if (y1 <= y0) continue;
      const c = prepared.categories[s]!;
      const v = p.values.get(c.key)!;
      const yTop = y.scale(y1);
      segments.push({
        series: c.series,
        category: c.label,
        value: v.value,
        x: r2(x0),
        y: r2(yTop),
        width: r2(band),
        height: r2(y.scale(y0) - yTop),
        ...(v.href ? { href: v.href } : {}),
        name: `${p.label}, ${c.label}: ${countOf(v.value, unit)}`,
        hatch: hatchPath(c.series, { x: x0, y: yTop, width: band, height: y.scale(y0) - yTop }),
      });
    }
    const centre = r2(x0 + band / 2);
    return {
      key: p.key,
      label: p.label,
      total: p.total,
      ...(p.href ? { href: p.href } : {}),
      name: `${p.label}: ${countOf(p.total, unit)}`,
      segments,
      ...(totalsFit
        ? {
            totalText: { x: centre, y: r2(y.scale(p.total) - 5), text: formatNumber(p.total), anchor: 'middle' as const },
            totalBox: { x: r2(x0 - 2), y: r2(y.scale(p.total) - 21), width: r2(band + 4), height: 19 },
          }
        : {}),
      ...(showLabel(index, p.label) ? { axisLabel: { x: centre, y: r2(bottom + 17), text: p.label, anchor: 'middle' as const } } : {}),
    };
  });

  return {
    width,
    height: r2(bottom + 26),
    legend: legend.entries,
    axisTitle: { x: 0, y: axisTitleY, text: capitalise(unit.other), anchor: 'start' },
    yTicks: y.ticks,
    plot: { left, right, top, bottom },
    columns,
  };
}

export function countingNote(counting: MultiCategoryCounting, unit: Noun, category: Noun, period: Noun): string {
  return counting === 'first'
    ? `${capitalise(unit.other)} with several ${category.other} are counted once, under the ${category.one} listed first (their main ${category.one}), so each column adds up to that ${period.one}'s ${unit.other}.`
    : `${capitalise(unit.other)} with several ${category.other} are counted once under each of them, as the filtered lists count them, so a column can add up to more than that ${period.one}'s ${unit.other}.`;
}

export function stackedColumnChart(data: StackedColumnsData, options: StackedColumnsOptions): ChartModel<StackedColumnsLayout> {
  const { unit, category, title } = options;
  const period = options.period ?? { one: 'year', other: 'years' };
  const prepared = prepare(data, options.otherLabel ?? `Other ${category.other}`);
  const notes = [countingNote(data.counting, unit, category, period)];
  if (prepared.merged.length) {
    notes.push(`${options.otherLabel ?? `Other ${category.other}`}: ${listNames(prepared.merged.map((c) => c.label), prepared.merged.length)}.`);
  }
  const layouts = Object.fromEntries(chartVariants.map((v) => [v, layoutStackedColumns(prepared, unit, chartWidths[v], plotHeights[v])])) as Record<ChartVariant, StackedColumnsLayout>;
  return {
    kind: 'stacked-columns',
    layouts,
    textAlternative: describeStackedColumns(prepared, { title, unit, category, period, counting: notes[0]! }),
    notes,
    table: {
      caption: `${title}. ${notes[0]}`,
      columns: [capitalise(period.one), ...prepared.categories.map((c) => c.label), 'Total'],
      rows: prepared.periods.map((p) => ({
        header: p.label,
        ...(p.href ? { href: p.href } : {}),
        cells: [...prepared.categories.map((c) => formatNumber(p.values.get(c.key)?.value ?? 0)), formatNumber(p.total)],
      })),
      foot: [{ header: 'All', cells: [...prepared.categories.map((c) => formatNumber(prepared.periods.reduce((s, p) => s + (p.values.get(c.key)?.value ?? 0), 0))), formatNumber(prepared.periods.reduce((s, p) => s + p.total, 0))] }],
    },
    hasLinks: prepared.periods.some((p) => p.href || [...p.values.values()].some((v) => v.href)),
  };
}

/**
 * "Incidents per year by attack type: stacked columns for 9 years, 2017 to 2025. Most: 2024, with
 * 6 incidents. Fewest: 2018, 2019 and 2020, with 0 incidents each. Most common attack type:
 * Ransomware, 8 incidents; least common: Worm, 1 incident. An incident with several ..."
 */
function describeStackedColumns(prepared: Prepared, context: { title: string; unit: Noun; category: Noun; period: Noun; counting: string }): string {
  const { title, unit, category, period, counting } = context;
  const periods = prepared.periods;
  if (!periods.length) return `${title}: no ${unit.other} to show.`;
  const span = periods.length === 1 ? periods[0]!.label : `${periods[0]!.label} to ${periods.at(-1)!.label}`;
  const sentences = [`${title}: stacked columns for ${countOf(periods.length, period)}, ${span}.`];
  const totals = periods.map((p) => p.total);
  const most = Math.max(...totals);
  const fewest = Math.min(...totals);
  const named = (value: number) => periods.filter((p) => p.total === value).map((p) => p.label);
  const otherPeriods: Noun = { one: `other ${period.one}`, other: `other ${period.other}` };
  const each = (value: number, n: number) => `${countOf(value, unit)}${n > 1 ? ' each' : ''}`;
  if (most === fewest) sentences.push(`Every ${period.one} has ${countOf(most, unit)}.`);
  else {
    sentences.push(`Most: ${listNames(named(most), 3, otherPeriods)}, with ${each(most, named(most).length)}.`);
    sentences.push(`Fewest: ${listNames(named(fewest), 3, otherPeriods)}, with ${each(fewest, named(fewest).length)}.`);
  }
  const byCategory = prepared.categories
    .map((c) => ({ label: c.label, total: periods.reduce((s, p) => s + (p.values.get(c.key)?.value ?? 0), 0) }))
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'en-GB'));
  if (byCategory.length > 1) {
    const top = byCategory[0]!.total;
    const bottom = byCategory.at(-1)!.total;
    const typesWith = (value: number) => byCategory.filter((c) => c.total === value).map((c) => c.label);
    const kinds: Noun = { one: `other ${category.one}`, other: `other ${category.other}` };
    if (top === bottom) sentences.push(`Every ${category.one} has ${countOf(top, unit)}.`);
    else sentences.push(`Most common ${category.one}: ${listNames(typesWith(top), 3, kinds)}, ${each(top, typesWith(top).length)}; least common: ${listNames(typesWith(bottom), 3, kinds)}, ${each(bottom, typesWith(bottom).length)}.`);
  }
  sentences.push(counting);
  return sentences.join(' ');
}
