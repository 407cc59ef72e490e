/**
 * One measure per item ("days to restore services", one per incident). Up to a threshold each
 * item is a dot, piled up where values are close, and links to its own page. Above it the items
 * are counted into ranges and drawn as a histogram, so a static page never draws thousands of
 * marks: the ranges are the same in both layouts and in the table, and hold every item once.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { countAxis, keepInside } from './axes.ts';
import { capitalise, countOf, formatNumber, listNames, type Noun } from './format.ts';
import { chartFont, chartVariants, chartWidths, lineHeight, r2, type AxisTick, type ChartModel, type ChartVariant, type PlacedText } from './model.ts';
import { textWidth, wrapText } from './text.ts';

export interface MeasuredItem {
  label: string;
  value: number;
  /** Words before the value, as the source qualifies it ("about ", "up to "): drawn at the value given. */
  qualifier?: string;
  /** The item's own page. */
  href?: string;
}

export interface DistributionOptions {
  title: string;
  /** The measure's unit: day. */
  unit: Noun;
  /** What each dot is: incident. */
  item: Noun;
  /** Under the value axis: "Days until core services were restored". */
  axisLabel: string;
  /** Above this many items, draw a histogram. Default 200. */
  threshold?: number;
  /** The filtered list of the items in a range (from inclusive, to exclusive; the last range includes its end). */
  binHref?: (from: number, to: number) => string | undefined;
  /** Items with no figure (unknown, never zero): said in a note, not drawn. */
  missing?: number;
}

export const defaultDotThreshold = 200;
/** Piles taller than this many dots on a phone are too tall to read: the chart bins instead. */
export const maxPile = 16;

export interface ValueBin {
  /** Inclusive. */
  from: number;
  /** Exclusive, except for the last bin, which includes it. */
  to: number;
  count: number;
  last: boolean;
}

/**
 * Counts values into about `target` ranges of equal, round width (from d3's nice ticks) that
 * start at 0 (or below the smallest value when negative) and reach the largest. Every value falls
 * in exactly one range.
 */
export function binValues(values: readonly number[], target = 12): ValueBin[] {
  if (!values.length) return [];
  const min = Math.min(0, ...values);
  const max = Math.max(...values);
  const scale = scaleLinear().domain([min, max > min ? max : min + 1]).nice(target);
  let edges = scale.ticks(target);
  const [lo, hi] = scale.domain() as [number, number];
  if (edges[0] !== lo) edges = [lo, ...edges];
  if (edges.at(-1) !== hi) edges = [...edges, hi];
  // Whole-number data gets whole-number ranges at least one unit wide.
  if (values.every(Number.isInteger) && edges.some((e) => !Number.isInteger(e))) {
    edges = [...new Set(edges.map((e) => Math.ceil(e)))];
    if (edges.length < 2) edges.push(edges[0]! + 1);
  }
  const bins: ValueBin[] = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1]!, count: 0, last: i === edges.length - 2 }));
  const width = bins.length;
  for (const value of values) {
    // Binary search: the last bin whose start is at or below the value.
    let low = 0;
    let high = width - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (bins[mid]!.from <= value) low = mid;
      else high = mid - 1;
    }
    bins[low]!.count++;
  }
  return bins;
}

/** "0 to 9 days" for whole numbers, "from 0 to under 2.5 days" otherwise; "5 days" for a one-unit range. */
export function binLabel(bin: ValueBin, unit: Noun, wholeNumbers: boolean): string {
  if (wholeNumbers) {
    const end = bin.last ? bin.to : bin.to - 1;
    if (end === bin.from) return countOf(bin.from, unit);
    return `${formatNumber(bin.from)} to ${countOf(end, unit)}`;
  }
  return bin.last ? `from ${formatNumber(bin.from)} to ${countOf(bin.to, unit)}` : `from ${formatNumber(bin.from)} to under ${countOf(bin.to, unit)}`;
}

export interface Dot {
  cx: number;
  cy: number;
  label: string;
  value: number;
  href?: string;
  name: string;
}

export interface HistogramBar {
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
  href?: string;
  name: string;
  countText?: PlacedText;
}

interface LayoutBase {
  width: number;
  height: number;
  xTicks: AxisTick[];
  /** Under the value axis, wrapped to the chart's width. */
  axisLabel: PlacedText[];
  plot: { left: number; right: number; top: number; bottom: number };
}

export interface DotPlotLayout extends LayoutBase {
  mode: 'dots';
  radius: number;
  /** How high the tallest pile is, in dots. */
  levels: number;
  dots: Dot[];
}

export interface HistogramLayout extends LayoutBase {
  mode: 'histogram';
  yTicks: AxisTick[];
  yTitle: PlacedText;
  bars: HistogramBar[];
}

export type DistributionLayout = DotPlotLayout | HistogramLayout;

/**
 * A value axis from 0 over [left, right] whose last tick is at or beyond the largest value (the
 * domain is made nice to the tick count), with as many ticks as fit without their labels touching.
 */
