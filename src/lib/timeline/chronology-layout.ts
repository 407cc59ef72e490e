/**
 * Layout of one incident's chronology: each dated event to scale. A day-precise event is a point;
 * an event known only to the month or year is a bar across the whole month or year, so the chart
 * never claims more precision than the sources give.
 *
 * Labels are whole, never cut: they wrap onto as many lines as they need. Two arrangements:
 * - 'lanes' (wide screens): events share lanes where their marks and labels do not overlap, each
 *   label at most {@link chronologyMetrics.maxLabelWidth} wide, a lane as tall as its longest label;
 * - 'rows' (phones): one event per row, in the chronology's order, its label across the whole
 *   width and its mark on the time axis under it, so a 390 px screen shows every word.
 */
import { scaleUtc } from 'd3-scale';
import type { DatePrecision, PartialDate } from '../../schemas/dates.ts';
import { eventKindLabels, type Certainty } from '../../schemas/vocabularies.ts';
import { formatPartialDateShort } from '../dates-format.ts';
import type { ResolvedIncident } from '../model.ts';
import { assignLanes } from './lanes.ts';
import { paddedDomain, partialDateRange } from './ranges.ts';
import { wrapText, widestLine } from '../charts/text.ts';
import { fittedAxisTicks, type AxisTick } from './ticks.ts';

export type EventKind = keyof typeof eventKindLabels;

export interface ChronologyEventInput {
  date: PartialDate;
  kind: EventKind;
  event: string;
  certainty: Certainty;
  sources: string[];
}

export interface SourceRef {
  id: string;
  /** Number in the incident's source list. */
  number: number;
  publisher: string;
}

export interface ChronologyMark {
  /** Position in the incident's chronology (0-based), so a mark can point at its list item. */
  index: number;
  kind: EventKind;
  precision: DatePrecision;
  /** Bar extent in pixels; for a day-precise event, the day itself (a point at this scale or a short bar). */
  x0: number;
  x1: number;
  y: number;
  /** The whole label ("7 Jan 2025: Detection"), and its lines as drawn. */
  label: string;
  lines: string[];
  labelAnchor: 'start' | 'end';
  labelX: number;
  /** Baseline of the label's first line, from the top of the mark's row. */
  labelY: number;
  /** Centre line of the mark (point or bar), from the top of the mark's row. */
  markY: number;
  accessibleName: string;
  /** The first source cited, which the mark links to. */
  source: SourceRef | undefined;
  certainty: Certainty;
  /** ISO text of the date at its own precision, for <time datetime>. */
  datetime: string;
}

export interface ChronologyLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  domain: [Date, Date];
  ticks: (AxisTick & { x: number })[];
  marks: ChronologyMark[];
  precisionsUsed: DatePrecision[];
}

export const chronologyMetrics = {
  fontSize: 12,
  axisHeight: 28,
  /** A lane or row whose label is one line; each more line adds lineHeight. */
  laneHeight: 32,
  lineHeight: 14,
  labelBaseline: 12,
  /** From the last line's baseline to the mark's centre. */
  markBelowLabel: 10,
  pointSize: 11,
  barHeight: 10,
  maxLabelWidth: 240,
  laneGap: 12,
} as const;

export type ChronologyArrangement = 'lanes' | 'rows';

/** Sizes of the two arrangements, in SVG units (about one CSS pixel where each is shown). */
export const chronologyWidths: Record<ChronologyArrangement, number> = { lanes: 720, rows: 360 };

/**
 * What a mark says: its visible label and its accessible name, which starts with the label (WCAG
 * 2.5.3, label in name) and then says the rest in full. "Other" says nothing on its own, so such
 * an event shows its own text. A certainty other than confirmed follows the date.
 */
export function chronologyWords(event: ChronologyEventInput, source: SourceRef | undefined): { label: string; accessibleName: string } {
  const certaintyNote = event.certainty === 'confirmed' ? '' : ` (${event.certainty})`;
  const prefix = `${formatPartialDateShort(event.date)}${certaintyNote}: `;
  const text = event.event.trim();
  const sentence = /[.!?]$/.test(text) ? text : `${text}.`;
  const label = `${prefix}${event.kind === 'other' ? text.replace(/\.$/, '') : eventKindLabels[event.kind]}`;
  const precisionNote = event.date.precision === 'day' ? '' : ` Only the ${event.date.precision} is known, not the day.`;
  const accessibleName =
    (event.kind === 'other' ? `${prefix}${sentence}` : `${label}. ${sentence}`) + precisionNote + (source ? ` Source ${source.number}: ${source.publisher}.` : '');
  return { label, accessibleName };
}

