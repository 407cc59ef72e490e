/**
 * Compact SVG for the all-incidents timeline, and the words of its status line, shared by the page
 * (build time) and the zoom script (browser), so the chart the script redraws is the chart the build
 * drew. Compact because at 10,000 incidents every byte and element per mark is paid 10,000 times by
 * the parser.
 */
import type { BarSegment } from './incidents-layout.ts';
import { countOf as count, formatCount } from '../wording.ts';

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * One path for every stretch of a bar with the given certainty, in the mark's own x (0 = its start).
 * Empty when the bar has no such stretch. A stretch is never thinner than half a unit, so a
 * one-day incident stays visible.
 */
export function barPath(segments: readonly BarSegment[], certainty: BarSegment['certainty'], x0: number, top: number, height: number): string {
  // Stretches of one kind that touch (a known first day, then the known rest) are drawn as one.
  const stretches: { from: number; to: number }[] = [];
  for (const segment of segments) {
    if (segment.certainty !== certainty) continue;
    const last = stretches.at(-1);
    if (last && segment.from - last.to <= 0.05) last.to = Math.max(last.to, segment.to);
    else stretches.push({ from: segment.from, to: segment.to });
  }
  return stretches
    .map((stretch) => {
      const width = Math.max(round1(stretch.to - stretch.from), 0.5);
      return `M${round1(stretch.from - x0)} ${top}h${width}v${height}h${-width}z`;
    })
    .join('');
}

/**
 * The open end of a bar whose end is not recorded: short dashes for `length` from x along the centre
 * line, then an open arrowhead. Drawn as dashes, not with a dash pattern, so the arrowhead is whole.
 */
export function tailPath(x: number, centre: number, length: number): string {
  const dashes = Math.max(1, Math.floor((length - 4) / 5));
  return `M${round1(x + 1)} ${centre}${'h3m2 0'.repeat(dashes)}m-2 -3.5l3.5 3.5l-3.5 3.5`;
}

/** Vertical grid lines at each x, from 0 to `height`, as one path (one element instead of one per tick). */
export function gridPath(xs: readonly number[], height: number): string {
  return xs.map((x) => `M${round1(x)} 0V${height}`).join('');
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function describeDay(date: Date): string {
  return `${date.getUTCDate()} ${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export function describeMonth(date: Date): string {
  return `${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The dates a view spans, as precisely as its length makes useful: months over two months, else days. */
export function describeSpan(from: Date, to: Date): { from: string; to: string } {
  const describe = to.getTime() - from.getTime() >= 60 * 86_400_000 ? describeMonth : describeDay;
  return { from: describe(from), to: describe(to) };
}

/** What the wide chart shows: how many incidents are in view (their bars overlap it), among all or among those the filters match. */
export interface ViewCounts {
  inView: number;
  /** Incidents the filters let through (all of them when none is chosen). */
  matching: number;
  total: number;
  filtered: boolean;
}

/**
 * The status line of the wide chart, in words: the page renders it for the full view so that the
 * line is in place before the script runs, and the script rewrites it after each zoom, move or
 * filter change. It always says what is in view, and says so plainly when nothing is.
 */
export function viewStatus(counts: ViewCounts, fromDate: Date, toDate: Date): string {
  const { from, to } = describeSpan(fromDate, toDate);
  const { inView, matching, total, filtered } = counts;
  const dates = `${from} to ${to}`;
  if (filtered && matching === 0) return `No incident matches these filters (${count(total, 'incident')} in all).`;
  const kind = filtered ? 'matching incident' : 'incident';
  const outOf = filtered ? ` (${count(total, 'incident')} in all)` : '';
  if (inView === 0) return `No ${kind} in view between ${from} and ${to}${outOf}: use “Earlier” or “Later” to move to one, or “Show all”.`;
  if (inView === matching) return matching === 1 ? `Showing the only ${kind}${outOf}, ${dates}.` : `Showing all ${count(matching, kind)}${outOf}, ${dates}.`;
  return `Showing ${formatCount(inView)} of ${count(matching, kind)}${outOf}, ${dates}.`;
}

/** The status line of the narrow list: how many incidents are listed, and the years they start in. */
export function listStatus(shown: number, total: number, years: [number, number] | undefined): string {
  if (shown === 0 || !years) return `No incident matches these filters (${count(total, 'incident')} in all).`;
  const span = years[0] === years[1] ? `in ${years[0]}` : `${years[0]} to ${years[1]}`;
  if (shown === total) return total === 1 ? `Showing the only incident, ${span}.` : `Showing all ${count(total, 'incident')}, ${span}.`;
  return `Showing ${formatCount(shown)} of ${count(total, 'incident')}, ${span}.`;
}
