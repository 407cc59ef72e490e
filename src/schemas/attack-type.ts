import { z } from 'astro/zod';
import { slugSchema, techniqueIdSchema } from './common.ts';

/** One value of the attack-type taxonomy behind the facets. */
export const attackTypeSchema = z.strictObject({
  name: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  /** Parent attack type id, for a two-level taxonomy. */
  parent: slugSchema.optional(),
  /** Closest VERIS action variety and ENISA RSIT class, for mapping to other datasets. */
  veris: z.string().trim().optional(),
  rsit: z.string().trim().optional(),
  /** ATT&CK techniques typical of this attack type. */
  techniques: z.array(techniqueIdSchema).default([]),
});
export type AttackType = z.output<typeof attackTypeSchema>;
