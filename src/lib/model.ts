/**
 * The knowledge base: every collection resolved once per build. References become entries, and
 * every relation a page shows is a field here, computed in this one place: reverse lists (an
 * actor's incidents, a control's uses), the vendor and product behind each CVE, exposure windows,
 * an attack type's parent and children, facet values and search terms. Whole-corpus indexes
 * (browse values, compare pairs, catalogue counts, entity lists) are memoised accessors, worked
 * out the first time a page asks. Views (src/lib/views/) read this; nothing re-derives it.
 * Pure: no Astro imports, so it is unit-tested with plain arrays.
 */
import type { Incident, VulnerabilityLink } from '../schemas/incident.ts';
import type { Actor } from '../schemas/actor.ts';
import type { Vendor } from '../schemas/vendor.ts';
import type { Organisation } from '../schemas/organisation.ts';
import type { Vulnerability } from '../schemas/vulnerability.ts';
import type { AttackType } from '../schemas/attack-type.ts';
import type { Control } from '../schemas/control.ts';
import { dateStart, lastDay } from './partial-dates.ts';
import { exposureWindow, type ExposureWindow } from './exposure.ts';
import { incidentFacets, incidentSearchTerms, type FacetValues, type SearchTerms } from './facets.ts';
import { browseFacets, type BrowseFacet } from './browse.ts';
import { comparePairs, indexComparePairs, type ComparePairIndex } from './training/compare.ts';
import { catalogueFacets, type CatalogueFacets } from './training/catalogue.ts';
import { entityIndexes, type EntityIndexes } from './entity-index.ts';
import { wayInTypesByTechnique } from './ways-in.ts';

export interface Entry<T> {
  id: string;
  data: T;
  body?: string | undefined;
  /** Rendered Markdown HTML (Astro's glob loader keeps it for .md files). */
  rendered?: { html: string } | undefined;
  /** The file it was read from, relative to the project root (content/incidents/x.md): "Suggest a correction" opens it. */
  filePath?: string | undefined;
}

export interface CollectionsInput {
  incidents: Entry<Incident>[];
  actors: Entry<Actor>[];
  vendors: Entry<Vendor>[];
  organisations: Entry<Organisation>[];
  vulnerabilities: Entry<Vulnerability>[];
  attackTypes: Entry<AttackType>[];
  controls: Entry<Control>[];
}

export type Product = Vendor['products'][number];
type Link<T, X> = { entry: T } & X;

export interface EntityWithIncidents<T> extends Entry<T> {
  /** Newest first. */
  incidents: ResolvedIncident[];
}

export type ResolvedActor = EntityWithIncidents<Actor>;
export type ResolvedOrganisation = EntityWithIncidents<Organisation>;

export interface VendorInvolvement {
  role: 'compromised-supplier' | 'vulnerable-product';
  products: Product[];
  /** CVEs of this vendor's products exploited in the incident. */
  cves: string[];
  note?: string | undefined;
  /** The incident's sources for this role (ids in its source list); none when only a CVE ties it in. */
  sources: string[];
}

export interface ResolvedVendor extends EntityWithIncidents<Vendor> {
  /** Incidents where this vendor was the compromised supplier. */
  asSupplier: ResolvedIncident[];
  /** Incidents where a product of this vendor was exploited (named by the incident or through a CVE). */
  asProduct: ResolvedIncident[];
  /** Vulnerabilities recorded against its products, by CVE. */
  vulnerabilities: ResolvedVulnerability[];
  /** Incident id → how this vendor figures in it (see {@link vendorInvolvement}). */
  involvement: Map<string, VendorInvolvement[]>;
}

export interface IncidentExposure {
  incident: ResolvedIncident;
  vulnerability: ResolvedVulnerability;
  window: ExposureWindow;
  /** How sure the incident is that this CVE was the one exploited, with the sources that name it (none of its own for a bare id). */
  link: VulnerabilityLink;
}

export interface ResolvedVulnerability extends EntityWithIncidents<Vulnerability> {
  /** The vendor whose product has the flaw (the content check guarantees it exists). */
  vendor: ResolvedVendor;
  /** The product, when the record names one the vendor lists. */
  product?: Product | undefined;
  /** Its exposure window in each incident that exploited it, newest first. */
  exposures: IncidentExposure[];
}

export interface ResolvedAttackType extends EntityWithIncidents<AttackType> {
  parent?: ResolvedAttackType | undefined;
  /** Narrower types, by name. */
  children: ResolvedAttackType[];
}

