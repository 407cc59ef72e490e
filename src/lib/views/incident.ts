/** /incidents/<id>/: the write-up, with key facts, certainty, prose, impact, chronology, controls and sources. */
import type { DatePrecision } from '../../schemas/dates.ts';
import {
  attributionLabels,
  controlBasisLabels,
  controlEffectLabels,
  controlFrameworkLabels,
  eventKindLabels,
  organisationRoleLabels,
  type AttributionStatus,
} from '../../schemas/vocabularies.ts';
import type { ResolvedIncident } from '../model.ts';
import { certaintyOverview, keyDates } from '../incident-view.ts';
import { attackUrl, describeDataExposure, formatImpactValue, organisationDisplayName } from '../display.ts';
import { formatPartialDate } from '../dates-format.ts';
import { facetKeys, incidentSortDate, searchMeta, type FacetKey } from '../facets.ts';
import { inSentence } from '../training/filters.ts';
import { trainingPaths } from '../training/paths.ts';
import { audienceLabels } from '../../schemas/vocabularies.ts';
import { layoutIncidentChronology } from '../timeline/chronology-layout.ts';
import { glyphPath } from '../timeline/glyphs.ts';
import { incidentJsonLd, serialiseJsonLd } from '../export/json-ld.ts';
import { citationData, citationText } from '../export/citation.ts';
import { dataPaths } from '../export/site-url.ts';
import { paths, sourceAnchor } from '../urls.ts';
import {
  entryFor,
  certaintyView,
  dateView,
  pageFrame,
  sourceRefs,
  type CertaintyView,
  type DateView,
  type LinkView,
  type PageFrame,
  type SourceRefView,
  type ViewContext,
} from './common.ts';
import { exposureView, sourceList, type ExposureView, type SourceView } from './parts.ts';

/** What the search index reads from an incident page and a reader never sees. */
export interface SearchDataView {
  /** YYYY-MM-DD, for sorting results newest first. */
  sortDate: string;
  filters: { key: FacetKey; value: string }[];
  names?: string | undefined;
  identifiers?: string | undefined;
  meta: typeof searchMeta;
}

export interface CaseStudyBoxView {
  headingId: string;
  text: string;
  caseStudy: string;
}

export interface KeyFactsView {
  dates: { label: string; date: DateView; refs: SourceRefView[]; note?: string | undefined }[];
  /** No date services were restored. */
  unresolved: boolean;
  organisations: { link: LinkView; role: string; certainty?: CertaintyView | undefined; refs: SourceRefView[] }[];
  suppliers: { link: LinkView; systems?: string | undefined; refs: SourceRefView[]; note?: string | undefined }[];
  products: { products: string; vendor: LinkView; cves?: string | undefined; refs: SourceRefView[]; note?: string | undefined }[];
  attackers: { link: LinkView; status: AttributionStatus; statusLabel: string; basis: string; refs: SourceRefView[] }[];
  attributionNote?: string | undefined;
  attackTypes: LinkView[];
  /** False when the incident names no CVE. */
  hasVulnerabilities: boolean;
  vulnerabilities: { link: LinkView; aliases?: string | undefined; name: string; exposure: ExposureView }[];
  techniques: { id: string; url: string; name: string; certainty: CertaintyView; refs: SourceRefView[] }[];
  dataExposed: { text: string; certainty: CertaintyView; refs: SourceRefView[] }[];
  lastReviewed: DateView;
}

export interface StatementView {
  topic: string;
  text: string;
  certainty: CertaintyView;
  refs: SourceRefView[];
  /** Said word for word in Key facts: kept out of the search index. */
  repeatsKeyFacts: boolean;
}

export interface CertaintyOverviewView {
  statements: StatementView[];
  initialAccessKnown: boolean;
  unconfirmed: StatementView[];
  unknowns: string[];
}

export interface ChronologyChartView {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: { x: number; label: string }[];
  marks: {
    precision: DatePrecision;
    x0: number;
    x1: number;
    /** Centre of a point; width and end caps of a range. */
    cx: number;
    rangeWidth: number;
    caps: string;
    y: number;
    label: string;
    labelX: number;
    labelAnchor: 'start' | 'end';
    accessibleName: string;
    /** The source the mark links to, when it has one. */
    href?: string | undefined;
    certainty: string;
    datetime: string;
  }[];
  /** How many events over what span ("12 dated events, from 2014 to 11 October 2018"), for the chart's description. */
  events: string;
  /** Some event is known only to the month or year (drawn as a range; the key explains it). */
  hasRanges: boolean;
  /** The SVG path of a point (a day-precise event). */
  point: string;
}

export interface ChronologyEventView {
  kind: string;
  kindLabel: string;
  date: DateView;
  certainty?: CertaintyView | undefined;
  text: string;
  refs: SourceRefView[];
}

