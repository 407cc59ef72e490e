/**
 * /data/stix-bundle.json: the knowledge base as a STIX 2.1 bundle for threat-intelligence platforms
 * (OpenCTI, MISP). Ids are UUIDv5 of what each object is, and created/modified come from review
 * dates, so a re-import updates the objects it imported before and two builds give the same bytes.
 */
import type { EntityWithIncidents, KnowledgeBase, ResolvedIncident } from '../model.ts';
import { dateStart, type PartialDate } from '../partial-dates.ts';
import {
  attributionLabels,
  certaintyLabels,
  controlFrameworkLabels,
  organisationRoleLabels,
  organisationTypeLabels,
  regionLabels,
  vendorRoleLabels,
} from '../../schemas/vocabularies.ts';
import type { Organisation } from '../../schemas/organisation.ts';
import type { ImpactSummary } from '../../schemas/impact-summary.ts';
import type { Certainty } from '../../schemas/vocabularies.ts';
import { siteName, siteTagline } from '../site.ts';
import { paths } from '../urls.ts';
import { attackUrl } from './attack.ts';
import { cveLinks } from './cve-links.ts';
import { absoluteUrl, dataPaths, type SiteContext } from './site-url.ts';
import { stixNamespace, uuidV5 } from './uuid.ts';

export interface StixObject {
  type: string;
  spec_version: '2.1';
  id: string;
  created: string;
  modified: string;
  [property: string]: unknown;
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

interface ExternalReference {
  source_name: string;
  description?: string;
  url?: string;
  external_id?: string;
}

/**
 * When this export format was defined. The knowledge base's own identity and the extension
 * definition carry it: they describe the export, not any content, so no review date applies.
 */
export const exportDefinedOn = '2026-11-29';

/**
 * Relationship types STIX 2.1 defines for the pairs this bundle uses (spec section 4 tables), plus
 * related-to, which the spec allows between any two objects.
 */
export const stixSpecRelationships: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'threat-actor': { identity: ['attributed-to', 'impersonates', 'targets'], vulnerability: ['targets'], 'attack-pattern': ['uses'] },
  'course-of-action': { 'attack-pattern': ['mitigates'], vulnerability: ['mitigates', 'remediates'] },
  'attack-pattern': { identity: ['targets'], vulnerability: ['targets'] },
};

/**
 * The spec's incident object is a stub with no relationships of its own. Platforms that model
 * incidents use these (OpenCTI: incident attributed-to threat actor, targets identity and
 * vulnerability, uses attack pattern; Cisco CTIM: course of action mitigates incident). We use
 * them, and nothing else, so a consumer knows the full set.
 */
export const incidentRelationshipConventions: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  incident: { 'threat-actor': ['attributed-to'], identity: ['targets'], vulnerability: ['targets'], 'attack-pattern': ['uses'] },
  'course-of-action': { incident: ['mitigates'] },
};

/**
 * A certainty as a STIX confidence (0-100), using the spec's own None/Low/Med/High scale (STIX 2.1
 * Appendix A), whose values are 85 for High, 50 for Med and 15 for Low. Confirmed is High; claimed
 * (the attacker's own word) and reported (press or researchers) are Med; suspected is Low. The
 * relationship's description says which label it was.
 */
export const certaintyConfidence: Readonly<Record<Certainty, number>> = { confirmed: 85, claimed: 50, reported: 50, suspected: 15 };

/** How sure two linked claims are together (an actor used a technique: the attribution and the technique): the weaker of the two. */
const jointConfidence = (...certainties: Certainty[]) => Math.min(...certainties.map((c) => certaintyConfidence[c]));

type TechniqueUse = ResolvedIncident['data']['techniques'][number];
/** A technique's certainty and basis in words: "reported, our analysis" or "confirmed, named by a cited source". */
const techniqueBasis = (t: TechniqueUse) => `${certaintyLabels[t.certainty].toLowerCase()}, ${t.basis === 'analysis' ? 'our analysis' : 'named by a cited source'}`;

