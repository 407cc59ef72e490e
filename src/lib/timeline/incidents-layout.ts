/**
 * Layout of the all-incidents timeline: one band per primary attack type, incidents as bars from
 * start to resolution in lanes that never overlap, and an axis. Pure: it returns numbers and
 * strings that the page writes as SVG, and the zoom script moves.
 */
import { scaleUtc } from 'd3-scale';
import type { PartialDate } from '../../schemas/dates.ts';
import type { ResolvedIncident } from '../model.ts';
import { formatPartialDate } from '../dates-format.ts';
import { paths } from '../urls.ts';
import { assignLanes } from './lanes.ts';
import { glyphFor, type GlyphName } from './glyphs.ts';
import { paddedDomain, partialDateRange, type DateRange } from './ranges.ts';
import { estimateTextWidth, fitLabel } from './text.ts';
import { fittedAxisTicks, type AxisTick } from './ticks.ts';

export interface Named {
  id: string;
  name: string;
}

/** What the timeline needs to know about an incident. */
export interface TimelineItem {
  id: string;
  title: string;
  started: PartialDate;
  resolved?: PartialDate | undefined;
  /** In the incident's order: the first is the one it is grouped under. */
  attackTypes: Named[];
  actors: Named[];
  vendors: Named[];
}

export function timelineItemFromIncident(incident: ResolvedIncident): TimelineItem {
  return {
    id: incident.id,
    title: incident.data.title,
    started: incident.data.dates.started.date,
    resolved: incident.data.dates.resolved?.date,
    attackTypes: incident.attackTypes.map((t) => ({ id: t.id, name: t.data.name })),
    actors: incident.actors.map((a) => ({ id: a.id, name: a.entry.data.name })),
    // As the search page's supplier filter: the vendors it names, then those behind its CVEs.
    vendors: [...new Map([...incident.vendors.map((v) => v.entry), ...incident.vulnerabilities.map((v) => v.vendor)].map((v) => [v.id, { id: v.id, name: v.data.name }])).values()],
  };
}

/** A stretch of a bar: known (solid) or uncertain because its date is only known to the month or year (hatched). */
export interface BarSegment {
  from: number;
  to: number;
  certainty: 'known' | 'uncertain';
}

export interface TimelineMark {
  id: string;
  /** Site path of the incident page (add the base path when writing the link). */
  path: string;
  title: string;
  /** Visible label: the title, shortened to fit. */
  label: string;
  labelAnchor: 'start' | 'end';
  /** x of the label's anchor point, relative to the mark's x0. */
  labelDx: number;
  /** Accessible name: everything the mark shows, in words. */
  accessibleName: string;
  /** "3 June 2024 to December 2024". */
  when: string;
  /** Bar extent in pixels at zoom 1. */
  x0: number;
  x1: number;
  segments: BarSegment[];
  /** Row across the whole chart (0 = top), so tests and keyboard movement can tell rows apart. */
  row: number;
  /** Which block of rows of its band the mark is drawn in, and the top of its row within that block. */
  chunk: number;
  y: number;
  group: string;
  styleIndex: number;
  glyph: GlyphName;
  attackTypes: Named[];
  actors: Named[];
  vendors: Named[];
}

/** A block of at most `rowsPerChunk` rows, drawn as one SVG so the browser can skip blocks out of sight. */
export interface TimelineChunk {
  /** Rows in this block (the last block of a band may have fewer than `rowsPerChunk`). */
  rows: number;
  /** rows × laneHeight + 4, in the SVG's units. */
  height: number;
  marks: TimelineMark[];
}

export interface TimelineGroup {
  id: string;
  name: string;
  styleIndex: number;
  glyph: GlyphName;
  count: number;
  rows: number;
  chunks: TimelineChunk[];
}

export interface TimelineLayout {
  /** Width of every SVG in its own units; x positions share it. */
  width: number;
  plot: { left: number; right: number };
  domain: [Date, Date];
  /** First and last calendar year any incident touches (for the title). */
  years: [number, number];
  ticks: (AxisTick & { x: number })[];
  groups: TimelineGroup[];
  /** Every mark, band by band, top to bottom. */
  marks: TimelineMark[];
}

