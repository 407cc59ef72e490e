/** Routes under /training/ (site-absolute; wrap with withBase or <Link>). */
import { paths } from '../urls.ts';

/** A pair's URL segment: both ids, alphabetical, joined by "--vs--" (readable, and unlike any incident id). */
export function pairSlug(a: string, b: string): string {
  return [a, b].sort().join('--vs--');
}

export const trainingPaths = {
  catalogue: () => paths.training(),
  caseStudy: (id: string) => `/training/${id}/`,
  handout: (id: string) => `/training/${id}/handout/`,
  notes: (id: string) => `/training/${id}/notes/`,
  audience: (audience: string) => `/training/audience/${audience}/`,
  topic: (topic: string) => `/training/topic/${topic}/`,
  length: (minutes: number) => `/training/length/${minutes}/`,
  compare: () => '/training/compare/',
  comparePair: (a: string, b: string) => `/training/compare/${pairSlug(a, b)}/`,
} as const;
