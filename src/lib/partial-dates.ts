/**
 * Partial dates and their arithmetic, in one place. A date is known to the day, the month or the
 * year, and every calculation keeps that precision: the span from a day to "September 2024" is a
 * range of days, never a made-up exact count. Pure; the zod schema that reads dates from content
 * is in src/schemas/dates.ts.
 */

/** How precisely a date is known. A month-only date must never be drawn or told as a day. */
export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** A date as known: `2024-06-03` (day), `2024-06` (month) or `2024` (year). */
export interface PartialDate {
  /** ISO 8601 text at its own precision. */
  value: string;
  precision: DatePrecision;
}

export const dayMs = 86_400_000;

const isoPartial = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates such as 2024-02-30. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = isoPartial.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month !== undefined) {
    const m = Number(month);
    if (m < 1 || m > 12) return undefined;
  }
  if (day !== undefined) {
    const probe = new Date(`${year}-${month}-${day}T00:00:00Z`);
    if (Number.isNaN(probe.getTime()) || probe.getUTCDate() !== Number(day)) return undefined;
    return { value: `${year}-${month}-${day}`, precision: 'day' };
  }
  if (month !== undefined) return { value: `${year}-${month}`, precision: 'month' };
  return { value: `${year}`, precision: 'year' };
}

/** Earliest instant a partial date can mean (for ordering and for checks such as resolved ≥ started). */
export function dateStart(d: PartialDate): Date {
  const [y, m = '01', day = '01'] = d.value.split('-');
  return new Date(`${y}-${m}-${day}T00:00:00Z`);
}

/** The instant just after the last day a partial date can mean. */
export function dateEnd(d: PartialDate): Date {
  const start = dateStart(d);
  if (d.precision === 'day') return new Date(start.getTime() + dayMs);
  if (d.precision === 'month') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));
}

/** The last day a partial date can mean (the day itself, the month's last day, 31 December). */
export function lastDay(d: PartialDate): Date {
  return new Date(dateEnd(d).getTime() - dayMs);
}

/** True when `later` cannot be before `earlier`, given what each date's precision allows. */
export function notBefore(later: PartialDate, earlier: PartialDate): boolean {
  return dateEnd(later).getTime() > dateStart(earlier).getTime();
}

/**
 * Whole days from one date to another, as the smallest and largest count the two dates'
 * precision allows. Negative when `to` is before `from`. Exact when min equals max.
 */
export interface DayRange {
  min: number;
  max: number;
}

function wholeDays(later: Date, earlier: Date): number {
  return Math.round((later.getTime() - earlier.getTime()) / dayMs);
}

/** Days from `from` to `to`, respecting both precisions. */
export function daysBetween(from: PartialDate, to: PartialDate): DayRange {
  return {
    min: wholeDays(dateStart(to), lastDay(from)),
    max: wholeDays(lastDay(to), dateStart(from)),
  };
}

export interface Duration {
  /** Shortest and longest span the two dates allow, in whole days. */
  minDays: number;
  maxDays: number;
  /** True when both dates are known to the day. */
  exact: boolean;
}

/**
 * How long something lasted from one date to a later one: {@link daysBetween} with the shortest
 * span never below zero (a start and an end in the same month may be the same day). Undefined when
 * the end cannot be after the start.
 */
export function durationBetween(from: PartialDate, to: PartialDate): Duration | undefined {
  const { min, max } = daysBetween(from, to);
  if (max < 0) return undefined;
  return { minDays: Math.max(0, min), maxDays: max, exact: from.precision === 'day' && to.precision === 'day' };
}
