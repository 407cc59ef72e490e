/** /incidents/<id>/: the at-a-glance panel, how sure we are, the write-up, the record behind it (organisations, dates, flaws, ATT&CK), impact, chronology, controls and sources. */
import type { DatePrecision } from '../../schemas/dates.ts';
import {
  controlBasisLabels,
  controlEffectLabels,
  controlFrameworkLabels,
  eventKindLabels,
  organisationRoleLabels,
} from '../../schemas/vocabularies.ts';
import type { ResolvedIncident } from '../model.ts';
import { keyDates } from '../incident-view.ts';
import { attackUrl, formatImpactValue, organisationDisplayName } from '../display.ts';
import { countOf, listOf, withArticle } from '../wording.ts';
import { glanceView, howSureView, type GlanceView, type HowSureView } from './glance.ts';
import { formatPartialDate } from '../dates-format.ts';
import { facetKeys, incidentSortDate, searchMeta, type FacetKey } from '../facets.ts';
import { inSentence } from '../training/filters.ts';
import { trainingPaths } from '../training/paths.ts';
import { audienceLabels } from '../../schemas/vocabularies.ts';
import { layoutIncidentChronology, type ChronologyArrangement } from '../timeline/chronology-layout.ts';
import { glyphPath } from '../timeline/glyphs.ts';
import { incidentJsonLd, serialiseJsonLd } from '../export/json-ld.ts';
import { citationData, citationText } from '../export/citation.ts';
import { dataPaths } from '../export/site-url.ts';
import { paths, sourceAnchor } from '../urls.ts';
import {
  correctionFor,
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
import { impactSeriesCharts, type LineChartView } from './impact-series.ts';

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

/** A long list, shown in full when short and behind a disclosure with its count when long. */
export interface ListView<T> {
  items: T[];
  /** "Show all 17 events", when the list is long enough to fold away; absent: shown open. */
  collapsed?: string | undefined;
}

/** Dates, organisations, suppliers, attack types and flaws: the record behind the panel. */
export interface DetailsView {
  dates: { label: string; date: DateView; refs: SourceRefView[]; note?: string | undefined }[];
  /** No date services were restored. */
  unresolved: boolean;
  organisations: ListView<{ link: LinkView; role: string; certainty?: CertaintyView | undefined; refs: SourceRefView[]; note?: string | undefined }>;
  suppliers: { link: LinkView; systems?: string | undefined; refs: SourceRefView[]; note?: string | undefined }[];
  products: { products: string; vendor: LinkView; refs: SourceRefView[]; note?: string | undefined }[];
  attackTypes: LinkView[];
  vulnerabilities: { link: LinkView; aliases?: string | undefined; name: string; certainty: CertaintyView; exposure: ExposureView }[];
  lastReviewed: DateView;
}

export interface TechniqueView {
  id: string;
  url: string;
  name: string;
  certainty: CertaintyView;
  basis: 'sourced' | 'analysis';
  basisLabel: string;
  reasoning?: string | undefined;
  refs: SourceRefView[];
}

/** One drawing of the chronology: events in shared lanes (wide screens) or one per row (phones). */
export interface ChronologyDrawingView {
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
    /** The label's lines: whole, wrapped, never cut. */
    lines: string[];
    labelX: number;
    labelY: number;
    labelAnchor: 'start' | 'end';
    /** Centre line of the point or bar, within the mark's row. */
    markY: number;
    accessibleName: string;
    /** The source the mark links to, when it has one. */
    href?: string | undefined;
    certainty: string;
    datetime: string;
  }[];
}

