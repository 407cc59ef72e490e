/**
 * Layout of the all-incidents timeline, at build time, in two forms the page chooses between by
 * width:
 * - wide: one band per attack type, incidents as bars from start to restoration in lanes that never
 *   overlap, each with a mark sized by its impact and its whole title beside it, over a time axis;
 * - narrow: the same incidents year by year down the page (see narrow-layout.ts).
 * Pure: it returns numbers and strings that the page writes as SVG and HTML, and the zoom script moves.
 *
 * An incident of several attack types is in the band of each, as the search page and the filters
 * count it, so a band's count is the number the filter of the same name shows.
 */
import { scaleUtc } from 'd3-scale';
import type { PartialDate } from '../../schemas/dates.ts';
import { impactQualifierWords } from '../../schemas/vocabularies.ts';
import type { ResolvedIncident } from '../model.ts';
import { recoveryOf } from '../recovery.ts';
import { formatDayRange, formatPartialDate, formatPartialDateShort } from '../dates-format.ts';
import { dayMs, durationBetween } from '../partial-dates.ts';
import { paths } from '../urls.ts';
import { countOf, formatCount } from '../wording.ts';
import { textWidth, wrapText } from '../charts/text.ts';
import { assignLanes } from './lanes.ts';
import { glyphFor, type GlyphName } from './glyphs.ts';
import { careImpact, careImpactUnknown, impactScale, type CareImpact, type ImpactScale } from './impact.ts';
import { paddedDomain, partialDateRange, type DateRange } from './ranges.ts';
import { withoutOpenBracket } from './text.ts';
import { axisFontSize, fittedAxisTicks, type AxisTick } from './ticks.ts';

export interface Named {
  id: string;
  name: string;
}

type Qualifier = keyof typeof impactQualifierWords;

/** What the timeline needs to know about an incident. */
export interface TimelineItem {
  id: string;
  title: string;
  started: PartialDate;
  resolved?: PartialDate | undefined;
  /** Days from the start until services were restored (impact summary): the bar's end when no resolution date is recorded. */
  restoredAfter?: { days: number; qualifier: Qualifier } | undefined;
  /** Appointments and procedures postponed, when a figure was published. */
  impact?: CareImpact | undefined;
  /** In the incident's order: the first gives the incident its colour and shape in the narrow layout. */
  attackTypes: Named[];
  actors: Named[];
  vendors: Named[];
}

export function timelineItemFromIncident(incident: ResolvedIncident): TimelineItem {
  const summary = incident.data.impactSummary;
  // The bar ends where every other page says recovery ended (recoveryOf): at the days to restore
  // when a source gives them, otherwise at the resolution date.
  const recovery = recoveryOf(incident.data);
  return {
    id: incident.id,
    title: incident.data.title,
    started: incident.data.dates.started.date,
    resolved: recovery?.basis === 'figure' ? undefined : incident.data.dates.resolved?.date,
    restoredAfter: recovery?.basis === 'figure' ? { days: recovery.days.value, qualifier: recovery.days.qualifier } : undefined,
    impact: careImpact(summary),
    attackTypes: incident.attackTypes.map((t) => ({ id: t.id, name: t.data.name })),
    actors: incident.actors.map((a) => ({ id: a.id, name: a.entry.data.name })),
    // As the search page's supplier filter: the vendors it names, then those behind its CVEs.
    vendors: [...new Map([...incident.vendors.map((v) => v.entry), ...incident.vulnerabilities.map((v) => v.vendor)].map((v) => [v.id, { id: v.id, name: v.data.name }])).values()],
  };
}

/** A stretch of a bar, in ms since the epoch: known, or uncertain because a date is known only to the month or year (or is approximate). */
export interface TimeSegment {
  from: number;
  to: number;
  certainty: 'known' | 'uncertain';
}

/** The same stretch in the chart's x units. */
export interface BarSegment {
  from: number;
  to: number;
  certainty: 'known' | 'uncertain';
}

