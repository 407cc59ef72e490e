/**
 * Filters of the all-incidents timeline: the choices offered, and the URL query that holds the
 * current choice (so a filtered view can be shared). Shared by the page and the browser script.
 *
 * They speak the search page's vocabulary: the same keys (attack-type, attacker, vendor) with the
 * same values, the names readers see (?attack-type=Ransomware&attacker=Qilin), so a filter means
 * one thing across the site. Links shared before that (?type=ransomware&attacker=qilin, with ids)
 * still open the view they showed: ids and the old key are read and the URL rewritten.
 */
import type { FacetKey } from '../facets.ts';

export const filterKeys = ['attack-type', 'attacker', 'vendor'] as const satisfies readonly FacetKey[];
export type FilterKey = (typeof filterKeys)[number];
/** The chosen value of each filter, by name. */
export type FilterState = Partial<Record<FilterKey, string>>;

/** Keys an earlier version of the page wrote into its URL, with ids as values. */
const legacyKeys: Partial<Record<FilterKey, string>> = { 'attack-type': 'type' };

/** Which data-* attribute of a mark each filter reads (space-separated ids). */
export const filterAttributes: Record<FilterKey, 'types' | 'actors' | 'vendors'> = {
  'attack-type': 'types',
  attacker: 'actors',
  vendor: 'vendors',
};

export interface FilterOption {
  id: string;
  name: string;
}

export type FilterChoices = Record<FilterKey, FilterOption[]>;

/**
 * The filters a query string chooses, among the choices offered: a value is a name, or (in a link
 * from before the vocabulary was shared) an id; anything not offered is ignored.
 */
export function readFilterState(search: string, choices: Partial<FilterChoices>): FilterState {
  const params = new URLSearchParams(search);
  const state: FilterState = {};
  for (const key of filterKeys) {
    const legacy = legacyKeys[key];
    const value = params.get(key) ?? (legacy ? params.get(legacy) : null);
    if (!value) continue;
    const option = choices[key]?.find((o) => o.name === value) ?? choices[key]?.find((o) => o.id === value);
    if (option) state[key] = option.name;
  }
  return state;
}

/** The query string for a filter state, keeping any other parameters as they were (old filter keys go). */
export function writeFilterState(search: string, state: FilterState): string {
  const params = new URLSearchParams(search);
  for (const key of filterKeys) {
    const legacy = legacyKeys[key];
    if (legacy) params.delete(legacy);
    const value = state[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when a mark with these ids (per filter) passes every chosen filter (chosen by name). */
export function matchesFilters(ids: Record<FilterKey, readonly string[]>, state: FilterState, choices: Partial<FilterChoices>): boolean {
  return filterKeys.every((key) => {
    const name = state[key];
    if (!name) return true;
    const id = choices[key]?.find((o) => o.name === name)?.id;
    return id !== undefined && ids[key].includes(id);
  });
}

/** Every attack type, attacker and vendor that at least one incident names, sorted by name. */
export function filterChoices(items: readonly { attackTypes: FilterOption[]; actors: FilterOption[]; vendors: FilterOption[] }[]): FilterChoices {
  const collect = (pick: (item: (typeof items)[number]) => FilterOption[]) => {
    const byId = new Map<string, string>();
    for (const item of items) for (const option of pick(item)) byId.set(option.id, option.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
  };
  return { 'attack-type': collect((i) => i.attackTypes), attacker: collect((i) => i.actors), vendor: collect((i) => i.vendors) };
}
