/** The case-study catalogue: which case studies match a filter, and how many carry each filter value. */
import { audienceLabels, audiences, trainingTopics } from '../../schemas/vocabularies.ts';
import {
  matchesCatalogueFilters,
  sessionLengthLabel,
  sessionLengths,
  trainingTopicLabels,
  type Audience,
  type CatalogueFilters,
  type CatalogueTags,
  type SessionLength,
  type TrainingTopic,
} from './filters.ts';

export function filterCatalogue<T extends { data: { training: CatalogueTags } }>(incidents: readonly T[], filters: CatalogueFilters): T[] {
  return incidents.filter((incident) => matchesCatalogueFilters(incident.data.training, filters));
}

export interface FacetValue<V> {
  value: V;
  label: string;
  count: number;
}

export interface CatalogueFacets {
  audiences: FacetValue<Audience>[];
  topics: FacetValue<TrainingTopic>[];
  lengths: FacetValue<SessionLength>[];
}

/**
 * Every filter value with how many case studies carry it, in vocabulary order; values no case study
 * has are left out. The knowledge base memoises it (kb.catalogueFacets): at 10,000 incidents the
 * counts cost seconds if every catalogue page recomputes them.
 */
export function catalogueFacets(incidents: readonly { data: { training: CatalogueTags } }[]): CatalogueFacets {
  const count = (has: (tags: CatalogueTags) => boolean) => incidents.filter((i) => has(i.data.training)).length;
  const keep = <V>(values: FacetValue<V>[]) => values.filter((v) => v.count > 0);
  return {
    audiences: keep(audiences.map((value) => ({ value, label: audienceLabels[value], count: count((t) => t.audiences.includes(value)) }))),
    topics: keep(trainingTopics.map((value) => ({ value, label: trainingTopicLabels[value], count: count((t) => t.topics.includes(value)) }))),
    lengths: keep(sessionLengths.map((value) => ({ value, label: sessionLengthLabel(value), count: count((t) => t.sessionLengths.includes(value)) }))),
  };
}
