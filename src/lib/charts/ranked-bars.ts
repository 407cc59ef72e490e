/**
 * Horizontal bars for ranked categories ("attackers behind most incidents"): longest first, each
 * with its value written at the end of the bar, so no axis is needed to read it. Labels sit beside
 * the bars where they fit on at most two lines, and above the bars where they do not (a phone).
 * A bar can be split into parts that add up to it ("appointments" and "procedures" postponed),
 * told apart by colour, hatching and a key; the table then has a column per part.
 */
import { scaleLinear } from 'd3-scale';
import { agree, capitalise, countOf, formatNumber, listNames, type Noun } from './format.ts';
import { chartFont, chartVariants, chartWidths, layoutLegend, lineHeight, r2, seriesStyleCount, type ChartModel, type ChartVariant, type LegendEntry, type PlacedText } from './model.ts';
import { textWidth, widestLine, wrapText } from './text.ts';

export interface RankedBarDatum {
  label: string;
  value: number;
  /** The filtered list this bar stands for. */
  href?: string;
  /** Words before the value, as the source qualifies it: "more than ", "about ". */
  qualifier?: string;
  /** The bar's value split into the chart's parts, in their order (they add up to `value`); null: no figure for that part. */
  parts?: readonly (number | null)[];
  /** Drawn after every other bar whatever its value: an "unknown" that should not lead the chart. */
  last?: boolean;
}

export interface RankedBarsOptions {
  /** What the chart shows, for the table caption and text alternative: "Incidents by attacker". */
  title: string;
  /** What the values count: incidents. */
  unit: Noun;
  /** What each bar is: attacker. */
  category: Noun;
  /** Draw at most this many bars; the rest are summed in a note and the table's foot. Default 10. */
  maxBars?: number;
  /** What each part of a bar counts, when bars are split (at most 8): appointment, procedure. */
  parts?: readonly Noun[];
}

export interface RankedBarRow {
  label: string;
  value: number;
  href?: string;
  /** The accessible name of the bar's link: "Qilin: 3 incidents". */
  name: string;
  labelLines: PlacedText[];
  bar: { x: number; y: number; width: number; height: number };
  /** The bar's parts, left to right, drawn in their series' colour and hatch (none when the bar is not split). */
  segments: { series: number; x: number; width: number }[];
  valueText: PlacedText;
  /** The row's whole box (label and bar), outlined when its link has focus. */
  box: { x: number; y: number; width: number; height: number };
}

export interface RankedBarsLayout {
  width: number;
  height: number;
  labelsAbove: boolean;
  /** The key to the parts (empty when bars are not split). */
  legend: LegendEntry[];
  rows: RankedBarRow[];
  /** The zero line the bars grow from. */
  baseline: { x: number; y1: number; y2: number };
}

/** Largest value first; equal values in alphabetical order, so the order never depends on input order. */
export function rankBars(data: readonly RankedBarDatum[]): RankedBarDatum[] {
  return [...data].sort((a, b) => Number(a.last ?? false) - Number(b.last ?? false) || b.value - a.value || a.label.localeCompare(b.label, 'en-GB'));
}

const barHeight = 18;
const rowGap = 10;

/**
 * "Synnovis: 11,862 appointments and procedures (10,152 appointments and 1,710 procedures)"; the
 * parts are spelt out only when more than one has a figure.
 */
function barName(bar: RankedBarDatum, unit: Noun, parts: readonly Noun[] | undefined): string {
  const known = parts && bar.parts ? parts.flatMap((noun, i) => (typeof bar.parts![i] === 'number' ? [countOf(bar.parts![i]!, noun)] : [])) : [];
  return `${bar.label}: ${bar.qualifier ?? ''}${countOf(bar.value, unit)}${known.length > 1 ? ` (${listNames(known, known.length)})` : ''}`;
}

/** The value as written at the bar's end and in the table: "more than 19,000". */
function valueText(bar: Pick<RankedBarDatum, 'value' | 'qualifier'>): string {
  return `${bar.qualifier ?? ''}${formatNumber(bar.value)}`;
}