export const timelineMetrics = {
  fontSize: 12,
  axisHeight: 24,
  laneHeight: 30,
  /** Rows per SVG block: small enough that zooming redraws little, large enough to keep blocks few. */
  rowsPerChunk: 16,
  /** Offsets within a lane: label baseline, bar top, bar height, glyph centre. */
  labelBaseline: 12,
  barTop: 17,
  barHeight: 8,
  glyphY: 21,
  glyphSize: 11,
  maxLabelWidth: 230,
  laneGap: 10,
} as const;

/** Height of a block of `rows` rows, in SVG units (a few units spare below the last row). */
export function chunkHeight(rows: number): number {
  return rows * timelineMetrics.laneHeight + 4;
}

function describeSpan(started: PartialDate, resolved: PartialDate | undefined): string {
  const from = formatPartialDate(started);
  if (!resolved) return `from ${from}, resolution date not recorded`;
  const to = formatPartialDate(resolved);
  return from === to ? from : `${from} to ${to}`;
}

function listNames(label: string, names: Named[]): string {
  if (names.length === 0) return '';
  return ` ${label}: ${names.map((n) => n.name).join(', ')}.`;
}

function barSegments(start: DateRange, end: DateRange | undefined, x: (d: Date) => number): BarSegment[] {
  const segments: BarSegment[] = [];
  const push = (from: Date, to: Date, certainty: BarSegment['certainty']) => {
    if (to.getTime() > from.getTime()) segments.push({ from: x(from), to: x(to), certainty });
  };
  const certaintyOf = (range: DateRange): BarSegment['certainty'] => (range.precision === 'day' ? 'known' : 'uncertain');
  // A resolution inside the start's month or year also bounds the start: never draw past it.
  const startUntil = end && end.end.getTime() < start.end.getTime() ? end.end : start.end;
  push(start.start, startUntil, certaintyOf(start));
  if (end) {
    push(startUntil, end.start, 'known');
    push(new Date(Math.max(end.start.getTime(), startUntil.getTime())), end.end, certaintyOf(end));
  }
  return segments;
}

/**
 * Lays out every incident. `width` is the SVG's width in its own units; `options.left/right`
 * leave room for the frame.
 */
