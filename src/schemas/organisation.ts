import { z } from 'astro/zod';
import { httpsUrlSchema } from './common.ts';
import { organisationTypes, regions } from './vocabularies.ts';

/** An NHS trust, board, practice or other organisation affected by incidents. */
export const organisationSchema = z.strictObject({
  name: z.string().trim().min(1),
  shortName: z.string().trim().min(1).optional(),
  type: z.enum(organisationTypes),
  region: z.enum(regions),
  /** NHS Organisation Data Service code, where known. */
  odsCode: z.string().regex(/^[A-Z0-9]{3,6}$/, 'ODS codes are 3 to 6 upper-case letters or digits').optional(),
  website: httpsUrlSchema.optional(),
  summary: z.string().trim().min(1).optional(),
});
export type Organisation = z.output<typeof organisationSchema>;
