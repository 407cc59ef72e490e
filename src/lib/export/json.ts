/**
 * The JSON open-data files, built from the resolved knowledge base. Every file is checked against
 * its zod schema before it is returned, so the published JSON Schema can never drift from the data.
 */
import type { KnowledgeBase, ResolvedIncident } from '../model.ts';
import type { PartialDate } from '../../schemas/dates.ts';
import type { Source } from '../../schemas/source.ts';
import type { ImpactSummary } from '../../schemas/impact-summary.ts';
import { paths } from '../urls.ts';
import { attackUrl } from './attack.ts';
import { cveLinks } from './cve-links.ts';
import { absoluteUrl, dataPaths, type SiteContext } from './site-url.ts';
import {
  exportFileSchema,
  schemaVersion,
  type ActorOutput,
  type AttackTypeOutput,
  type ControlOutput,
  type ExportFileName,
  type ImpactSummaryOutput,
  type IncidentOutput,
  type OrganisationOutput,
  type VendorOutput,
  type VulnerabilityOutput,
} from './schema.ts';

const date = (d: PartialDate): PartialDate => ({ value: d.value, precision: d.precision });
const optionalDate = (d: PartialDate | undefined) => (d ? date(d) : undefined);
const ids = (incidents: readonly ResolvedIncident[]) => incidents.map((i) => i.id);

function exportSource(s: Source) {
  return { id: s.id, publisher: s.publisher, title: s.title, date: optionalDate(s.date), url: s.url, kind: s.kind, via: s.via, note: s.note };
}

type SummaryCount = NonNullable<ImpactSummary['daysToRestore']>;
const count = (c: SummaryCount) => ({ value: c.value, qualifier: c.qualifier, asOf: date(c.asOf), certainty: c.certainty, sources: [...c.sources], note: c.note });
const optionalCount = (c: SummaryCount | undefined) => (c ? count(c) : undefined);

/** The impact summary with every field the content gives, and none it does not (absent means unknown). */
export function impactSummaryRecord(summary: ImpactSummary): ImpactSummaryOutput {
  const { harm, ransom, dataStolen, cost } = summary;
  return {
    daysToRestore: optionalCount(summary.daysToRestore),
    appointmentsPostponed: optionalCount(summary.appointmentsPostponed),
    proceduresPostponed: optionalCount(summary.proceduresPostponed),
    patientsAffected: optionalCount(summary.patientsAffected),
    peopleDataExposed: optionalCount(summary.peopleDataExposed),
    dataStolen: dataStolen ? { ...count(dataStolen), unit: dataStolen.unit } : undefined,
    harm: harm
      ? { description: harm.description, certainty: harm.certainty, sources: [...harm.sources], deaths: optionalCount(harm.deaths), seriousHarm: optionalCount(harm.seriousHarm) }
      : undefined,
    cost: cost ? { ...count(cost), currency: cost.currency } : undefined,
    ransom: ransom
      ? {
          demanded: ransom.demanded ? { ...count(ransom.demanded), currency: ransom.demanded.currency } : undefined,
          payment: ransom.payment ? { status: ransom.payment.status, certainty: ransom.payment.certainty, sources: [...ransom.payment.sources], note: ransom.payment.note } : undefined,
        }
      : undefined,
  };
}

