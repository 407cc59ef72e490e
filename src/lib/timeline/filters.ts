/**
 * Filters of the all-incidents timeline: the choices offered, and the URL query that holds the
 * current choice (so a filtered view can be shared). Shared by the page and the browser script.
 */

export const filterKeys = ['type', 'attacker', 'vendor'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type FilterState = Partial<Record<FilterKey, string>>;

/** Which data-* attribute of a mark each filter reads (space-separated ids). */
export const filterAttributes: Record<FilterKey, 'types' | 'actors' | 'vendors'> = {
  type: 'types',
  attacker: 'actors',
  vendor: 'vendors',
};

export function readFilterState(search: string, allowed: Partial<Record<FilterKey, ReadonlySet<string>>> = {}): FilterState {
  const params = new URLSearchParams(search);
  const state: FilterState = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value && (!allowed[key] || allowed[key].has(value))) state[key] = value;
  }
  return state;
}

/** The query string for a filter state, keeping any other parameters as they were. */
export function writeFilterState(search: string, state: FilterState): string {
  const params = new URLSearchParams(search);
  for (const key of filterKeys) {
    const value = state[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when a mark with these ids (per filter) passes every chosen filter. */
export function matchesFilters(ids: Record<FilterKey, readonly string[]>, state: FilterState): boolean {
  return filterKeys.every((key) => !state[key] || ids[key].includes(state[key]));
}

export interface FilterOption {
  id: string;
  name: string;
}

export interface FilterChoices {
  type: FilterOption[];
  attacker: FilterOption[];
  vendor: FilterOption[];
}

/** Every attack type, attacker and vendor that at least one incident names, sorted by name. */
export function filterChoices(items: readonly { attackTypes: FilterOption[]; actors: FilterOption[]; vendors: FilterOption[] }[]): FilterChoices {
  const collect = (pick: (item: (typeof items)[number]) => FilterOption[]) => {
    const byId = new Map<string, string>();
    for (const item of items) for (const option of pick(item)) byId.set(option.id, option.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
  };
  return { type: collect((i) => i.attackTypes), attacker: collect((i) => i.actors), vendor: collect((i) => i.vendors) };
}
