/**
 * Small, pure formatting rules for reading pages: impact figures with their qualifiers, honest
 * notes on date precision, and links to the public registries the content's ids come from.
 */
import type { PartialDate } from '../schemas/dates.ts';
import type { Incident } from '../schemas/incident.ts';
import type { Organisation } from '../schemas/organisation.ts';
import { dataSubjectLabels, dataTypeLabels, impactQualifierWords, impactUnitLabels } from '../schemas/vocabularies.ts';
import type { ImpactSummary } from '../schemas/impact-summary.ts';
import { formatNumber } from './dates-format.ts';
import { agree, countOf } from './wording.ts';

type ImpactFigure = Incident['impact'][number];


/** Units written before the number (currencies) or glued to it (%), the rest after a space. */
const prefixUnits = new Set<ImpactFigure['unit']>(['gbp', 'usd']);
const gluedUnits = new Set<ImpactFigure['unit']>(['percent']);

/** Units that are nouns agree with the count: "1 patient", "1 person", "2 patients". */
function unitWord(unit: ImpactFigure['unit'], value: number): string {
  const label = impactUnitLabels[unit];
  if (!/^[a-z]+s$/.test(label) && unit !== 'people') return label;
  return agree(value, unit === 'people' ? { one: 'person', other: 'people' } : { one: label.slice(0, -1), other: label });
}

/** "more than 1,000 appointments", "about £32,700,000", "up to 45%", "1 patient". */
export function formatImpactValue(figure: Pick<ImpactFigure, 'value' | 'unit' | 'qualifier'>): string {
  const number = formatNumber(figure.value);
  const unit = unitWord(figure.unit, figure.value);
  const amount = prefixUnits.has(figure.unit) ? `${unit}${number}` : gluedUnits.has(figure.unit) ? `${number}${unit}` : `${number} ${unit}`;
  return `${impactQualifierWords[figure.qualifier]}${amount}`;
}

/** A count in the impact summary (days to restore, appointments postponed, people whose data was exposed). */
export type SummaryCount = NonNullable<ImpactSummary['daysToRestore']>;

/** What a date's precision leaves out, said plainly; nothing for a full date. */
export function precisionNote(date: PartialDate): string | undefined {
  if (date.precision === 'month') return 'exact day not public';
  if (date.precision === 'year') return 'month and day not public';
  return undefined;
}

/** The public page of an ATT&CK technique (T1566.001), group (G1050), software (S1242), campaign or mitigation. */
export function attackUrl(id: string): string {
  const [main, sub] = id.split('.');
  const kinds: Record<string, string> = { T: 'techniques', G: 'groups', S: 'software', C: 'campaigns', M: 'mitigations' };
  const kind = kinds[id.charAt(0)];
  if (!kind || !main) throw new Error(`"${id}" is not an ATT&CK id (expected T, G, S, C or M followed by digits)`);
  return `https://attack.mitre.org/${kind}/${main}/${sub ? `${sub}/` : ''}`;
}

/** MITRE's page for a weakness (CWE-288). */
export function cweUrl(id: string): string {
  return `https://cwe.mitre.org/data/definitions/${id.replace(/^CWE-/i, '')}.html`;
}

/** The official CVE record. */
export function cveUrl(cve: string): string {
  return `https://www.cve.org/CVERecord?id=${cve.toUpperCase()}`;
}

/**
 * The full name, followed by the short name readers may know better ("(WUTH)"), unless the full
 * name already contains it ("King's College Hospital NHS Foundation Trust").
 */
export function organisationDisplayName(org: Pick<Organisation, 'name' | 'shortName'>): string {
  return org.shortName && !org.name.includes(org.shortName) ? `${org.name} (${org.shortName})` : org.name;
}

/** "1 incident", "3 incidents", "1,200 incidents". */
export function countIncidents(count: number): string {
  return countOf(count, 'incident');
}

/** Joins names the way people write them: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const regionNames = new Intl.DisplayNames(['en-GB'], { type: 'region' });

/** "RU" → "Russia"; the code itself if the runtime does not know it. */
export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

/**
 * One data exposure in words: "Personal (...); Medical (...), about patients and staff". An
 * "unknown" type or subject is said plainly rather than printed as "Unknown, about unknown".
 */
export function describeDataExposure(exposure: Pick<Incident['dataExposed'][number], 'types' | 'subjects'>): string {
  const types = exposure.types.filter((t) => t !== 'unknown').map((t) => dataTypeLabels[t]);
  const subjects = exposure.subjects.filter((s) => s !== 'unknown').map((s) => dataSubjectLabels[s].toLowerCase());
  const what = types.length === 0 ? 'Data of a kind not made public' : `${types.join('; ')}${types.length < exposure.types.length ? '; and data of a kind not made public' : ''}`;
  if (subjects.length === 0) return `${what}; whose data it was has not been made public`;
  return `${what}, about ${subjects.join(' and ')}${subjects.length < exposure.subjects.length ? ' and others not made public' : ''}`;
}

