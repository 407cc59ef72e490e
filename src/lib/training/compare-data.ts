/**
 * The compare data: any two incidents side by side in the browser without a page per pair. One
 * small file per incident (/data/compare/<id>.json: the compare table's column for that incident,
 * every fact already in words) and an index of the incidents to choose from
 * (/data/compare/index.json). The compare page's script fetches the index and the two columns it
 * needs, so the bytes stay the same at 10,000 incidents as at 20. Both shapes are zod schemas
 * here: the build checks every file against them and publishes them as JSON Schema
 * (/data/schema/compare-index.json, /data/schema/compare-incident.json), like the other data files.
 */
import { z } from 'astro/zod';
import type { KnowledgeBase, ResolvedIncident } from '../model.ts';
import { paths } from '../urls.ts';
import { absoluteUrl, type SiteContext } from '../export/site-url.ts';
import { compareRowKeys, factRows } from './facts.ts';
import { trainingPaths } from './paths.ts';

/** Bump with the shape (minor: a field added; major: renamed, removed or retyped). */
export const compareSchemaVersion = '1.0.0';

export const compareDataPaths = {
  folder: '/data/compare/',
  index: '/data/compare/index.json',
  incident: (id: string) => `/data/compare/${id}.json`,
  indexSchema: '/data/schema/compare-index.json',
  incidentSchema: '/data/schema/compare-incident.json',
} as const;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('Incident id: the file name of the incident, as in incidents.json.');
const envelope = (schemaPath: string) => ({
  $schema: z.url().describe(`Address of the JSON Schema this file validates against (${schemaPath}).`),
  schemaVersion: z.literal(compareSchemaVersion).describe('Version of this file\'s shape (semantic versioning).'),
});

export const compareIndexSchema = z
  .strictObject({
    ...envelope(compareDataPaths.indexSchema),
    incidents: z
      .array(
        z.strictObject({
          id,
          title: z.string(),
          year: z.number().int().describe('Year the incident began.'),
        }),
      )
      .describe('Every incident that can be compared, newest first; its facts are in compare/<id>.json.'),
  })
  .describe('The incidents the compare page offers, from the NHS cyber incidents knowledge base.');

export const compareIncidentSchema = z
  .strictObject({
    ...envelope(compareDataPaths.incidentSchema),
    id,
    title: z.string(),
    url: z.url().describe('The incident\'s page on this site.'),
    caseStudy: z.url().describe('The incident\'s case study for trainers.'),
    rows: z
      .array(
        z.strictObject({
          key: z.enum(compareRowKeys).describe('The fact, the same in every incident\'s file and in this order.'),
          label: z.string().describe('The fact as the compare table names it.'),
          items: z
            .array(
              z.strictObject({
                text: z.string(),
                note: z.string().optional().describe('Qualifier in words: how sure, as of when, in what role.'),
                url: z.url().optional().describe('The page on this site about the thing named.'),
              }),
            )
            .describe('What the incident\'s record says; empty when it says nothing.'),
          empty: z.string().describe('What to show when there are no items ("Not named", "None recorded").'),
        }),
      )
      .describe('One row per fact, as the compare table shows them.'),
  })
  .describe('One incident\'s column of the compare table, every fact in words, from the NHS cyber incidents knowledge base.');

export type CompareIndexFile = z.output<typeof compareIndexSchema>;
export type CompareIncidentFile = z.output<typeof compareIncidentSchema>;

function checked<T>(schema: z.ZodType<T>, value: T, file: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file} does not match its published schema at ${issue?.path.join('.') || '(root)'}: ${issue?.message}. Fix src/lib/training/compare-data.ts (and bump compareSchemaVersion if the shape changed).`);
  }
  return result.data;
}

export function compareIndexFile(kb: KnowledgeBase, site: SiteContext): CompareIndexFile {
  return checked(
    compareIndexSchema,
    {
      $schema: absoluteUrl(site, compareDataPaths.indexSchema),
      schemaVersion: compareSchemaVersion,
      incidents: kb.incidents.map((incident) => ({ id: incident.id, title: incident.data.title, year: incident.year })),
    },
    compareDataPaths.index,
  );
}

export function compareIncidentFile(incident: ResolvedIncident, site: SiteContext): CompareIncidentFile {
  return checked(
    compareIncidentSchema,
    {
      $schema: absoluteUrl(site, compareDataPaths.incidentSchema),
      schemaVersion: compareSchemaVersion,
      id: incident.id,
      title: incident.data.title,
      url: absoluteUrl(site, paths.incident(incident.id)),
      caseStudy: absoluteUrl(site, trainingPaths.caseStudy(incident.id)),
      rows: factRows(incident).map((row) => ({
        key: row.key,
        label: row.label,
        items: row.items.map((item) => ({ text: item.text, note: item.note || undefined, url: item.href ? absoluteUrl(site, item.href) : undefined })),
        empty: row.empty,
      })),
    },
    compareDataPaths.incident(incident.id),
  );
}

/** The published JSON Schema (draft 2020-12) of one of the two shapes. */
export function compareJsonSchema(which: 'index' | 'incident', site: SiteContext): Record<string, unknown> {
  const schema = which === 'index' ? compareIndexSchema : compareIncidentSchema;
  const path = which === 'index' ? compareDataPaths.indexSchema : compareDataPaths.incidentSchema;
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  const title = which === 'index' ? 'Incidents to compare' : 'One incident\'s compare column';
  return { $schema, $id: absoluteUrl(site, path), title: `${title} (schema version ${compareSchemaVersion})`, ...rest };
}