export function layoutRankedBars(bars: readonly RankedBarDatum[], unit: Noun, width: number, parts?: readonly Noun[]): RankedBarsLayout {
  const labelSize = chartFont.label;
  const valueSize = chartFont.value;
  const valueRoom = Math.max(0, ...bars.map((b) => textWidth(valueText(b), valueSize, true))) + 8;
  // Beside: a gutter of at most a third of the width, every label on at most two lines.
  const widest = Math.max(0, ...bars.map((b) => textWidth(b.label, labelSize)));
  const gutter = Math.min(widest, width * 0.34);
  const besideLines = bars.map((b) => wrapText(b.label, labelSize, gutter));
  const labelsAbove = width * 0.34 < 100 || besideLines.some((lines) => lines.length > 2);
  const barStart = labelsAbove ? 0 : r2(widestLine(besideLines.flat(), labelSize) + 10);
  const max = Math.max(0, ...bars.map((b) => b.value));
  const x = scaleLinear().domain([0, max || 1]).range([barStart, width - valueRoom]);

  const legend = parts?.length
    ? layoutLegend(parts.map((noun, series) => ({ series, label: capitalise(noun.other) })), width, (text) => textWidth(text, labelSize))
    : { entries: [], height: 0 };
  const rows: RankedBarRow[] = [];
  let y = legend.height ? legend.height + 8 : 0;
  const firstRow = y;
  for (const [index, bar] of bars.entries()) {
    const lines = labelsAbove ? wrapText(bar.label, labelSize, width) : besideLines[index]!;
    const labelHeight = lines.length * lineHeight;
    let barY: number;
    let labelTop: number;
    let rowHeight: number;
    if (labelsAbove) {
      labelTop = y;
      barY = y + labelHeight + 2;
      rowHeight = labelHeight + 2 + barHeight;
    } else {
      rowHeight = Math.max(barHeight, labelHeight);
      barY = y + (rowHeight - barHeight) / 2;
      labelTop = y + (rowHeight - labelHeight) / 2;
    }
    const barWidth = bar.value > 0 ? Math.max(2, x(bar.value) - barStart) : 0;
    const segments: RankedBarRow['segments'] = [];
    if (parts?.length && bar.parts && bar.value > 0) {
      let from = barStart;
      for (const [series, part] of bar.parts.entries()) {
        if (!part || part <= 0) continue;
        const to = barStart + (barWidth * bar.parts.slice(0, series + 1).reduce<number>((a, b) => a + (b ?? 0), 0)) / bar.value;
        segments.push({ series, x: r2(from), width: r2(to - from) });
        from = to;
      }
    }
    rows.push({
      label: bar.label,
      value: bar.value,
      ...(bar.href ? { href: bar.href } : {}),
      name: barName(bar, unit, parts),
      labelLines: lines.map((text, i) => ({
        x: labelsAbove ? 0 : r2(barStart - 10),
        y: r2(labelTop + i * lineHeight + 12),
        text,
        anchor: labelsAbove ? 'start' : 'end',
      })),
      bar: { x: barStart, y: r2(barY), width: r2(barWidth), height: barHeight },
      segments,
      valueText: { x: r2(barStart + barWidth + 5), y: r2(barY + 13.5), text: valueText(bar), anchor: 'start' },
      box: { x: -3, y: r2(y - 3), width: width + 6, height: r2(rowHeight + 6) },
    });
    y += rowHeight + rowGap;
  }
  const height = r2(Math.max(barHeight, y - rowGap + 4));
  return { width, height, labelsAbove, legend: legend.entries, rows, baseline: { x: barStart, y1: firstRow, y2: r2(y - rowGap) } };
}

