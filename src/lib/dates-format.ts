import type { PartialDate } from './partial-dates.ts';
import { countOf } from './wording.ts';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date at its own precision, in GOV.UK style: "3 June 2024", "June 2024", "2024". */
export function formatPartialDate(date: PartialDate): string {
  const [year, month, day] = date.value.split('-');
  if (date.precision === 'year') return year ?? date.value;
  const monthName = months[Number(month) - 1] ?? month;
  if (date.precision === 'month') return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

/** Short form for tables: "3 Jun 2024", "Jun 2024", "2024". */
export function formatPartialDateShort(date: PartialDate): string {
  const long = formatPartialDate(date);
  return long.replace(/(January|February|March|April|May|June|July|August|September|October|November|December)/, (m) => m.slice(0, 3));
}

/** Number with thousands separators, as the sources print it. */
const numberFormat = new Intl.NumberFormat('en-GB');
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const plural = (n: number, word: string): string => countOf(n, word);

/** "12 days (about 2 weeks)", "between 90 and 119 days (3 to 4 months)". */
export function formatDayRange(minDays: number, maxDays: number): string {
  const rough = (days: number) => (days >= 60 ? Math.round(days / 30.44) : days >= 14 ? Math.round(days / 7) : days);
  const unit = (days: number) => (days >= 60 ? 'month' : days >= 14 ? 'week' : 'day');
  if (minDays === maxDays) {
    const days = minDays;
    return days >= 14 ? `${plural(days, 'day')} (about ${plural(rough(days), unit(days))})` : plural(days, 'day');
  }
  if (minDays === 0) {
    // The end is known only to the month or year it fell in: give the longest it can have been.
    return maxDays >= 14 ? `up to ${plural(maxDays, 'day')} (about ${plural(rough(maxDays), unit(maxDays))})` : `up to ${plural(maxDays, 'day')}`;
  }
  const range = `between ${formatNumber(minDays)} and ${plural(maxDays, 'day')}`;
  if (minDays >= 60 && unit(minDays) === unit(maxDays)) {
    const [a, b] = [rough(minDays), rough(maxDays)];
    return a === b ? `${range} (about ${plural(a, 'month')})` : `${range} (${a} to ${b} months)`;
  }
  return range;
}