export interface IncidentPageView {
  page: PageFrame;
  /** schema.org JSON-LD, serialised so content cannot close the script block. */
  jsonLd: string;
  breadcrumbs: LinkView[];
  title: string;
  summary: string;
  search: SearchDataView;
  caseStudy: CaseStudyBoxView;
  keyFacts: KeyFactsView;
  certainty: CertaintyOverviewView;
  /** The write-up as HTML, as the Markdown pipeline renders it: cites linked to the numbered sources, headings under "The full story" (src/lib/markdown/prose.ts). */
  proseHtml: string;
  services: { service: string; description: string; refs: SourceRefView[] }[];
  impact: { label: string; note?: string | undefined; value: string; asOf: DateView; certainty: CertaintyView; refs: SourceRefView[] }[];
  chart: ChronologyChartView;
  chronology: ChronologyEventView[];
  conflicts: { topic: string; detail: string; refs: SourceRefView[] }[];
  controls: {
    link: LinkView;
    frameworkRef: string;
    effectLabel: string;
    basis: string;
    basisLabel: string;
    reasoning: string;
    refs: SourceRefView[];
  }[];
  sources: SourceView[];
  cite: {
    text: string;
    /** The incident's title, said to screen readers in the download links. */
    title: string;
    bibtex: { path: string; download: string };
    cslJson: { path: string; download: string };
  };
}

export function searchData(incident: ResolvedIncident): SearchDataView {
  const { facets, searchTerms } = incident;
  return {
    sortDate: incidentSortDate(incident),
    filters: facetKeys.flatMap((key) => facets[key].map((value) => ({ key, value }))),
    names: searchTerms.names.length > 0 ? searchTerms.names.join(', ') : undefined,
    identifiers: searchTerms.identifiers.length > 0 ? searchTerms.identifiers.join(', ') : undefined,
    meta: searchMeta,
  };
}

function caseStudyBox(incident: ResolvedIncident): CaseStudyBoxView {
  const training = incident.data.training;
  const audiences = training.audiences.length > 2 ? `${training.audiences.length} audiences` : training.audiences.map((a) => inSentence(audienceLabels[a])).join(' and ');
  return {
    headingId: `for-trainers-${incident.id}`,
    text: `${training.hook} A ${training.sessionLengths.join(', ').replace(/, (\d+)$/, ' or $1')} minute session, with questions for ${audiences}.`,
    caseStudy: trainingPaths.caseStudy(incident.id),
  };
}

function keyFacts(incident: ResolvedIncident): KeyFactsView {
  const data = incident.data;
  const refs = (ids: readonly string[]) => sourceRefs(ids, incident.sourceNumbers);
  return {
    dates: keyDates(incident).map((fact) => ({ label: fact.label, date: dateView(fact.date, { showPrecision: true }), refs: refs(fact.sources), note: fact.note })),
    unresolved: !data.dates.resolved,
    organisations: incident.organisations.map((org) => ({
      link: { path: paths.organisation(org.id), text: organisationDisplayName(org.entry.data) },
      role: organisationRoleLabels[org.role],
      certainty: org.certainty === 'confirmed' ? undefined : certaintyView(org.certainty),
      refs: refs(org.sources),
    })),
    suppliers: incident.vendors
      .filter((v) => v.role === 'compromised-supplier')
      .map((v) => ({
        link: { path: paths.vendor(v.id), text: v.entry.data.name },
        systems: v.products.length > 0 ? v.products.map((p) => p.name).join(', ') : undefined,
        refs: refs(v.sources),
        note: v.note,
      })),
    products: incident.exploitedProducts.map((p) => ({
      products: p.productNames.length > 0 ? p.productNames.join(', ') : 'A product',
      vendor: { path: paths.vendor(p.vendorId), text: p.vendorName },
      cves: p.cves.length > 0 ? p.cves.join(', ') : undefined,
      refs: refs(p.sources),
      note: p.note,
    })),
    attackers: incident.actors.map((a) => ({
      link: { path: paths.actor(a.id), text: a.entry.data.name },
      status: a.attribution,
      statusLabel: attributionLabels[a.attribution],
      basis: a.basis,
      refs: refs(a.sources),
    })),
    attributionNote: data.attributionNote,
    attackTypes: incident.attackTypes.map((t) => ({ path: paths.attackType(t.id), text: t.data.name })),
    hasVulnerabilities: incident.vulnerabilities.length > 0,
    vulnerabilities: incident.exposures.map(({ vulnerability, window }) => ({
      link: { path: paths.vulnerability(vulnerability.data.cve), text: vulnerability.data.cve },
      aliases: vulnerability.data.aliases.length > 0 ? vulnerability.data.aliases.join(', ') : undefined,
      name: vulnerability.data.name,
      exposure: exposureView(window),
    })),
    techniques: data.techniques.map((t) => ({ id: t.id, url: attackUrl(t.id), name: t.name, certainty: certaintyView(t.certainty), refs: refs(t.sources) })),
    dataExposed: data.dataExposed.map((d) => ({ text: describeDataExposure(d), certainty: certaintyView(d.certainty), refs: refs(d.sources) })),
    lastReviewed: dateView(data.lastReviewed),
  };
}

