/**
 * Cache keys for Astro's incremental builds (experimental.incrementalBuild): one per generated
 * path, from a record of everything that path shows. Astro re-renders a path when the code behind
 * its route changed (its module-graph hash) or its cacheKey changed; otherwise it copies last
 * build's output. Code is covered by Astro; content is covered only by what these records hold,
 * so a record that misses something a page shows serves a stale fact. When in doubt a record takes
 * the whole entry: re-rendering a page too often costs milliseconds, a stale page costs trust.
 *
 * Digest levels, from narrow to wide:
 * - entity: an actor, vendor, organisation, attack type, vulnerability or control: data, body, HTML;
 * - incident data: an incident's frontmatter (title, dates, summary, links with their notes...),
 *   for pages that list it (IncidentListItem, case-study cards, feeds of titles);
 * - incident resolved: its frontmatter plus every entity it names (and the vendor behind each of
 *   its CVEs), for pages that show those names (compare tables, feeds' categories);
 * - incident full: resolved plus its prose, for the incident's own pages;
 * - corpus data: every entry's data, for the open-data files, which carry no prose.
 *
 * Records are built from the same model and lib functions the pages render from (browse facets,
 * compare pairs, relations, catalogue facets), once per knowledge base. Pure: no Astro imports.
 */
import { createHash } from 'node:crypto';
import type { Entry, KnowledgeBase, ResolvedIncident } from './model.ts';
import type { FacetKey } from './facets.ts';
import { filterCatalogue, pairsFor } from './training.ts';
import type { CatalogueFilters } from './training-filters.ts';

/** JSON with object keys sorted, Maps as objects with sorted keys, Sets as arrays, Dates as ISO text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, current: unknown) {
    // JSON.stringify calls a Date's toJSON before the replacer sees it: read the holder's raw value.
    const raw = this[key];
    if (raw instanceof Date) return raw.toISOString();
    if (raw instanceof Map) return sortKeys(Object.fromEntries([...raw].map(([k, v]) => [String(k), v])));
    if (raw instanceof Set) return [...raw];
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) return sortKeys(raw as Record<string, unknown>);
    return current;
  });
}

function sortKeys(object: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) sorted[key] = object[key];
  return sorted;
}

/** A short, stable digest of any JSON-able value. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('base64url');
}

/** One cache key per generated path, by route. Every function throws on an id the model does not have. */
export interface PageDigests {
  /** /incidents/<id>/, its handout and trainer notes, its citation files. */
  incident(id: string): string;
  /** /training/<id>/: the incident's page plus its "compare with" links. */
  caseStudy(id: string): string;
  actor(id: string): string;
  vendor(id: string): string;
  organisation(id: string): string;
  attackType(id: string): string;
  vulnerability(id: string): string;
  control(id: string): string;
  actorFeed(id: string): string;
  vendorFeed(id: string): string;
  /** /training/compare/<slug>/ */
  comparePair(slug: string): string;
  /** /browse/<facet>/<slug>/ */
  browseValue(facet: FacetKey, slug: string): string;
  /** /training/audience|topic|length/<value>/: the catalogue filtered, with the whole catalogue's facet counts. */
  trainingCatalogue(filters: CatalogueFilters): string;
  /**
   * The open-data files (/data/<file>.json): every entry's data, in model order. Not prose: the
   * exports carry none (tests/unit/page-digests.test.ts fails if one starts to).
   */
  corpusData(): string;
}

const memo = new WeakMap<KnowledgeBase, PageDigests>();

/** The digests for one knowledge base, memoised: every getStaticPaths of a build shares them. */
export function getPageDigests(kb: KnowledgeBase): PageDigests {
  let digests = memo.get(kb);
  if (!digests) {
    digests = buildPageDigests(kb);
    memo.set(kb, digests);
  }
  return digests;
}

function must<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new Error(`page-digests: no ${what} "${id}" in the knowledge base (a getStaticPaths asked for a key of a page that does not exist)`);
  return value;
}

