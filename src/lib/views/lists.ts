/** The home page, the incidents table and the list page of each kind of entity (/actors/, /vendors/ ...). */
import { attributionLabels, certaintyLabels, vendorRoleLabels } from '../../schemas/vocabularies.ts';
import type { ResolvedIncident } from '../model.ts';
import { busiestFirst, type IndexItem } from '../entity-index.ts';
import { countIncidents, organisationDisplayName, type SummaryCount } from '../display.ts';
import { formatSummaryCount } from '../impact-format.ts';
import { vendorsInvolved } from '../incident-view.ts';
import { siteName, siteTagline } from '../site.ts';
import { paths } from '../urls.ts';
import { listOf } from '../wording.ts';
import { dateView, pageFrame, type DateView, type LinkView, type PageFrame, type ViewContext } from './common.ts';
import { homeCharts, type HomeChartsView } from './overview.ts';

/** An entry of a list page: its name linked, a line of detail, and how many incidents. */
export interface IndexItemView {
  path: string;
  name: string;
  detail?: string | undefined;
  /** "3 incidents". */
  count: string;
}

function indexItem(item: IndexItem): IndexItemView {
  return { path: item.path, name: item.name, detail: item.detail, count: countIncidents(item.incidentCount) };
}

export interface HomePageView {
  page: PageFrame;
  title: string;
  tagline: string;
  latest: { path: string; title: string; started: DateView; summary: string }[];
  /** "All 10 incidents in one table". */
  allIncidents: string;
  /** Busiest first: each leads somewhere (entries with no incidents are left out). */
  attackers: IndexItemView[];
  vendors: IndexItemView[];
  attackTypes: IndexItemView[];
  /** Small versions of three of the overview's charts, and the link to it. */
  charts: HomeChartsView;
}

export function homePage(ctx: ViewContext): HomePageView {
  const { kb } = ctx;
  const indexes = kb.entityIndexes;
  return {
    page: pageFrame(ctx.site, { path: paths.home(), title: siteName, description: siteTagline }),
    title: siteName,
    tagline: siteTagline,
    latest: kb.incidents.slice(0, 5).map((incident) => ({
      path: paths.incident(incident.id),
      title: incident.data.title,
      started: dateView(incident.data.dates.started.date),
      summary: incident.data.summary,
    })),
    allIncidents: `All ${countIncidents(kb.incidents.length)} in one table`,
    attackers: busiestFirst(indexes.actors, 8).map(indexItem),
    vendors: busiestFirst(indexes.vendors, 8).map(indexItem),
    attackTypes: busiestFirst(indexes.attackTypes.flatMap((branch) => [branch.item, ...branch.children]), 8).map(indexItem),
    charts: homeCharts(kb),
  };
}

/** A figure from the impact summary in a table cell: formatted as elsewhere, or "Not published". */
export interface SummaryCellView {
  /** "about 31 days", "10,152 appointments and 1,710 procedures", or "Not published" when no source gives it. */
  text: string;
  /** "(reported)" when the figure is less than confirmed. */
  note?: string | undefined;
  /** True when no source gives the figure. */
  unknown: boolean;
}

/** One row of the incidents table. */
export interface IncidentRowView {
  link: LinkView;
  started: DateView;
  restore: SummaryCellView;
  postponed: SummaryCellView;
  exposed: SummaryCellView;
  organisations: LinkView[];
  attackers: { link: LinkView; note: string }[];
  vendors: { link: LinkView; products?: string | undefined; note: string }[];
  attackTypes: LinkView[];
  cves: LinkView[];
  /** What the table sorts each column by (absent: unknown, sorted last either way). */
  sortKeys: Record<IncidentSortKey, string | number | undefined>;
}

/** The columns the incidents table sorts by, in their order on the page. */
export const incidentSortKeys = ['started', 'restore', 'postponed', 'exposed', 'attacker'] as const;
export type IncidentSortKey = (typeof incidentSortKeys)[number];