function certaintySection(incident: ResolvedIncident): CertaintyOverviewView {
  const overview = certaintyOverview(incident);
  const statement = (s: (typeof overview.statements)[number]): StatementView => ({
    topic: s.topic,
    text: s.text,
    certainty: certaintyView(s.certainty),
    refs: sourceRefs(s.sources, incident.sourceNumbers),
    repeatsKeyFacts: s.repeatsKeyFacts === true,
  });
  return {
    statements: overview.statements.map(statement),
    initialAccessKnown: incident.data.initialAccess !== undefined,
    unconfirmed: overview.unconfirmed.map(statement),
    unknowns: overview.unknowns,
  };
}

function chronologyChart(incident: ResolvedIncident): ChronologyChartView {
  const layout = layoutIncidentChronology(incident);
  const events = incident.data.chronology;
  const first = events.reduce((a, b) => (a.date.value <= b.date.value ? a : b));
  const last = events.reduce((a, b) => (a.date.value >= b.date.value ? a : b));
  const hasRanges = layout.precisionsUsed.some((p) => p !== 'day');
  const span = first === last ? formatPartialDate(first.date) : `from ${formatPartialDate(first.date)} to ${formatPartialDate(last.date)}`;
  return {
    width: layout.width,
    height: layout.height,
    plot: layout.plot,
    ticks: layout.ticks.map((tick) => ({ x: tick.x, label: tick.label })),
    marks: layout.marks.map((mark) => ({
      precision: mark.precision,
      x0: mark.x0,
      x1: mark.x1,
      cx: (mark.x0 + mark.x1) / 2,
      rangeWidth: Math.max(mark.x1 - mark.x0, 1),
      caps: `M${mark.x0},14v16M${mark.x1},14v16`,
      y: mark.y,
      label: mark.label,
      labelX: mark.labelX,
      labelAnchor: mark.labelAnchor,
      accessibleName: mark.accessibleName,
      href: mark.source ? `#${sourceAnchor(mark.source.id)}` : undefined,
      certainty: mark.certainty,
      datetime: mark.datetime,
    })),
    events: `${events.length === 1 ? 'One dated event' : `${events.length} dated events`}, ${span}`,
    hasRanges,
    point: glyphPath('diamond', 11),
  };
}

export function incidentPage(ctx: ViewContext, id: string): IncidentPageView {
  const incident = entryFor(ctx.kb.incident, id, 'incident', 'incidents');
  const data = incident.data;
  const numbers = incident.sourceNumbers;
  const refs = (ids: readonly string[]) => sourceRefs(ids, numbers);
  const citation = citationData(incident, ctx.site);
  return {
    page: pageFrame(ctx.site, {
      path: paths.incident(id),
      title: data.title,
      description: data.summary,
      searchKind: 'Incident',
      article: { modified: data.lastReviewed.value },
    }),
    jsonLd: serialiseJsonLd(incidentJsonLd(incident, ctx.site)),
    breadcrumbs: [{ text: 'Incidents', path: paths.incidents() }],
    title: data.title,
    summary: data.summary,
    search: searchData(incident),
    caseStudy: caseStudyBox(incident),
    keyFacts: keyFacts(incident),
    certainty: certaintySection(incident),
    proseHtml: incident.rendered?.html ?? '',
    services: data.servicesDisrupted.map((s) => ({ service: s.service, description: s.description, refs: refs(s.sources) })),
    impact: data.impact.map((figure) => ({
      label: figure.label,
      note: figure.note,
      value: formatImpactValue(figure),
      asOf: dateView(figure.asOf),
      certainty: certaintyView(figure.certainty),
      refs: refs(figure.sources),
    })),
    chart: chronologyChart(incident),
    chronology: data.chronology.map((event) => ({
      kind: event.kind,
      kindLabel: eventKindLabels[event.kind],
      date: dateView(event.date),
      certainty: event.certainty === 'confirmed' ? undefined : certaintyView(event.certainty),
      text: event.event,
      refs: refs(event.sources),
    })),
    conflicts: data.conflicts.map((c) => ({ topic: c.topic, detail: c.detail, refs: refs(c.sources) })),
    controls: incident.controls.map((link) => ({
      link: { path: paths.control(link.control), text: link.entry.data.name },
      frameworkRef: `${controlFrameworkLabels[link.entry.data.framework]}, ${link.entry.data.reference}`,
      effectLabel: controlEffectLabels[link.effect],
      basis: link.basis,
      basisLabel: controlBasisLabels[link.basis],
      reasoning: link.reasoning,
      refs: refs(link.sources),
    })),
    sources: sourceList(data.sources),
    cite: {
      text: citationText(citation),
      title: data.title,
      bibtex: { path: dataPaths.bibtex(id), download: `${id}.bib` },
      cslJson: { path: dataPaths.cslJson(id), download: `${id}.csl.json` },
    },
  };
}