export function buildPageDigests(kb: KnowledgeBase): PageDigests {
  const entityDigests = new WeakMap<object, string>();
  // The rendered HTML as well as the Markdown source: pages show the HTML.
  const entity = (entry: Pick<Entry<unknown>, 'id' | 'data' | 'body' | 'rendered'>): string => {
    let digest = entityDigests.get(entry);
    if (digest === undefined) {
      digest = digestOf({ id: entry.id, data: entry.data, body: entry.body ?? '', html: entry.rendered?.html ?? '' });
      entityDigests.set(entry, digest);
    }
    return digest;
  };

  const dataDigests = new Map<string, string>();
  const incidentData = (incident: ResolvedIncident): string => {
    let digest = dataDigests.get(incident.id);
    if (digest === undefined) {
      digest = digestOf({ id: incident.id, data: incident.data });
      dataDigests.set(incident.id, digest);
    }
    return digest;
  };

  /** Every entity whose fields an incident's own pages can show, by kind and id. */
  const namedEntities = (incident: ResolvedIncident) => {
    const cveVendors = incident.vulnerabilities.map((v) => v.vendor);
    const pairs = (kind: string, entries: readonly Pick<Entry<unknown>, 'id' | 'data' | 'body' | 'rendered'>[]) => entries.map((e) => [kind, e.id, entity(e)]);
    return [
      ...pairs('actor', incident.actors.map((a) => a.entry)),
      ...pairs('vendor', [...incident.vendors.map((v) => v.entry), ...cveVendors]),
      ...pairs('organisation', incident.organisations.map((o) => o.entry)),
      ...pairs('attack-type', incident.attackTypes),
      ...pairs('vulnerability', incident.vulnerabilities),
      ...pairs('control', incident.controls.map((c) => c.entry)),
    ];
  };

  const resolvedDigests = new Map<string, string>();
  const incidentResolved = (incident: ResolvedIncident): string => {
    let digest = resolvedDigests.get(incident.id);
    if (digest === undefined) {
      digest = digestOf({ data: incidentData(incident), entities: namedEntities(incident) });
      resolvedDigests.set(incident.id, digest);
    }
    return digest;
  };
  const incidentFull = (incident: ResolvedIncident) =>
    digestOf({ resolved: incidentResolved(incident), body: incident.body ?? '', html: incident.rendered?.html ?? '' });

  const incidentById = (id: string) => must(kb.incident.get(id), 'incident', id);

  // Corpus-wide values some pages show whatever their subject.
  let latestReviewed: string | undefined | null = null;
  const latest = () => (latestReviewed === null ? (latestReviewed = kb.latestReview) : latestReviewed);

  const feed = (kind: string, subject: Pick<Entry<unknown>, 'id' | 'data' | 'body' | 'rendered'> & { incidents: ResolvedIncident[] }) =>
    digestOf({
      page: `${kind}-feed`,
      subject: entity(subject),
      incidents: subject.incidents.map(incidentResolved),
      // A feed with no entries is dated by the latest review anywhere.
      latestReview: latest(),
    });

  let corpusDigest: string | undefined;

  return {
    incident: (id) => digestOf({ page: 'incident', incident: incidentFull(incidentById(id)) }),

    caseStudy: (id) => {
      const incident = incidentById(id);
      return digestOf({
        page: 'case-study',
        incident: incidentFull(incident),
        compareWith: pairsFor(kb.comparePairs, id).map(({ pair, other }) => ({ slug: pair.slug, reasons: pair.reasons, other: incidentData(other) })),
      });
    },

    actor: (id) => {
      const actor = must(kb.actors.get(id), 'actor', id);
      return digestOf({ page: 'actor', actor: entity(actor), incidents: actor.incidents.map(incidentData) });
    },

    organisation: (id) => {
      const organisation = must(kb.organisations.get(id), 'organisation', id);
      return digestOf({ page: 'organisation', organisation: entity(organisation), incidents: organisation.incidents.map(incidentData) });
    },

    attackType: (id) => {
      const attackType = must(kb.attackTypes.get(id), 'attack type', id);
      const parent = attackType.parent;
      const children = attackType.children;
      return digestOf({
        page: 'attack-type',
        attackType: entity(attackType),
        parent: parent ? entity(parent) : null,
        children: children.map(entity),
        incidents: attackType.incidents.map(incidentData),
      });
    },

    vulnerability: (id) => {
      const vulnerability = must(kb.vulnerabilities.get(id), 'vulnerability', id);
      const vendor = vulnerability.vendor;
      const exposures = vulnerability.exposures;
      return digestOf({
        page: 'vulnerability',
        vulnerability: entity(vulnerability),
        vendor: vendor ? entity(vendor) : null,
        incidents: vulnerability.incidents.map(incidentData),
        exposures: exposures.map((e) => incidentData(e.incident)),
      });
    },

    vendor: (id) => {
      const vendor = must(kb.vendors.get(id), 'vendor', id);
      const vulnerabilityEntry = (v: Entry<unknown>) => entity(v);
      return digestOf({
        page: 'vendor',
        vendor: entity(vendor),
        // Each listed incident's role line names the products and CVEs it involves.
        incidents: vendor.incidents.map((incident) => ({ incident: incidentData(incident), vulnerabilities: incident.vulnerabilities.map(vulnerabilityEntry) })),
        asSupplier: vendor.asSupplier.map((i) => i.id),
        asProduct: vendor.asProduct.map((i) => i.id),
        vulnerabilities: vendor.vulnerabilities.map((v) => ({
          vulnerability: entity(v),
          exposures: v.exposures.map((e) => incidentData(e.incident)),
        })),
      });
    },

    control: (id) => {
      const control = must(kb.controls.get(id), 'control', id);
      const uses = control.uses;
      return digestOf({ page: 'control', control: entity(control), uses: uses.map((u) => incidentData(u.incident)), incidents: control.incidents.map(incidentData) });
    },

    actorFeed: (id) => feed('actor', must(kb.actors.get(id), 'actor', id)),
    vendorFeed: (id) => feed('vendor', must(kb.vendors.get(id), 'vendor', id)),

    comparePair: (slug) => {
      const pair = must(kb.comparePairs.bySlug.get(slug), 'compare pair', slug);
      return digestOf({
        page: 'compare-pair',
        slug,
        reasons: pair.reasons,
        curated: pair.curated,
        incidents: pair.incidents.map(incidentResolved),
      });
    },

    browseValue: (facetKey, slug) => {
      const facet = must(kb.browse.find((f) => f.key === facetKey), 'browse facet', facetKey);
      const value = must(facet.values.find((v) => v.slug === slug), `value of browse facet ${facetKey}`, slug);
      return digestOf({ page: 'browse', facet: facet.key, label: facet.label, value: value.value, slug, incidents: value.incidents.map(incidentData) });
    },

    trainingCatalogue: (filters) =>
      digestOf({
        page: 'training-catalogue',
        filters,
        facets: kb.catalogueFacets,
        incidents: filterCatalogue(kb.incidents, filters).map(incidentData),
      }),

    corpusData: () =>
      (corpusDigest ??= digestOf({
        page: 'corpus-data',
        incidents: kb.incidents.map(incidentData),
        entities: [kb.actors, kb.vendors, kb.organisations, kb.vulnerabilities, kb.attackTypes, kb.controls].map((map) => [...map.values()].map((e) => ({ id: e.id, data: e.data }))),
      })),
  };
}