export interface ChronologyChartView {
  /** How many events over what span ("12 dated events, from 2014 to 11 October 2018"), for the chart's description. */
  events: string;
  /** Some event is known only to the month or year (drawn as a range; the key explains it). */
  hasRanges: boolean;
  /** The SVG path of a point (a day-precise event). */
  point: string;
  /** CSS shows the one that fits: lanes from 40rem, rows below. */
  drawings: { lanes: ChronologyDrawingView; rows: ChronologyDrawingView };
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
  /** The at-a-glance panel: the summary, the facts a reader needs first, the three lessons. */
  glance: GlanceView;
  /** The in-page contents, in page order: only sections the page has. */
  contents: { id: string; label: string }[];
  howSure: HowSureView;
  details: DetailsView;
  techniques: TechniqueView[];
  /** The write-up as HTML, as the Markdown pipeline renders it: cites linked to the numbered sources, headings under "The full story" (src/lib/markdown/prose.ts). */
  proseHtml: string;
  services: ListView<{ service: string; description: string; refs: SourceRefView[] }>;
  impact: ListView<{ label: string; note?: string | undefined; value: string; asOf: DateView; certainty: CertaintyView; refs: SourceRefView[] }>;
  /** Impact figures that share a series, as line charts (none when no figure has a series). */
  impactOverTime: LineChartView[];
  chart: ChronologyChartView;
  chronology: ListView<ChronologyEventView>;
  conflicts: ListView<{ topic: string; detail: string; refs: SourceRefView[] }>;
  controls: ListView<{
    link: LinkView;
    frameworkRef: string;
    effectLabel: string;
    basis: string;
    basisLabel: string;
    reasoning: string;
    refs: SourceRefView[];
  }>;
  sources: SourceView[];
  /** A long source list folds behind its count ("Show all 39 sources, 13 of them primary"); citations still open it (a browser opens a closed disclosure to show a fragment's target). */
  sourcesCollapsed: string | undefined;
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

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function caseStudyBox(incident: ResolvedIncident): CaseStudyBoxView {
  const training = incident.data.training;
  const audiences = training.audiences.length > 2 ? countOf(training.audiences.length, 'audience') : listOf(training.audiences.map((a) => inSentence(audienceLabels[a])));
  const lengths = `${listOf(training.sessionLengths.map(String), 'or')} minute session`;
  return {
    headingId: `for-trainers-${incident.id}`,
    text: `${training.hook} ${capitalise(withArticle(lengths))}, with questions for ${audiences}.`,
    caseStudy: trainingPaths.caseStudy(incident.id),
  };
}

/** Long lists fold away behind their count; short ones stay open. */
function listView<T>(items: T[], noun: string | { one: string; other: string }, foldAbove: number): ListView<T> {
  return { items, collapsed: items.length > foldAbove ? `Show all ${countOf(items.length, noun)}` : undefined };
}

function details(incident: ResolvedIncident): DetailsView {
  const data = incident.data;
  const refs = (ids: readonly string[]) => sourceRefs(ids, incident.sourceNumbers);
  return {
    dates: keyDates(incident).map((fact) => ({ label: fact.label, date: dateView(fact.date, { showPrecision: true }), refs: refs(fact.sources), note: fact.note })),
    unresolved: !data.dates.resolved,
    organisations: listView(
      incident.organisations.map((org) => ({
        link: { path: paths.organisation(org.id), text: organisationDisplayName(org.entry.data) },
        role: organisationRoleLabels[org.role],
        certainty: org.certainty === 'confirmed' ? undefined : certaintyView(org.certainty),
        refs: refs(org.sources),
        note: org.note,
      })),
      'organisation',
      4,
    ),
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
      refs: refs(p.sources),
      note: p.note,
    })),
    attackTypes: incident.attackTypes.map((t) => ({ path: paths.attackType(t.id), text: t.data.name })),
    vulnerabilities: incident.exposures.map(({ vulnerability, window, link }) => ({
      link: { path: paths.vulnerability(vulnerability.data.cve), text: vulnerability.data.cve },
      aliases: vulnerability.data.aliases.length > 0 ? vulnerability.data.aliases.join(', ') : undefined,
      name: vulnerability.data.name,
      certainty: certaintyView(link.certainty),
      exposure: exposureView(window),
    })),
    lastReviewed: dateView(data.lastReviewed),
  };
}

function techniques(incident: ResolvedIncident): TechniqueView[] {
  return incident.data.techniques.map((t) => ({
    id: t.id,
    url: attackUrl(t.id),
    name: t.name,
    certainty: certaintyView(t.certainty),
    basis: t.basis,
    basisLabel: t.basis === 'sourced' ? 'Named by a source' : 'Our analysis',
    reasoning: t.reasoning,
    refs: sourceRefs(t.sources, incident.sourceNumbers),
  }));
}

function chronologyDrawing(incident: ResolvedIncident, arrangement: ChronologyArrangement): ChronologyDrawingView {
  const layout = layoutIncidentChronology(incident, { arrangement });
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
      caps: `M${mark.x0},${mark.markY - 8}v16M${mark.x1},${mark.markY - 8}v16`,
      y: mark.y,
      lines: mark.lines,
      labelX: mark.labelX,
      labelY: mark.labelY,
      labelAnchor: mark.labelAnchor,
      markY: mark.markY,
      accessibleName: mark.accessibleName,
      href: mark.source ? `#${sourceAnchor(mark.source.id)}` : undefined,
      certainty: mark.certainty,
      datetime: mark.datetime,
    })),
  };
}