export function incidentRecord(incident: ResolvedIncident, ctx: SiteContext): IncidentOutput {
  const d = incident.data;
  const at = (path: string) => absoluteUrl(ctx, path);
  const fact = (f: { date: PartialDate; sources: string[]; note?: string | undefined } | undefined) =>
    f ? { date: date(f.date), sources: [...f.sources], note: f.note } : undefined;
  return {
    id: incident.id,
    url: at(paths.incident(incident.id)),
    title: d.title,
    summary: d.summary,
    lastReviewed: d.lastReviewed.value,
    dates: {
      started: fact(d.dates.started)!,
      detected: fact(d.dates.detected),
      disclosed: fact(d.dates.disclosed),
      resolved: fact(d.dates.resolved),
    },
    organisations: incident.organisations.map((o) => ({
      id: o.id,
      name: o.entry.data.name,
      url: at(paths.organisation(o.id)),
      type: o.entry.data.type,
      region: o.entry.data.region,
      role: o.role,
      certainty: o.certainty,
      sources: [...o.sources],
      note: o.note,
    })),
    vendors: incident.vendors.map((v) => ({
      id: v.id,
      name: v.entry.data.name,
      url: at(paths.vendor(v.id)),
      role: v.role,
      products: v.products.map((p) => ({ id: p.id, name: p.name })),
      sources: [...v.sources],
      note: v.note,
    })),
    actors: incident.actors.map((a) => ({
      id: a.id,
      name: a.entry.data.name,
      url: at(paths.actor(a.id)),
      attribution: a.attribution,
      basis: a.basis,
      sources: [...a.sources],
    })),
    attributionNote: d.attributionNote,
    attackTypes: incident.attackTypes.map((t) => ({ id: t.id, name: t.data.name, url: at(paths.attackType(t.id)) })),
    vulnerabilities: cveLinks(incident).map(({ vulnerability: v, certainty, sources, note }) => ({
      id: v.data.cve,
      name: v.data.name,
      url: at(paths.vulnerability(v.data.cve)),
      certainty,
      sources,
      note,
    })),
    techniques: d.techniques.map((t) => ({
      id: t.id,
      name: t.name,
      url: attackUrl(t.id),
      certainty: t.certainty,
      basis: t.basis,
      reasoning: t.reasoning,
      sources: [...t.sources],
    })),
    initialAccess: d.initialAccess ? { description: d.initialAccess.description, certainty: d.initialAccess.certainty, sources: [...d.initialAccess.sources] } : undefined,
    dataExposed: d.dataExposed.map((x) => ({ types: [...x.types], subjects: [...x.subjects], description: x.description, certainty: x.certainty, sources: [...x.sources] })),
    servicesDisrupted: d.servicesDisrupted.map((s) => ({ service: s.service, description: s.description, sources: [...s.sources] })),
    impact: d.impact.map((f) => ({
      label: f.label,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      asOf: date(f.asOf),
      certainty: f.certainty,
      sources: [...f.sources],
      note: f.note,
      series: f.series,
    })),
    impactSummary: impactSummaryRecord(d.impactSummary),
    lessons: d.lessons.map((l) => ({ text: l.text, basis: l.basis, sources: [...l.sources], controls: [...l.controls] })),
    chronology: d.chronology.map((e) => ({ date: date(e.date), kind: e.kind, event: e.event, certainty: e.certainty, sources: [...e.sources] })),
    conflicts: d.conflicts.map((c) => ({ topic: c.topic, detail: c.detail, sources: [...c.sources] })),
    unknowns: [...d.unknowns],
    controls: incident.controls.map((c) => ({
      id: c.control,
      name: c.entry.data.name,
      url: at(paths.control(c.control)),
      framework: c.entry.data.framework,
      reference: c.entry.data.reference,
      effect: c.effect,
      basis: c.basis,
      reasoning: c.reasoning,
      sources: [...c.sources],
    })),
    training: { audiences: [...d.training.audiences], hook: d.training.hook },
    sources: d.sources.map(exportSource),
    noPrimarySource: d.noPrimarySource,
  };
}

type Lists = {
  incidents: IncidentOutput[];
  actors: ActorOutput[];
  vendors: VendorOutput[];
  organisations: OrganisationOutput[];
  vulnerabilities: VulnerabilityOutput[];
  'attack-types': AttackTypeOutput[];
  controls: ControlOutput[];
};