/** Qilin: 3 incidents, LockBit: 1 incident. Bars longest first, at most `maxBars` of them. */
export function rankedBarChart(data: readonly RankedBarDatum[], options: RankedBarsOptions): ChartModel<RankedBarsLayout> {
  const { unit, category, title } = options;
  const parts = options.parts?.slice(0, seriesStyleCount);
  const ranked = rankBars(data);
  const maxBars = Math.max(1, options.maxBars ?? 10);
  const shown = ranked.slice(0, maxBars);
  const rest = ranked.slice(maxBars);
  const restTotal = rest.reduce((sum, d) => sum + d.value, 0);
  const otherNoun: Noun = { one: `other ${category.one}`, other: `other ${category.other}` };

  const notes: string[] = [];
  if (rest.length) {
    notes.push(`Showing the ${countOf(shown.length, category)} with the most ${unit.other}, of ${formatNumber(ranked.length)} in all. ${restSentence(rest.length, restTotal, unit, otherNoun)}`);
  }

  const layouts = Object.fromEntries(chartVariants.map((v) => [v, layoutRankedBars(shown, unit, chartWidths[v], parts)])) as Record<ChartVariant, RankedBarsLayout>;
  // With parts, the table has a column per part before the total.
  const partCell = (value: number | null | undefined) => (typeof value === 'number' ? formatNumber(value) : 'no figure');
  const cells = (d: Pick<RankedBarDatum, 'value' | 'parts' | 'qualifier'>) => (parts?.length ? [...parts.map((_, i) => partCell(d.parts?.[i])), valueText(d)] : [valueText(d)]);
  const restParts = parts?.map((_, i) => rest.reduce((sum, d) => sum + (d.parts?.[i] ?? 0), 0));

  return {
    kind: 'ranked-bars',
    layouts,
    textAlternative: [
      describeRankedBars(shown, { title, unit, category, rest: rest.length ? { count: rest.length, total: restTotal } : undefined }),
      ...(parts?.length ? [`In all: ${listNames(parts.map((noun, i) => countOf(ranked.reduce((sum, d) => sum + (d.parts?.[i] ?? 0), 0), noun)), parts.length)}.`] : []),
    ].join(' '),
    notes,
    table: {
      caption: title,
      columns: [capitalise(category.one), ...(parts?.length ? [...parts.map((p) => capitalise(p.other)), 'Total'] : [capitalise(unit.other)])],
      rows: shown.map((d) => ({ header: d.label, ...(d.href ? { href: d.href } : {}), cells: cells(d) })),
      ...(rest.length ? { foot: [{ header: `${capitalise(countOf(rest.length, otherNoun))}`, cells: cells({ value: restTotal, ...(restParts ? { parts: restParts } : {}) }) }] } : {}),
    },
    hasLinks: shown.some((d) => d.href),
  };
}

/**
 * "Incidents by attacker: bar chart of 5 attackers. Most: Qilin, with 3 incidents. Fewest: LockBit
 * and Rhysida, with 1 incident each."
 */
export function describeRankedBars(
  bars: readonly RankedBarDatum[],
  context: { title: string; unit: Noun; category: Noun; rest?: { count: number; total: number } },
): string {
  const { title, unit, category, rest } = context;
  if (bars.length === 0) return `${title}: no ${unit.other} to show.`;
  const ranked = rankBars(bars);
  const top = ranked[0]!.value;
  const bottom = ranked.at(-1)!.value;
  const names = (value: number) => ranked.filter((b) => b.value === value).map((b) => b.label);
  const others: Noun = { one: `other ${category.one}`, other: `other ${category.other}` };
  const each = (value: number, count: number) => `${countOf(value, unit)}${count > 1 ? ' each' : ''}`;
  const sentences = [`${title}: bar chart of ${countOf(ranked.length, category)}.`];
  if (top === bottom) {
    sentences.push(ranked.length === 1 ? `${ranked[0]!.label}: ${countOf(top, unit)}.` : `All have ${each(top, ranked.length)}: ${listNames(names(top), 5, others)}.`);
  } else {
    const most = names(top);
    const fewest = names(bottom);
    sentences.push(`Most: ${listNames(most, 3, others)}, with ${each(top, most.length)}.`);
    sentences.push(`Fewest: ${listNames(fewest, 3, others)}, with ${each(bottom, fewest.length)}.`);
  }
  if (rest) sentences.push(restSentence(rest.count, rest.total, unit, { one: `other ${category.one}`, other: `other ${category.other}` }));
  return sentences.join(' ');
}

/** "The other attacker, not drawn, has 1 incident." / "The 12 other attackers, not drawn, have 14 incidents between them." */
function restSentence(count: number, total: number, unit: Noun, others: Noun): string {
  return count === 1
    ? `The ${others.one}, not drawn, has ${countOf(total, unit)}.`
    : `The ${countOf(count, others)}, not drawn, have ${countOf(total, unit)} between them.`;
}