/** How a sortable column reads its order, for the sort buttons and what they announce. */
export interface SortColumnView {
  key: IncidentSortKey;
  /** The order a first press gives. */
  first: 'ascending' | 'descending';
  /** The order in words, after "Sorted" and in the caption: "oldest first", "by attacker, A to Z". */
  ascending: string;
  descending: string;
  /** Numbers sort as numbers; text and ISO dates as text. */
  numeric: boolean;
}

const sortColumns: Record<IncidentSortKey, SortColumnView> = {
  started: { key: 'started', first: 'descending', ascending: 'oldest first', descending: 'newest first', numeric: false },
  restore: { key: 'restore', first: 'descending', ascending: 'quickest to restore first', descending: 'longest to restore first', numeric: true },
  postponed: { key: 'postponed', first: 'descending', ascending: 'least care postponed first', descending: 'most care postponed first', numeric: true },
  exposed: { key: 'exposed', first: 'descending', ascending: "fewest people's data exposed first", descending: "most people's data exposed first", numeric: true },
  attacker: { key: 'attacker', first: 'ascending', ascending: 'by attacker, A to Z', descending: 'by attacker, Z to A', numeric: false },
};

const unknownCell: SummaryCellView = { text: 'Not published', unknown: true };

/** Figures of the impact summary in one cell, each with its noun; less than confirmed is noted. */
function summaryCell(figures: readonly (Pick<SummaryCount, 'value' | 'qualifier' | 'certainty'> | undefined)[], nouns: readonly string[]): SummaryCellView {
  const known = figures.flatMap((figure, i) => (figure ? [{ figure, noun: nouns[i]! }] : []));
  if (known.length === 0) return unknownCell;
  const certainties = [...new Set(known.map(({ figure }) => figure.certainty))].filter((c) => c !== 'confirmed');
  return {
    text: listOf(known.map(({ figure, noun }) => formatSummaryCount(figure, noun))),
    note: certainties.length > 0 ? `(${certainties.map((c) => certaintyLabels[c].toLowerCase()).join(', ')})` : undefined,
    unknown: false,
  };
}

export function incidentRow(incident: ResolvedIncident): IncidentRowView {
  const summary = incident.data.impactSummary;
  const postponed = [summary.appointmentsPostponed, summary.proceduresPostponed];
  const attackerName = incident.actors[0]?.entry.data.name;
  return {
    link: { path: paths.incident(incident.id), text: incident.data.title },
    started: dateView(incident.data.dates.started.date, { short: true }),
    restore: summaryCell([summary.daysToRestore], ['day']),
    postponed: summaryCell(postponed, ['appointment', 'procedure']),
    exposed: summaryCell([summary.peopleDataExposed], ['person']),
    organisations: incident.organisations.map((o) => ({ path: paths.organisation(o.id), text: organisationDisplayName(o.entry.data) })),
    attackers: incident.actors.map((a) => ({ link: { path: paths.actor(a.id), text: a.entry.data.name }, note: `(${attributionLabels[a.attribution].toLowerCase()})` })),
    vendors: vendorsInvolved(incident).map((v) => ({
      link: { path: paths.vendor(v.vendorId), text: v.vendorName },
      products: v.productNames.length > 0 ? `: ${v.productNames.join(', ')}` : undefined,
      note: `(${vendorRoleLabels[v.role].toLowerCase()})`,
    })),
    attackTypes: incident.attackTypes.map((t) => ({ path: paths.attackType(t.id), text: t.data.name })),
    cves: incident.vulnerabilities.map((v) => ({ path: paths.vulnerability(v.data.cve), text: v.data.cve })),
    sortKeys: {
      started: incident.sortDate.toISOString().slice(0, 10),
      restore: summary.daysToRestore?.value,
      // Appointments and procedures together: the disruption to planned care.
      postponed: postponed.some(Boolean) ? postponed.reduce((sum, figure) => sum + (figure?.value ?? 0), 0) : undefined,
      exposed: summary.peopleDataExposed?.value,
      attacker: attackerName?.toLocaleLowerCase('en-GB'),
    },
  };
}

