/**
 * What the search index knows about an incident beyond its prose: the facet (filter) values a
 * reader ticks on the search page, and the other names people type for the things it involves.
 * Every value is a name from an entity file or a label from the closed vocabularies, so the same
 * attacker, supplier or region is never spelled two ways across incidents. Pure: no Astro imports.
 */
import type { ResolvedIncident } from './model.ts';
import {
  attributionLabels,
  dataTypeLabels,
  organisationTypeLabels,
  regionLabels,
} from '../schemas/vocabularies.ts';
import { waysIn, type WayInAttackType } from './ways-in.ts';

/**
 * Facet keys, in the order the search page shows them. They double as Pagefind filter names and
 * as URL query parameters (/search/?q=ivanti&attack-type=Ransomware), so they are part of links
 * people share: rename one only with a redirect plan.
 */
export const facetKeys = [
  'attack-type',
  'attacker',
  'vendor',
  'product',
  'organisation',
  'organisation-type',
  'region',
  'year',
  'data-exposed',
  'attribution',
  'way-in',
] as const;
export type FacetKey = (typeof facetKeys)[number];

export const facetLabels: Record<FacetKey, string> = {
  'attack-type': 'Attack type',
  attacker: 'Attacker',
  vendor: 'Supplier or vendor',
  product: 'Product',
  organisation: 'Affected organisation',
  'organisation-type': 'Organisation type',
  region: 'Region',
  year: 'Year',
  'data-exposed': 'Data exposed',
  attribution: 'Attribution',
  'way-in': 'How they got in',
};

/**
 * The search page's filters: the incident facets, after one every searchable page carries, the
 * kind of page ("Incident", "Case study", "Attacker"...: BaseLayout files each page under its
 * view's searchKind), so a reader can keep to case studies, or to incidents.
 */
export const searchFacetKeys = ['kind', ...facetKeys] as const;
export type SearchFacetKey = (typeof searchFacetKeys)[number];
export const searchFacetLabels: Record<SearchFacetKey, string> = { kind: 'Kind of page', ...facetLabels };

/** The kind of page incidents are filed under (the incident view's searchKind). */
export const incidentKind = 'Incident';

/** The attribution facet's value for an incident that names no attacker. */
export const unattributedLabel = 'No attacker named';

export type FacetValues = Record<FacetKey, string[]>;

/** Names and identifiers people type that the incident's prose may not contain. */
export interface SearchTerms {
  /**
   * The incident's own title, then its attackers, suppliers, products and organisations: canonical
   * names with every alias. The title is here so that the incident outranks pages that merely
   * repeat it (its case study, lists of incidents) on the words of its own name.
   */
  names: string[];
  /** CVE ids and the names and aliases of the vulnerabilities. */
  identifiers: string[];
}

function unique(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed && !seen.has(trimmed)) {
      seen.add(trimmed);
      out.push(trimmed);
    }
  }
  return out;
}

/** What facets and search terms read from an incident (the knowledge base stores the results on it). */
type IncidentLinks = Pick<ResolvedIncident, 'data' | 'year' | 'attackTypes' | 'actors' | 'vendors' | 'vulnerabilities' | 'organisations'>;

/**
 * The facet values an incident is filed under. The vendors and products behind its CVEs count too,
 * though the incident need not list them itself. How they got in is derived from its initial-access
 * techniques and attack types (src/lib/ways-in.ts; `wayInTypes` maps each technique to the attack
 * type that lists it). The knowledge base computes this once per incident.
 */