/** How long an incident lasted, as far as the sources say. */
export interface ItemSpan {
  /** First instant it can have started (ms). */
  start: number;
  /** The last instant its bar reaches (ms): the end of its restoration date, or of its start date when the end is unknown. */
  end: number;
  segments: TimeSegment[];
  /** True when no restoration is recorded (or only "more than N days"): drawn with an open end, never as a finished bar. */
  openEnd: boolean;
  /** "3 June 2024 to 2024", "from 12 May 2017". */
  when: string;
  /** "up to 211 days (about 7 months)", "services restored after about 31 days", "end not recorded". */
  duration: string;
  /** Both in one phrase: "3 June 2024 to 2024 (up to 211 days)", "from 12 May 2017, end not recorded". */
  summary: string;
  /** The same, short, for the narrow list: "3 Jun 2024 to 2024 · up to 211 days". */
  short: string;
}

/** "279 days", "up to 211 days", "90 to 119 days": a duration without its rounding into weeks or months. */
function shortDuration(minDays: number, maxDays: number): string {
  if (minDays === maxDays) return countOf(maxDays, 'day');
  if (minDays === 0) return `up to ${countOf(maxDays, 'day')}`;
  return `${formatCount(minDays)} to ${countOf(maxDays, 'day')}`;
}

function segmentsBetween(start: DateRange, end: DateRange | undefined): TimeSegment[] {
  const segments: TimeSegment[] = [];
  const push = (from: number, to: number, certainty: TimeSegment['certainty']) => {
    if (to > from) segments.push({ from, to, certainty });
  };
  const certaintyOf = (range: DateRange): TimeSegment['certainty'] => (range.precision === 'day' ? 'known' : 'uncertain');
  const s0 = start.start.getTime();
  const s1 = start.end.getTime();
  // A resolution inside the start's month or year also bounds the start: never draw past it.
  const startUntil = end && end.end.getTime() < s1 ? end.end.getTime() : s1;
  push(s0, startUntil, certaintyOf(start));
  if (end) {
    push(startUntil, end.start.getTime(), 'known');
    push(Math.max(end.start.getTime(), startUntil), end.end.getTime(), certaintyOf(end));
  }
  return segments;
}

/** The incident's bar: from its start to its restoration date, or the days to restore, or open-ended. */
export function itemSpan(item: Pick<TimelineItem, 'started' | 'resolved' | 'restoredAfter'>): ItemSpan {
  const start = partialDateRange(item.started);
  const from = formatPartialDate(item.started);
  if (item.resolved) {
    const end = partialDateRange(item.resolved);
    const to = formatPartialDate(item.resolved);
    const span = durationBetween(item.started, item.resolved);
    const when = from === to ? from : `${from} to ${to}`;
    const duration = span ? formatDayRange(span.minDays, span.maxDays) : 'end not recorded';
    const [shortFrom, shortTo] = [formatPartialDateShort(item.started), formatPartialDateShort(item.resolved)];
    return {
      short: `${shortFrom === shortTo ? shortFrom : `${shortFrom} to ${shortTo}`} · ${span ? shortDuration(span.minDays, span.maxDays) : 'end not recorded'}`,
      start: start.start.getTime(),
      end: Math.max(end.end.getTime(), start.end.getTime()),
      segments: segmentsBetween(start, end),
      openEnd: false,
      when,
      duration,
      summary: `${when} (${duration})`,
    };
  }
  const restored = item.restoredAfter;
  if (restored && restored.days > 0) {
    // "About 31 days" (or "up to 31") is drawn to the 31st day, pale because it is not exact; "more
    // than 31 days" is drawn to the 31st day and left open.
    const endAt = start.start.getTime() + restored.days * dayMs;
    const exact = restored.qualifier === 'exact' && start.precision === 'day';
    const segments = segmentsBetween(start, undefined);
    const startUntil = segments.at(-1)?.to ?? start.end.getTime();
    if (endAt > startUntil) segments.push({ from: startUntil, to: endAt, certainty: exact ? 'known' : 'uncertain' });
    const open = restored.qualifier === 'more-than' || restored.qualifier === 'at-least';
    const duration = `services restored after ${impactQualifierWords[restored.qualifier]}${countOf(restored.days, 'day')}`;
    return {
      short: `From ${formatPartialDateShort(item.started)} · restored after ${impactQualifierWords[restored.qualifier]}${countOf(restored.days, 'day')}`,
      start: start.start.getTime(),
      end: Math.max(endAt, startUntil),
      segments,
      openEnd: open,
      when: `from ${from}`,
      duration,
      summary: `from ${from}, ${duration}`,
    };
  }
  return {
    short: `From ${formatPartialDateShort(item.started)} · end not recorded`,
    start: start.start.getTime(),
    end: start.end.getTime(),
    segments: segmentsBetween(start, undefined),
    openEnd: true,
    when: `from ${from}`,
    duration: 'end not recorded',
    summary: `from ${from}, end not recorded`,
  };
}

