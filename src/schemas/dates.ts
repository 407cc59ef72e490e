import { z } from 'astro/zod';

/** How precisely a date is known. A month-only date must never be drawn or told as a day. */
export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** A date as known: `2024-06-03` (day), `2024-06` (month) or `2024` (year). */
export interface PartialDate {
  /** ISO 8601 text at its own precision. */
  value: string;
  precision: DatePrecision;
}

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

/**
 * A date with its precision. YAML turns an unquoted `2024-06-03` into a Date and `2024` into a
 * number, so both are accepted alongside strings; the output is always a {@link PartialDate}.
 */
export const partialDateSchema = z
  .union([z.date(), z.number().int(), z.string()])
  .transform((input, ctx): PartialDate => {
    const text =
      input instanceof Date
        ? Number.isNaN(input.getTime())
          ? ''
          : input.toISOString().slice(0, 10)
        : String(input);
    const parsed = parsePartialDate(text);
    if (!parsed) {
      ctx.addIssue({
        code: 'custom',
        input,
        message: `"${text}" is not a date: write YYYY-MM-DD, YYYY-MM (month known) or YYYY (year known)`,
      });
      return z.NEVER;
    }
    return parsed;
  });

/** A full calendar day (for review dates, publication dates of records). */
export const daySchema = partialDateSchema.refine((d) => d.precision === 'day', {
  message: 'needs a full date: write YYYY-MM-DD',
});

/** Earliest instant a partial date can mean (for ordering and for checks such as resolved ≥ started). */
export function dateStart(d: PartialDate): Date {
  const [y, m = '01', day = '01'] = d.value.split('-');
  return new Date(`${y}-${m}-${day}T00:00:00Z`);
}

/** The instant just after the last day a partial date can mean. */
export function dateEnd(d: PartialDate): Date {
  const start = dateStart(d);
  if (d.precision === 'day') return new Date(start.getTime() + 86_400_000);
  if (d.precision === 'month') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));
}

/** True when `later` cannot be before `earlier`, given what each date's precision allows. */
export function notBefore(later: PartialDate, earlier: PartialDate): boolean {
  return dateEnd(later).getTime() > dateStart(earlier).getTime();
}
