/** The home page, the incidents table and the list page of each kind of entity (/actors/, /vendors/ ...). */
import { attributionLabels, vendorRoleLabels } from '../../schemas/vocabularies.ts';
import type { ResolvedIncident } from '../model.ts';
import { busiestFirst, type IndexItem } from '../entity-index.ts';
import { countIncidents, organisationDisplayName } from '../display.ts';
import { vendorsInvolved } from '../incident-view.ts';
import { siteName, siteTagline } from '../site.ts';
import { paths } from '../urls.ts';
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

/** One row of the incidents table. */
export interface IncidentRowView {
  link: LinkView;
  started: DateView;
  organisations: LinkView[];
  attackers: { link: LinkView; note: string }[];
  vendors: { link: LinkView; products?: string | undefined; note: string }[];
  attackTypes: LinkView[];
  cves: LinkView[];
}

export function incidentRow(incident: ResolvedIncident): IncidentRowView {
  return {
    link: { path: paths.incident(incident.id), text: incident.data.title },
    started: dateView(incident.data.dates.started.date, { short: true }),
    organisations: incident.organisations.map((o) => ({ path: paths.organisation(o.id), text: organisationDisplayName(o.entry.data) })),
    attackers: incident.actors.map((a) => ({ link: { path: paths.actor(a.id), text: a.entry.data.name }, note: `(${attributionLabels[a.attribution].toLowerCase()})` })),
    vendors: vendorsInvolved(incident).map((v) => ({
      link: { path: paths.vendor(v.vendorId), text: v.vendorName },
      products: v.productNames.length > 0 ? `: ${v.productNames.join(', ')}` : undefined,
      note: `(${vendorRoleLabels[v.role].toLowerCase()})`,
    })),
    attackTypes: incident.attackTypes.map((t) => ({ path: paths.attackType(t.id), text: t.data.name })),
    cves: incident.vulnerabilities.map((v) => ({ path: paths.vulnerability(v.data.cve), text: v.data.cve })),
  };
}

export interface IncidentsIndexView {
  page: PageFrame;
  /** "10 incidents". */
  count: string;
  caption: string;
  rows: IncidentRowView[];
}

export function incidentsIndexPage(ctx: ViewContext): IncidentsIndexView {
  const count = countIncidents(ctx.kb.incidents.length);
  return {
    page: pageFrame(ctx.site, {
      path: paths.incidents(),
      title: 'All incidents',
      description: 'Every cyber incident in the knowledge base in one table: when it started, who was affected, the attacker, supplier, attack types and CVEs.',
    }),
    count,
    caption: `All ${count} recorded, newest first`,
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