export type ControlLink = Link<ResolvedControl, Incident['controls'][number]>;

export interface ControlUse {
  incident: ResolvedIncident;
  link: ControlLink;
}

export interface ResolvedControl extends EntityWithIncidents<Control> {
  /** Every incident where it would have helped, with how, newest first. */
  uses: ControlUse[];
}

export interface ExploitedProduct {
  vendorId: string;
  vendorName: string;
  productNames: string[];
  cves: string[];
  /** Sources the incident gives for the vendor's role; empty when only the CVE ties it in. */
  sources: string[];
  note?: string | undefined;
}

export interface ResolvedIncident extends Entry<Incident> {
  year: number;
  /** Start date as an instant (the earliest it can mean), for timelines. */
  start: Date;
  /** Where the incident sits in newest-first lists: see {@link newestFirstDate}. */
  sortDate: Date;
  organisations: Link<ResolvedOrganisation, Incident['organisations'][number]>[];
  vendors: Link<ResolvedVendor, Omit<Incident['vendors'][number], 'products'> & { products: Product[] }>[];
  actors: Link<ResolvedActor, Incident['actors'][number]>[];
  attackTypes: ResolvedAttackType[];
  vulnerabilities: ResolvedVulnerability[];
  controls: ControlLink[];
  /** Source id → its number in the incident's numbered source list (1-based). */
  sourceNumbers: Map<string, number>;
  /** The exposure window of each of its vulnerabilities, in the incident's order. */
  exposures: IncidentExposure[];
  /**
   * Vulnerable products exploited: the vendors the incident names with the vulnerable-product role,
   * plus the vendor and product behind each of its CVEs, so a flaw recorded only by its CVE still
   * shows whose product it was. One entry per vendor.
   */
  exploitedProducts: ExploitedProduct[];
  /** The search facet values it is filed under (src/lib/facets.ts). */
  facets: FacetValues;
  /** Names and identifiers a reader might search for it by. */
  searchTerms: SearchTerms;
}

export interface KnowledgeBase {
  /** Newest first. */
  incidents: ResolvedIncident[];
  incident: Map<string, ResolvedIncident>;
  actors: Map<string, ResolvedActor>;
  vendors: Map<string, ResolvedVendor>;
  organisations: Map<string, ResolvedOrganisation>;
  /** By lower-case CVE (the file name). */
  vulnerabilities: Map<string, ResolvedVulnerability>;
  attackTypes: Map<string, ResolvedAttackType>;
  controls: Map<string, ResolvedControl>;
  /** The latest review date of any incident (YYYY-MM-DD): when the data as a whole last changed. */
  readonly latestReview: string | undefined;
  /** Memoised: every search facet with its values and their incidents (the browse pages). */
  readonly browse: BrowseFacet[];
  /** Memoised: the incident pairs that get a compare page, looked up by slug and by incident. */
  readonly comparePairs: ComparePairIndex;
  /** Memoised: training catalogue filter values with their counts. */
  readonly catalogueFacets: CatalogueFacets;
  /** Memoised: the entries of each list page (/actors/, /vendors/ ...). */
  readonly entityIndexes: EntityIndexes;
}

function byId<T>(entries: readonly Entry<T>[]): Entry<T>[] {
  return [...entries].sort((a, b) => a.id.localeCompare(b.id));
}

function must<T>(map: ReadonlyMap<string, T>, id: string, what: string, owner: string): T {
  const found = map.get(id);
  if (!found) throw new Error(`${owner} refers to unknown ${what} "${id}" (the content check should have caught this: run npm run check:content)`);
  return found;
}

/**
 * Adds an incident to a reverse list once. Incidents are added one at a time, in order, so a repeat
 * (an incident naming the same entity twice, or a vendor reached through a CVE too) can only be the
 * last item: checking that keeps this linear where `includes` made large lists quadratic.
 */
function pushOnce<T>(list: T[], item: T) {
  if (list.at(-1) !== item) list.push(item);
}

/**
 * The day an incident is placed at in newest-first lists. A start known to the day is that day.
 * A start known only to the month or year is placed at the latest day it can be: the end of that
 * month or year, or the day it was detected or disclosed if that came first, since an attack cannot
 * start after it came to light. Sorting by the first day instead would put an attack that started
 * "some time in 2024" and came to light in November under 1 January.
 */
export function newestFirstDate(dates: Incident['dates']): Date {
  const started = dates.started.date;
  if (started.precision === 'day') return dateStart(started);
  const latest = lastDay(started);
  const cameToLight = [dates.detected, dates.disclosed]
    .filter((fact) => fact !== undefined)
    .map((fact) => dateStart(fact.date).getTime());
  return new Date(Math.min(latest.getTime(), ...cameToLight));
}

