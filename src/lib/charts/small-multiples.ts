/**
 * Small multiples: one row of columns per category over the same periods ("incidents per year, a
 * row per attack type"), under a first row that counts every item once.
 *
 * Made for counting 'each' (src/lib/charts/stacked-columns.ts), the way search and browse count an
 * incident of several attack types: stacked, such counts add up to more than the items (2023's five
 * incidents made a column 15 high). Rows side by side never add up: each column is exactly what
 * its filtered list holds, and the first row says how many items each period has. Every row shares
 * one scale, so a column compares with any other. With no categories it is a plain column chart
 * of the items per period (the home page's "incidents per year").
 */
import { scaleBand } from 'd3-scale';
import { capitalise, countOf, formatNumber, listNames, type Noun } from './format.ts';
import { chartFont, chartVariants, chartWidths, lineHeight, r2, type ChartModel, type ChartVariant, type PlacedText } from './model.ts';
import type { StackCategory, StackedColumnsData } from './stacked-columns.ts';
import { textWidth, widestLine, wrapText } from './text.ts';

export interface SmallMultiplesOptions {
  title: string;
  /** What is counted: incidents. */
  unit: Noun;
  /** What a row is: attack type. */
  category: Noun;
  /** What a column is: year (the default). */
  period?: Noun;
  /** The first row's label: "All incidents". */
  totalLabel: string;
  /** The list of every item, for the first row's label. */
  totalHref?: string;
  /** Rows drawn besides the first; smaller categories are merged into one more row. Default 9. */
  maxRows?: number;
  otherLabel?: string;
}

export interface SmallMultipleColumn {
  period: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  href?: string;
  /** "2024, Ransomware: 2 incidents". */
  name: string;
  /** The count over the column, where columns are wide enough for it. */
  valueText?: PlacedText;
  /** Outlined when the column's link has focus. */
  box: { x: number; y: number; width: number; height: number };
}

export interface SmallMultipleRow {
  key: string;
  /** "Ransomware". */
  label: string;
  total: number;
  /** The first row, which counts every item once. */
  isTotal: boolean;
  href?: string;
  /** "Ransomware: 8 incidents". */
  name: string;
  /** "Ransomware (8)", wrapped. */
  labelLines: PlacedText[];
  labelBox: { x: number; y: number; width: number; height: number };
  baseline: { x1: number; x2: number; y: number };
  /** A gridline at the scale's top with its value, when the columns are too narrow for their counts. */
  gridline?: { y: number; x1: number; x2: number; label: PlacedText };
  columns: SmallMultipleColumn[];
  /** Period labels under the row, thinned so they never touch (wide: the first and last rows only). */
  axisLabels: PlacedText[];
}

export interface SmallMultiplesLayout {
  width: number;
  height: number;
  labelsBeside: boolean;
  rows: SmallMultipleRow[];
}

interface PreparedRow {
  key: string;
  label: string;
  href?: string;
  isTotal: boolean;
  values: { value: number; href?: string }[];
  total: number;
}

interface Prepared {
  periods: { key: string; label: string }[];
  rows: PreparedRow[];
  merged: StackCategory[];
}

const otherKey = '\u0000other';