export interface TimelineMark {
  id: string;
  /** Site path of the incident page (add the base path when writing the link). */
  path: string;
  title: string;
  /** Visible label: the whole title on one or two lines (cut at a word, with "…", only when it cannot fit). */
  lines: string[];
  /** True when the lines do not hold the whole title (the full title is then one focus or hover away). */
  cut: boolean;
  /** Label to the right of the bar's end (start), or to the left of the mark (end). */
  labelAnchor: 'start' | 'end';
  /** x of the label's anchor: for 'start', from the bar's end; for 'end', from the mark's start. */
  labelDx: number;
  /** Accessible name: everything the mark shows, in words. */
  accessibleName: string;
  /** Bar extent in pixels at zoom 1. */
  x0: number;
  x1: number;
  segments: BarSegment[];
  openEnd: boolean;
  /** Diameter of the mark at the bar's start; `impactKnown` false draws it hollow. */
  glyphSize: number;
  impactKnown: boolean;
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
  /** Incidents in the band: every incident of this attack type, as the filter of the same name counts them. */
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
  /** Every mark, band by band, top to bottom: an incident of several attack types has one in each of their bands. */
  marks: TimelineMark[];
  /** Incidents (each counted once). */
  incidents: number;
  /** Each incident's span, in the order of the items given. */
  spans: ItemSpan[];
  impact: ImpactScale;
  /** Incidents with a published impact figure. */
  impactKnown: number;
}

export const timelineMetrics = {
  fontSize: 13,
  lineHeight: 15,
  axisHeight: 24,
  laneHeight: 36,
  /** Rows per SVG block: small enough that zooming redraws little, large enough to keep blocks few. */
  rowsPerChunk: 16,
  /** Within a lane: the bar's top and height, and the centre line the bar, mark and label share. */
  barTop: 14,
  barHeight: 8,
  centre: 18,
  /** The open end of a bar whose end is not recorded: a dotted line this long. */
  tailLength: 26,
  /** Room between a mark or bar end and its label. */
  labelGap: 6,
  /** The widest a label line may be before it wraps; titles longer than two such lines are cut. */
  maxLabelWidth: 340,
  minLabelWidth: 150,
  laneGap: 12,
} as const;

/** Height of a block of `rows` rows, in SVG units (a few units spare below the last row). */
export function chunkHeight(rows: number): number {
  return rows * timelineMetrics.laneHeight + 4;
}

/** Baselines of a label's lines, centred on the lane's centre line. */
export function labelBaselines(lineCount: number): number[] {
  const m = timelineMetrics;
  const first = m.centre + m.fontSize * 0.35 - ((lineCount - 1) * m.lineHeight) / 2;
  return Array.from({ length: lineCount }, (_, i) => Math.round((first + i * m.lineHeight) * 10) / 10);
}

