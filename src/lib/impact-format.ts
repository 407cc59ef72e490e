/**
 * The impact summary's values in words, GOV.UK style: "10,152 appointments", "£32.7m", "US$50m",
 * "50 BTC", "about 400 GB", "up to 134 days", "as of June 2024". One place, so the incident page,
 * the incidents table, compare and the charts say a figure the same way.
 */
import type { PartialDate } from '../schemas/dates.ts';
import type { ImpactSummary } from '../schemas/impact-summary.ts';
import { currencySymbols, dataVolumeUnitLabels, impactQualifierWords, type currencies } from '../schemas/vocabularies.ts';
import { formatPartialDate } from './dates-format.ts';
import { countOf, formatCount, type Noun } from './wording.ts';

type SummaryCount = NonNullable<ImpactSummary['appointmentsPostponed']>;
type SummaryMoney = NonNullable<ImpactSummary['cost']>;
type SummaryVolume = NonNullable<ImpactSummary['dataStolen']>;

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "at least ", "about ", "" for an exact figure. */
export function qualifierWords(fact: Pick<SummaryCount, 'qualifier'>): string {
  return impactQualifierWords[fact.qualifier];
}

/** A sum in the currency the source gives: "£32.7m", "US$2m", "£1.2bn", "£168,155", "50 BTC". */
export function formatMoney(value: number, currency: (typeof currencies)[number]): string {
  const { prefix, suffix } = currencySymbols[currency];
  const size = Math.abs(value);
  const amount = size >= 1e9 ? `${oneDecimal.format(value / 1e9)}bn` : size >= 1e6 ? `${oneDecimal.format(value / 1e6)}m` : formatCount(value);
  return `${prefix}${amount}${suffix}`;
}

/** "10,152 appointments", "at least 81 patients", "up to 134 days". */
export function formatSummaryCount(fact: Pick<SummaryCount, 'value' | 'qualifier'>, noun: string | Noun): string {
  return `${qualifierWords(fact)}${countOf(fact.value, noun)}`;
}

/** "£32.7m", "about US$50m". */
export function formatSummaryMoney(fact: Pick<SummaryMoney, 'value' | 'qualifier' | 'currency'>): string {
  return `${qualifierWords(fact)}${formatMoney(fact.value, fact.currency)}`;
}

/** "about 400 GB", "1.2 TB", "6,600,000 records". */
export function formatDataVolume(fact: Pick<SummaryVolume, 'value' | 'qualifier' | 'unit'>): string {
  const amount = fact.unit === 'records' || fact.unit === 'files' ? countOf(fact.value, fact.unit.slice(0, -1)) : `${formatCount(fact.value)} ${dataVolumeUnitLabels[fact.unit]}`;
  return `${qualifierWords(fact)}${amount}`;
}

/** "as of June 2024", "as of 15 October 2024". */
export function asOfText(date: PartialDate): string {
  return `as of ${formatPartialDate(date)}`;
}