function prepare(data: StackedColumnsData, options: SmallMultiplesOptions): Prepared {
  const maxRows = Math.max(1, options.maxRows ?? 9);
  const items = data.periods.map((p) => {
    if (p.items !== undefined) return p.items;
    if (data.counting === 'each') throw new Error(`small multiples: period "${p.key}" has no item count; under 'each' counting the values can add up to more than the items (countByYear sets it)`);
    return p.values.reduce((sum, v) => sum + v.value, 0);
  });
  const totalOf = (key: string) => data.periods.reduce((sum, p) => sum + (p.values.find((v) => v.category === key)?.value ?? 0), 0);
  const bySize = [...data.categories].sort((a, b) => totalOf(b.key) - totalOf(a.key) || a.label.localeCompare(b.label, 'en-GB'));
  const kept = data.categories.length > maxRows ? bySize.slice(0, maxRows - 1) : bySize;
  const merged = data.categories.length > maxRows ? bySize.slice(maxRows - 1) : [];
  const mergedKeys = new Set(merged.map((c) => c.key));
  const rowOf = (category: StackCategory): PreparedRow => {
    const values = data.periods.map((p) => {
      const v = p.values.find((x) => x.category === category.key);
      return { value: v?.value ?? 0, ...(v?.href ? { href: v.href } : {}) };
    });
    return { key: category.key, label: category.label, ...(category.href ? { href: category.href } : {}), isTotal: false, values, total: values.reduce((s, v) => s + v.value, 0) };
  };
  const rows: PreparedRow[] = [
    {
      key: '\u0000all',
      label: options.totalLabel,
      ...(options.totalHref ? { href: options.totalHref } : {}),
      isTotal: true,
      values: data.periods.map((p, i) => ({ value: items[i]!, ...(p.href ? { href: p.href } : {}) })),
      total: items.reduce((s, n) => s + n, 0),
    },
    ...kept.map(rowOf),
  ];
  if (merged.length) {
    // A merged row has no single filtered list to link to.
    const values = data.periods.map((p) => ({ value: p.values.filter((v) => mergedKeys.has(v.category)).reduce((s, v) => s + v.value, 0) }));
    rows.push({ key: otherKey, label: options.otherLabel ?? `Other ${options.category.other}`, isTotal: false, values, total: values.reduce((s, v) => s + v.value, 0) });
  }
  return { periods: data.periods.map((p) => ({ key: p.key, label: p.label })), rows, merged };
}

const rowGap = 14;