/** Newest first by {@link newestFirstDate}; ties in id order, so the order never depends on file order. */
export function compareNewestFirst(a: { id: string; sortDate: Date }, b: { id: string; sortDate: Date }): number {
  return b.sortDate.getTime() - a.sortDate.getTime() || a.id.localeCompare(b.id);
}

/**
 * Vulnerable products exploited in an incident: those it names with the vulnerable-product role,
 * then the products behind its CVEs, grouped by vendor.
 */
function exploitedProductsOf(incident: Pick<ResolvedIncident, 'vendors' | 'vulnerabilities'>): ExploitedProduct[] {
  const byVendor = new Map<string, ExploitedProduct>();
  for (const v of incident.vendors) {
    if (v.role !== 'vulnerable-product') continue;
    byVendor.set(v.id, { vendorId: v.id, vendorName: v.entry.data.name, productNames: v.products.map((p) => p.name), cves: [], sources: v.sources, note: v.note });
  }
  for (const vulnerability of incident.vulnerabilities) {
    const vendor = vulnerability.vendor;
    let entry = byVendor.get(vendor.id);
    if (!entry) {
      entry = { vendorId: vendor.id, vendorName: vendor.data.name, productNames: [], cves: [], sources: [] };
      byVendor.set(vendor.id, entry);
    }
    entry.cves.push(vulnerability.data.cve);
    const productName = vulnerability.product?.name;
    if (productName && !entry.productNames.includes(productName)) entry.productNames.push(productName);
  }
  return [...byVendor.values()];
}

/**
 * How a vendor figures in an incident: as named in the incident's vendors list, plus, when the
 * incident names only a CVE in one of its products, as the maker of the exploited product.
 */
function vendorInvolvement(incident: ResolvedIncident, vendor: ResolvedVendor): VendorInvolvement[] {
  const cves = incident.vulnerabilities.filter((v) => v.vendor === vendor);
  const involvements: VendorInvolvement[] = incident.vendors
    .filter((v) => v.id === vendor.id)
    .map((v) => ({ role: v.role, products: v.products, cves: v.role === 'vulnerable-product' ? cves.map((c) => c.data.cve) : [], note: v.note, sources: v.sources }));
  if (cves.length && !involvements.some((i) => i.role === 'vulnerable-product')) {
    const products = vendor.data.products.filter((p) => cves.some((c) => c.product === p));
    involvements.push({ role: 'vulnerable-product', products, cves: cves.map((c) => c.data.cve), sources: [] });
  }
  return involvements;
}

