import { z } from 'astro/zod';
import { citesSchema, cveIdSchema, slugSchema, techniqueIdSchema } from './common.ts';
import { partialDateSchema, daySchema } from './dates.ts';
import { notBefore } from '../lib/partial-dates.ts';
import { sourceSchema } from './source.ts';
import { controlLinkSchema, trainingSchema } from './training.ts';
import { impactSummaryCites, impactSummarySchema } from './impact-summary.ts';
import {
  attributionStatuses,
  certainties,
  dataSubjects,
  dataTypes,
  eventKinds,
  factBases,
  impactQualifiers,
  impactUnits,
  organisationRoles,
  vendorRoles,
} from './vocabularies.ts';

/** A dated milestone of the incident, with the source that dates it. */
const datedFactSchema = z.strictObject({
  date: partialDateSchema,
  sources: citesSchema,
  note: z.string().trim().optional(),
});

export const incidentDatesSchema = z.strictObject({
  /** When the attack began (first access if known, else first disruption). */
  started: datedFactSchema,
  detected: datedFactSchema.optional(),
  /** First public statement by the victim or an authority. */
  disclosed: datedFactSchema.optional(),
  /** Services restored or incident closed. */
  resolved: datedFactSchema.optional(),
});

export const affectedOrganisationSchema = z.strictObject({
  id: slugSchema,
  role: z.enum(organisationRoles),
  certainty: z.enum(certainties),
  sources: citesSchema,
  note: z.string().trim().optional(),
});

export const vendorInvolvementSchema = z.strictObject({
  id: slugSchema,
  role: z.enum(vendorRoles),
  /** Product ids from the vendor's entry. */
  products: z.array(slugSchema).default([]),
  sources: citesSchema,
  note: z.string().trim().optional(),
});

export const actorAttributionSchema = z.strictObject({
  id: slugSchema,
  attribution: z.enum(attributionStatuses),
  /** Who attributed it and on what evidence, in one or two sentences. */
  basis: z.string().trim().min(1),
  sources: citesSchema,
});

/**
 * An ATT&CK technique seen in the incident. basis sourced: a cited source names the technique;
 * basis analysis: our mapping of a behaviour a cited source describes, with the reasoning shown.
 */
export const techniqueUseSchema = z
  .strictObject({
    id: techniqueIdSchema,
    /** The technique's ATT&CK name (with the parent's name for a sub-technique: "Phishing: Spearphishing Link"). */
    name: z.string().trim().min(1),
    certainty: z.enum(certainties),
    basis: z.enum(factBases),
    /** Why the behaviour the sources describe is this technique. Required for basis: analysis. */
    reasoning: z.string().trim().min(1).optional(),
    sources: citesSchema,
  })
  .superRefine((technique, ctx) => {
    if (technique.basis === 'analysis' && !technique.reasoning) {
      ctx.addIssue({
        code: 'custom',
        path: ['reasoning'],
        input: undefined,
        message: `technique ${technique.id} is our analysis: say in reasoning which sourced fact it rests on`,
      });
    }
    if (technique.basis === 'analysis' && technique.certainty === 'confirmed') {
      ctx.addIssue({
        code: 'custom',
        path: ['certainty'],
        input: technique.certainty,
        message: `technique ${technique.id} is our analysis, so it cannot be confirmed: use suspected (or reported if a source describes the behaviour plainly)`,
      });
    }
  });

/**
 * A CVE exploited in the incident. Two forms:
 * - the bare id ("CVE-2025-4427"): the organisation affected or an authority (a regulator, a
 *   government agency, the vendor's advisory for this incident) names the CVE. It reads as
 *   certainty confirmed, and its citations are those of the vendor entry that names the product;
 * - the object { cve, certainty, sources, note? }: anyone else names it (the press, researchers,
 *   blogs), or the link is in doubt. certainty says how sure the link is, sources (required) are the
 *   incident's sources that name this CVE for this incident, note says what is in doubt.
 * Both parse to the object form, so pages and exports read one shape.
 */
