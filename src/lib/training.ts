/**
 * Case studies for trainers: the pure logic behind /training/ (catalogue facets and filters,
 * questions grouped by audience, injects by phase, key facts and compare rows, recovery time).
 * No Astro imports: pages hand it the resolved model and render what it returns.
 */
import type { Incident } from '../schemas/incident.ts';
import { dateEnd, dateStart, type PartialDate } from '../schemas/dates.ts';
import {
  attributionLabels,
  audienceLabels,
  audiences,
  certaintyLabels,
  controlBasisLabels,
  controlEffectLabels,
  controlFrameworkLabels,
  dataSubjectLabels,
  organisationRoleLabels,
  trainingTopics,
  vendorRoleLabels,
  type Certainty,
} from '../schemas/vocabularies.ts';
import type { ResolvedIncident } from './model.ts';
import {
  matchesCatalogueFilters,
  sessionLengthLabel,
  sessionLengths,
  trainingTopicLabels,
  type Audience,
  type CatalogueFilters,
  type CatalogueTags,
  type SessionLength,
  type TrainingTopic,
} from './training-filters.ts';
import { formatNumber, formatPartialDate } from './dates-format.ts';
import { formatImpactValue } from './display.ts';
import { paths } from './urls.ts';
import { shortenAtWord, siteName } from './site.ts';

type Training = Incident['training'];
export type DiscussionQuestion = Training['questions'][number];
export type Inject = Training['injects'][number];
export type ControlEffect = Incident['controls'][number]['effect'];
export type ControlBasis = Incident['controls'][number]['basis'];


/**
 * Short words for a control's effect and basis, shown as tags; the longer explanation of each
 * comes from the shared vocabulary, so control pages and case studies say the same thing.
 */
export const controlEffectTags: Record<ControlEffect, { label: string; help: string }> = {
  prevent: { label: 'Prevent', help: controlEffectLabels.prevent },
  detect: { label: 'Detect', help: controlEffectLabels.detect },
  limit: { label: 'Limit', help: controlEffectLabels.limit },
  recover: { label: 'Recover', help: controlEffectLabels.recover },
};

export const controlBasisTags: Record<ControlBasis, { label: string; help: string }> = {
  sourced: { label: 'Sourced', help: controlBasisLabels.sourced },
  analysis: { label: 'Our analysis', help: controlBasisLabels.analysis },
};

/** Room left in a 70-character <title> (what search results and tabs show) once " | site name" is added. */
export const titleRoom = 70 - ` | ${siteName}`.length;

/** Shortens a page title to `max` characters at a word boundary, with an ellipsis; the h1 keeps the full text. */
export function fitTitle(text: string, max = titleRoom): string {
  return shortenAtWord(text, max);
}

/** Routes under /training/ (site-absolute; wrap with withBase or <Link>). */
export const trainingPaths = {
  catalogue: () => paths.training(),
  caseStudy: (id: string) => `/training/${id}/`,
  handout: (id: string) => `/training/${id}/handout/`,
  notes: (id: string) => `/training/${id}/notes/`,
  audience: (audience: string) => `/training/audience/${audience}/`,
  topic: (topic: string) => `/training/topic/${topic}/`,
  length: (minutes: number) => `/training/length/${minutes}/`,
  compare: () => '/training/compare/',
  comparePair: (a: string, b: string) => `/training/compare/${pairSlug(a, b)}/`,
} as const;

// ---------------------------------------------------------------------------------------------
// Questions and injects

export interface QuestionGroup<Q extends { audience: Audience }> {
  audience: Audience;
  label: string;
  questions: Q[];
}

/** Questions grouped by audience, audiences in the vocabulary's order, questions in the writer's order. */
export function groupQuestionsByAudience<Q extends { audience: Audience }>(questions: readonly Q[]): QuestionGroup<Q>[] {
  return audiences
    .map((audience) => ({ audience, label: audienceLabels[audience], questions: questions.filter((q) => q.audience === audience) }))
    .filter((group) => group.questions.length > 0);
}