export interface IncidentsIndexView {
  page: PageFrame;
  /** "10 incidents". */
  count: string;
  /** "All 10 incidents recorded", before the order. */
  caption: string;
  /** The column the rows are sorted by as built (without JavaScript), and its order in words ("newest first"). */
  sorted: { key: IncidentSortKey; direction: 'ascending' | 'descending'; order: string };
  /** The sortable columns, by key. */
  sortColumns: Record<IncidentSortKey, SortColumnView>;
  rows: IncidentRowView[];
}

export function incidentsIndexPage(ctx: ViewContext): IncidentsIndexView {
  const count = countIncidents(ctx.kb.incidents.length);
  return {
    page: pageFrame(ctx.site, {
      path: paths.incidents(),
      title: 'All incidents',
      description: 'Every cyber incident in the knowledge base in one table: when it started, how long services took to come back, appointments postponed, data exposed, the attacker, supplier, attack types and CVEs.',
    }),
    count,
    caption: `All ${count} recorded`,
    sorted: { key: 'started', direction: 'descending', order: sortColumns.started.descending },
    sortColumns,
    rows: ctx.kb.incidents.map(incidentRow),
  };
}

export interface EntityListView {
  page: PageFrame;
  items: IndexItemView[];
}

const listPages = {
  actors: {
    path: paths.actors(),
    title: 'Attackers',
    description: 'Ransomware groups and other attackers behind cyber incidents at the NHS and its suppliers, with their other names.',
  },
  vendors: {
    path: paths.vendors(),
    title: 'Suppliers and vendors',
    description: 'Suppliers to the NHS and software vendors involved in cyber incidents: breached suppliers and exploited products.',
  },
  organisations: {
    path: paths.organisations(),
    title: 'Organisations',
    description: 'NHS trusts, health boards and other organisations affected by cyber incidents.',
  },
  vulnerabilities: {
    path: paths.vulnerabilities(),
    title: 'Vulnerabilities',
    description: 'Software flaws (CVEs) used in cyber incidents at the NHS, with how long a fix had been available.',
  },
} as const;

/** /actors/, /vendors/, /organisations/ or /vulnerabilities/: every entry, by name (vulnerabilities by CVE). */
export function entityListPage(ctx: ViewContext, kind: keyof typeof listPages): EntityListView {
  return { page: pageFrame(ctx.site, listPages[kind]), items: ctx.kb.entityIndexes[kind].map(indexItem) };
}

export interface AttackTypesIndexView {
  page: PageFrame;
  tree: { item: IndexItemView; children: IndexItemView[] }[];
}

/** /attack-types/: top-level types by name, each with its narrower types. */
export function attackTypesIndexPage(ctx: ViewContext): AttackTypesIndexView {
  return {
    page: pageFrame(ctx.site, {
      path: paths.attackTypes(),
      title: 'Attack types',
      description: 'The kinds of cyber attack recorded in NHS incidents, from ransomware to supplier compromise.',
    }),
    tree: ctx.kb.entityIndexes.attackTypes.map((branch) => ({ item: indexItem(branch.item), children: branch.children.map(indexItem) })),
  };
}

export interface ControlsIndexView {
  page: PageFrame;
  groups: { id: string; framework: string; items: IndexItemView[] }[];
}

/** /controls/: controls grouped by framework. */
export function controlsIndexPage(ctx: ViewContext): ControlsIndexView {
  return {
    page: pageFrame(ctx.site, {
      path: paths.controls(),
      title: 'Controls',
      description: 'Security controls from the NHS supplier charter, the NCSC Cyber Assessment Framework and Cyber Essentials, and the incidents they would have helped with.',
    }),
    groups: ctx.kb.entityIndexes.controls.map((group, index) => ({ id: `framework-${index}`, framework: group.framework, items: group.items.map(indexItem) })),
  };
}