function layoutSmallMultiples(prepared: Prepared, options: SmallMultiplesOptions, width: number): SmallMultiplesLayout {
  const { unit } = options;
  const single = prepared.rows.length === 1;
  const stripHeight = single ? (width < 500 ? 140 : 170) : 34;
  const labelText = (row: PreparedRow) => `${row.label} (${formatNumber(row.total)})`;
  // Labels beside the rows where a gutter of at most 30% holds each on two lines; above otherwise.
  const gutter = Math.min(width * 0.3, Math.max(...prepared.rows.map((r) => textWidth(labelText(r), chartFont.label))));
  const besideLines = prepared.rows.map((r) => wrapText(labelText(r), chartFont.label, gutter));
  const labelsBeside = !single && width * 0.3 >= 150 && besideLines.every((lines) => lines.length <= 2);
  const plotLeftBase = labelsBeside ? r2(widestLine(besideLines.flat(), chartFont.label) + 14) : 0;

  const max = Math.max(1, ...prepared.rows.flatMap((r) => r.values.map((v) => v.value)));
  const band = scaleBand<string>().domain(prepared.periods.map((p) => p.key)).paddingInner(0.2).paddingOuter(0.1);
  const widestCount = Math.max(0, ...prepared.rows.flatMap((r) => r.values.map((v) => textWidth(formatNumber(v.value), chartFont.axis))));
  band.range([plotLeftBase, width]);
  const countsFit = widestCount <= band.step() - 2;
  // Without counts on the columns, each row carries a gridline at the top of the scale, labelled.
  const gridLabelWidth = countsFit ? 0 : textWidth(formatNumber(max), chartFont.axis) + 6;
  const left = r2(plotLeftBase + gridLabelWidth);
  band.range([left, width]);
  const step = band.step();
  const columnWidth = band.bandwidth();
  const widestPeriod = Math.max(0, ...prepared.periods.map((p) => textWidth(p.label, chartFont.axis)));
  const every = Math.max(1, Math.ceil((widestPeriod + 6) / step));
  const numeric = prepared.periods.every((p) => /^\d+$/.test(p.label));
  const showPeriod = (index: number, label: string) => (numeric ? Number(label) % every === 0 : index % every === 0);
  const valueRoom = countsFit ? 15 : 6;

  // A period's label sits under its column, centred, unless that would run past the chart's edge:
  // then it lines up with the column's outer side (narrow columns, "1998" at the left end).
  const periodLabel = (x: number, text: string, axisY: number): PlacedText => {
    const half = textWidth(text, chartFont.axis) / 2;
    const centre = x + columnWidth / 2;
    if (centre - half < 0) return { x: r2(x), y: r2(axisY), text, anchor: 'start' };
    if (centre + half > width) return { x: r2(x + columnWidth), y: r2(axisY), text, anchor: 'end' };
    return { x: r2(centre), y: r2(axisY), text, anchor: 'middle' };
  };
  const rows: SmallMultipleRow[] = [];
  let y = 0;
  for (const [index, row] of prepared.rows.entries()) {
    const lines = labelsBeside ? besideLines[index]! : wrapText(labelText(row), chartFont.label, width);
    const labelHeight = lines.length * lineHeight;
    // Beside: the label centred on the strip. Above: the label, then room for the counts, then the strip.
    const top = labelsBeside ? y + valueRoom : y + labelHeight + 2 + valueRoom;
    const bottom = top + stripHeight;
    const labelTop = labelsBeside ? top + (stripHeight - labelHeight) / 2 : y;
    const columns: SmallMultipleColumn[] = prepared.periods.map((period, i) => {
      const { value, href } = row.values[i]!;
      const x0 = band(period.key)!;
      // Any count above zero stays visible, however tall the tallest.
      const height = value > 0 ? Math.max(2, (value / max) * stripHeight) : 0;
      const name = row.isTotal ? `${period.label}: ${countOf(value, unit)}` : `${period.label}, ${row.label}: ${countOf(value, unit)}`;
      return {
        period: period.key,
        value,
        x: r2(x0),
        y: r2(bottom - height),
        width: r2(columnWidth),
        height: r2(height),
        // A column with nothing in it leads nowhere.
        ...(href && value > 0 ? { href } : {}),
        name,
        ...(countsFit && value > 0 ? { valueText: { x: r2(x0 + columnWidth / 2), y: r2(bottom - height - 4), text: formatNumber(value), anchor: 'middle' as const } } : {}),
        box: { x: r2(x0 - 2), y: r2(bottom - height - (countsFit ? 17 : 3)), width: r2(columnWidth + 4), height: r2(height + (countsFit ? 19 : 5)) },
      };
    });
    const axisY = bottom + 15;
    // Periods under every row on a phone, where the first row may be a screen away; on a wide
    // screen, whose chart fits in a window, under the first and the last.
    const labelled = !labelsBeside || index === 0 || index === prepared.rows.length - 1;
    const labelBottom = labelTop + labelHeight;
    rows.push({
      key: row.key,
      label: row.label,
      total: row.total,
      isTotal: row.isTotal,
      ...(row.href ? { href: row.href } : {}),
      name: `${row.label}: ${countOf(row.total, unit)}`,
      labelLines: lines.map((text, i) => ({ x: 0, y: r2(labelTop + i * lineHeight + 12), text, anchor: 'start' })),
      labelBox: { x: -3, y: r2(labelTop - 3), width: r2(widestLine(lines, chartFont.label) + 6), height: r2(labelHeight + 6) },
      baseline: { x1: left, x2: width, y: r2(bottom) },
      ...(countsFit
        ? {}
        : { gridline: { y: r2(top), x1: left, x2: width, label: { x: r2(left - 4), y: r2(top + 4), text: formatNumber(max), anchor: 'end' as const } } }),
      columns,
      axisLabels: labelled ? prepared.periods.flatMap((p, i) => (showPeriod(i, p.label) ? [periodLabel(band(p.key)!, p.label, axisY)] : [])) : [],
    });
    y = Math.max(labelled ? axisY + 4 : bottom, labelBottom) + rowGap;
  }
  return { width, height: r2(y - rowGap), labelsBeside, rows };
}

/** How the rows count an item of several categories, and what the first row counts. */
export function rowCountingNote(counting: StackedColumnsData['counting'], unit: Noun, category: Noun): string {
  const how =
    counting === 'each'
      ? `${capitalise(unit.other)} with several ${category.other} are counted once under each of them, as the filtered lists count them`
      : `${capitalise(unit.other)} with several ${category.other} are counted once, under the ${category.one} listed first (their main ${category.one})`;
  return `${how}; the first row counts each ${unit.one} once.`;
}