function valueAxis(max: number, left: number, right: number): { scale: ScaleLinear<number, number>; ticks: AxisTick[] } {
  const measure = (text: string) => textWidth(text, chartFont.axis);
  let fallback: { scale: ScaleLinear<number, number>; ticks: AxisTick[] } | undefined;
  for (let count = Math.max(2, Math.floor((right - left) / 60)); count >= 1; count--) {
    const scale = scaleLinear().domain([0, max > 0 ? max : 1]).range([left, right]).nice(count);
    const values = scale.ticks(count);
    const end = scale.domain()[1]!;
    if (values.at(-1) !== end) values.push(end);
    const ticks = values.map((v) => ({ at: r2(scale(v)), label: formatNumber(v) }));
    fallback ??= { scale, ticks: [ticks[0]!, ticks.at(-1)!] };
    const widest = Math.max(0, ...ticks.map((t) => measure(t.label)));
    const gap = Math.min(...ticks.slice(1).map((t, i) => t.at - ticks[i]!.at));
    if (gap >= widest + 10) return { scale, ticks };
  }
  return fallback!;
}

const radius = 5;

/** The axis label's lines, under the tick labels, wrapped to the room from `left` to the edge. */
function axisLabelLines(text: string, left: number, bottom: number, width: number): PlacedText[] {
  return wrapText(text, chartFont.axis, width - left).map((line, i) => ({ x: left, y: r2(bottom + 38 + i * lineHeight), text: line, anchor: 'start' }));
}

export function layoutDots(items: readonly MeasuredItem[], unit: Noun, axisLabel: string, width: number): DotPlotLayout {
  const left = 10;
  const right = width - 14;
  const sorted = [...items].sort((a, b) => a.value - b.value || a.label.localeCompare(b.label, 'en-GB'));
  const axis = valueAxis(Math.max(0, ...sorted.map((d) => d.value)), left, right);
  const x = axis.scale;
  // Pile each dot on the lowest level where it clears the last dot placed there (values ascend).
  const pitch = radius * 2 + 1;
  const lastAt: number[] = [];
  const placed = sorted.map((item) => {
    const cx = x(item.value);
    let level = lastAt.findIndex((at) => cx - at >= pitch);
    if (level === -1) level = lastAt.length;
    lastAt[level] = cx;
    return { item, cx, level };
  });
  const levels = Math.max(1, lastAt.length);
  const top = 6;
  const bottom = top + levels * pitch + 4;
  const dots = placed.map(({ item, cx, level }) => ({
    cx: r2(cx),
    cy: r2(bottom - 3 - radius - level * pitch),
    label: item.label,
    value: item.value,
    ...(item.href ? { href: item.href } : {}),
    name: `${item.label}: ${item.qualifier ?? ''}${countOf(item.value, unit)}`,
  }));
  const label = axisLabelLines(axisLabel, left, bottom, width);
  return {
    mode: 'dots',
    width,
    height: r2(bottom + 30 + label.length * lineHeight),
    radius,
    levels,
    dots,
    xTicks: keepInside(axis.ticks, width, chartFont.axis),
    axisLabel: label,
    plot: { left, right, top, bottom: r2(bottom) },
  };
}