/** Resolves every reference. Throws on a dangling one (the integrity check reports them first). */
export function buildKnowledgeBase(input: CollectionsInput): KnowledgeBase {
  const actors = new Map<string, ResolvedActor>(byId(input.actors).map((e) => [e.id, { ...e, incidents: [] }]));
  const organisations = new Map<string, ResolvedOrganisation>(byId(input.organisations).map((e) => [e.id, { ...e, incidents: [] }]));
  const vendors = new Map<string, ResolvedVendor>(
    byId(input.vendors).map((e) => [e.id, { ...e, incidents: [], asSupplier: [], asProduct: [], vulnerabilities: [], involvement: new Map() }]),
  );
  const vulnerabilities = new Map<string, ResolvedVulnerability>(
    byId(input.vulnerabilities).map((e) => {
      const vendor = must(vendors, e.data.vendor, 'vendor', `vulnerability "${e.id}"`);
      const product = e.data.product ? vendor.data.products.find((p) => p.id === e.data.product) : undefined;
      return [e.id, { ...e, incidents: [], vendor, product, exposures: [] }];
    }),
  );
  for (const vulnerability of [...vulnerabilities.values()].sort((a, b) => a.data.cve.localeCompare(b.data.cve, 'en', { numeric: true }))) {
    vulnerability.vendor.vulnerabilities.push(vulnerability);
  }
  const attackTypes = new Map<string, ResolvedAttackType>(byId(input.attackTypes).map((e) => [e.id, { ...e, incidents: [], children: [] }]));
  for (const type of [...attackTypes.values()].sort((a, b) => a.data.name.localeCompare(b.data.name))) {
    const parent = type.data.parent ? attackTypes.get(type.data.parent) : undefined;
    type.parent = parent;
    parent?.children.push(type);
  }
  const controls = new Map<string, ResolvedControl>(byId(input.controls).map((e) => [e.id, { ...e, incidents: [], uses: [] }]));
  const wayInTypes = wayInTypesByTechnique(attackTypes.values());

  const incidents: ResolvedIncident[] = input.incidents.map((entry) => {
    const data = entry.data;
    const owner = `incident "${entry.id}"`;
    const start = dateStart(data.dates.started.date);
    const incident: ResolvedIncident = {
      ...entry,
      year: start.getUTCFullYear(),
      start,
      sortDate: newestFirstDate(data.dates),
      organisations: data.organisations.map((o) => ({ ...o, entry: must(organisations, o.id, 'organisation', owner) })),
      vendors: data.vendors.map((v) => {
        const vendor = must(vendors, v.id, 'vendor', owner);
        return {
          ...v,
          entry: vendor,
          products: v.products.map((p) => {
            const product = vendor.data.products.find((candidate) => candidate.id === p);
            if (!product) throw new Error(`${owner} refers to unknown product "${p}" of vendor "${v.id}"`);
            return product;
          }),
        };
      }),
      actors: data.actors.map((a) => ({ ...a, entry: must(actors, a.id, 'actor', owner) })),
      attackTypes: data.attackTypes.map((id) => must(attackTypes, id, 'attack type', owner)),
      vulnerabilities: data.vulnerabilities.map((link) => must(vulnerabilities, link.cve.toLowerCase(), 'vulnerability', owner)),
      controls: data.controls.map((c) => ({ ...c, entry: must(controls, c.control, 'control', owner) })),
      sourceNumbers: new Map(data.sources.map((s, i) => [s.id, i + 1])),
      exposures: [],
      exploitedProducts: [],
      facets: undefined as unknown as FacetValues,
      searchTerms: undefined as unknown as SearchTerms,
    };
    incident.exposures = incident.vulnerabilities.map((vulnerability, index) => ({
      incident,
      vulnerability,
      window: exposureWindow(data.dates.started.date, vulnerability.data),
      link: data.vulnerabilities[index]!,
    }));
    incident.exploitedProducts = exploitedProductsOf(incident);
    incident.facets = incidentFacets(incident, wayInTypes);
    incident.searchTerms = incidentSearchTerms(incident);
    return incident;
  });
  incidents.sort(compareNewestFirst);

  // Newest first, so every reverse list is too.
  for (const incident of incidents) {
    for (const o of incident.organisations) pushOnce(o.entry.incidents, incident);
    for (const v of incident.vendors) {
      pushOnce(v.entry.incidents, incident);
      pushOnce(v.role === 'compromised-supplier' ? v.entry.asSupplier : v.entry.asProduct, incident);
    }
    for (const a of incident.actors) pushOnce(a.entry.incidents, incident);
    for (const t of incident.attackTypes) pushOnce(t.incidents, incident);
    for (const exposure of incident.exposures) {
      const { vulnerability } = exposure;
      pushOnce(vulnerability.incidents, incident);
      vulnerability.exposures.push(exposure);
      // A vulnerable product's vendor is involved even when the incident names only the CVE.
      pushOnce(vulnerability.vendor.incidents, incident);
      pushOnce(vulnerability.vendor.asProduct, incident);
    }
    for (const link of incident.controls) {
      pushOnce(link.entry.incidents, incident);
      link.entry.uses.push({ incident, link });
    }
  }
  for (const vendor of vendors.values()) {
    for (const incident of vendor.incidents) vendor.involvement.set(incident.id, vendorInvolvement(incident, vendor));
  }

  let latestReview: { value: string | undefined } | undefined;
  let browse: BrowseFacet[] | undefined;
  let pairs: ComparePairIndex | undefined;
  let catalogue: CatalogueFacets | undefined;
  let indexes: EntityIndexes | undefined;
  const kb: KnowledgeBase = {
    incidents,
    incident: new Map(incidents.map((i) => [i.id, i])),
    actors,
    vendors,
    organisations,
    vulnerabilities,
    attackTypes,
    controls,
    get latestReview() {
      latestReview ??= { value: incidents.map((i) => i.data.lastReviewed.value).sort().at(-1) };
      return latestReview.value;
    },
    get browse() {
      return (browse ??= browseFacets(incidents));
    },
    get comparePairs() {
      return (pairs ??= indexComparePairs(comparePairs(incidents)));
    },
    get catalogueFacets() {
      return (catalogue ??= catalogueFacets(incidents));
    },
    get entityIndexes() {
      return (indexes ??= entityIndexes(kb));
    },
  };
  return kb;
}
