import { z } from 'astro/zod';
import { citesSchema } from './common.ts';
import { partialDateSchema } from './dates.ts';
import { certainties, currencies, dataVolumeUnits, impactQualifiers, ransomPaymentStatuses } from './vocabularies.ts';

/**
 * The standard impact summary: the same typed fields on every incident, so the at-a-glance panel,
 * the incidents table, compare and the charts can line incidents up. Every field is optional and
 * an absent field means unknown: never write 0 for "no figure was published".
 */

/** A count a source gives, as of a date ("10,152 appointments postponed, as of 2024"). */
export const summaryCountSchema = z.strictObject({
  value: z.number().int('a count is a whole number').nonnegative(),
  /** "at least 81" is value: 81, qualifier: at-least. */
  qualifier: z.enum(impactQualifiers).default('exact'),
  asOf: partialDateSchema,
  certainty: z.enum(certainties),
  sources: citesSchema,
  note: z.string().trim().optional(),
});

/** Money: a cost or a ransom, in the currency the source gives (never converted). */
export const summaryMoneySchema = summaryCountSchema.extend({
  value: z.number().nonnegative(),
  currency: z.enum(currencies),
});

/** How much data was taken, in the unit the source gives. */
export const summaryDataVolumeSchema = summaryCountSchema.extend({
  value: z.number().nonnegative(),
  unit: z.enum(dataVolumeUnits),
});

/** Harm to patients: what is known, how sure, and counts where a source gives them. */
export const summaryHarmSchema = z.strictObject({
  /** One or two plain sentences: what the sources say about harm to patients. */
  description: z.string().trim().min(1),
  certainty: z.enum(certainties),
  sources: citesSchema,
  deaths: summaryCountSchema.optional(),
  /** Cases of severe or serious harm, as the source counts them. */
  seriousHarm: summaryCountSchema.optional(),
});

/** Whether a ransom was paid, as a source states it. Absent: unknown. */
export const ransomPaymentSchema = z.strictObject({
  status: z.enum(ransomPaymentStatuses),
  certainty: z.enum(certainties),
  sources: citesSchema,
  note: z.string().trim().optional(),
});

export const summaryRansomSchema = z.strictObject({
  /** The sum demanded. An attacker's own figure is certainty: claimed. */
  demanded: summaryMoneySchema.optional(),
  payment: ransomPaymentSchema.optional(),
});

export const impactSummarySchema = z.strictObject({
  /** Days from the start until core services were restored. */
  daysToRestore: summaryCountSchema.optional(),
  appointmentsPostponed: summaryCountSchema.optional(),
  proceduresPostponed: summaryCountSchema.optional(),
  /** Patients whose care was affected, or who were notified; say which in the note. */
  patientsAffected: summaryCountSchema.optional(),
  /** People whose personal data was exposed or stolen. */
  peopleDataExposed: summaryCountSchema.optional(),
  dataStolen: summaryDataVolumeSchema.optional(),
  harm: summaryHarmSchema.optional(),
  cost: summaryMoneySchema.optional(),
  ransom: summaryRansomSchema.optional(),
});
export type ImpactSummary = z.output<typeof impactSummarySchema>;

/** The summary's fields, in the order readers see them. */
export const impactSummaryFields = [
  'daysToRestore',
  'appointmentsPostponed',
  'proceduresPostponed',
  'patientsAffected',
  'peopleDataExposed',
  'dataStolen',
  'harm',
  'cost',
  'ransom',
] as const satisfies readonly (keyof ImpactSummary)[];

/** Every source id the summary cites, with the path of the fact that cites it. */
export function impactSummaryCites(summary: ImpactSummary): { path: (string | number)[]; sources: string[] }[] {
  const cites: { path: (string | number)[]; sources: string[] }[] = [];
  const add = (path: (string | number)[], fact: { sources: string[] } | undefined) => {
    if (fact) cites.push({ path: [...path, 'sources'], sources: fact.sources });
  };
  for (const key of ['daysToRestore', 'appointmentsPostponed', 'proceduresPostponed', 'patientsAffected', 'peopleDataExposed', 'dataStolen', 'cost'] as const) {
    add([key], summary[key]);
  }
  add(['harm'], summary.harm);
  add(['harm', 'deaths'], summary.harm?.deaths);
  add(['harm', 'seriousHarm'], summary.harm?.seriousHarm);
  add(['ransom', 'demanded'], summary.ransom?.demanded);
  add(['ransom', 'payment'], summary.ransom?.payment);
  return cites;
}