export interface InjectPhase<I extends { phase: string }> {
  phase: string;
  injects: I[];
}

/** Injects grouped by phase, phases in the order they first appear (the writer orders them in time). */
export function groupInjectsByPhase<I extends { phase: string }>(injects: readonly I[]): InjectPhase<I>[] {
  const groups = new Map<string, I[]>();
  for (const inject of injects) {
    const key = inject.phase.trim();
    const list = groups.get(key);
    if (list) list.push(inject);
    else groups.set(key, [inject]);
  }
  return [...groups].map(([phase, list]) => ({ phase, injects: list }));
}

// ---------------------------------------------------------------------------------------------
// Session plans

export interface PlanStep {
  /** Minutes from the start of the session. */
  from: number;
  to: number;
  activity: string;
}

/**
 * A timed plan for a session of the given length, built from what the case study has: injects get
 * their own block when there are any and the session is long enough, and the number of questions
 * suggested fits the time (about five minutes a question).
 */
export function sessionPlan(minutes: SessionLength, training: Pick<Training, 'questions' | 'injects'>): PlanStep[] {
  const phases = groupInjectsByPhase(training.injects).length;
  const withInjects = phases > 0 && minutes >= 60;
  const blocks: { minutes: number; activity: (m: number) => string }[] = [
    { minutes: minutes === 30 ? 5 : 10, activity: () => 'Set the scene: read the summary and walk through the chronology on the handout.' },
    ...(withInjects
      ? [{ minutes: minutes === 60 ? 20 : 30, activity: () => `Run the exercise: read out the injects phase by phase (${phases} phase${phases === 1 ? '' : 's'}) and ask what the room would do next.` }]
      : []),
    {
      minutes: minutes === 30 ? 18 : withInjects ? (minutes === 60 ? 20 : 30) : minutes === 60 ? 37 : 55,
      activity: (m) => {
        const count = Math.max(1, Math.min(training.questions.length, Math.floor(m / 5)));
        return `Discuss ${count} of the ${training.questions.length} questions, starting with those for your audience.`;
      },
    },
    { minutes: minutes === 30 ? 5 : minutes === 60 ? 7 : 15, activity: () => 'Ask what would have stopped, spotted, limited or shortened the incident, then compare with the controls below.' },
  ];
  const used = blocks.reduce((n, b) => n + b.minutes, 0);
  blocks.push({ minutes: minutes - used, activity: () => 'Close: go back to the objectives and ask each person for one thing they will check at work.' });
  let clock = 0;
  return blocks.map((block) => {
    const step = { from: clock, to: clock + block.minutes, activity: block.activity(block.minutes) };
    clock = step.to;
    return step;
  });
}

// ---------------------------------------------------------------------------------------------
// Catalogue filters: in their own zod-free module so the catalogue's client script can import them
// without pulling the schemas into the browser; re-exported here as part of this module's API.

export {
  catalogueQuery,
  describeFilters,
  inSentence,
  matchesCatalogueFilters,
  parseCatalogueFilters,
  sessionLengthLabel,
  sessionLengths,
  trainingTopicLabels,
  type Audience,
  type CatalogueFilters,
  type CatalogueTags,
  type SessionLength,
  type TrainingTopic,
} from './training-filters.ts';

export function filterCatalogue<T extends { data: { training: CatalogueTags } }>(incidents: readonly T[], filters: CatalogueFilters): T[] {
  return incidents.filter((incident) => matchesCatalogueFilters(incident.data.training, filters));
}

export interface FacetValue<V> {
  value: V;
  label: string;
  count: number;
}

export interface CatalogueFacets {
  audiences: FacetValue<Audience>[];
  topics: FacetValue<TrainingTopic>[];
  lengths: FacetValue<SessionLength>[];
}

/**
 * Every filter value with how many case studies carry it, in vocabulary order; values no case study
 * has are left out. The knowledge base memoises it (kb.catalogueFacets): at 10,000 incidents the
 * counts cost seconds if every catalogue page recomputes them.
 */
