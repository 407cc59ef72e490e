/**
 * Layout of one incident's chronology: each dated event to scale, in lanes that never overlap.
 * A day-precise event is a point; an event known only to the month or year is a bar across the
 * whole month or year, so the chart never claims more precision than the sources give.
 */
import { scaleUtc } from 'd3-scale';
import type { DatePrecision, PartialDate } from '../../schemas/dates.ts';
import { eventKindLabels, type Certainty } from '../../schemas/vocabularies.ts';
import { formatPartialDateShort } from '../dates-format.ts';
import type { ResolvedIncident } from '../model.ts';
import { assignLanes } from './lanes.ts';
import { paddedDomain, partialDateRange } from './ranges.ts';
import { estimateTextWidth, fitLabel } from './text.ts';
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
  label: string;
  labelAnchor: 'start' | 'end';
  labelX: number;
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
  laneHeight: 32,
  labelBaseline: 12,
  markY: 22,
  pointSize: 11,
  barHeight: 10,
  maxLabelWidth: 240,
  laneGap: 12,
} as const;

export function layoutChronology(
  events: readonly ChronologyEventInput[],
  sources: readonly SourceRef[],
  options: { width?: number; margin?: number } = {},
): ChronologyLayout {
  const m = chronologyMetrics;
  const width = options.width ?? 720;
  const margin = options.margin ?? 12;
  const plot = { left: margin, right: width - margin, top: m.axisHeight, bottom: 0 };
  const ranges = events.map((e) => partialDateRange(e.date));
  const domain = paddedDomain(ranges, { padding: 0.05, minimumDays: 7 });
  const scale = scaleUtc().domain(domain).range([plot.left, plot.right]);
  const x = (d: Date) => Math.round(scale(d) * 10) / 10;
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const drafts = events.map((event, index) => {
    const range = ranges[index]!;
    const x0 = x(range.start);
    const x1 = Math.max(x0, x(range.end));
    const pointHalf = m.pointSize / 2;
    // A day is drawn at least as wide as its point so that it stays visible over long spans.
    const left = event.date.precision === 'day' ? Math.min(x0, (x0 + x1) / 2 - pointHalf) : x0;
    const right = event.date.precision === 'day' ? Math.max(x1, (x0 + x1) / 2 + pointHalf) : x1;
    const certaintyNote = event.certainty === 'confirmed' ? '' : ` (${event.certainty})`;
    // Date first, as a chronology reads. "Other" says nothing on its own, so such events show the start of their text.
    const what = event.kind === 'other' ? event.event.replace(/\.$/, '') : eventKindLabels[event.kind];
    const prefix = `${formatPartialDateShort(event.date)}: `;
    const room = m.maxLabelWidth - estimateTextWidth(prefix + certaintyNote, m.fontSize);
    const label = `${prefix}${fitLabel(what, m.fontSize, Math.max(room, 40))}${certaintyNote}`;
    const labelWidth = estimateTextWidth(label, m.fontSize);
    const runsRight = left + labelWidth <= plot.right;
    const labelX = runsRight ? left : right;
    const source = event.sources.map((id) => sourceById.get(id)).find((s) => s !== undefined);
    // The name starts with the visible label (WCAG 2.5.3, label in name), then says the rest in full.
    const precisionNote = event.date.precision === 'day' ? '' : ` Only the ${event.date.precision} is known, not the day.`;
    const accessibleName =
      `${prefix}${what}${certaintyNote}.` +
      (event.kind === 'other' ? '' : ` ${event.event}`) +
      precisionNote +
      (source ? ` Source ${source.number}: ${source.publisher}.` : '');
    return {
      event,
      index,
      x0,
      x1,
      label,
      labelX,
      anchor: runsRight ? ('start' as const) : ('end' as const),
      occupied: { from: Math.min(left, runsRight ? left : right - labelWidth), to: Math.max(right, runsRight ? left + labelWidth : right) },
      accessibleName,
      source,
    };
  });
  const { lanes, laneCount } = assignLanes(drafts.map((d) => d.occupied), m.laneGap);
  const marks: ChronologyMark[] = drafts.map((d) => ({
    index: d.index,
    kind: d.event.kind,
    precision: d.event.date.precision,
    x0: d.x0,
    x1: d.x1,
    y: plot.top + 6 + lanes[d.index]! * m.laneHeight,
    label: d.label,
    labelAnchor: d.anchor,
    labelX: d.labelX,
    accessibleName: d.accessibleName,
    source: d.source,
    certainty: d.event.certainty,
    datetime: d.event.date.value,
  }));
  plot.bottom = plot.top + 6 + Math.max(1, laneCount) * m.laneHeight;
  const ticks = fittedAxisTicks(domain[0], domain[1], plot.right - plot.left).map((tick) => ({ ...tick, x: x(tick.date) }));
  const precisionsUsed = [...new Set(events.map((e) => e.date.precision))];
  return { width, height: plot.bottom + 8, plot, domain, ticks, marks, precisionsUsed };
}

/** The chart of one incident's chronology, laid out from the resolved incident. */
export function layoutIncidentChronology(incident: ResolvedIncident, options: { width?: number } = {}): ChronologyLayout {
  const sources = incident.data.sources.map((s) => ({ id: s.id, number: incident.sourceNumbers.get(s.id) ?? 0, publisher: s.publisher }));
  return layoutChronology(incident.data.chronology, sources, options);
}