/** True when `type` is allowed from `source` to `target` by the spec or by the incident conventions above. */
export function relationshipAllowed(source: string, type: string, target: string): boolean {
  if (type === 'related-to') return true;
  return [stixSpecRelationships, incidentRelationshipConventions].some((table) => table[source]?.[target]?.includes(type) ?? false);
}

/** STIX 2.1 industry-sector-ov sectors for an organisation: all are health bodies; some also government. */
export function organisationSectors(organisation: Organisation): string[] {
  if (organisation.type === 'government') return ['healthcare', 'government-national'];
  if (organisation.type === 'local-authority') return ['healthcare', 'government-local'];
  return ['healthcare'];
}

const stixTime = (day: string) => `${day}T00:00:00.000Z`;
const partialTime = (date: PartialDate) => dateStart(date).toISOString();

/** A STIX id: the type, then UUIDv5 of a key naming the thing (never a random or time-based value). */
export function stixId(type: string, key: string): string {
  return `${type}--${uuidV5(stixNamespace, `${type}|${key}`)}`;
}

function reviewSpan(incidents: readonly ResolvedIncident[]): { created: string; modified: string } {
  const days = incidents.map((i) => i.data.lastReviewed.value).sort();
  const first = days[0];
  const last = days.at(-1);
  return first && last ? { created: stixTime(first), modified: stixTime(last) } : { created: stixTime(exportDefinedOn), modified: stixTime(exportDefinedOn) };
}

/** Drops absent values, empty lists and empty objects: STIX forbids empty lists (section 2.12) and an empty object says nothing. */
const compact = <T extends Record<string, unknown>>(object: T): T => Object.fromEntries(Object.entries(object).filter(([, value]) => !isEmpty(value))) as T;

/** Version of the incident property extension: 1.1 added impact_summary, no_primary_source and impact series. */
export const extensionVersion = '1.1.0';

type SummaryCount = NonNullable<ImpactSummary['daysToRestore']>;

/** The impact summary in the extension's snake case, every field the content gives and none it does not. */
function impactSummaryExtension(summary: ImpactSummary, date: (p: PartialDate) => { value: string; precision: string }) {
  const count = (c: SummaryCount | undefined) => (c ? compact({ value: c.value, qualifier: c.qualifier, as_of: date(c.asOf), certainty: c.certainty, note: c.note }) : undefined);
  const { harm, ransom } = summary;
  return compact({
    days_to_restore: count(summary.daysToRestore),
    appointments_postponed: count(summary.appointmentsPostponed),
    procedures_postponed: count(summary.proceduresPostponed),
    patients_affected: count(summary.patientsAffected),
    people_data_exposed: count(summary.peopleDataExposed),
    data_stolen: summary.dataStolen ? { ...count(summary.dataStolen), unit: summary.dataStolen.unit } : undefined,
    harm: harm ? compact({ description: harm.description, certainty: harm.certainty, deaths: count(harm.deaths), serious_harm: count(harm.seriousHarm) }) : undefined,
    cost: summary.cost ? { ...count(summary.cost), currency: summary.cost.currency } : undefined,
    ransom: ransom
      ? compact({
          demanded: ransom.demanded ? { ...count(ransom.demanded), currency: ransom.demanded.currency } : undefined,
          payment: ransom.payment ? compact({ status: ransom.payment.status, certainty: ransom.payment.certainty, note: ransom.payment.note }) : undefined,
        })
      : undefined,
  });
}

const isEmpty = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

