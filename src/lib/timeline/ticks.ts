/**
 * Axis ticks for spans from a few days to several decades. Used at build time and by the zoom
 * script in the browser, so it depends on d3-time only (small) and not on d3-scale.
 */
import { utcDay, utcTickInterval, utcYear } from 'd3-time';
import { estimateTextWidth } from './text.ts';

export type TickGranularity = 'day' | 'month' | 'year';

export interface AxisTick {
  date: Date;
  label: string;
  granularity: TickGranularity;
}

const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Dates in these charts are at most day-precise, so ticks never go finer than a day. */
function tickDates(start: Date, end: Date, count: number): Date[] {
  const interval = utcTickInterval(start, end, count);
  if (interval === null) return [];
  const probe = interval.range(start, end);
  const finerThanDay = probe.some((date) => date.getTime() !== utcDay.floor(date).getTime());
  if (!finerThanDay) return probe;
  const days = utcDay.range(utcDay.ceil(start), end);
  // Too many days for the width: thin them evenly rather than falling back to hours.
  const step = Math.max(1, Math.ceil(days.length / Math.max(1, count)));
  return days.filter((_, index) => index % step === 0);
}

function granularityOf(dates: readonly Date[]): TickGranularity {
  if (dates.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1)) {
    // Yearly ticks 1 Jan to 1 Jan read as years; a single 1 Jan among monthly ticks does not.
    if (dates.length < 2 || utcYear.count(dates[0]!, dates[1]!) >= 1) return 'year';
  }
  if (dates.every((d) => d.getUTCDate() === 1)) return 'month';
  return 'day';
}

function label(date: Date, granularity: TickGranularity, withYear: boolean): string {
  const year = String(date.getUTCFullYear());
  if (granularity === 'year') return year;
  const month = shortMonths[date.getUTCMonth()]!;
  const text = granularity === 'month' ? month : `${date.getUTCDate()} ${month}`;
  return withYear ? `${text} ${year}` : text;
}

/**
 * About `count` ticks between `start` and `end` at round calendar positions (days, weeks, months,
 * quarters, years, 2/5/10/20... years), labelled at the precision they mark. The year is written
 * on the first tick and wherever it changes: "30 Dec 2023, 6 Jan 2024, 13 Jan", "Nov 2023, Jan 2024,
 * Mar", "2020, 2025".
 */
export function axisTicks(start: Date, end: Date, count: number): AxisTick[] {
  if (!(end.getTime() > start.getTime())) return [];
  const dates = tickDates(start, end, Math.max(1, Math.round(count)));
  const granularity = granularityOf(dates);
  return dates.map((date, index) => {
    const previous = dates[index - 1];
    const withYear = !previous || previous.getUTCFullYear() !== date.getUTCFullYear();
    return { date, label: label(date, granularity, withYear), granularity };
  });
}

/**
 * Ticks for an axis `width` pixels wide whose labels never collide: asks for fewer ticks until the
 * closest pair is further apart than the widest label plus a gap.
 */
export function fittedAxisTicks(start: Date, end: Date, width: number, fontSize = 11): AxisTick[] {
  const span = end.getTime() - start.getTime();
  if (!(span > 0) || !(width > 0)) return [];
  for (let count = Math.max(1, Math.floor(width / 70)); count >= 1; count--) {
    const ticks = axisTicks(start, end, count);
    if (ticks.length < 2) return ticks;
    const widest = Math.max(...ticks.map((t) => estimateTextWidth(t.label, fontSize)));
    let closest = Infinity;
    for (let i = 1; i < ticks.length; i++) closest = Math.min(closest, ticks[i]!.date.getTime() - ticks[i - 1]!.date.getTime());
    if ((closest / span) * width >= widest + 16) return ticks;
  }
  return axisTicks(start, end, 1);
}

/** The font size of the timeline's axis labels (IncidentTimeline.astro's .tl-axis text). */
export const axisFontSize = 12;