export function layoutHistogram(bins: readonly ValueBin[], labels: readonly string[], hrefs: readonly (string | undefined)[], item: Noun, axisLabel: string, width: number, plotHeight: number): HistogramLayout {
  const yTitleY = 12;
  const top = yTitleY + 22;
  const bottom = top + plotHeight;
  const max = Math.max(0, ...bins.map((b) => b.count));
  const y = countAxis(max, [bottom, top], { fontSize: chartFont.axis, room: width * 0.12 });
  const left = r2(y.labelWidth + 8);
  const right = width - 14;
  const first = bins[0]?.from ?? 0;
  const last = bins.at(-1)?.to ?? 1;
  const x = scaleLinear().domain([first, last]).range([left + 4, right]);
  const widestCount = Math.max(0, ...bins.map((b) => textWidth(formatNumber(b.count), chartFont.axis)));
  const bars: HistogramBar[] = bins.map((bin, i) => {
    const x0 = x(bin.from);
    const x1 = x(bin.to);
    // A range with any item in it stays visible, however tall the tallest.
    const yTop = bin.count > 0 ? Math.min(y.scale(bin.count), bottom - 1.5) : bottom;
    const href = hrefs[i];
    return {
      x: r2(x0 + 0.5),
      y: r2(yTop),
      width: r2(Math.max(1, x1 - x0 - 1)),
      height: r2(bottom - yTop),
      count: bin.count,
      ...(href ? { href } : {}),
      name: `${capitalise(labels[i]!)}: ${countOf(bin.count, item)}`,
      ...(widestCount <= x1 - x0 - 1 ? { countText: { x: r2((x0 + x1) / 2), y: r2(yTop - 5), text: formatNumber(bin.count), anchor: 'middle' as const } } : {}),
    };
  });
  // Edges of the ranges, labelled where they do not collide.
  const xAxis = scaleLinear().domain([first, last]).range([left + 4, right]);
  const edges = [first, ...bins.map((b) => b.to)];
  const measure = (text: string) => textWidth(text, chartFont.axis);
  const widest = Math.max(...edges.map((e) => measure(formatNumber(e))));
  const pitch = edges.length > 1 ? xAxis(edges[1]!) - xAxis(edges[0]!) : Infinity;
  const every = Math.max(1, Math.ceil((widest + 8) / pitch));
  const xTicks = edges.filter((_, i) => i % every === 0).map((e) => ({ at: r2(xAxis(e)), label: formatNumber(e) }));
  const label = axisLabelLines(axisLabel, left + 4, bottom, width);
  return {
    mode: 'histogram',
    width,
    height: r2(bottom + 30 + label.length * lineHeight),
    bars,
    xTicks: keepInside(xTicks, width, chartFont.axis),
    yTicks: y.ticks,
    yTitle: { x: 0, y: yTitleY, text: capitalise(item.other), anchor: 'start' },
    axisLabel: label,
    plot: { left, right, top, bottom },
  };
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function distributionChart(items: readonly MeasuredItem[], options: DistributionOptions): ChartModel<DistributionLayout> {
  const { unit, item, title, axisLabel } = options;
  const threshold = options.threshold ?? defaultDotThreshold;
  const sorted = [...items].sort((a, b) => a.value - b.value || a.label.localeCompare(b.label, 'en-GB'));
  const values = sorted.map((d) => d.value);
  const notes: string[] = [];
  if (options.missing) notes.push(`${capitalise(countOf(options.missing, item))} with no published figure ${options.missing === 1 ? 'is' : 'are'} not shown.`);
  const summary = describeDistribution(sorted, { title, unit, item });

  const narrowDots = sorted.length <= threshold ? layoutDots(sorted, unit, axisLabel, chartWidths.narrow) : undefined;
  if (narrowDots && narrowDots.levels <= maxPile) {
    const layouts = { narrow: narrowDots, wide: layoutDots(sorted, unit, axisLabel, chartWidths.wide) };
    return {
      kind: 'strip',
      layouts,
      textAlternative: `${title}: one dot per ${item.one}. ${summary}`,
      notes,
      table: {
        caption: title,
        columns: [capitalise(item.one), capitalise(unit.other)],
        rows: sorted.map((d) => ({ header: d.label, ...(d.href ? { href: d.href } : {}), cells: [`${d.qualifier ?? ''}${formatNumber(d.value)}`] })),
      },
      hasLinks: sorted.some((d) => d.href),
    };
  }

  const bins = binValues(values);
  const whole = values.every(Number.isInteger);
  const labels = bins.map((b) => binLabel(b, unit, whole));
  const hrefs = bins.map((b) => options.binHref?.(b.from, b.to));
  notes.push(`${capitalise(countOf(sorted.length, item))} are counted in ranges of ${countOf(bins[0]!.to - bins[0]!.from, unit)}.`);
  const layouts = Object.fromEntries(chartVariants.map((v) => [v, layoutHistogram(bins, labels, hrefs, item, axisLabel, chartWidths[v], v === 'narrow' ? 200 : 240)])) as Record<ChartVariant, DistributionLayout>;
  const fullest = Math.max(...bins.map((b) => b.count));
  const fullestLabels = bins.flatMap((b, i) => (b.count === fullest ? [labels[i]!] : []));
  return {
    kind: 'histogram',
    layouts,
    textAlternative: `${title}: histogram of ${countOf(sorted.length, item)} in ${formatNumber(bins.length)} ranges. Fullest: ${listNames(fullestLabels)}, with ${countOf(fullest, item)}${fullestLabels.length > 1 ? ' each' : ''}. ${summary}`,
    notes,
    table: {
      caption: title,
      columns: [capitalise(unit.other), capitalise(item.other)],
      rows: bins.map((b, i) => ({ header: capitalise(labels[i]!), ...(hrefs[i] ? { href: hrefs[i] } : {}), cells: [formatNumber(b.count)] })),
      foot: [{ header: 'All', cells: [formatNumber(sorted.length)] }],
    },
    hasLinks: hrefs.some(Boolean),
  };
}

/** "From 1 day (WannaCry) to 180 days (Synnovis); median 21 days." Names only when one item holds the extreme. */
function describeDistribution(sorted: readonly MeasuredItem[], context: { title: string; unit: Noun; item: Noun }): string {
  const { unit, item } = context;
  if (!sorted.length) return `No ${item.other} to show.`;
  const lo = sorted[0]!;
  const hi = sorted.at(-1)!;
  const who = (value: number) => {
    const holders = sorted.filter((d) => d.value === value);
    return holders.length === 1 ? ` (${holders[0]!.label})` : ` (${countOf(holders.length, item)})`;
  };
  if (sorted.length === 1) return `${capitalise(countOf(1, item))}: ${lo.label}, ${countOf(lo.value, unit)}.`;
  return `${capitalise(countOf(sorted.length, item))}, from ${countOf(lo.value, unit)}${who(lo.value)} to ${countOf(hi.value, unit)}${who(hi.value)}; median ${countOf(median(sorted.map((d) => d.value)), unit)}.`;
}
