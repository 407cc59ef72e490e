/**
 * Compact SVG for the all-incidents timeline, shared by the page (build time) and the zoom script
 * (browser), so the chart the script redraws is the chart the build drew. Compact because at
 * 10,000 incidents every byte and element per mark is paid 10,000 times by the parser.
 */
import type { BarSegment } from './incidents-layout.ts';

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

/** Vertical grid lines at each x, from 0 to `height`, as one path (one element instead of one per tick). */
export function gridPath(xs: readonly number[], height: number): string {
  return xs.map((x) => `M${round1(x)} 0V${height}`).join('');
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function describeDay(date: Date): string {
  return `${date.getUTCDate()} ${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/**
 * What the chart shows, in words: the page renders it for the full view so that the line is in
 * place before the script runs, and the script rewrites it after each zoom or filter change.
 */
export function viewStatus(shown: number, total: number, from: Date, to: Date): string {
  const count = shown === total ? (total === 1 ? 'the only incident' : `all ${total} incidents`) : `${shown} of ${total} incidents`;
  return `Showing ${count}, ${describeDay(from)} to ${describeDay(to)}.`;
}
