import { z } from 'astro/zod';
import { slugSchema, httpsUrlSchema } from './common.ts';
import { entitySourceSchema } from './actor.ts';
import { vendorKinds } from './vocabularies.ts';

export const productSchema = z.strictObject({
  /** Referenced from incidents as `products: [id]` under the vendor. */
  id: slugSchema,
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  description: z.string().trim().min(1),
});

/** A supplier to the NHS or a software vendor, with its products. */
export const vendorSchema = z.strictObject({
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  kinds: z.array(z.enum(vendorKinds)).min(1),
  summary: z.string().trim().min(1),
  website: httpsUrlSchema.optional(),
  products: z.array(productSchema).default([]),
  sources: z.array(entitySourceSchema).default([]),
});
export type Vendor = z.output<typeof vendorSchema>;