/**
 * A title on at most two lines, as narrow as it can be: the narrowest width (from `min` up) at which
 * it wraps onto two lines. A title that does not fit two lines of `max` keeps its first line and
 * ends its second, at a word, with "…".
 */
export function wrapLabel(title: string, fontSize: number, min: number, max: number): { lines: string[]; cut: boolean } {
  if (textWidth(title, fontSize) <= min) return { lines: [title], cut: false };
  const fitsAt = (width: number) => wrapText(title, fontSize, width).length <= 2;
  if (fitsAt(max)) {
    let lo = min;
    let hi = max;
    while (hi - lo > 4) {
      const mid = (lo + hi) / 2;
      if (fitsAt(mid)) hi = mid;
      else lo = mid;
    }
    return { lines: wrapText(title, fontSize, hi), cut: false };
  }
  const [first = '', ...rest] = wrapText(title, fontSize, max);
  const words = rest.join(' ').split(' ');
  let second = '';
  for (const word of words) {
    const next = second ? `${second} ${word}` : word;
    if (textWidth(`${next}…`, fontSize) > max) break;
    second = next;
  }
  return { lines: [first, `${withoutOpenBracket(second).replace(/[\s,;:.–-]+$/, '')}…`], cut: true };
}

/** "Attack types: Ransomware, Phishing." (nothing when there are none). */
function listNames(one: string, many: string, names: Named[]): string {
  if (names.length === 0) return '';
  return ` ${names.length > 1 ? many : one}: ${names.map((n) => n.name).join(', ')}.`;
}

/** Everything a mark shows, in words: the accessible name of its link, and the details shown on focus. */
export function describeItem(item: TimelineItem, span: ItemSpan): string {
  return (
    `${item.title}, ${span.summary}. ${item.impact?.phrase ?? careImpactUnknown}` +
    listNames('Attack type', 'Attack types', item.attackTypes) +
    listNames('Attacker', 'Attackers', item.actors) +
    listNames('Supplier or product', 'Suppliers or products', item.vendors)
  );
}

