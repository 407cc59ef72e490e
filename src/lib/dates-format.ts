import type { PartialDate } from '../schemas/dates.ts';

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
export function formatNumber(value: number): string {
  return value.toLocaleString('en-GB');
}