export function layoutChronology(
  events: readonly ChronologyEventInput[],
  sources: readonly SourceRef[],
  options: { width?: number; margin?: number; arrangement?: ChronologyArrangement } = {},
): ChronologyLayout {
  const m = chronologyMetrics;
  const arrangement = options.arrangement ?? 'lanes';
  const width = options.width ?? chronologyWidths[arrangement];
  const margin = options.margin ?? 12;
  const plot = { left: margin, right: width - margin, top: m.axisHeight, bottom: 0 };
  const ranges = events.map((e) => partialDateRange(e.date));
  const domain = paddedDomain(ranges, { padding: 0.05, minimumDays: 7 });
  const scale = scaleUtc().domain(domain).range([plot.left, plot.right]);
  const x = (d: Date) => Math.round(scale(d) * 10) / 10;
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const rows = arrangement === 'rows';

  const drafts = events.map((event, index) => {
    const range = ranges[index]!;
    const x0 = x(range.start);
    const x1 = Math.max(x0, x(range.end));
    const pointHalf = m.pointSize / 2;
    // A day is drawn at least as wide as its point so that it stays visible over long spans.
    const left = event.date.precision === 'day' ? Math.min(x0, (x0 + x1) / 2 - pointHalf) : x0;
    const right = event.date.precision === 'day' ? Math.max(x1, (x0 + x1) / 2 + pointHalf) : x1;
    const source = event.sources.map((id) => sourceById.get(id)).find((s) => s !== undefined);
    const { label, accessibleName } = chronologyWords(event, source);
    // Rows: the label runs from the left margin across the width. Lanes: beside the mark, running
    // right from its start, or left from its end where it would pass the right edge.
    const lines = wrapText(label, m.fontSize, rows ? plot.right - plot.left : m.maxLabelWidth);
    const labelWidth = widestLine(lines, m.fontSize);
    const runsRight = rows || left + labelWidth <= plot.right;
    const labelX = rows ? plot.left : runsRight ? left : right;
    return {
      event,
      index,
      x0,
      x1,
      label,
      lines,
      labelX,
      anchor: runsRight ? ('start' as const) : ('end' as const),
      occupied: { from: Math.min(left, runsRight ? labelX : right - labelWidth), to: Math.max(right, runsRight ? labelX + labelWidth : right) },
      accessibleName,
      source,
    };
  });
  // Rows: one event per row, in order. Lanes: shared where nothing overlaps.
  const { lanes, laneCount } = rows ? { lanes: drafts.map((_, i) => i), laneCount: drafts.length } : assignLanes(drafts.map((d) => d.occupied), m.laneGap);
  const linesInLane = new Array<number>(Math.max(1, laneCount)).fill(1);
  for (const d of drafts) linesInLane[lanes[d.index]!] = Math.max(linesInLane[lanes[d.index]!]!, d.lines.length);
  const laneTop: number[] = [];
  let top = plot.top + 6;
  for (const lines of linesInLane) {
    laneTop.push(top);
    top += m.laneHeight + (lines - 1) * m.lineHeight;
  }
  const marks: ChronologyMark[] = drafts.map((d) => {
    const lane = lanes[d.index]!;
    const laneLines = linesInLane[lane]!;
    // Every mark of a lane sits on one line, under the lane's longest label; a shorter label sits just above its mark.
    const markY = m.labelBaseline + (laneLines - 1) * m.lineHeight + m.markBelowLabel;
    return {
      index: d.index,
      kind: d.event.kind,
      precision: d.event.date.precision,
      x0: d.x0,
      x1: d.x1,
      y: laneTop[lane]!,
      label: d.label,
      lines: d.lines,
      labelAnchor: d.anchor,
      labelX: d.labelX,
      labelY: m.labelBaseline + (laneLines - d.lines.length) * m.lineHeight,
      markY,
      accessibleName: d.accessibleName,
      source: d.source,
      certainty: d.event.certainty,
      datetime: d.event.date.value,
    };
  });
  plot.bottom = top;
  const ticks = fittedAxisTicks(domain[0], domain[1], plot.right - plot.left).map((tick) => ({ ...tick, x: x(tick.date) }));
  const precisionsUsed = [...new Set(events.map((e) => e.date.precision))];
  return { width, height: plot.bottom + 8, plot, domain, ticks, marks, precisionsUsed };
}

/** The chart of one incident's chronology, laid out from the resolved incident. */
export function layoutIncidentChronology(incident: ResolvedIncident, options: { width?: number; arrangement?: ChronologyArrangement } = {}): ChronologyLayout {
  const sources = incident.data.sources.map((s) => ({ id: s.id, number: incident.sourceNumbers.get(s.id) ?? 0, publisher: s.publisher }));
  return layoutChronology(incident.data.chronology, sources, options);
}