export function catalogueFacets(incidents: readonly { data: { training: CatalogueTags } }[]): CatalogueFacets {
  const count = (has: (tags: CatalogueTags) => boolean) => incidents.filter((i) => has(i.data.training)).length;
  const keep = <V>(values: FacetValue<V>[]) => values.filter((v) => v.count > 0);
  return {
    audiences: keep(audiences.map((value) => ({ value, label: audienceLabels[value], count: count((t) => t.audiences.includes(value)) }))),
    topics: keep(trainingTopics.map((value) => ({ value, label: trainingTopicLabels[value], count: count((t) => t.topics.includes(value)) }))),
    lengths: keep(sessionLengths.map((value) => ({ value, label: sessionLengthLabel(value), count: count((t) => t.sessionLengths.includes(value)) }))),
  };
}

// ---------------------------------------------------------------------------------------------
// Recovery time

const dayMs = 86_400_000;

export interface Duration {
  /** Shortest and longest span the two dates allow, in whole days. */
  minDays: number;
  maxDays: number;
  /** True when both dates are known to the day. */
  exact: boolean;
  label: string;
}

/**
 * Days from one partial date to another, honest about precision: started 3 June 2024 and
 * resolved "September 2024" is "between 90 and 119 days", never a made-up exact number.
 */
export function durationBetween(from: PartialDate, to: PartialDate): Duration | undefined {
  const earliestEnd = dateStart(to).getTime();
  const latestEnd = dateEnd(to).getTime() - dayMs;
  const earliestStart = dateStart(from).getTime();
  const latestStart = dateEnd(from).getTime() - dayMs;
  const maxDays = Math.round((latestEnd - earliestStart) / dayMs);
  if (maxDays < 0) return undefined;
  const minDays = Math.max(0, Math.round((earliestEnd - latestStart) / dayMs));
  const exact = from.precision === 'day' && to.precision === 'day';
  return { minDays, maxDays, exact, label: formatDayRange(minDays, maxDays) };
}

