/** Routes under /training/ (site-absolute; wrap with withBase or <Link>). */
import { paths } from '../urls.ts';

/** A pair's URL segment: both ids, alphabetical, joined by "--vs--" (readable, and unlike any incident id). */
export function pairSlug(a: string, b: string): string {
  return [a, b].sort().join('--vs--');
}

export const trainingPaths = {
  catalogue: () => paths.training(),
  /** The case study: read on screen, printed as the handout, the trainer notes or the inject cards, projected as slides. */
  caseStudy: (id: string) => `/training/${id}/`,
  guide: () => '/training/guide/',
  audience: (audience: string) => `/training/audience/${audience}/`,
  topic: (topic: string) => `/training/topic/${topic}/`,
  length: (minutes: number) => `/training/length/${minutes}/`,
  compare: () => '/training/compare/',
  /** The prerendered page of a pair (only each incident's closest match has one: kb.comparePairs). */
  comparePair: (a: string, b: string) => `/training/compare/${pairSlug(a, b)}/`,
  /** Any incidents side by side, drawn in the browser from the compare data (?incident=a&incident=b). */
  compareAny: (...ids: string[]) => `/training/compare/?${ids.map((id) => `incident=${encodeURIComponent(id)}`).join('&')}`,
} as const;
