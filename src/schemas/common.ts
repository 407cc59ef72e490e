import { z } from 'astro/zod';

/** Entry and source ids: lower case, digits and hyphens (they become URL segments and anchors). */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower case letters, digits and hyphens only (e.g. "synnovis-pathology-2024")');

/** Only https links: readers are on NHS networks that may block or warn on plain http. */
export const httpsUrlSchema = z
  .url({ error: 'must be a full URL, e.g. https://www.england.nhs.uk/...' })
  .refine((url) => url.startsWith('https://'), 'must start with https:// (plain http links are not accepted)')
  .refine((url) => !/\.onion(\/|$|:)/i.test(new URL(url).hostname + '/'), 'must not link to a .onion address: leak sites are never linked');

/** Ids of the sources (in this incident's `sources`) that support a claim. At least one. */
export const citesSchema = z.array(slugSchema).min(1, 'name at least one source id from this incident\'s sources list');

/** CVE ids, case-insensitive in content, stored upper case. */
export const cveIdSchema = z
  .string()
  .regex(/^CVE-\d{4}-\d{4,}$/i, 'must be a CVE id such as CVE-2025-4427')
  .transform((id) => id.toUpperCase());

/** MITRE ATT&CK technique ids: T1234 or T1234.001. */
export const techniqueIdSchema = z
  .string()
  .regex(/^T\d{4}(\.\d{3})?$/, 'must be an ATT&CK technique id such as T1190 or T1566.001');

/** Plain prose with no markup, one or more sentences. */
export const proseSchema = z.string().trim().min(1, 'must not be empty');
