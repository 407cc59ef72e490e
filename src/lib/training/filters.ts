/**
 * The case-study catalogue's filters: parsed from and written to the URL, matched against a case
 * study's tags. No schema imports (zod), so the catalogue's small client script can use it as is.
 */
import type { Incident } from '../../schemas/incident.ts';
import { audienceLabels, audiences, trainingTopics } from '../../schemas/vocabularies.ts';

export type Audience = (typeof audiences)[number];
export type TrainingTopic = (typeof trainingTopics)[number];
/** Session lengths the training schema allows, in minutes (a type-only import: no zod in the browser). */
export type SessionLength = Incident['training']['sessionLengths'][number];
export const sessionLengths: readonly SessionLength[] = [30, 60, 90];
export const sessionLengthLabel = (minutes: number) => `${minutes} minutes`;

/** A label as it reads mid-sentence: "Boards and executives" → "boards and executives", but "IT and cyber…" keeps its capitals. */
export function inSentence(label: string): string {
  const firstWord = label.split(/\s/, 1)[0] ?? '';
  return firstWord.length > 1 && firstWord === firstWord.toUpperCase() ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

export const trainingTopicLabels: Record<TrainingTopic, string> = {
  ransomware: 'Ransomware',
  'supplier-failure': 'Supplier failure',
  'clinical-impact': 'Clinical impact',
  'data-breach': 'Data breach',
  patching: 'Patching and vulnerable systems',
  'identity-and-access': 'Identity and access',
  'business-continuity': 'Business continuity',
  communications: 'Communications',
  regulation: 'Regulation and enforcement',
};

export interface CatalogueFilters {
  audience?: Audience;
  topic?: TrainingTopic;
  length?: SessionLength;
}

/** What the catalogue filters on; the training block of an incident has this shape. */
export interface CatalogueTags {
  audiences: readonly string[];
  topics: readonly string[];
  sessionLengths: readonly number[];
}

const isAudience = (value: string): value is Audience => (audiences as readonly string[]).includes(value);
const isTopic = (value: string): value is TrainingTopic => (trainingTopics as readonly string[]).includes(value);
const isLength = (value: number): value is SessionLength => (sessionLengths as readonly number[]).includes(value);

/** Reads filters from a query string (?audience=eprr&topic=ransomware&length=60); unknown values are ignored. */
export function parseCatalogueFilters(params: URLSearchParams): CatalogueFilters {
  const filters: CatalogueFilters = {};
  const audience = params.get('audience') ?? '';
  const topic = params.get('topic') ?? '';
  const length = Number(params.get('length') ?? '');
  if (isAudience(audience)) filters.audience = audience;
  if (isTopic(topic)) filters.topic = topic;
  if (isLength(length)) filters.length = length;
  return filters;
}

/** The canonical query string for filters ("" when none), so a filtered catalogue can be shared. */
export function catalogueQuery(filters: CatalogueFilters): string {
  const params = new URLSearchParams();
  if (filters.audience) params.set('audience', filters.audience);
  if (filters.topic) params.set('topic', filters.topic);
  if (filters.length) params.set('length', String(filters.length));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when a case study fits every filter that is set. */
export function matchesCatalogueFilters(tags: CatalogueTags, filters: CatalogueFilters): boolean {
  if (filters.audience && !tags.audiences.includes(filters.audience)) return false;
  if (filters.topic && !tags.topics.includes(filters.topic)) return false;
  if (filters.length && !tags.sessionLengths.includes(filters.length)) return false;
  return true;
}

/** Describes active filters in words, e.g. "for Boards and executives, on Ransomware, that run in 60 minutes". */
export function describeFilters(filters: CatalogueFilters): string {
  const parts: string[] = [];
  if (filters.audience) parts.push(`for ${inSentence(audienceLabels[filters.audience])}`);
  if (filters.topic) parts.push(`on ${inSentence(trainingTopicLabels[filters.topic])}`);
  if (filters.length) parts.push(`that run in ${sessionLengthLabel(filters.length)}`);
  return parts.join(', ');
}