export function smallMultiplesChart(data: StackedColumnsData, options: SmallMultiplesOptions): ChartModel<SmallMultiplesLayout> {
  const { unit, category, title } = options;
  const period = options.period ?? { one: 'year', other: 'years' };
  const prepared = prepare(data, options);
  const categoryRows = prepared.rows.filter((r) => !r.isTotal);
  const notes: string[] = [];
  if (categoryRows.length) notes.push(rowCountingNote(data.counting, unit, category));
  if (prepared.merged.length) notes.push(`${options.otherLabel ?? `Other ${category.other}`}: ${listNames(prepared.merged.map((c) => c.label), prepared.merged.length)}.`);
  const layouts = Object.fromEntries(chartVariants.map((v) => [v, layoutSmallMultiples(prepared, options, chartWidths[v])])) as Record<ChartVariant, SmallMultiplesLayout>;
  const [totals] = prepared.rows;
  const allPeriods: Noun = { one: `All ${period.other}`, other: `All ${period.other}` };
  return {
    kind: 'small-multiples',
    layouts,
    textAlternative: describeSmallMultiples(prepared, { title, unit, category, period, note: notes[0] }),
    notes,
    table: {
      caption: notes[0] ? `${title}. ${notes[0]}` : title,
      columns: [capitalise(period.one), options.totalLabel, ...categoryRows.map((r) => r.label)],
      rows: prepared.periods.map((p, i) => ({
        header: p.label,
        ...(totals!.values[i]!.href ? { href: totals!.values[i]!.href } : {}),
        cells: prepared.rows.map((r) => formatNumber(r.values[i]!.value)),
      })),
      foot: [{ header: allPeriods.one, cells: prepared.rows.map((r) => formatNumber(r.total)) }],
    },
    hasLinks: prepared.rows.some((r) => r.href || r.values.some((v) => v.href && v.value > 0)),
  };
}

/**
 * "Incidents per year, by attack type: columns for 10 years, 2016 to 2025, all incidents and then
 * one row for each of 9 attack types. Most: 2024, with 6 incidents. Fewest: 2018 and 2019, with
 * 0 incidents each. Most common attack type: Data breach, 17 incidents; least common: ..."
 */
function describeSmallMultiples(prepared: Prepared, context: { title: string; unit: Noun; category: Noun; period: Noun; note?: string | undefined }): string {
  const { title, unit, category, period, note } = context;
  const periods = prepared.periods;
  if (!periods.length) return `${title}: no ${unit.other} to show.`;
  const [totals, ...categories] = prepared.rows;
  const span = periods.length === 1 ? periods[0]!.label : `${periods[0]!.label} to ${periods.at(-1)!.label}`;
  const rowsText = categories.length ? `, ${prepared.rows[0]!.label.toLowerCase()} and then one row for each of ${countOf(categories.length, category)}` : '';
  const sentences = [`${title}: columns for ${countOf(periods.length, period)}, ${span}${rowsText}.`];
  const each = (value: number, n: number) => `${countOf(value, unit)}${n > 1 ? ' each' : ''}`;
  const values = totals!.values.map((v) => v.value);
  const most = Math.max(...values);
  const fewest = Math.min(...values);
  const named = (value: number) => periods.filter((_, i) => values[i] === value).map((p) => p.label);
  const otherPeriods: Noun = { one: `other ${period.one}`, other: `other ${period.other}` };
  if (most === fewest) sentences.push(`Every ${period.one} has ${countOf(most, unit)}.`);
  else {
    sentences.push(`Most: ${listNames(named(most), 3, otherPeriods)}, with ${each(most, named(most).length)}.`);
    sentences.push(`Fewest: ${listNames(named(fewest), 3, otherPeriods)}, with ${each(fewest, named(fewest).length)}.`);
  }
  if (categories.length > 1) {
    const sorted = [...categories].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'en-GB'));
    const top = sorted[0]!.total;
    const bottom = sorted.at(-1)!.total;
    const withTotal = (value: number) => sorted.filter((c) => c.total === value).map((c) => c.label);
    const kinds: Noun = { one: `other ${category.one}`, other: `other ${category.other}` };
    if (top === bottom) sentences.push(`Every ${category.one} has ${countOf(top, unit)}.`);
    else sentences.push(`Most common ${category.one}: ${listNames(withTotal(top), 3, kinds)}, ${each(top, withTotal(top).length)}; least common: ${listNames(withTotal(bottom), 3, kinds)}, ${each(bottom, withTotal(bottom).length)}.`);
  }
  if (note) sentences.push(note);
  return sentences.join(' ');
}