function plural(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** "12 days (about 2 weeks)", "between 90 and 119 days (3 to 4 months)". */
export function formatDayRange(minDays: number, maxDays: number): string {
  const rough = (days: number) => (days >= 60 ? Math.round(days / 30.44) : days >= 14 ? Math.round(days / 7) : days);
  const unit = (days: number) => (days >= 60 ? 'month' : days >= 14 ? 'week' : 'day');
  if (minDays === maxDays) {
    const days = minDays;
    return days >= 14 ? `${plural(days, 'day')} (about ${plural(rough(days), unit(days))})` : plural(days, 'day');
  }
  if (minDays === 0) {
    // The end is known only to the month or year it fell in: give the longest it can have been.
    return maxDays >= 14 ? `up to ${plural(maxDays, 'day')} (about ${plural(rough(maxDays), unit(maxDays))})` : `up to ${plural(maxDays, 'day')}`;
  }
  const range = `between ${formatNumber(minDays)} and ${plural(maxDays, 'day')}`;
  if (minDays >= 60 && unit(minDays) === unit(maxDays)) {
    const [a, b] = [rough(minDays), rough(maxDays)];
    return a === b ? `${range} (about ${plural(a, 'month')})` : `${range} (${a} to ${b} months)`;
  }
  return range;
}

export interface RecoveryTime extends Duration {
  from: PartialDate;
  to: PartialDate;
  note?: string | undefined;
}

/** From when the attack began to when services were restored or the incident closed; undefined if no end date is recorded. */
export function recoveryTime(dates: Incident['dates']): RecoveryTime | undefined {
  if (!dates.resolved) return undefined;
  const duration = durationBetween(dates.started.date, dates.resolved.date);
  if (!duration) return undefined;
  return { ...duration, from: dates.started.date, to: dates.resolved.date, note: dates.resolved.note };
}

// ---------------------------------------------------------------------------------------------
// Key facts and compare rows (one builder for both: a case study's key facts are its compare column)

export interface FactItem {
  text: string;
  href?: string | undefined;
  /** Qualifier shown after the text, e.g. "claimed by the attacker". */
  note?: string | undefined;
  /** Source ids behind the item (numbered by the incident's source list). */
  sources?: readonly string[] | undefined;
}

export interface FactRow {
  key: CompareRowKey;
  label: string;
  items: FactItem[];
  /** What to say when there is nothing to show. */
  empty: string;
}

export const compareRowKeys = [
  'started',
  'organisations',
  'attacker',
  'attackTypes',
  'initialAccess',
  'vulnerabilities',
  'supplier',
  'services',
  'data',
  'impact',
  'recovery',
  'controls',
] as const;
export type CompareRowKey = (typeof compareRowKeys)[number];

const rowLabels: Record<CompareRowKey, string> = {
  started: 'Began',
  organisations: 'Organisations affected',
  attacker: 'Attacker',
  attackTypes: 'Attack type',
  initialAccess: 'How they got in',
  vulnerabilities: 'Vulnerabilities exploited',
  supplier: 'Supplier or product involved',
  services: 'Services disrupted',
  data: 'Data exposed',
  impact: 'Impact figures',
  recovery: 'Time to recovery',
  controls: 'Controls that would have helped',
};

/** A certainty worth saying out loud: "confirmed" goes without saying. */
const certaintyNote = (certainty: Certainty) => (certainty === 'confirmed' ? undefined : certaintyLabels[certainty].toLowerCase());

export function factRows(incident: ResolvedIncident): FactRow[] {
  const d = incident.data;
  const rows: Record<CompareRowKey, Omit<FactRow, 'key' | 'label'>> = {
    started: {
      items: [{ text: formatPartialDate(d.dates.started.date), sources: d.dates.started.sources, note: d.dates.started.note }],
      empty: 'Not known',
    },
    organisations: {
      items: incident.organisations.map((o) => ({
        text: o.entry.data.name,
        href: paths.organisation(o.id),
        note: [organisationRoleLabels[o.role].toLowerCase(), certaintyNote(o.certainty)].filter(Boolean).join('; '),
        sources: o.sources,
      })),
      empty: 'None recorded',
    },
    attacker: {
      items: incident.actors.map((a) => ({ text: a.entry.data.name, href: paths.actor(a.id), note: attributionLabels[a.attribution].toLowerCase(), sources: a.sources })),
      empty: d.attributionNote ?? 'Not named',
    },
    attackTypes: {
      items: incident.attackTypes.map((t) => ({ text: t.data.name, href: paths.attackType(t.id) })),
      empty: 'Not recorded',
    },
    initialAccess: {
      items: d.initialAccess ? [{ text: d.initialAccess.description, note: certaintyNote(d.initialAccess.certainty), sources: d.initialAccess.sources }] : [],
      empty: 'Not made public',
    },
    vulnerabilities: {
      items: incident.vulnerabilities.map((v) => ({ text: v.data.cve, href: paths.vulnerability(v.data.cve) })),
      empty: 'None recorded',
    },
    supplier: {
      items: incident.vendors.map((v) => ({
        text: [v.entry.data.name, ...(v.products.length ? [`(${v.products.map((p) => p.name).join(', ')})`] : [])].join(' '),
        href: paths.vendor(v.id),
        note: vendorRoleLabels[v.role].toLowerCase(),
        sources: v.sources,
      })),
      empty: 'No supplier involved',
    },
    services: {
      items: d.servicesDisrupted.map((s) => ({ text: `${s.service}: ${s.description}`, sources: s.sources })),
      empty: 'None recorded',
    },
    data: {
      items: d.dataExposed.map((e) => ({
        text: e.description,
        note: [e.subjects.map((s) => dataSubjectLabels[s]).join(', '), certaintyNote(e.certainty)].filter(Boolean).join('; '),
        sources: e.sources,
      })),
      empty: 'No data exposure recorded',
    },
    impact: {
      items: d.impact.map((f) => ({
        text: `${f.label}: ${formatImpactValue(f)}`,
        note: [`as of ${formatPartialDate(f.asOf)}`, certaintyNote(f.certainty)].filter(Boolean).join('; '),
        sources: f.sources,
      })),
      empty: 'No figures published',
    },
    recovery: (() => {
      const time = recoveryTime(d.dates);
      return {
        items: time
          ? [{ text: time.label, note: `${formatPartialDate(time.from)} to ${formatPartialDate(time.to)}${time.note ? `; ${time.note}` : ''}`, sources: d.dates.resolved?.sources }]
          : [],
        empty: 'No recovery date recorded',
      };
    })(),
    controls: {
      items: incident.controls.map((c) => ({
        text: c.entry.data.name,
        href: paths.control(c.control),
        note: `${controlEffectTags[c.effect].label.toLowerCase()}; ${controlBasisTags[c.basis].label.toLowerCase()}`,
      })),
      empty: 'None linked',
    },
  };
  return compareRowKeys.map((key) => ({ key, label: rowLabels[key], ...rows[key] }));
}

/** The facts a handout and case study open with: the compare rows minus the controls (the discussion is about those). */
export function keyFacts(incident: ResolvedIncident): FactRow[] {
  return factRows(incident).filter((row) => row.key !== 'controls' && (row.items.length > 0 || row.key === 'attacker' || row.key === 'recovery'));
}

type ImpactFigure = Incident['impact'][number];

/**
 * The series a figure belongs to: "Elective procedures postponed, cumulative (King's)" and
 * "Elective procedures postponed in week 1" are one series told at different dates.
 */
export function impactSeriesKey(figure: Pick<ImpactFigure, 'label' | 'unit'>): string {
  const stem = figure.label
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .split(/[,;:]/)[0]!
    .replace(/\b(in|during|by|after) (week|day|month) \d+\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `${figure.unit}|${stem}`;
}

/** One figure per series, the latest (by as-of date, then by position), where the series first appears. */
export function latestOfEachSeries<F extends Pick<ImpactFigure, 'label' | 'unit' | 'asOf'>>(figures: readonly F[]): F[] {
  const latest = new Map<string, F>();
  for (const figure of figures) {
    const key = impactSeriesKey(figure);
    const seen = latest.get(key);
    if (!seen || dateStart(figure.asOf) >= dateStart(seen.asOf)) latest.set(key, figure);
  }
  const order = [...new Set(figures.map(impactSeriesKey))];
  return order.map((key) => latest.get(key)!);
}

/**
 * Key facts cut to fit a two-page handout: each impact series at its latest value, services by
 * name only. The case study page keeps the full rows; the handout says where to find them.
 */
export function handoutFacts(incident: ResolvedIncident): FactRow[] {
  const latest = new Set<ImpactFigure>(latestOfEachSeries(incident.data.impact));
  return keyFacts(incident).map((row) => {
    if (row.key === 'impact') return { ...row, items: row.items.filter((_, i) => latest.has(incident.data.impact[i]!)) };
    if (row.key === 'services') return { ...row, items: incident.data.servicesDisrupted.map((s) => ({ text: s.service, sources: s.sources })) };
    return row;
  });
}

/** Ids of the sources the given facts and the chronology cite, in the incident's source order. */
export function citedSourceIds(incident: ResolvedIncident, rows: readonly FactRow[]): string[] {
  const cited = new Set<string>([...rows.flatMap((r) => r.items.flatMap((i) => i.sources ?? [])), ...incident.data.chronology.flatMap((e) => e.sources)]);
  return incident.data.sources.map((s) => s.id).filter((id) => cited.has(id));
}

export interface CompareTable {
  incidents: ResolvedIncident[];
  rows: { key: CompareRowKey; label: string; cells: { items: FactItem[]; empty: string }[] }[];
}

/** Rows of facts, one cell per incident, in the order the incidents are given. */
export function compareTable(incidents: readonly ResolvedIncident[]): CompareTable {
  const columns = incidents.map(factRows);
  return {
    incidents: [...incidents],
    rows: compareRowKeys.map((key, index) => ({
      key,
      label: rowLabels[key],
      cells: columns.map((rows) => {
        const row = rows[index]!;
        return { items: row.items, empty: row.empty };
      }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Curated pairs

/** A pair's URL segment: both ids, alphabetical, joined by "--vs--" (readable, and unlike any incident id). */
export function pairSlug(a: string, b: string): string {
  return [a, b].sort().join('--vs--');
}

export interface ComparePair {
  slug: string;
  incidents: [ResolvedIncident, ResolvedIncident];
  /** Why these two are worth comparing, in words. */
  reasons: string[];
  /** Named by a writer in training.compareWith, not found by shared features. */
  curated: boolean;
}

function sharedFeatures(a: ResolvedIncident, b: ResolvedIncident): string[] {
  const shared = <T>(x: readonly T[], y: readonly T[]) => x.filter((v) => y.includes(v));
  const reasons: string[] = [];
  const actors = shared(a.actors.map((x) => x.entry.data.name), b.actors.map((x) => x.entry.data.name));
  if (actors.length) reasons.push(`same attacker: ${actors.join(', ')}`);
  const vendors = shared(a.vendors.map((x) => x.entry.data.name), b.vendors.map((x) => x.entry.data.name));
  if (vendors.length) reasons.push(`same supplier or product: ${vendors.join(', ')}`);
  const suppliers = a.vendors.some((v) => v.role === 'compromised-supplier') && b.vendors.some((v) => v.role === 'compromised-supplier');
  if (suppliers && !vendors.length) reasons.push('both came through a compromised supplier');
  const types = shared(a.attackTypes.map((t) => t.data.name), b.attackTypes.map((t) => t.data.name));
  if (types.length) reasons.push(`both ${types.join(', ').toLowerCase()}`);
  const topics = shared(a.data.training.topics, b.data.training.topics).map((t) => trainingTopicLabels[t].toLowerCase());
  if (topics.length) reasons.push(`teach ${topics.join(', ')}`);
  const controls = shared(a.controls.map((c) => c.control), b.controls.map((c) => c.control));
  if (controls.length) reasons.push(`${controls.length} control${controls.length === 1 ? '' : 's'} in common`);
  return reasons;
}

/** How alike two incidents are, for picking pairs: shared attackers and suppliers weigh most. */
/** What two incidents share, weighted: the same attacker or supplier matters most. */
function weightedFeatures(incident: ResolvedIncident): [string, number][] {
  const unique = <T>(values: readonly T[]) => [...new Set(values)];
  return [
    ...unique(incident.actors.map((x) => x.id)).map((id): [string, number] => [`actor:${id}`, 4]),
    ...unique(incident.vendors.map((x) => x.id)).map((id): [string, number] => [`vendor:${id}`, 4]),
    ...unique(incident.attackTypes.map((x) => x.id)).map((id): [string, number] => [`attack:${id}`, 2]),
    ...unique(incident.data.training.topics).map((id): [string, number] => [`topic:${id}`, 1]),
    ...unique(incident.controls.map((c) => c.control)).map((id): [string, number] => [`control:${id}`, 1]),
  ];
}

/**
 * For each incident, its `perIncident` most similar others (score > 0; ties by id). Scores are
 * summed through an inverted index of features, so only incidents that share something are
 * touched and nothing is sorted beyond the few best: thousands of incidents take well under a
 * second, where comparing and sorting every pair took minutes.
 */
export function mostSimilar(incidents: readonly ResolvedIncident[], perIncident: number): Map<string, ResolvedIncident[]> {
  const postings = new Map<string, { index: number; weight: number }[]>();
  const features = incidents.map(weightedFeatures);
  features.forEach((list, index) => {
    for (const [key, weight] of list) {
      let posting = postings.get(key);
      if (!posting) postings.set(key, (posting = []));
      posting.push({ index, weight });
    }
  });
  const scores = new Float64Array(incidents.length);
  const result = new Map<string, ResolvedIncident[]>();
  features.forEach((list, self) => {
    const touched: number[] = [];
    for (const [key] of list) {
      for (const { index, weight } of postings.get(key) ?? []) {
        if (index === self) continue;
        if (scores[index] === 0) touched.push(index);
        scores[index] = scores[index]! + weight;
      }
    }
    const best: number[] = [];
    const better = (x: number, y: number) => scores[x]! > scores[y]! || (scores[x] === scores[y] && incidents[x]!.id.localeCompare(incidents[y]!.id) < 0);
    for (const index of touched) {
      if (best.length < perIncident) best.push(index);
      else if (better(index, best[best.length - 1]!)) best[best.length - 1] = index;
      else continue;
      best.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0));
    }
    result.set(incidents[self]!.id, best.map((index) => incidents[index]!));
    for (const index of touched) scores[index] = 0;
  });
  return result;
}

/**
 * The pairs that get a static compare page: every pair a writer named in training.compareWith,
 * then for each incident its `perIncident` most similar others. The number of pairs grows
 * linearly with the number of incidents.
 */
export function comparePairs(incidents: readonly ResolvedIncident[], perIncident = 2): ComparePair[] {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const pairs = new Map<string, ComparePair>();
  const add = (a: ResolvedIncident, b: ResolvedIncident, curated: boolean) => {
    if (a.id === b.id) return;
    const slug = pairSlug(a.id, b.id);
    const existing = pairs.get(slug);
    if (existing) {
      existing.curated ||= curated;
      return;
    }
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    pairs.set(slug, { slug, incidents: [first, second], reasons: sharedFeatures(first, second), curated });
  };
  for (const incident of incidents) {
    for (const id of incident.data.training.compareWith ?? []) {
      const other = byId.get(id);
      if (other) add(incident, other, true);
    }
  }
  const similar = mostSimilar(incidents, perIncident);
  for (const incident of incidents) {
    for (const other of similar.get(incident.id) ?? []) add(incident, other, false);
  }
  return [...pairs.values()].sort((x, y) => Number(y.curated) - Number(x.curated) || x.slug.localeCompare(y.slug));
}

export interface ComparePairIndex {
  /** Curated pairs first, then by slug. */
  pairs: ComparePair[];
  bySlug: Map<string, ComparePair>;
  byIncident: Map<string, ComparePair[]>;
}

/** Pairs looked up by slug and by incident (the knowledge base keeps this as kb.comparePairs). */
export function indexComparePairs(pairs: readonly ComparePair[]): ComparePairIndex {
  const byIncident = new Map<string, ComparePair[]>();
  for (const pair of pairs) {
    for (const incident of pair.incidents) {
      const list = byIncident.get(incident.id) ?? [];
      list.push(pair);
      byIncident.set(incident.id, list);
    }
  }
  return { pairs: [...pairs], bySlug: new Map(pairs.map((p) => [p.slug, p])), byIncident };
}

/** Pairs that include one incident, the other incident first-class for linking ("Compare with ..."). */
export function pairsFor(index: ComparePairIndex, id: string): { pair: ComparePair; other: ResolvedIncident }[] {
  return (index.byIncident.get(id) ?? []).map((pair) => ({ pair, other: pair.incidents[0].id === id ? pair.incidents[1] : pair.incidents[0] }));
}

// ---------------------------------------------------------------------------------------------
// Controls

export interface ControlHelp {
  id: string;
  name: string;
  framework: string;
  reference: string;
  effect: ControlEffect;
  basis: ControlBasis;
  reasoning: string;
  sources: readonly string[];
}

const effectOrder: readonly ControlEffect[] = ['prevent', 'detect', 'limit', 'recover'];

/** The controls that would have helped, in the order of the kill chain: prevent, detect, limit, recover. */
export function controlsThatHelped(incident: ResolvedIncident): ControlHelp[] {
  return incident.controls
    .map((c) => ({
      id: c.control,
      name: c.entry.data.name,
      framework: controlFrameworkLabels[c.entry.data.framework],
      reference: c.entry.data.reference,
      effect: c.effect,
      basis: c.basis,
      reasoning: c.reasoning,
      sources: c.sources,
    }))
    .sort((a, b) => effectOrder.indexOf(a.effect) - effectOrder.indexOf(b.effect));
}
