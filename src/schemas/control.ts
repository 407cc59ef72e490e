import { z } from 'astro/zod';
import { httpsUrlSchema } from './common.ts';
import { controlFrameworks } from './vocabularies.ts';

/** A control from a framework NHS organisations and suppliers answer to. */
export const controlSchema = z.strictObject({
  name: z.string().trim().min(1),
  framework: z.enum(controlFrameworks),
  /** The framework's own reference, e.g. "Principle 3" or "B2.a". */
  reference: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  /** Where the framework text can be read. */
  url: httpsUrlSchema.optional(),
  /** Which source the summary paraphrases (publisher and title). */
  sourceNote: z.string().trim().optional(),
  /** Related ATT&CK mitigation ids. */
  mitigations: z.array(z.string().regex(/^M\d{4}$/, 'must be an ATT&CK mitigation id such as M1032')).default([]),
});
export type Control = z.output<typeof controlSchema>;