/** Bands: one per attack type any incident names, in alphabetical order, then incidents with none. */
export function bandsOf(items: readonly TimelineItem[]): Named[] {
  const names = new Map<string, string>();
  for (const item of items) for (const type of item.attackTypes) names.set(type.id, type.name);
  const bands = [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
  if (items.some((item) => item.attackTypes.length === 0)) bands.push({ id: '', name: 'Attack type not recorded' });
  return bands;
}

/**
 * Lays out every incident. `width` is the SVG's width in its own units; `options.margin` leaves
 * room for the frame.
 */
export function layoutTimeline(items: readonly TimelineItem[], options: { width?: number; margin?: number } = {}): TimelineLayout {
  const m = timelineMetrics;
  const width = options.width ?? 1000;
  const margin = options.margin ?? 8;
  const plot = { left: margin, right: width - margin };

  const spans = items.map((item) => itemSpan(item));
  const domain = paddedDomain(
    spans.map((s) => ({ start: new Date(s.start), end: new Date(s.end), precision: 'day' as const })),
  );
  const scale = scaleUtc().domain(domain).range([plot.left, plot.right]);
  const x = (ms: number) => Math.round(scale(new Date(ms)) * 10) / 10;
  const impact = impactScale(items.flatMap((item) => (item.impact ? [item.impact.value] : [])));

  // What each incident's mark looks like does not depend on its band: work it out once.
  const drafts = items.map((item, index) => {
    const span = spans[index]!;
    const x0 = x(span.start);
    const x1 = Math.max(x0, x(span.end));
    const { lines, cut } = wrapLabel(item.title, m.fontSize, m.minLabelWidth, m.maxLabelWidth);
    const labelWidth = Math.max(...lines.map((line) => textWidth(line, m.fontSize)));
    const glyphSize = impact.diameter(item.impact?.value);
    const half = glyphSize / 2;
    const length = x1 - x0;
    // The bar's far end, with its open end when the end is not recorded.
    const reach = Math.max(length + (span.openEnd ? m.tailLength : 0), half);
    // Labels run right from the bar's end; near the right edge they run left from the mark instead.
    const runsRight = x0 + reach + m.labelGap + labelWidth <= width - 2 || x0 - half - m.labelGap - labelWidth < 2;
    const labelDx = runsRight ? reach - length + m.labelGap : -half - m.labelGap;
    const occupied = runsRight
      ? { from: x0 - half, to: x0 + reach + m.labelGap + labelWidth }
      : { from: x0 - half - m.labelGap - labelWidth, to: x0 + reach };
    return {
      item,
      span,
      x0,
      x1,
      lines,
      cut,
      glyphSize,
      labelDx: Math.round(labelDx * 10) / 10,
      anchor: runsRight ? ('start' as const) : ('end' as const),
      occupied,
      accessibleName: describeItem(item, span),
      segments: span.segments.map((s) => ({ from: x(s.from), to: x(s.to), certainty: s.certainty })),
    };
  });

  const groups: TimelineGroup[] = [];
  const marks: TimelineMark[] = [];
  let rowOffset = 0;
  bandsOf(items).forEach((band, styleIndex) => {
    const members = drafts
      .filter(({ item }) => (band.id === '' ? item.attackTypes.length === 0 : item.attackTypes.some((t) => t.id === band.id)))
      .sort((a, b) => a.span.start - b.span.start || a.item.id.localeCompare(b.item.id));
    const { lanes, laneCount } = assignLanes(members.map((d) => d.occupied), m.laneGap);
    const chunks: TimelineChunk[] = Array.from({ length: Math.max(1, Math.ceil(laneCount / m.rowsPerChunk)) }, (_, c) => {
      const rows = Math.min(laneCount, (c + 1) * m.rowsPerChunk) - c * m.rowsPerChunk;
      return { rows, height: chunkHeight(rows), marks: [] };
    });
    members.forEach((draft, index) => {
      const lane = lanes[index]!;
      const chunk = Math.floor(lane / m.rowsPerChunk);
      const { item } = draft;
      const mark: TimelineMark = {
        id: item.id,
        path: paths.incident(item.id),
        title: item.title,
        lines: draft.lines,
        cut: draft.cut,
        labelAnchor: draft.anchor,
        labelDx: draft.labelDx,
        accessibleName: draft.accessibleName,
        x0: draft.x0,
        x1: draft.x1,
        segments: draft.segments,
        openEnd: draft.span.openEnd,
        glyphSize: draft.glyphSize,
        impactKnown: item.impact !== undefined,
        row: rowOffset + lane,
        chunk,
        y: 2 + (lane % m.rowsPerChunk) * m.laneHeight,
        group: band.id,
        styleIndex,
        glyph: glyphFor(styleIndex),
        attackTypes: item.attackTypes,
        actors: item.actors,
        vendors: item.vendors,
      };
      marks.push(mark);
      chunks[chunk]!.marks.push(mark);
    });
    groups.push({ id: band.id, name: band.name, styleIndex, glyph: glyphFor(styleIndex), count: members.length, rows: laneCount, chunks });
    rowOffset += laneCount;
  });

  const ticks = fittedAxisTicks(domain[0], domain[1], plot.right - plot.left, axisFontSize).map((tick) => ({ ...tick, x: x(tick.date.getTime()) }));
  const years: [number, number] = spans.length
    ? [new Date(Math.min(...spans.map((s) => s.start))).getUTCFullYear(), new Date(Math.max(...spans.map((s) => s.end - 1))).getUTCFullYear()]
    : [domain[0].getUTCFullYear(), domain[1].getUTCFullYear()];
  return { width, plot, domain, years, ticks, groups, marks, incidents: items.length, spans, impact, impactKnown: items.filter((i) => i.impact).length };
}
