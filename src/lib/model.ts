/**
 * The build-time model: every collection resolved once, with references turned into entries and
 * reverse links (an actor's incidents, a control's incidents...). Pages read this; they never
 * re-derive it. Pure: no Astro imports, so it is unit-tested with plain arrays.
 */
import type { Incident } from '../schemas/incident.ts';
import type { Actor } from '../schemas/actor.ts';
import type { Vendor } from '../schemas/vendor.ts';
import type { Organisation } from '../schemas/organisation.ts';
import type { Vulnerability } from '../schemas/vulnerability.ts';
import type { AttackType } from '../schemas/attack-type.ts';
import type { Control } from '../schemas/control.ts';
import { dateEnd, dateStart } from '../schemas/dates.ts';

export interface Entry<T> {
  id: string;
  data: T;
  body?: string | undefined;
  /** Rendered Markdown HTML (Astro's glob loader keeps it for .md files). */
  rendered?: { html: string } | undefined;
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

type Product = Vendor['products'][number];
type Link<T, X> = { entry: Entry<T> } & X;

export interface ResolvedIncident extends Entry<Incident> {
  year: number;
  /** Start date as an instant (the earliest it can mean), for timelines. */
  start: Date;
  /** Where the incident sits in newest-first lists: see {@link newestFirstDate}. */
  sortDate: Date;
  organisations: Link<Organisation, Incident['organisations'][number]>[];
  vendors: Link<Vendor, Omit<Incident['vendors'][number], 'products'> & { products: Product[] }>[];
  actors: Link<Actor, Incident['actors'][number]>[];
  attackTypes: Entry<AttackType>[];
  vulnerabilities: Entry<Vulnerability>[];
  controls: Link<Control, Incident['controls'][number]>[];
  /** Source id → its number in the incident's numbered source list (1-based). */
  sourceNumbers: Map<string, number>;
}

export interface EntityWithIncidents<T> extends Entry<T> {
  incidents: ResolvedIncident[];
}

export interface VendorWithIncidents extends EntityWithIncidents<Vendor> {
  /** Incidents where this vendor was the compromised supplier. */
  asSupplier: ResolvedIncident[];
  /** Incidents where a product of this vendor was exploited. */
  asProduct: ResolvedIncident[];
}

export interface KnowledgeBase {
  /** Newest first. */
  incidents: ResolvedIncident[];
  incident: Map<string, ResolvedIncident>;
  actors: Map<string, EntityWithIncidents<Actor>>;
  vendors: Map<string, VendorWithIncidents>;
  organisations: Map<string, EntityWithIncidents<Organisation>>;
  vulnerabilities: Map<string, EntityWithIncidents<Vulnerability>>;
  attackTypes: Map<string, EntityWithIncidents<AttackType>>;
  controls: Map<string, EntityWithIncidents<Control>>;
}

function indexBy<T>(entries: Entry<T>[]): Map<string, EntityWithIncidents<T>> {
  const sorted = [...entries].sort((a, b) => a.id.localeCompare(b.id));
  return new Map(sorted.map((e) => [e.id, { ...e, incidents: [] }]));
}

function must<T>(map: Map<string, T>, id: string, what: string, incidentId: string): T {
  const found = map.get(id);
  if (!found) throw new Error(`incident "${incidentId}" refers to unknown ${what} "${id}" (the content check should have caught this: run npm run check:content)`);
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
  const lastDay = new Date(dateEnd(started).getTime() - 86_400_000);
  const cameToLight = [dates.detected, dates.disclosed]
    .filter((fact) => fact !== undefined)
    .map((fact) => dateStart(fact.date).getTime());
  return new Date(Math.min(lastDay.getTime(), ...cameToLight));
}

/** Newest first by {@link newestFirstDate}; ties in id order, so the order never depends on file order. */
export function compareNewestFirst(a: { id: string; sortDate: Date }, b: { id: string; sortDate: Date }): number {
  return b.sortDate.getTime() - a.sortDate.getTime() || a.id.localeCompare(b.id);
}

/** Resolves every reference. Throws on a dangling one (the integrity check reports them first). */
export function buildKnowledgeBase(input: CollectionsInput): KnowledgeBase {
  const actors = indexBy(input.actors);
  const vendorsBase = indexBy(input.vendors);
  const vendors = new Map<string, VendorWithIncidents>(
    [...vendorsBase].map(([id, v]) => [id, { ...v, asSupplier: [], asProduct: [] }]),
  );
  const organisations = indexBy(input.organisations);
  const vulnerabilities = indexBy(input.vulnerabilities);
  const attackTypes = indexBy(input.attackTypes);
  const controls = indexBy(input.controls);

  const incidents: ResolvedIncident[] = input.incidents.map((entry) => {
    const data = entry.data;
    const start = dateStart(data.dates.started.date);
    return {
      ...entry,
      year: start.getUTCFullYear(),
      start,
      sortDate: newestFirstDate(data.dates),
      organisations: data.organisations.map((o) => ({ ...o, entry: must(organisations, o.id, 'organisation', entry.id) })),
      vendors: data.vendors.map((v) => {
        const vendor = must(vendors, v.id, 'vendor', entry.id);
        return {
          ...v,
          entry: vendor,
          products: v.products.map((p) => {
            const product = vendor.data.products.find((candidate) => candidate.id === p);
            if (!product) throw new Error(`incident "${entry.id}" refers to unknown product "${p}" of vendor "${v.id}"`);
            return product;
          }),
        };
      }),
      actors: data.actors.map((a) => ({ ...a, entry: must(actors, a.id, 'actor', entry.id) })),
      attackTypes: data.attackTypes.map((id) => must(attackTypes, id, 'attack type', entry.id)),
      vulnerabilities: data.vulnerabilities.map((cve) => must(vulnerabilities, cve.toLowerCase(), 'vulnerability', entry.id)),
      controls: data.controls.map((c) => ({ ...c, entry: must(controls, c.control, 'control', entry.id) })),
      sourceNumbers: new Map(data.sources.map((s, i) => [s.id, i + 1])),
    };
  });
  incidents.sort(compareNewestFirst);

  for (const incident of incidents) {
    for (const o of incident.organisations) pushOnce(must(organisations, o.id, 'organisation', incident.id).incidents, incident);
    for (const v of incident.vendors) {
      const vendor = must(vendors, v.id, 'vendor', incident.id);
      pushOnce(vendor.incidents, incident);
      pushOnce(v.role === 'compromised-supplier' ? vendor.asSupplier : vendor.asProduct, incident);
    }
    for (const a of incident.actors) pushOnce(must(actors, a.id, 'actor', incident.id).incidents, incident);
    for (const t of incident.attackTypes) pushOnce(must(attackTypes, t.id, 'attack type', incident.id).incidents, incident);
    for (const v of incident.vulnerabilities) {
      pushOnce(must(vulnerabilities, v.id, 'vulnerability', incident.id).incidents, incident);
      // A vulnerable product's vendor is involved even when the incident names only the CVE.
      const vendor = vendors.get(v.data.vendor);
      if (vendor) {
        pushOnce(vendor.incidents, incident);
        pushOnce(vendor.asProduct, incident);
      }
    }
    for (const c of incident.controls) pushOnce(must(controls, c.control, 'control', incident.id).incidents, incident);
  }

  return {
    incidents,
    incident: new Map(incidents.map((i) => [i.id, i])),
    actors,
    vendors,
    organisations,
    vulnerabilities,
    attackTypes,
    controls,
  };
}
