/**
 * Numbers and words for charts, in GOV.UK style: numerals with thousands separators ("1,000",
 * "10,152"), "k" and "m" only on an axis too narrow for the full figure ("10k"), and counts whose
 * noun agrees with the number ("1 incident", "2 incidents").
 */

/** A noun in its two forms: { one: 'incident', other: 'incidents' }. */
export interface Noun {
  one: string;
  other: string;
}

export const incidentNoun: Noun = { one: 'incident', other: 'incidents' };
export const dayNoun: Noun = { one: 'day', other: 'days' };

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "1,000", "10,152", "2.5": whole numbers as whole, others to one decimal place. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? whole.format(value) : oneDecimal.format(value);
}

/** The noun that goes with a number: 1 → "incident", anything else (0, 2, 1.5) → "incidents". */
export function nounFor(value: number, noun: Noun): string {
  return value === 1 ? noun.one : noun.other;
}

/** The verb that agrees with a count: agree(1, 'has', 'have') → "has". */
export function agree(value: number, one: string, other: string): string {
  return value === 1 ? one : other;
}

/** "1 incident", "0 incidents", "10,152 appointments". */
export function countOf(value: number, noun: Noun): string {
  return `${formatNumber(value)} ${nounFor(value, noun)}`;
}

/**
 * An axis label in as few characters as GOV.UK allows: "10k", "12.5k", "1m", "2.4m". Below
 * 1,000 the number is written in full.
 */
export function formatCompact(value: number): string {
  const size = Math.abs(value);
  if (size >= 1_000_000) return `${oneDecimal.format(value / 1_000_000)}m`;
  if (size >= 1_000) return `${oneDecimal.format(value / 1_000)}k`;
  return formatNumber(value);
}

/**
 * How to label a value axis: in full ("10,000") unless the widest full label is wider than the
 * room the axis has, in which case every label is compact ("10k"), so one axis never mixes styles.
 */
export function axisNumberFormat(values: readonly number[], room: number, measure: (text: string) => number): (value: number) => string {
  const widest = Math.max(0, ...values.map((v) => measure(formatNumber(v))));
  return widest <= room ? formatNumber : formatCompact;
}

/**
 * Names in a sentence: "A", "A and B", "A, B and C", and past `max` names "A, B, C and 4 others"
 * (the noun names what the others are: "4 other attackers").
 */
export function listNames(names: readonly string[], max = 3, others: Noun = { one: 'other', other: 'others' }): string {
  if (names.length <= 1) return names.join('');
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const rest = names.length - max;
  return `${names.slice(0, max).join(', ')} and ${formatNumber(rest)} ${nounFor(rest, others)}`;
}

/** First letter up: for a sentence that starts with a generated word. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
