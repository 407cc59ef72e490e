/**
 * A partial date as the stretch of time it can mean. A month-precision date covers its whole
 * month and a year-precision date its whole year, so a chart draws them as ranges, never as a day.
 */
import { dateEnd, dateStart, dayMs, type DatePrecision, type PartialDate } from '../partial-dates.ts';

export interface DateRange {
  /** First instant the date can mean. */
  start: Date;
  /** The instant just after the last day it can mean. */
  end: Date;
  precision: DatePrecision;
}

export function partialDateRange(date: PartialDate): DateRange {
  return { start: dateStart(date), end: dateEnd(date), precision: date.precision };
}


/**
 * The domain a chart needs to show every range: padded on both sides so marks at the edges stay
 * clear of the frame, and at least `minimumDays` long so a one-day incident does not fill the axis.
 */
export function paddedDomain(ranges: readonly DateRange[], options: { padding?: number; minimumDays?: number } = {}): [Date, Date] {
  const padding = options.padding ?? 0.04;
  const minimumMs = (options.minimumDays ?? 14) * dayMs;
  if (ranges.length === 0) {
    const now = Date.UTC(new Date().getUTCFullYear(), 0, 1);
    return [new Date(now - minimumMs / 2), new Date(now + minimumMs / 2)];
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const range of ranges) {
    lo = Math.min(lo, range.start.getTime());
    hi = Math.max(hi, range.end.getTime());
  }
  const widened = Math.max(hi - lo, minimumMs);
  const middle = (lo + hi) / 2;
  lo = middle - widened / 2;
  hi = middle + widened / 2;
  const pad = widened * padding;
  return [new Date(lo - pad), new Date(hi + pad)];
}
