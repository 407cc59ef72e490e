import { z } from 'astro/zod';
import { httpsUrlSchema, slugSchema } from './common.ts';
import { partialDateSchema } from './dates.ts';
import { sourceKinds } from './vocabularies.ts';

/**
 * A source behind facts. `publisher` names the original publisher; where only a copy could be
 * read, `via` names the site that carried it and `url` points at what was read.
 */
export const sourceSchema = z.strictObject({
  /** Cited from prose as [@id] and from facts as `sources: [id]`. */
  id: slugSchema,
  publisher: z.string().trim().min(1),
  title: z.string().trim().min(1),
  /** Publication date as shown on the page; omit when the page shows none. */
  date: partialDateSchema.optional(),
  url: httpsUrlSchema,
  /** primary: the organisation, regulator, court, NAO, CVE record; secondary: press and research. */
  kind: z.enum(sourceKinds),
  /** Where the copy that was read was hosted, if not the original publisher. */
  via: z.string().trim().min(1).optional(),
  note: z.string().trim().optional(),
});
export type Source = z.output<typeof sourceSchema>;
