import { z } from 'astro/zod';

import { partialDateSchema } from './dates.ts';
import { sourceSchema } from './source.ts';
import { actorTypes, motivations } from './vocabularies.ts';

/** A name an actor is known by, and who uses it. */
export const aliasSchema = z.strictObject({
  name: z.string().trim().min(1),
  /** Who coined or uses the name (a security vendor, MITRE, the group itself). */
  usedBy: z.string().trim().optional(),
});

/** Sources for an entity page (actors, vendors, vulnerabilities): the same shape as incident sources. */
export const entitySourceSchema = sourceSchema;

export const actorSchema = z.strictObject({
  name: z.string().trim().min(1),
  aliases: z.array(aliasSchema).default([]),
  /** STIX threat-actor-type-ov. */
  type: z.enum(actorTypes),
  motivation: z.enum(motivations).optional(),
  summary: z.string().trim().min(1),
  firstSeen: partialDateSchema.optional(),
  /** Operated as ransomware-as-a-service with affiliates. */
  ransomwareAsAService: z.boolean().default(false),
  /** ISO 3166-1 alpha-2 where an authority or several sources place the group. */
  suspectedOrigin: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** MITRE ATT&CK group (G####) and software (S####) ids, where sources give them. */
  attackIds: z.array(z.string().regex(/^(G|S|C)\d{4}$/, 'must be an ATT&CK group, software or campaign id such as G1050 or S1242')).default([]),
  sources: z.array(entitySourceSchema).min(1, 'an actor needs at least one source'),
});
export type Actor = z.output<typeof actorSchema>;