export function buildStixBundle(kb: KnowledgeBase, ctx: SiteContext): StixBundle {
  const at = (path: string) => absoluteUrl(ctx, path);
  const siteRef = (path: string, externalId?: string): ExternalReference => compact({ source_name: siteName, url: at(path), external_id: externalId });
  const sourceRefs = (sources: readonly { publisher: string; title: string; url: string }[]): ExternalReference[] =>
    sources.map((s) => ({ source_name: s.publisher, description: s.title, url: s.url }));

  const creator = stixId('identity', 'knowledge-base');
  const extensionId = stixId('extension-definition', 'incident-details-v1');
  const common = (type: string, key: string, span: { created: string; modified: string }) => ({
    type,
    spec_version: '2.1' as const,
    id: stixId(type, key),
    created_by_ref: creator,
    ...span,
  });

  const objects: StixObject[] = [];
  const relationships: StixObject[] = [];
  // A Set, not a scan of the list: at 10,000 incidents the scan made this one file take minutes.
  const relationshipIds = new Set<string>();
  /** An incident's own sources, by id, as external references. */
  const citedRefs = (incident: ResolvedIncident, ids: readonly string[]) =>
    sourceRefs(ids.map((id) => incident.data.sources.find((s) => s.id === id)).filter((s) => s !== undefined));
  const relate = (
    sourceRef: string,
    type: string,
    targetRef: string,
    incident: ResolvedIncident,
    description: string,
    extra: { certainty?: Certainty; sources?: readonly string[] } = {},
  ) => {
    const day = stixTime(incident.data.lastReviewed.value);
    const id = stixId('relationship', `${type}|${sourceRef}|${targetRef}`);
    // A record that lists the same link twice still gives one relationship.
    if (relationshipIds.has(id)) return;
    relationshipIds.add(id);
    relationships.push(
      compact({
        type: 'relationship',
        spec_version: '2.1' as const,
        id,
        created_by_ref: creator,
        created: day,
        modified: day,
        relationship_type: type,
        source_ref: sourceRef,
        target_ref: targetRef,
        description,
        confidence: extra.certainty ? certaintyConfidence[extra.certainty] : undefined,
        external_references: [siteRef(paths.incident(incident.id), incident.id), ...citedRefs(incident, extra.sources ?? [])],
      }),
    );
  };

  objects.push({
    type: 'identity',
    spec_version: '2.1',
    id: creator,
    created: stixTime(exportDefinedOn),
    modified: stixTime(exportDefinedOn),
    name: siteName,
    description: siteTagline,
    identity_class: 'organization',
    external_references: [siteRef(paths.home())],
  });
  objects.push({
    type: 'extension-definition',
    spec_version: '2.1',
    id: extensionId,
    created_by_ref: creator,
    created: stixTime(exportDefinedOn),
    modified: stixTime(exportDefinedOn),
    name: 'NHS cyber incident details',
    description: 'Dates with their precision, impact figures, the standard impact summary, data exposed and services disrupted for an incident, as in /data/incidents.json.',
    schema: `${at(dataPaths.page)}#stix`,
    version: extensionVersion,
    extension_types: ['property-extension'],
  });

  for (const incident of kb.incidents) {
    const d = incident.data;
    const stamp = stixTime(d.lastReviewed.value);
    const date = (p: PartialDate | undefined) => (p ? { value: p.value, precision: p.precision } : undefined);
    objects.push({
      ...common('incident', incident.id, { created: stamp, modified: stamp }),
      name: d.title,
      description: d.summary,
      labels: d.attackTypes,
      external_references: [siteRef(paths.incident(incident.id), incident.id)],
      extensions: {
        [extensionId]: compact({
          extension_type: 'property-extension',
          permalink: at(paths.incident(incident.id)),
          last_reviewed: d.lastReviewed.value,
          started: date(d.dates.started.date),
          detected: date(d.dates.detected?.date),
          disclosed: date(d.dates.disclosed?.date),
          resolved: date(d.dates.resolved?.date),
          impact: d.impact.map((f) => compact({ label: f.label, value: f.value, unit: f.unit, qualifier: f.qualifier, as_of: date(f.asOf), certainty: f.certainty, series: f.series })),
          impact_summary: impactSummaryExtension(d.impactSummary, (p) => ({ value: p.value, precision: p.precision })),
          data_exposed: d.dataExposed.map((x) => ({ types: x.types, subjects: x.subjects, description: x.description, certainty: x.certainty })),
          services_disrupted: d.servicesDisrupted.map((s) => ({ service: s.service, description: s.description })),
          attribution_note: d.attributionNote,
          no_primary_source: d.noPrimarySource,
        }),
      },
    });
  }

  for (const actor of kb.actors.values()) {
    const data = actor.data;
    objects.push(
      compact({
        ...common('threat-actor', actor.id, reviewSpan(actor.incidents)),
        name: data.name,
        description: data.summary,
        aliases: data.aliases.map((a) => a.name),
        threat_actor_types: [data.type],
        primary_motivation: data.motivation,
        first_seen: data.firstSeen ? partialTime(data.firstSeen) : undefined,
        labels: data.ransomwareAsAService ? ['ransomware-as-a-service'] : undefined,
        external_references: [
          siteRef(paths.actor(actor.id), actor.id),
          ...data.attackIds.map((attackId) => ({ source_name: 'mitre-attack', external_id: attackId, url: attackUrl(attackId) })),
          ...sourceRefs(data.sources),
        ],
      }),
    );
  }

  const organisationDescription = (o: EntityWithIncidents<Organisation>) =>
    [o.data.summary, `${organisationTypeLabels[o.data.type]}, ${regionLabels[o.data.region]}.`].filter(Boolean).join(' ');
  for (const organisation of kb.organisations.values()) {
    objects.push(
      compact({
        ...common('identity', `organisation|${organisation.id}`, reviewSpan(organisation.incidents)),
        name: organisation.data.name,
        description: organisationDescription(organisation),
        identity_class: 'organization',
        sectors: organisationSectors(organisation.data),
        external_references: [
          siteRef(paths.organisation(organisation.id), organisation.id),
          ...(organisation.data.odsCode ? [{ source_name: 'nhs-ods', external_id: organisation.data.odsCode }] : []),
          ...(organisation.data.website ? [{ source_name: organisation.data.name, url: organisation.data.website }] : []),
        ],
      }),
    );
  }

  for (const vendor of kb.vendors.values()) {
    const data = vendor.data;
    const products = data.products.map((p) => p.name).join(', ');
    objects.push(
      compact({
        ...common('identity', `vendor|${vendor.id}`, reviewSpan(vendor.incidents)),
        name: data.name,
        description: products ? `${data.summary} Products: ${products}.` : data.summary,
        identity_class: 'organization',
        sectors: data.kinds.includes('software-vendor') ? ['healthcare', 'technology'] : ['healthcare'],
        external_references: [
          siteRef(paths.vendor(vendor.id), vendor.id),
          ...(data.website ? [{ source_name: data.name, url: data.website }] : []),
          ...sourceRefs(data.sources),
        ],
      }),
    );
  }

  for (const vulnerability of kb.vulnerabilities.values()) {
    const data = vulnerability.data;
    // STIX 2.1 gives a vulnerability only a name and a description: the versions and the fix are
    // sentences in the description, and the vendor's advisory is an external reference that says so.
    const fix = [
      data.affectedVersions.length > 0 ? `Affected versions: ${data.affectedVersions.join('; ')}.` : undefined,
      data.fixedVersions.length > 0 ? `Fixed in: ${data.fixedVersions.join('; ')}.` : undefined,
      data.patched ? `Fix available from ${data.patched.value}.` : undefined,
      data.fixNote,
    ].filter(Boolean);
    const named = data.aliases.length > 0 ? `${data.name} (${data.aliases.join(', ')}).` : `${data.name}.`;
    objects.push({
      ...common('vulnerability', data.cve, reviewSpan(vulnerability.incidents)),
      name: data.cve,
      description: [named, data.summary, ...fix].join(' '),
      external_references: [
        { source_name: 'cve', external_id: data.cve, url: `https://www.cve.org/CVERecord?id=${data.cve}` },
        ...data.cwes.map((cwe) => ({ source_name: 'cwe', external_id: cwe, url: `https://cwe.mitre.org/data/definitions/${cwe.slice(4)}.html` })),
        // No external_id: only a source_name "cve" reference may carry a CVE id (STIX 2.1 section 4.19).
        siteRef(paths.vulnerability(data.cve)),
        ...data.sources
          .filter((s) => !s.url.startsWith('https://www.cve.org/'))
          .map((s) => ({ source_name: s.publisher, description: s.id === data.advisory ? `Vendor advisory: ${s.title}` : s.title, url: s.url })),
      ],
    });
  }

  // Attack patterns exist for the techniques incidents cite; platforms match them to ATT&CK by external_id.
  const techniques = new Map<string, { name: string; incidents: ResolvedIncident[] }>();
  for (const incident of kb.incidents) {
    for (const t of incident.data.techniques) {
      const known = techniques.get(t.id) ?? { name: t.name, incidents: [] };
      known.incidents.push(incident);
      techniques.set(t.id, known);
    }
  }
  for (const [techniqueId, technique] of [...techniques].sort(([a], [b]) => a.localeCompare(b))) {
    objects.push({
      ...common('attack-pattern', techniqueId, reviewSpan(technique.incidents)),
      name: technique.name,
      external_references: [{ source_name: 'mitre-attack', external_id: techniqueId, url: attackUrl(techniqueId) }],
    });
  }

  for (const control of kb.controls.values()) {
    const data = control.data;
    objects.push({
      ...common('course-of-action', control.id, reviewSpan(control.incidents)),
      name: data.name,
      description: `${data.summary} (${controlFrameworkLabels[data.framework]}, ${data.reference}.)`,
      external_references: [
        siteRef(paths.control(control.id), control.id),
        compact({ source_name: controlFrameworkLabels[data.framework], external_id: data.reference, url: data.url }),
        ...data.mitigations.map((m) => ({ source_name: 'mitre-attack', external_id: m, url: attackUrl(m) })),
      ],
    });
  }

  // Lessons are analysis about the incident, which is what a note is for (STIX 2.1 section 4.13).
  for (const incident of kb.incidents) {
    const stamp = stixTime(incident.data.lastReviewed.value);
    incident.data.lessons.forEach((lesson, index) => {
      objects.push({
        ...common('note', `lesson|${incident.id}|${index + 1}`, { created: stamp, modified: stamp }),
        abstract: `Lesson ${index + 1} from: ${incident.data.title}`,
        content: `${lesson.text}\n\n${lesson.basis === 'sourced' ? 'Drawn by a cited source.' : 'Our analysis, from the cited facts.'}`,
        labels: ['lesson-learned'],
        object_refs: [stixId('incident', incident.id), ...lesson.controls.filter((c) => kb.controls.has(c)).map((c) => stixId('course-of-action', c))],
        external_references: [siteRef(paths.incident(incident.id), incident.id), ...citedRefs(incident, lesson.sources)],
      });
    });
  }

  // One report per source address, shared by every incident that cites it.
  const reports = new Map<string, { source: ResolvedIncident['data']['sources'][number]; incidents: ResolvedIncident[] }>();
  for (const incident of kb.incidents) {
    for (const source of incident.data.sources) {
      const known = reports.get(source.url) ?? { source, incidents: [] };
      if (!known.incidents.includes(incident)) known.incidents.push(incident);
      reports.set(source.url, known);
    }
  }
  for (const [url, { source, incidents }] of [...reports].sort(([a], [b]) => a.localeCompare(b))) {
    const span = reviewSpan(incidents);
    objects.push({
      ...common('report', url, span),
      name: source.title,
      description: `${source.kind === 'primary' ? 'Primary' : 'Secondary'} source published by ${source.publisher}${source.via ? `, read via ${source.via}` : ''}.${source.date ? '' : ' The source shows no publication date: published is the date of the latest review that cited it.'}`,
      report_types: ['threat-report'],
      // STIX requires a publication instant; an undated source gets the latest date by which it certainly existed.
      published: source.date ? partialTime(source.date) : span.modified,
      object_refs: incidents.map((i) => stixId('incident', i.id)),
      external_references: [compact({ source_name: source.publisher, description: source.title, url })],
    });
  }

  for (const incident of kb.incidents) {
    const incidentRef = stixId('incident', incident.id);
    for (const a of incident.actors) {
      relate(incidentRef, 'attributed-to', stixId('threat-actor', a.id), incident, `${attributionLabels[a.attribution]}. ${a.basis}`, { certainty: a.attribution, sources: a.sources });
    }
    for (const o of incident.organisations) {
      relate(
        incidentRef,
        'targets',
        stixId('identity', `organisation|${o.id}`),
        incident,
        `${organisationRoleLabels[o.role]} (${certaintyLabels[o.certainty].toLowerCase()}).${o.note ? ` ${o.note}` : ''}`,
        { certainty: o.certainty, sources: o.sources },
      );
    }
    for (const v of incident.vendors) {
      const products = v.products.map((p) => p.name).join(', ');
      relate(
        incidentRef,
        v.role === 'compromised-supplier' ? 'targets' : 'related-to',
        stixId('identity', `vendor|${v.id}`),
        incident,
        `${vendorRoleLabels[v.role]}${products ? `: ${products}` : ''}.${v.note ? ` ${v.note}` : ''}`,
        { sources: v.sources },
      );
    }
    for (const link of cveLinks(incident)) {
      const cve = link.vulnerability.data.cve;
      relate(incidentRef, 'targets', stixId('vulnerability', cve), incident, `${cve} was exploited in this incident (${certaintyLabels[link.certainty].toLowerCase()}).${link.note ? ` ${link.note}` : ''}`, {
        certainty: link.certainty,
        sources: link.sources,
      });
    }
    for (const t of incident.data.techniques) {
      const description = `${t.name} (${t.id}): ${techniqueBasis(t)}${t.basis === 'analysis' && t.reasoning ? `. ${t.reasoning}` : '.'}`;
      relate(incidentRef, 'uses', stixId('attack-pattern', t.id), incident, description, { certainty: t.certainty, sources: t.sources });
    }
    for (const c of incident.controls) {
      // Prevent and limit are mitigation; detect and recover help but do not mitigate, so they are related-to.
      const type = c.effect === 'prevent' || c.effect === 'limit' ? 'mitigates' : 'related-to';
      const basis = c.basis === 'analysis' ? 'Our analysis' : 'Stated by a source';
      relate(stixId('course-of-action', c.control), type, incidentRef, incident, `Would have helped ${c.effect}. ${basis}: ${c.reasoning}`, { sources: c.sources });
    }
  }

  // The spec's own link from an attacker to a technique (section 4.17.2), one per pair across the
  // corpus, for tools that build attacker profiles rather than read incidents. Its confidence is
  // the best of the incidents that support it, each taken as the weaker of the attribution and the
  // technique; the description names the incidents.
  const actorTechniques = new Map<string, { actorId: string; techniqueId: string; incidents: ResolvedIncident[]; confidence: number; lines: string[] }>();
  for (const incident of kb.incidents) {
    for (const a of incident.actors) {
      for (const t of incident.data.techniques) {
        const key = `${a.id}|${t.id}`;
        const known = actorTechniques.get(key) ?? { actorId: a.id, techniqueId: t.id, incidents: [], confidence: 0, lines: [] };
        if (known.incidents.includes(incident)) continue;
        known.incidents.push(incident);
        known.confidence = Math.max(known.confidence, jointConfidence(a.attribution, t.certainty));
        known.lines.push(`${incident.data.title}: attribution ${attributionLabels[a.attribution].toLowerCase()}; technique ${techniqueBasis(t)}.`);
        actorTechniques.set(key, known);
      }
    }
  }
  for (const link of [...actorTechniques.values()].sort((a, b) => a.actorId.localeCompare(b.actorId) || a.techniqueId.localeCompare(b.techniqueId))) {
    const sourceRef = stixId('threat-actor', link.actorId);
    const targetRef = stixId('attack-pattern', link.techniqueId);
    const incidents = [...link.incidents].sort((a, b) => a.id.localeCompare(b.id));
    relationships.push({
      type: 'relationship',
      spec_version: '2.1',
      id: stixId('relationship', `uses|${sourceRef}|${targetRef}`),
      created_by_ref: creator,
      ...reviewSpan(incidents),
      relationship_type: 'uses',
      source_ref: sourceRef,
      target_ref: targetRef,
      description: `Seen in the incidents this knowledge base ties to the group. ${link.lines.sort().join(' ')}`,
      confidence: link.confidence,
      external_references: incidents.map((i) => siteRef(paths.incident(i.id), i.id)),
    });
  }

  return { type: 'bundle', id: stixId('bundle', 'knowledge-base'), objects: [...objects, ...relationships] };
}
