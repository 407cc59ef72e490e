/**
 * What every chart model shares. A chart is laid out twice, once for a phone-width column and once
 * for a wide one (the page shows the one that fits its container), so that text stays at a legible
 * size at 390 px and at 1280 px: an SVG scaled to a third of its width would shrink its labels too.
 * The text alternative, notes and table are written once, from the data, not from either layout.
 */

/** Layout widths, in SVG user units: one unit is about one CSS pixel where each variant is shown. */
export const chartWidths = { narrow: 360, wide: 680 } as const;
export type ChartVariant = keyof typeof chartWidths;
export const chartVariants = ['narrow', 'wide'] as const satisfies readonly ChartVariant[];

/** Font sizes in user units (charts.css sets the same sizes on the classes). */
export const chartFont = { label: 13, axis: 12, value: 13 } as const;
/** Line height for wrapped labels. */
export const lineHeight = 16;

/** How many categories can be told apart by colour and pattern; more are merged into "Other". */
export const seriesStyleCount = 8;

/** A piece of text placed in the SVG. */
export interface PlacedText {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

/** A tick on an axis: where it is along the axis, and what it says. */
export interface AxisTick {
  at: number;
  label: string;
  /** How the label aligns to the tick: centred, unless that would run past the chart's edge. */
  anchor?: 'start' | 'end';
}

/** A key entry drawn in the SVG: the swatch's box and its label. */
export interface LegendEntry {
  series: number;
  label: string;
  x: number;
  y: number;
  /** The swatch is drawn at (x, y) with this size; the text starts after it. */
  swatch: number;
  text: PlacedText;
}

/** The same numbers as the chart, as a table: the first column heads each row. */
export interface ChartTable {
  caption: string;
  /** Column headings; every column after the first holds numbers. */
  columns: string[];
  rows: { header: string; href?: string; cells: string[] }[];
  /** A closing row (totals, "others"), set apart in the table's foot. */
  foot?: { header: string; cells: string[] }[];
}

export type ChartKind = 'ranked-bars' | 'stacked-columns' | 'small-multiples' | 'strip' | 'histogram' | 'line';

export interface ChartModel<Layout> {
  kind: ChartKind;
  layouts: Record<ChartVariant, Layout>;
  /** One text alternative for the whole chart, not one per mark. */
  textAlternative: string;
  /** Sentences the figure must show beside the chart: how things were counted, what was left out. */
  notes: string[];
  table: ChartTable;
  /** True when at least one mark is a link (the SVG is then a group of links, not an image). */
  hasLinks: boolean;
}

/** Rounds a coordinate to two decimals, so the SVG stays short and identical between builds. */
export function r2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Places key entries left to right, wrapping onto a new row when the next would pass `width`.
 * Returns the entries and the height they take.
 */
export function layoutLegend(labels: readonly { series: number; label: string }[], width: number, measure: (text: string) => number, top = 0): { entries: LegendEntry[]; height: number } {
  const swatch = 14;
  const gap = 16;
  const rowHeight = 22;
  const entries: LegendEntry[] = [];
  let x = 0;
  let y = top;
  for (const { series, label } of labels) {
    const itemWidth = swatch + 6 + measure(label);
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += rowHeight;
    }
    entries.push({ series, label, x: r2(x), y: r2(y + 2), swatch, text: { x: r2(x + swatch + 6), y: r2(y + 13), text: label, anchor: 'start' } });
    x += itemWidth + gap;
  }
  return { entries, height: labels.length ? y - top + rowHeight : 0 };
}

/** The ids one chart's parts use, all derived from the chart's own id (unique on its page). */
export function chartIds(id: string) {
  return {
    title: `${id}-title`,
    alt: `${id}-alt`,
    table: `${id}-table`,
  };
}

/** "Attackers behind most incidents" → "attackers-behind-most-incidents", for a default chart id. */
export function chartIdFrom(title: string): string {
  const slug = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `chart-${slug || 'figure'}`;
}

/** What a page passes to every chart component besides its data. */
export interface ChartFrame {
  /** Unique on the page; by default made from the title. */
  id?: string;
  title: string;
  /** The title's heading level, to fit the page's outline. */
  headingLevel: 2 | 3 | 4 | 5 | 6;
  /** One sentence: what the reader should take from the chart (the view computes it from the data). */
  takeaway: string;
  /** What the page knows that the chart cannot: how its categories were made, what a count includes. Shown before the chart's own notes. */
  notes?: readonly string[];
}