export function incidentFacets(incident: IncidentLinks, wayInTypes: ReadonlyMap<string, WayInAttackType>): FacetValues {
  const fromCves = incident.vulnerabilities;
  const organisations = incident.organisations.map((o) => o.entry.data);
  const dataTypes = incident.data.dataExposed.flatMap((exposure) => exposure.types);
  return {
    'attack-type': unique(incident.attackTypes.map((t) => t.data.name)),
    attacker: unique(incident.actors.map((a) => a.entry.data.name)),
    vendor: unique([...incident.vendors.map((v) => v.entry.data.name), ...fromCves.map((c) => c.vendor.data.name)]),
    product: unique([
      ...incident.vendors.flatMap((v) => v.products.map((p) => p.name)),
      ...fromCves.flatMap((c) => (c.product ? [c.product.name] : [])),
    ]),
    organisation: unique(organisations.map((o) => o.name)),
    'organisation-type': unique(organisations.map((o) => organisationTypeLabels[o.type])),
    region: unique(organisations.map((o) => regionLabels[o.region])),
    year: [String(incident.year)],
    'data-exposed': unique(dataTypes.map((type) => dataTypeLabels[type])),
    attribution:
      incident.actors.length === 0 ? [unattributedLabel] : unique(incident.actors.map((a) => attributionLabels[a.attribution])),
    'way-in': waysIn(incident, wayInTypes),
  };
}

/** Every name and identifier a reader might search for this incident by, its own title and canonical names first. */
export function incidentSearchTerms(incident: IncidentLinks): SearchTerms {
  const fromCves = incident.vulnerabilities;
  const names = unique([
    incident.data.title,
    ...incident.actors.flatMap((a) => [a.entry.data.name, ...a.entry.data.aliases.map((alias) => alias.name)]),
    ...incident.vendors.flatMap((v) => [v.entry.data.name, ...v.entry.data.aliases]),
    ...incident.vendors.flatMap((v) => v.products.flatMap((p) => [p.name, ...p.aliases])),
    ...fromCves.flatMap((c) => [c.vendor.data.name, ...c.vendor.data.aliases]),
    ...fromCves.flatMap((c) => (c.product ? [c.product.name, ...c.product.aliases] : [])),
    ...incident.organisations.flatMap((o) => [o.entry.data.name, ...(o.entry.data.shortName ? [o.entry.data.shortName] : [])]),
  ]);
  const identifiers = unique(
    incident.vulnerabilities.flatMap((v) => [v.data.cve, v.data.name, ...v.data.aliases]),
  );
  return { names, identifiers };
}

/**
 * The day the incident is placed at in newest-first lists (the model's sortDate: a start known only
 * to the month or year counts as its latest possible day), as YYYY-MM-DD, so that browsing on the
 * search page orders incidents as every other list on the site does.
 */
export function incidentSortDate(incident: ResolvedIncident): string {
  return incident.sortDate.toISOString().slice(0, 10);
}

/**
 * Parses filter selections from a query string: only known keys, values kept as given, order
 * preserved, duplicates dropped. Shared by the search page script and the tests.
 */
export function facetsFromQuery(params: URLSearchParams): Partial<Record<SearchFacetKey, string[]>> {
  const selected: Partial<Record<SearchFacetKey, string[]>> = {};
  for (const key of searchFacetKeys) {
    const values = unique(params.getAll(key));
    if (values.length > 0) selected[key] = values;
  }
  return selected;
}

/** The query string for a search: q first, then filters in display order. Empty parts are left out. */
export function searchQueryString(query: string, selected: Partial<Record<SearchFacetKey, string[]>>): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  for (const key of searchFacetKeys) {
    for (const value of unique(selected[key] ?? [])) params.append(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind metadata keys that carry the search terms on incident pages. */
export const searchMeta = { names: 'names', identifiers: 'identifiers', kind: 'kind' } as const;

/**
 * Ranking given to the search page's Pagefind instance. A name or CVE a reader types should put
 * the incident it belongs to first, above pages that only mention it in passing, so matches in
 * those metadata fields count for more than the page title (Pagefind's default title weight is 5).
 */
export const searchRanking = {
  // Incident pages are long (the panel, the write-up, the chronology); Pagefind's default length
  // penalty (0.75) let a short supplier page that mentions a term once outrank the incident the
  // term belongs to ("IMEI" put Ivanti's page above the UCLH incident). Half as strong a penalty.
  pageLength: 0.5,
  metaWeights: { title: 5, [searchMeta.names]: 7, [searchMeta.identifiers]: 7 },
} as const;