function chronologyChart(incident: ResolvedIncident): ChronologyChartView {
  const events = incident.data.chronology;
  const first = events.reduce((a, b) => (a.date.value <= b.date.value ? a : b));
  const last = events.reduce((a, b) => (a.date.value >= b.date.value ? a : b));
  const hasRanges = events.some((e) => e.date.precision !== 'day');
  const span = first === last ? formatPartialDate(first.date) : `from ${formatPartialDate(first.date)} to ${formatPartialDate(last.date)}`;
  return {
    events: `${events.length === 1 ? 'One dated event' : countOf(events.length, 'dated event')}, ${span}`,
    hasRanges,
    point: glyphPath('diamond', 11),
    drawings: { lanes: chronologyDrawing(incident, 'lanes'), rows: chronologyDrawing(incident, 'rows') },
  };
}

/** Sources fold away above eight: on the longest pages they are a third of the page. */
function sourcesFold(sources: readonly { kind: string }[]): string | undefined {
  if (sources.length <= 8) return undefined;
  const primary = sources.filter((s) => s.kind === 'primary').length;
  const which = primary === sources.length ? ', all primary' : primary > 0 ? `, ${primary} of them primary` : '';
  return `Show all ${countOf(sources.length, 'source')}${which}`;
}

/** The page's sections in order, for the contents list: a section the page leaves out is not listed. */
function contentsOf(incident: ResolvedIncident): { id: string; label: string }[] {
  const data = incident.data;
  return [
    { id: 'at-a-glance', label: 'At a glance' },
    { id: 'how-sure', label: 'How sure are we' },
    { id: 'write-up', label: 'The full story' },
    { id: 'details', label: 'Organisations, dates and flaws' },
    { id: 'techniques', label: 'ATT&CK techniques' },
    ...(data.servicesDisrupted.length > 0 ? [{ id: 'services', label: 'Services disrupted' }] : []),
    ...(data.impact.length > 0 ? [{ id: 'impact', label: 'Impact in figures' }] : []),
    { id: 'chronology', label: 'Chronology' },
    { id: 'controls', label: 'Controls that would have helped' },
    { id: 'sources', label: 'Sources' },
    { id: 'cite-this-heading', label: 'Cite this page' },
  ];
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
      correction: correctionFor(ctx, incident, data.title, paths.incident(id)),
    }),
    jsonLd: serialiseJsonLd(incidentJsonLd(incident, ctx.site)),
    breadcrumbs: [{ text: 'Incidents', path: paths.incidents() }],
    title: data.title,
    summary: data.summary,
    search: searchData(incident),
    caseStudy: caseStudyBox(incident),
    glance: glanceView(incident, ctx.kb.controls),
    contents: contentsOf(incident),
    howSure: howSureView(incident),
    details: details(incident),
    techniques: techniques(incident),
    proseHtml: incident.rendered?.html ?? '',
    services: listView(data.servicesDisrupted.map((s) => ({ service: s.service, description: s.description, refs: refs(s.sources) })), 'service', 3),
    impact: listView(data.impact.map((figure) => ({
      label: figure.label,
      note: figure.note,
      value: formatImpactValue(figure),
      asOf: dateView(figure.asOf),
      certainty: certaintyView(figure.certainty),
      refs: refs(figure.sources),
    })), 'figure', 3),
    impactOverTime: impactSeriesCharts(incident),
    chart: chronologyChart(incident),
    chronology: listView(data.chronology.map((event) => ({
      kind: event.kind,
      kindLabel: eventKindLabels[event.kind],
      date: dateView(event.date),
      certainty: event.certainty === 'confirmed' ? undefined : certaintyView(event.certainty),
      text: event.event,
      refs: refs(event.sources),
    })), { one: 'event, drawn and listed', other: 'events, drawn and listed' }, 5),
    conflicts: listView(data.conflicts.map((c) => ({ topic: c.topic, detail: c.detail, refs: refs(c.sources) })), 'disagreement', 3),
    controls: listView(incident.controls.map((link) => ({
      link: { path: paths.control(link.control), text: link.entry.data.name },
      frameworkRef: `${controlFrameworkLabels[link.entry.data.framework]}, ${link.entry.data.reference}`,
      effectLabel: controlEffectLabels[link.effect],
      basis: link.basis,
      basisLabel: controlBasisLabels[link.basis],
      reasoning: link.reasoning,
      refs: refs(link.sources),
    })), 'control', 3),
    sources: sourceList(data.sources),
    sourcesCollapsed: sourcesFold(data.sources),
    cite: {
      text: citationText(citation),
      title: data.title,
      bibtex: { path: dataPaths.bibtex(id), download: `${id}.bib` },
      cslJson: { path: dataPaths.cslJson(id), download: `${id}.csl.json` },
    },
  };
}