export function layoutTimeline(items: readonly TimelineItem[], options: { width?: number; margin?: number } = {}): TimelineLayout {
  const m = timelineMetrics;
  const width = options.width ?? 1000;
  const margin = options.margin ?? 8;
  const plot = { left: margin, right: width - margin };

  const ranges = items.map((item) => ({
    start: partialDateRange(item.started),
    end: item.resolved ? partialDateRange(item.resolved) : undefined,
  }));
  const domain = paddedDomain(ranges.flatMap((r) => (r.end ? [r.start, r.end] : [r.start])));
  const scale = scaleUtc().domain(domain).range([plot.left, plot.right]);
  const x = (d: Date) => Math.round(scale(d) * 10) / 10;

  // Bands in alphabetical order of attack type name; style slots follow the same order.
  const groupNames = new Map<string, string>();
  for (const item of items) {
    const primary = item.attackTypes[0];
    if (primary) groupNames.set(primary.id, primary.name);
  }
  const groupIds = [...groupNames.keys()].sort((a, b) => groupNames.get(a)!.localeCompare(groupNames.get(b)!) || a.localeCompare(b));
  if (items.some((item) => item.attackTypes.length === 0)) groupIds.push('');
  groupNames.set('', 'Attack type not recorded');

  const groups: TimelineGroup[] = [];
  const marks: TimelineMark[] = [];
  let rowOffset = 0;
  groupIds.forEach((groupId, styleIndex) => {
    const members = items
      .map((item, index) => ({ item, range: ranges[index]! }))
      .filter(({ item }) => (item.attackTypes[0]?.id ?? '') === groupId)
      .sort((a, b) => a.range.start.start.getTime() - b.range.start.start.getTime() || a.item.id.localeCompare(b.item.id));

    const drafts = members.map(({ item, range }) => {
      const x0 = x(range.start.start);
      const x1 = Math.max(x0, x(range.end?.end ?? range.start.end));
      const label = fitLabel(item.title, m.fontSize, m.maxLabelWidth);
      const labelWidth = estimateTextWidth(label, m.fontSize);
      const glyphHalf = m.glyphSize / 2;
      // Labels run right from the glyph; near the right edge they run left from the bar's end instead.
      const runsRight = x0 - glyphHalf + labelWidth <= plot.right;
      const labelDx = runsRight ? -glyphHalf : Math.max(x1 - x0, glyphHalf);
      const labelFrom = runsRight ? x0 - glyphHalf : x0 + labelDx - labelWidth;
      const labelTo = runsRight ? x0 - glyphHalf + labelWidth : x0 + labelDx;
      return {
        item,
        range,
        x0,
        x1,
        label,
        labelDx,
        anchor: runsRight ? ('start' as const) : ('end' as const),
        occupied: { from: Math.min(x0 - glyphHalf, labelFrom), to: Math.max(x1, x0 + glyphHalf, labelTo) },
      };
    });
    const { lanes, laneCount } = assignLanes(drafts.map((d) => d.occupied), m.laneGap);
    const chunks: TimelineChunk[] = Array.from({ length: Math.max(1, Math.ceil(laneCount / m.rowsPerChunk)) }, (_, c) => {
      const rows = Math.min(laneCount, (c + 1) * m.rowsPerChunk) - c * m.rowsPerChunk;
      return { rows, height: chunkHeight(rows), marks: [] };
    });
    drafts.forEach((draft, index) => {
      const lane = lanes[index]!;
      const chunk = Math.floor(lane / m.rowsPerChunk);
      const { item, range } = draft;
      const when = describeSpan(item.started, item.resolved);
      marks.push({
        id: item.id,
        path: paths.incident(item.id),
        title: item.title,
        label: draft.label,
        labelAnchor: draft.anchor,
        labelDx: draft.labelDx,
        accessibleName:
          `${item.title}, ${when}.` +
          listNames(item.attackTypes.length > 1 ? 'Attack types' : 'Attack type', item.attackTypes) +
          listNames(item.actors.length > 1 ? 'Attackers' : 'Attacker', item.actors) +
          listNames(item.vendors.length > 1 ? 'Suppliers or products' : 'Supplier or product', item.vendors),
        when,
        x0: draft.x0,
        x1: draft.x1,
        segments: barSegments(range.start, range.end, x),
        row: rowOffset + lane,
        chunk,
        y: 2 + (lane % m.rowsPerChunk) * m.laneHeight,
        group: groupId,
        styleIndex,
        glyph: glyphFor(styleIndex),
        attackTypes: item.attackTypes,
        actors: item.actors,
        vendors: item.vendors,
      });
    });
    for (const mark of marks.slice(marks.length - drafts.length)) chunks[mark.chunk]!.marks.push(mark);
    groups.push({ id: groupId, name: groupNames.get(groupId)!, styleIndex, glyph: glyphFor(styleIndex), count: members.length, rows: laneCount, chunks });
    rowOffset += laneCount;
  });

  const ticks = fittedAxisTicks(domain[0], domain[1], plot.right - plot.left).map((tick) => ({ ...tick, x: x(tick.date) }));
  const starts = ranges.map((r) => r.start.start.getTime());
  const ends = ranges.map((r) => (r.end ?? r.start).end.getTime() - 1);
  const years: [number, number] = starts.length
    ? [new Date(Math.min(...starts)).getUTCFullYear(), new Date(Math.max(...ends)).getUTCFullYear()]
    : [domain[0].getUTCFullYear(), domain[1].getUTCFullYear()];
  return { width, plot, domain, years, ticks, groups, marks };
}