const vulnerabilityLinkObjectSchema = z.strictObject({
  cve: cveIdSchema,
  certainty: z.enum(certainties),
  sources: citesSchema,
  note: z.string().trim().optional(),
});
export const vulnerabilityLinkSchema = z.union([
  cveIdSchema.transform((cve): z.output<typeof vulnerabilityLinkObjectSchema> => ({ cve, certainty: 'confirmed', sources: [] })),
  vulnerabilityLinkObjectSchema,
]);
export type VulnerabilityLink = z.output<typeof vulnerabilityLinkSchema>;

/** One thing to learn from the incident, in a sentence a reader can act on. */
export const lessonSchema = z.strictObject({
  text: z.string().trim().min(1).max(280, 'keep a lesson to one sentence (under 280 characters)'),
  /** sourced: a cited source draws this lesson; analysis: ours, from the cited facts. */
  basis: z.enum(factBases),
  sources: citesSchema,
  /** Ids of the controls that put the lesson into practice. */
  controls: z.array(slugSchema).default([]),
});

export const dataExposureSchema = z.strictObject({
  types: z.array(z.enum(dataTypes)).min(1),
  subjects: z.array(z.enum(dataSubjects)).min(1),
  description: z.string().trim().min(1),
  certainty: z.enum(certainties),
  sources: citesSchema,
});

export const serviceDisruptionSchema = z.strictObject({
  service: z.string().trim().min(1),
  description: z.string().trim().min(1),
  sources: citesSchema,
});

export const impactFigureSchema = z.strictObject({
  label: z.string().trim().min(1),
  value: z.number(),
  unit: z.enum(impactUnits),
  /** ">700" is value: 700, qualifier: more-than; "at least 81" is value: 81, qualifier: at-least. */
  qualifier: z.enum(impactQualifiers).default('exact'),
  asOf: partialDateSchema,
  certainty: z.enum(certainties),
  sources: citesSchema,
  note: z.string().trim().optional(),
  /** Figures that share a series id are one measure over time (drawn as a line chart). */
  series: slugSchema.optional(),
});

export const chronologyEventSchema = z.strictObject({
  date: partialDateSchema,
  kind: z.enum(eventKinds),
  event: z.string().trim().min(1),
  certainty: z.enum(certainties).default('confirmed'),
  sources: citesSchema,
});

/** Where sources disagree: said plainly, with both sides cited. */
export const conflictSchema = z.strictObject({
  topic: z.string().trim().min(1),
  detail: z.string().trim().min(1),
  sources: citesSchema,
});

