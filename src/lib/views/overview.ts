/**
 * /overview/: the whole collection at a glance, as charts drawn at build time (src/lib/charts/), and
 * the home page's headline charts, which are small versions of three of them. Everything a chart
 * shows is counted here from the knowledge base, with its one-sentence takeaway (worded with
 * src/lib/wording.ts) and the filtered list each mark links to. Nothing is drawn per incident once
 * there are many: counts are aggregated, the longest lists cut to their top ten, restore times
 * binned (the chart toolkit bins above 200 incidents).
 */
import { browsePaths, valueSlug } from '../browse.ts';
import { countByYear, type StackedColumnsData } from '../charts/stacked-columns.ts';
import type { RankedBarDatum } from '../charts/ranked-bars.ts';
import type { MeasuredItem } from '../charts/distribution.ts';
import { searchQueryString, type FacetKey } from '../facets.ts';
import type { KnowledgeBase, ResolvedIncident } from '../model.ts';
import { paths } from '../urls.ts';
import { suspectedSuffix, waysInMethod, wayInUnknownLabel } from '../ways-in.ts';
import { countOf, formatCount, listOf, type Noun } from '../wording.ts';
import { impactQualifierWords } from '../../schemas/vocabularies.ts';
import type { ImpactSummary } from '../../schemas/impact-summary.ts';
import { pageFrame, type LinkView, type PageFrame, type ViewContext } from './common.ts';

export const overviewPath = '/overview/';

const incident: Noun = { one: 'incident', other: 'incidents' };
const nouns = {
  incident,
  day: { one: 'day', other: 'days' },
  attackType: { one: 'attack type', other: 'attack types' },
  attacker: { one: 'attacker', other: 'attackers' },
  supplier: { one: 'supplier', other: 'suppliers' },
  vendor: { one: 'vendor', other: 'vendors' },
  wayIn: { one: 'way in', other: 'ways in' },
  appointment: { one: 'appointment', other: 'appointments' },
  procedure: { one: 'procedure', other: 'procedures' },
  postponed: { one: 'appointment or procedure', other: 'appointments and procedures' },
  person: { one: 'person', other: 'people' },
} satisfies Record<string, Noun>;

/** What every chart in a view carries besides its data: ChartFrame (src/lib/charts/model.ts). */
export interface ChartFrameView {
  id: string;
  title: string;
  headingLevel: 2 | 3;
  /** One sentence, computed from the data. */
  takeaway: string;
  /** How the chart counts, where the page knows more than the chart. */
  notes?: string[];
}

/** A chart as a view holds it: the component (src/components/charts/ChartView.astro) draws it by kind. */
export type ChartView =
  | { kind: 'small-multiples'; frame: ChartFrameView; data: StackedColumnsData; unit: Noun; category: Noun; totalLabel: string; totalHref: string }
  | { kind: 'ranked-bars'; frame: ChartFrameView; bars: RankedBarDatum[]; unit: Noun; category: Noun; maxBars: number; parts?: Noun[] }
  | { kind: 'distribution'; frame: ChartFrameView; items: MeasuredItem[]; unit: Noun; item: Noun; axisLabel: string; missing: number };

export interface OverviewPageView {
  page: PageFrame;
  title: string;
  /** "22 incidents from 2016 to 2025, counted six ways." */
  lead: string;
  /** Each chart's title, linked to it. */
  contents: LinkView[];
  charts: ChartView[];
  /** Where the numbers can be taken away. */
  data: LinkView;
}

export interface HomeChartsView {
  charts: ChartView[];
  overview: LinkView;
}

/** The filtered list of a facet value: its browse page (one exists for every value an incident has). */
function browseHref(key: FacetKey, value: string): string {
  return browsePaths.value(key, valueSlug(value) || 'other');
}

/** The search page with these filters ticked (combinations have no browse page). */
function searchHref(selected: Partial<Record<FacetKey, string[]>>): string {
  return `${paths.search()}${searchQueryString('', selected)}`;
}