function lists(kb: KnowledgeBase, ctx: SiteContext): { [N in ExportFileName]: () => Lists[N] } {
  const at = (path: string) => absoluteUrl(ctx, path);
  return {
    incidents: () => kb.incidents.map((i) => incidentRecord(i, ctx)),
    actors: () =>
      [...kb.actors.values()].map(({ id, data, incidents }) => ({
        id,
        url: at(paths.actor(id)),
        name: data.name,
        aliases: data.aliases.map((a) => ({ name: a.name, usedBy: a.usedBy })),
        type: data.type,
        motivation: data.motivation,
        summary: data.summary,
        firstSeen: optionalDate(data.firstSeen),
        ransomwareAsAService: data.ransomwareAsAService,
        suspectedOrigin: data.suspectedOrigin,
        attackIds: [...data.attackIds],
        sources: data.sources.map(exportSource).map(({ note: _note, ...s }) => s),
        incidents: ids(incidents),
      })),
    vendors: () =>
      [...kb.vendors.values()].map(({ id, data, incidents, asSupplier, asProduct }) => ({
        id,
        url: at(paths.vendor(id)),
        name: data.name,
        aliases: [...data.aliases],
        kinds: [...data.kinds],
        summary: data.summary,
        website: data.website,
        products: data.products.map((p) => ({ id: p.id, name: p.name, aliases: [...p.aliases], description: p.description })),
        sources: data.sources.map(exportSource).map(({ note: _note, ...s }) => s),
        incidents: ids(incidents),
        asSupplier: ids(asSupplier),
        asProduct: ids(asProduct),
      })),
    organisations: () =>
      [...kb.organisations.values()].map(({ id, data, incidents }) => ({
        id,
        url: at(paths.organisation(id)),
        name: data.name,
        shortName: data.shortName,
        type: data.type,
        region: data.region,
        odsCode: data.odsCode,
        website: data.website,
        summary: data.summary,
        incidents: ids(incidents),
      })),
    vulnerabilities: () =>
      [...kb.vulnerabilities.values()].map(({ data, incidents }) => ({
        id: data.cve,
        url: at(paths.vulnerability(data.cve)),
        name: data.name,
        aliases: [...data.aliases],
        summary: data.summary,
        vendor: data.vendor,
        product: data.product,
        cwes: [...data.cwes],
        cvss: data.cvss ? { ...data.cvss } : undefined,
        published: optionalDate(data.published),
        patched: optionalDate(data.patched),
        affectedVersions: [...data.affectedVersions],
        fixedVersions: [...data.fixedVersions],
        advisory: data.advisory,
        fixSources: [...data.fixSources],
        fixNote: data.fixNote,
        kev: data.kev
          ? { dateAdded: data.kev.dateAdded.value, dueDate: data.kev.dueDate?.value, knownRansomwareCampaignUse: data.kev.knownRansomwareCampaignUse }
          : undefined,
        sources: data.sources.map(exportSource).map(({ note: _note, ...s }) => s),
        incidents: ids(incidents),
      })),
    'attack-types': () =>
      [...kb.attackTypes.values()].map(({ id, data, incidents }) => ({
        id,
        url: at(paths.attackType(id)),
        name: data.name,
        summary: data.summary,
        parent: data.parent,
        veris: data.veris,
        rsit: data.rsit,
        techniques: [...data.techniques],
        incidents: ids(incidents),
      })),
    controls: () =>
      [...kb.controls.values()].map(({ id, data, incidents }) => ({
        id,
        url: at(paths.control(id)),
        name: data.name,
        framework: data.framework,
        reference: data.reference,
        summary: data.summary,
        frameworkUrl: data.url,
        sourceNote: data.sourceNote,
        mitigations: [...data.mitigations],
        incidents: ids(incidents),
      })),
  };
}

/**
 * One JSON file as an object, validated against its schema. Throws with the offending path when
 * the data and the schema disagree (a bug in this module, never in content).
 */
export function buildExportFile(name: ExportFileName, kb: KnowledgeBase, ctx: SiteContext): Record<string, unknown> {
  const file = {
    $schema: absoluteUrl(ctx, dataPaths.schema(name)),
    schemaVersion,
    dataUpdated: kb.latestReview,
    [name]: lists(kb, ctx)[name](),
  };
  const result = exportFileSchema(name).safeParse(file);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`data/${name}.json does not match its published schema at ${issue?.path.join('.') ?? '(root)'}: ${issue?.message}. Fix src/lib/export/json.ts or src/lib/export/schema.ts (and bump schemaVersion if the shape changed).`);
  }
  return file;
}

/** Pretty JSON with a final newline: readable in a browser, diffable in git. */
export function serialiseJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