export const incidentSchema = z
  .strictObject({
    title: z.string().trim().min(1),
    /** What a busy clinician needs in 30 seconds: 2 to 4 plain sentences. */
    summary: z.string().trim().min(40, 'the summary should be 2 to 4 plain sentences').max(700, 'keep the summary under 700 characters: it must read in 30 seconds'),
    dates: incidentDatesSchema,
    organisations: z.array(affectedOrganisationSchema).min(1, 'name at least one affected organisation'),
    vendors: z.array(vendorInvolvementSchema).default([]),
    actors: z.array(actorAttributionSchema).default([]),
    /** Why no actor is named, when none is. */
    attributionNote: z.string().trim().optional(),
    attackTypes: z.array(slugSchema).min(1, 'name at least one attack type id'),
    /** CVEs exploited: a bare id when the organisation or an authority names it, else { cve, certainty, sources, note? }. */
    vulnerabilities: z.array(vulnerabilityLinkSchema).default([]),
    techniques: z.array(techniqueUseSchema).default([]),
    initialAccess: z
      .strictObject({ description: z.string().trim().min(1), certainty: z.enum(certainties), sources: citesSchema })
      .optional(),
    dataExposed: z.array(dataExposureSchema).default([]),
    servicesDisrupted: z.array(serviceDisruptionSchema).default([]),
    impact: z.array(impactFigureSchema).default([]),
    /** The standard impact summary: the same fields on every incident; absent means unknown. */
    impactSummary: impactSummarySchema.default({}),
    /** The three things to learn from it, shown at the top of the page. */
    lessons: z.array(lessonSchema).max(3, 'give at most 3 lessons: the panel shows three').default([]),
    chronology: z.array(chronologyEventSchema).min(1, 'give at least one dated event'),
    conflicts: z.array(conflictSchema).default([]),
    /** What is not known, said plainly. */
    unknowns: z.array(z.string().trim().min(1)).default([]),
    controls: z.array(controlLinkSchema).default([]),
    training: trainingSchema,
    sources: z.array(sourceSchema).min(3, 'an incident needs at least 3 sources'),
    /** Why no source is primary, when none is (the organisation's statements known only through the press). */
    noPrimarySource: z.string().trim().min(1).optional(),
    lastReviewed: daySchema,
  })
  .superRefine((incident, ctx) => {
    const sourceIds = new Set<string>();
    incident.sources.forEach((source, index) => {
      if (sourceIds.has(source.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index, 'id'],
          input: source.id,
          message: `source id "${source.id}" is used twice: give each source its own id`,
        });
      }
      sourceIds.add(source.id);
    });
    const hasPrimary = incident.sources.some((s) => s.kind === 'primary');
    if (hasPrimary && incident.noPrimarySource) {
      ctx.addIssue({
        code: 'custom',
        path: ['noPrimarySource'],
        input: incident.noPrimarySource,
        message: 'this incident cites a primary source, so noPrimarySource does not apply: remove it',
      });
    }
    if (!hasPrimary && !incident.noPrimarySource) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        input: incident.sources.map((s) => s.id),
        message: 'an incident needs at least one primary source (the organisation, a regulator, a court, the NAO or a CVE record); if none exists, say why in noPrimarySource',
      });
    }
    const known = [...sourceIds].join(', ');
    const checkCites = (cites: readonly string[], path: (string | number)[]) => {
      cites.forEach((id, i) => {
        if (!sourceIds.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, i],
            input: id,
            message: `cites unknown source "${id}": add it to this incident's sources, or use one of: ${known}`,
          });
        }
      });
    };
    for (const [key, fact] of Object.entries(incident.dates)) {
      if (fact) checkCites(fact.sources, ['dates', key, 'sources']);
    }
    const lists = ['organisations', 'vendors', 'actors', 'vulnerabilities', 'techniques', 'dataExposed', 'servicesDisrupted', 'impact', 'chronology', 'conflicts', 'controls', 'lessons'] as const;
    for (const list of lists) {
      (incident[list] as { sources: string[] }[]).forEach((item, index) => checkCites(item.sources, [list, index, 'sources']));
    }
    if (incident.initialAccess) checkCites(incident.initialAccess.sources, ['initialAccess', 'sources']);
    for (const cite of impactSummaryCites(incident.impactSummary)) checkCites(cite.sources, ['impactSummary', ...cite.path]);
    incident.controls.forEach((link, index) => {
      if (link.basis === 'sourced' && link.sources.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['controls', index, 'sources'],
          input: link.sources,
          message: 'a control marked basis: sourced must cite the source that says so (or mark it basis: analysis)',
        });
      }
    });
    const { started, resolved, detected, disclosed } = incident.dates;
    for (const [name, fact] of [['resolved', resolved], ['detected', detected], ['disclosed', disclosed]] as const) {
      if (fact && !notBefore(fact.date, started.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['dates', name, 'date'],
          input: fact.date.value,
          message: `${name} (${fact.date.value}) is before started (${started.date.value}): check both dates`,
        });
      }
    }
    if (incident.actors.length === 0 && !incident.attributionNote) {
      ctx.addIssue({
        code: 'custom',
        path: ['attributionNote'],
        input: undefined,
        message: 'no actor is named: say why in attributionNote (e.g. "The trust has not named an attacker and no group has claimed it.")',
      });
    }
  });

export type Incident = z.output<typeof incidentSchema>;
export type IncidentInput = z.input<typeof incidentSchema>;