/** A name mid-sentence: "Data breach" → "data breach"; a name with other capitals (ATT&CK's, "INC Ransom") is kept. */
function inSentence(name: string): string {
  return /[A-Z]/.test(name.slice(1)) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** An incident's title in a sentence: its titles are headlines ("WannaCry ransomware worm disrupts the NHS"), so quoted. */
function titled(title: string): string {
  return `"${title}"`;
}

/** "2016 to 2025", or one year. */
function yearSpan(incidents: readonly ResolvedIncident[]): string {
  const years = incidents.map((i) => i.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return first === last ? String(first) : `${first} to ${last}`;
}

/** Names that share the top value: "Qilin" or "INC Ransom and LockBit". */
function leaders(data: readonly { label: string; value: number }[]): { names: string[]; value: number } {
  const value = Math.max(...data.map((d) => d.value));
  return { names: data.filter((d) => d.value === value).map((d) => d.label).sort((a, b) => a.localeCompare(b, 'en-GB')), value };
}

/** "INC Ransom" / "INC Ransom and Qilin" (more than three: "4 attackers"), and whether a plural verb follows. */
function subject(names: readonly string[], noun: Noun): { text: string; plural: boolean } {
  if (names.length > 3) return { text: countOf(names.length, noun), plural: true };
  return { text: listOf(names), plural: names.length > 1 };
}

// ——— Incidents per year, by attack type ———

export function perYearChart(kb: KnowledgeBase, options: { headingLevel: 2 | 3; byType: boolean; id: string }): ChartView {
  const items = kb.incidents.map((i) => ({ year: i.year, categories: options.byType ? i.attackTypes.map((t) => ({ key: t.id, label: t.data.name })) : [] }));
  const names = new Map(kb.incidents.flatMap((i) => i.attackTypes.map((t) => [t.id, t.data.name] as const)));
  const years = new Map<number, number>();
  for (const i of kb.incidents) years.set(i.year, (years.get(i.year) ?? 0) + 1);
  const data = countByYear(items, {
    counting: 'each',
    // A year's own list is its browse page; a year and a type together, the search page.
    href: (year, type) => (type ? searchHref({ year: [String(year)], 'attack-type': [names.get(type)!] }) : years.has(year) ? browseHref('year', String(year)) : undefined),
    categoryHref: (type) => paths.attackType(type),
  });
  const busiest = leaders([...years].map(([year, value]) => ({ label: String(year), value })));
  const busiestText = `${listOf(busiest.names)} had the most incidents on record: ${formatCount(busiest.value)}${busiest.names.length > 1 ? ' each' : ''} of ${formatCount(kb.incidents.length)}`;
  let takeaway = `${busiestText}.`;
  if (options.byType && data.categories.length) {
    const byType = data.categories.map((c) => ({ label: c.label, value: kb.attackTypes.get(c.key)!.incidents.length }));
    const top = leaders(byType);
    takeaway = `${busiestText}; ${listOf(top.names.map(inSentence))} ${top.names.length > 1 ? 'are the most common attack types' : 'is the most common attack type'}, in ${countOf(top.value, incident)}${top.names.length > 1 ? ' each' : ''}.`;
  }
  return {
    kind: 'small-multiples',
    frame: { id: options.id, title: options.byType ? 'Incidents per year, by attack type' : 'Incidents per year', headingLevel: options.headingLevel, takeaway },
    data,
    unit: incident,
    category: nouns.attackType,
    totalLabel: 'All incidents',
    totalHref: paths.incidents(),
  };
}

// ——— Attackers, suppliers, products ———

export function attackersChart(kb: KnowledgeBase, options: { headingLevel: 2 | 3; maxBars: number; id: string }): ChartView {
  const bars = [...kb.actors.values()].filter((a) => a.incidents.length > 0).map((a) => ({ label: a.data.name, value: a.incidents.length, href: paths.actor(a.id) }));
  const unnamed = kb.incidents.filter((i) => i.actors.length === 0).length;
  const unnamedText = unnamed === 0 ? 'every incident names an attacker' : `${formatCount(unnamed)} of the ${countOf(kb.incidents.length, incident)} ${unnamed === 1 ? 'names' : 'name'} no attacker`;
  let takeaway: string;
  if (!bars.length) takeaway = `No incident names an attacker yet.`;
  else {
    const top = leaders(bars);
    const who = subject(top.names, nouns.attacker);
    takeaway =
      top.value === 1
        ? `No attacker is named in more than one incident, and ${unnamedText}.`
        : `${who.text} ${who.plural ? 'are' : 'is'} behind the most incidents (${formatCount(top.value)}${who.plural ? ' each' : ''}), and ${unnamedText}.`;
  }
  return {
    kind: 'ranked-bars',
    frame: {
      id: options.id,
      title: 'Attackers behind most incidents',
      headingLevel: options.headingLevel,
      takeaway: capitalise(takeaway),
      notes: ['An incident counts for each attacker named in it, whether the attribution is confirmed, claimed or only suspected.'],
    },
    bars,
    unit: incident,
    category: nouns.attacker,
    maxBars: options.maxBars,
  };
}

function vendorChart(kb: KnowledgeBase, role: 'asSupplier' | 'asProduct', headingLevel: 2 | 3): ChartView {
  const bars = [...kb.vendors.values()].filter((v) => v[role].length > 0).map((v) => ({ label: v.data.name, value: v[role].length, href: paths.vendor(v.id) }));
  const supplier = role === 'asSupplier';
  const noun = supplier ? nouns.supplier : nouns.vendor;
  let takeaway: string;
  if (!bars.length) takeaway = supplier ? 'No incident on record began with a breached supplier.' : 'No incident on record exploited a named product.';
  else {
    const top = leaders(bars);
    const total = new Set([...kb.vendors.values()].flatMap((v) => v[role])).size;
    const all = `${countOf(bars.length, noun)} ${supplier ? 'were themselves breached' : 'made products that were exploited'}, in ${countOf(total, incident)}`;
    const most = top.names.length > 3 ? countOf(top.names.length, noun) : listOf(top.names);
    takeaway = top.value === 1 ? `${all}; none more than once.` : `${all}; most often ${most} (${countOf(top.value, incident)}${top.names.length > 1 ? ' each' : ''}).`;
  }
  return {
    kind: 'ranked-bars',
    frame: supplier
      ? {
          id: 'chart-suppliers',
          title: 'Suppliers that were breached',
          headingLevel,
          takeaway: capitalise(takeaway),
          notes: ['Suppliers that were themselves attacked, so that the NHS bodies they serve were affected.'],
        }
      : {
          id: 'chart-products',
          title: 'Vendors whose products were exploited',
          headingLevel,
          takeaway: capitalise(takeaway),
          notes: ['Vendors whose product had a flaw that attackers used, named by the incident or through a CVE; the vendor itself was not breached.'],
        },
    bars,
    unit: incident,
    category: noun,
    maxBars: 10,
  };
}

// ——— How they got in ———

export function waysInChart(kb: KnowledgeBase, options: { headingLevel: 2 | 3; maxBars: number; id: string }): ChartView {
  // Counted from each incident's facet values, as the browse pages file them (not kb.browse, which
  // would index every facet of every incident for this one chart).
  const counts = new Map<string, number>();
  for (const i of kb.incidents) for (const value of i.facets['way-in']) counts.set(value, (counts.get(value) ?? 0) + 1);
  // "Not published" goes last: a reader looks for how attackers got in, not for how often nobody said.
  const bars = [...counts].map(([label, value]) => ({ label, value, href: browseHref('way-in', label), ...(label === wayInUnknownLabel ? { last: true } : {}) }));
  const unknown = bars.find((b) => b.label === wayInUnknownLabel)?.value ?? 0;
  const isSuspected = (value: string) => value.endsWith(suspectedSuffix);
  const known = bars.filter((b) => b.label !== wayInUnknownLabel && !isSuspected(b.label));
  const onlySuspected = kb.incidents.filter((i) => i.facets['way-in'].every(isSuspected)).length;
  const total = kb.incidents.length;
  const parts: string[] = [];
  const notPublished = `How the attackers got in is not published for ${formatCount(unknown)} of the ${countOf(total, incident)}`;
  const suspected = `only suspected for ${formatCount(onlySuspected)} ${unknown ? 'more' : `of the ${countOf(total, incident)}`}`;
  if (unknown && onlySuspected) parts.push(`${notPublished} and ${suspected}`);
  else if (unknown) parts.push(notPublished);
  else if (onlySuspected) parts.push(`How the attackers got in is ${suspected}`);
  if (known.length) {
    const top = leaders(known);
    const lead = `the most common ${top.names.length > 1 ? 'ways in are' : 'way in is'} ${listOf(top.names.map(inSentence))} (${countOf(top.value, incident)}${top.names.length > 1 ? ' each' : ''})`;
    parts.push(parts.length ? `where it is recorded, ${lead}` : capitalise(lead));
  }
  return {
    kind: 'ranked-bars',
    frame: { id: options.id, title: 'How the attackers got in', headingLevel: options.headingLevel, takeaway: `${parts.join('; ')}.`, notes: [waysInMethod] },
    bars,
    unit: incident,
    category: nouns.wayIn,
    maxBars: options.maxBars,
  };
}

// ——— Impact: restore times, appointments, data ———

type SummaryCount = NonNullable<ImpactSummary['daysToRestore']>;

/** Up to this many restore times are drawn as labelled bars, one per incident; more as a dot plot or histogram. */
export const labelledUpTo = 15;
const qualifierOf = (figure: SummaryCount) => impactQualifierWords[figure.qualifier];

export function restoreChart(kb: KnowledgeBase, headingLevel: 2 | 3): ChartView {
  const known = kb.incidents.filter((i) => i.data.impactSummary.daysToRestore !== undefined);
  const items: MeasuredItem[] = known.map((i) => {
    const figure = i.data.impactSummary.daysToRestore!;
    return { label: i.data.title, value: figure.value, ...(figure.qualifier !== 'exact' ? { qualifier: qualifierOf(figure) } : {}), href: paths.incident(i.id) };
  });
  const missing = kb.incidents.length - known.length;
  const values = items.map((d) => d.value).sort((a, b) => a - b);
  const median = values.length ? (values.length % 2 ? values[values.length >> 1]! : (values[values.length / 2 - 1]! + values[values.length / 2]!) / 2) : 0;
  const unknownText = missing ? `; ${formatCount(missing)} ${missing === 1 ? 'has' : 'have'} no published figure` : '';
  const takeaway = values.length
    ? values.length === 1
      ? `Services came back after ${countOf(values[0]!, nouns.day)} in the one incident with a published figure${unknownText}.`
      : `In the ${countOf(values.length, incident)} with a published figure, core services took from ${formatCount(values[0]!)} to ${countOf(values.at(-1)!, nouns.day)} to come back (half within ${countOf(median, nouns.day)})${unknownText}.`
    : `No incident has a published figure for how long services took to come back.`;
  const frame = { id: 'chart-restore', title: 'How long services took to come back', headingLevel, takeaway };
  // A few figures read best as one labelled bar each; more as dots on one axis, binned above 200.
  if (items.length <= labelledUpTo) {
    return {
      kind: 'ranked-bars',
      frame: { ...frame, notes: ['Incidents with no published figure are left out, not counted as none. A figure a source gives as "about" or "up to" is drawn at the number given.'] },
      bars: items.map((d) => ({ label: d.label, value: d.value, ...(d.qualifier ? { qualifier: d.qualifier } : {}), ...(d.href ? { href: d.href } : {}) })),
      unit: nouns.day,
      category: incident,
      maxBars: labelledUpTo,
    };
  }
  return {
    kind: 'distribution',
    frame,
    items,
    unit: nouns.day,
    item: incident,
    axisLabel: 'Days from the start of the attack until core services were restored',
    missing,
  };
}

/** The strongest qualifier of parts added together: "more than" wins, then "at least", "about", "up to". */
function sumQualifier(figures: readonly SummaryCount[]): string | undefined {
  for (const q of ['more-than', 'at-least', 'about', 'up-to'] as const) if (figures.some((f) => f.qualifier === q)) return impactQualifierWords[q];
  return undefined;
}

export function postponedChart(kb: KnowledgeBase, headingLevel: 2 | 3): ChartView {
  const bars: RankedBarDatum[] = kb.incidents.flatMap((i) => {
    const { appointmentsPostponed: a, proceduresPostponed: p } = i.data.impactSummary;
    if (!a && !p) return [];
    const qualifier = sumQualifier([a, p].filter((f) => f !== undefined));
    return [{ label: i.data.title, value: (a?.value ?? 0) + (p?.value ?? 0), parts: [a?.value ?? null, p?.value ?? null], ...(qualifier ? { qualifier } : {}), href: paths.incident(i.id) }];
  });
  const missing = kb.incidents.length - bars.length;
  const total = bars.reduce((s, b) => s + b.value, 0);
  const lowerBound = bars.some((b) => b.qualifier);
  const unknownText = missing ? `; ${formatCount(missing)} ${missing === 1 ? 'incident has' : 'incidents have'} no published figure` : '';
  let takeaway = 'No incident has a published figure for appointments or procedures postponed.';
  if (bars.length) {
    const top = leaders(bars);
    const topBar = bars.find((b) => b.label === top.names[0])!;
    const largest = top.names.length === 1 ? `the most in ${titled(top.names[0]!)} (${topBar.qualifier ?? ''}${formatCount(top.value)})` : `the most in ${listOf(top.names.map(titled))} (${formatCount(top.value)} each)`;
    takeaway = `${lowerBound ? 'At least ' : ''}${countOf(total, nouns.postponed)} were postponed in the ${countOf(bars.length, incident)} with a published figure, ${largest}${unknownText}.`;
    takeaway = takeaway.charAt(0).toUpperCase() + takeaway.slice(1);
  }
  return {
    kind: 'ranked-bars',
    frame: {
      id: 'chart-postponed',
      title: 'Appointments and procedures postponed',
      headingLevel,
      takeaway,
      notes: ['Each bar adds up the outpatient appointments and elective procedures a source says were postponed or cancelled; some sources give both in one figure. Incidents with no published figure are left out, not counted as none.'],
    },
    bars,
    unit: nouns.postponed,
    category: incident,
    maxBars: 10,
    parts: [nouns.appointment, nouns.procedure],
  };
}

export function dataExposedChart(kb: KnowledgeBase, headingLevel: 2 | 3): ChartView {
  const bars: RankedBarDatum[] = kb.incidents.flatMap((i) => {
    const figure = i.data.impactSummary.peopleDataExposed;
    return figure ? [{ label: i.data.title, value: figure.value, ...(figure.qualifier !== 'exact' ? { qualifier: qualifierOf(figure) } : {}), href: paths.incident(i.id) }] : [];
  });
  const missing = kb.incidents.length - bars.length;
  const unknownText = missing ? `; ${formatCount(missing)} ${missing === 1 ? 'incident has' : 'incidents have'} no published figure` : '';
  let takeaway = 'No incident has a published figure for the people whose data was exposed.';
  if (bars.length) {
    const top = leaders(bars);
    const bar = bars.find((b) => b.label === top.names[0])!;
    takeaway = `The largest exposure on record is in ${listOf(top.names.map(titled))}: ${bar.qualifier ?? ''}${countOf(top.value, nouns.person)}${top.names.length > 1 ? ' each' : ''}${unknownText}.`;
  }
  return {
    kind: 'ranked-bars',
    frame: {
      id: 'chart-data-exposed',
      title: 'People whose data was exposed',
      headingLevel,
      takeaway,
      notes: ['People whose personal data was exposed or stolen, as the sources for each incident count them: patients, staff or others. The same person can be in more than one incident, so the figures are not added up.'],
    },
    bars,
    unit: nouns.person,
    category: incident,
    maxBars: 10,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function overviewPage(ctx: ViewContext): OverviewPageView {
  const { kb } = ctx;
  const charts: ChartView[] = kb.incidents.length
    ? [
        perYearChart(kb, { headingLevel: 2, byType: true, id: 'chart-per-year' }),
        waysInChart(kb, { headingLevel: 2, maxBars: 10, id: 'chart-ways-in' }),
        attackersChart(kb, { headingLevel: 2, maxBars: 10, id: 'chart-attackers' }),
        vendorChart(kb, 'asSupplier', 2),
        vendorChart(kb, 'asProduct', 2),
        restoreChart(kb, 2),
        postponedChart(kb, 2),
        dataExposedChart(kb, 2),
      ]
    : [];
  const lead = kb.incidents.length
    ? `${capitalise(countOf(kb.incidents.length, incident))} on record, ${yearSpan(kb.incidents)}: when they happened, how the attackers got in, who was behind them, which suppliers were involved, and what they did to patient care.`
    : 'No incidents are recorded yet.';
  return {
    page: pageFrame(ctx.site, {
      path: overviewPath,
      title: 'Overview in charts',
      description: 'Every incident in the knowledge base counted in charts: incidents per year by attack type, how attackers got in, attackers, suppliers, how long services took to come back, and the impact on patients.',
    }),
    title: 'Overview in charts',
    lead,
    contents: charts.map((c) => ({ path: `#${c.frame.id}`, text: c.frame.title })),
    charts,
    data: { path: paths.data(), text: 'Open data: every incident as CSV, JSON and STIX' },
  };
}

/** A chart without the page's notes on how it counts (the overview has them): for small versions. */
function briefly(chart: ChartView): ChartView {
  const { notes: _notes, ...frame } = chart.frame;
  return { ...chart, frame };
}

/** The home page's headline charts: small versions of three of the overview's. */
export function homeCharts(kb: KnowledgeBase): HomeChartsView {
  return {
    charts: kb.incidents.length
      ? [
          perYearChart(kb, { headingLevel: 3, byType: false, id: 'home-chart-per-year' }),
          waysInChart(kb, { headingLevel: 3, maxBars: 5, id: 'home-chart-ways-in' }),
          attackersChart(kb, { headingLevel: 3, maxBars: 5, id: 'home-chart-attackers' }),
        ].map(briefly)
      : [],
    overview: { path: overviewPath, text: 'All the charts: attack types by year, suppliers, restore times and the impact on patients' },
  };
}
