import { z } from 'astro/zod';

import { parsePartialDate, type PartialDate } from '../lib/partial-dates.ts';

/** The date type and its precisions belong to the arithmetic module; schemas and types read them from here too. */
export { datePrecisions, parsePartialDate, type DatePrecision, type PartialDate } from '../lib/partial-dates.ts';

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
