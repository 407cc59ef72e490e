/**
 * The trainers' pages: the case-study catalogue (/training/ and its audience, topic and length
 * pages), a case study (one page that reads on screen, prints as the participant handout, the
 * trainer notes or the inject cards, and runs as slides on a projector), the guide to running a
 * session, and the compare pages.
 */
import type { Incident } from '../../schemas/incident.ts';
import { audienceLabels, certainties, certaintyLabels, controlBases, controlEffects, eventKindLabels } from '../../schemas/vocabularies.ts';
import type { ResolvedIncident } from '../model.ts';
import { filterCatalogue } from '../training/catalogue.ts';
import { compareTable, pairsFor } from '../training/compare.ts';
import { compareDataPaths } from '../training/compare-data.ts';
import type { FactRow } from '../training/facts.ts';
import { handoutCut } from '../training/handout.ts';
import { inSentence, sessionLengthLabel, trainingTopicLabels, type Audience, type CatalogueFilters, type SessionLength, type TrainingTopic } from '../training/filters.ts';
import { trainingPaths } from '../training/paths.ts';
import {
  controlBasisTags,
  controlEffectTags,
  controlsThatHelped,
  groupInjectsByPhase,
  groupQuestionsByAudience,
  sessionPlan,
  splitBlock,
  type PlanBlock,
  type TimeSlot,
} from '../training/session.ts';
import { fitTitle } from '../site.ts';
import { formatPartialDate } from '../dates-format.ts';
import { absoluteUrl } from '../export/site-url.ts';
import { paths, sourceAnchor } from '../urls.ts';
import { countOf, listOf } from '../wording.ts';
import { certaintyView, entryFor, pageFrame, type CertaintyView, type LinkView, type PageFrame, type SourceRefView, type ViewContext } from './common.ts';
import { sourceList, type SourceView } from './parts.ts';
import { z } from 'astro/zod';
import { sourceSchema } from '../../schemas/source.ts';

// ---------------------------------------------------------------------------------------------
// Pieces shared by the case study and the compare pages

export interface FactItemView {
  text: string;
  path?: string | undefined;
  note?: string | undefined;
  refs: SourceRefView[];
}

export interface FactRowView {
  label: string;
  items: FactItemView[];
  /** What to say when there is nothing to show. */
  empty: string;
}

/**
 * References to the numbered sources of the incident's write-up: the case study keeps no source
 * list of its own (the write-up has it, with every address), so each number links there.
 */
function writeUpRefs(incident: ResolvedIncident, ids: readonly string[] | undefined): SourceRefView[] {
  return (ids ?? []).flatMap((id) => {
    const number = incident.sourceNumbers.get(id);
    return number === undefined ? [] : [{ number, href: `${paths.incident(incident.id)}#${sourceAnchor(id)}`, label: `${number}: source, in the write-up` }];
  });
}

function factRowView(incident: ResolvedIncident, row: FactRow): FactRowView {
  return {
    label: row.label,
    items: row.items.map((item) => ({ text: item.text, path: item.href, note: item.note || undefined, refs: writeUpRefs(incident, item.sources) })),
    empty: row.empty,
  };
}

export interface TrainingEventView {
  when: string;
  /** "Detection" or "Detection, claimed". */
  kind: string;
  text: string;
  refs: SourceRefView[];
}

function eventView(incident: ResolvedIncident, event: Incident['chronology'][number]): TrainingEventView {
  return {
    when: formatPartialDate(event.date),
    kind: `${eventKindLabels[event.kind]}${event.certainty !== 'confirmed' ? `, ${certaintyLabels[event.certainty].toLowerCase()}` : ''}`,
    text: event.event,
    refs: writeUpRefs(incident, event.sources),
  };
}

export interface QuestionGroupView {
  label: string;
  /** Numbering runs on across groups, so "question 7" means one question in the room. */
  start: number;
  questions: { question: string; answer?: string | undefined }[];
}

function questionGroups(questions: Incident['training']['questions']): QuestionGroupView[] {
  let next = 1;
  return groupQuestionsByAudience(questions).map((group) => {
    const start = next;
    next += group.questions.length;
    return { label: group.label, start, questions: group.questions.map((q) => ({ question: q.question, answer: q.answer })) };
  });
}

export interface TrainingControlsView {
  /** What each effect and each basis means. */
  legend: { effects: { term: string; meaning: string }[]; bases: { term: string; meaning: string }[] };
  controls: {
    link: LinkView;
    ref: string;
    effect: string;
    effectLabel: string;
    basis: string;
    basisLabel: string;
    reasoning: string;
    refs: SourceRefView[];
  }[];
}

function trainingControls(incident: ResolvedIncident): TrainingControlsView {
  return {
    legend: {
      effects: controlEffects.map((effect) => ({ term: controlEffectTags[effect].label, meaning: controlEffectTags[effect].help })),
      bases: controlBases.map((basis) => ({ term: controlBasisTags[basis].label, meaning: controlBasisTags[basis].help })),
    },
    controls: controlsThatHelped(incident).map((c) => ({
      link: { path: paths.control(c.id), text: c.name },
      ref: `${c.framework}, ${c.reference}`,
      effect: c.effect,
      effectLabel: controlEffectTags[c.effect].label,
      basis: c.basis,
      basisLabel: controlBasisTags[c.basis].label,
      reasoning: c.reasoning,
      refs: writeUpRefs(incident, c.sources),
    })),
  };
}

/** "30, 60 or 90 minutes". */
const sessionsText = (lengths: readonly number[]) => `${listOf(lengths.map(String), 'or')} minutes`;

// ---------------------------------------------------------------------------------------------
// The catalogue

export interface CaseStudyCardView {
  id: string;
  headingId: string;
  path: string;
  title: string;
  hook: string;
  objectives: string[];
  /** Space-separated values the catalogue's filter script matches. */
  audienceIds: string;
  topicIds: string;
  lengths: string;
  audiences: string;
  topics: string;
  session: string;
  /** "A tabletop exercise in 5 phases and 9 questions for discussion." */
  format: string;
  writeUp: string;
}

/** What a session from the case study consists of, in a line: the exercise (if any) and the discussion. */
function formatLine(t: Incident['training']): string {
  const phases = groupInjectsByPhase(t.injects).length;
  const questions = countOf(t.questions.length, 'question');
  return phases > 0
    ? `A tabletop exercise (${countOf(t.injects.length, 'inject')} in ${countOf(phases, 'phase')}) and ${questions} for discussion.`
    : `A discussion: ${questions}.`;
}

function caseStudyCard(incident: ResolvedIncident): CaseStudyCardView {
  const t = incident.data.training;
  return {
    id: incident.id,
    headingId: `case-${incident.id}`,
    path: trainingPaths.caseStudy(incident.id),
    title: incident.data.title,
    hook: t.hook,
    objectives: t.objectives,
    audienceIds: t.audiences.join(' '),
    topicIds: t.topics.join(' '),
    lengths: t.sessionLengths.join(' '),
    audiences: t.audiences.map((a) => audienceLabels[a]).join('; '),
    topics: t.topics.map((x) => trainingTopicLabels[x]).join('; '),
    session: sessionsText(t.sessionLengths),
    format: formatLine(t),
    writeUp: paths.incident(incident.id),
  };
}

export interface CatalogueBrowseGroup {
  title: string;
  id: string;
  links: { path: string; label: string; count: number; current: boolean }[];
}

export interface CatalogueFilterView {
  audiences: { value: string; label: string }[];
  topics: { value: string; label: string }[];
  lengths: { value: string; label: string }[];
  total: number;
  /** "10 case studies." */
  status: string;
}

export interface TrainingCatalogueView {
  page: PageFrame;
  /** Back to the whole catalogue, on the filtered pages. */
  kicker?: LinkView | undefined;
  heading: string;
  browse: CatalogueBrowseGroup[];
  listHeading: string;
  cards: CaseStudyCardView[];
  compare: string;
  guide: string;
}

/** /training/: the whole catalogue, with the form that narrows the list in place. */
export interface TrainingIndexView extends TrainingCatalogueView {
  filter: CatalogueFilterView;
}

const caseStudies = (count: number) => countOf(count, { one: 'case study', other: 'case studies' });

/**
 * /training/ (no filter) or one of its static filtered pages: /training/audience/<a>/,
 * /training/topic/<t>/, /training/length/<minutes>/ (one filter each).
 */
export function trainingCatalogue(ctx: ViewContext, filters: CatalogueFilters = {}): TrainingCatalogueView {
  const { kb } = ctx;
  const facets = kb.catalogueFacets;
  const incidents = filterCatalogue(kb.incidents, filters);
  let path: string = trainingPaths.catalogue();
  let title = 'Case studies for trainers';
  let description = 'Real NHS cyber incidents as ready-to-run training sessions: objectives, discussion questions by audience, tabletop exercise injects, a printable handout, trainer notes and slides.';
  let heading = title;
  let listHeading = `All case studies (${incidents.length})`;
  if (filters.audience) {
    const label = inSentence(audienceLabels[filters.audience]);
    path = trainingPaths.audience(filters.audience);
    heading = `Case studies for ${label}`;
    title = fitTitle(heading);
    description = `Training case studies written for ${label}.`;
    listHeading = `${caseStudies(incidents.length)} with questions for ${label}`;
  } else if (filters.topic) {
    const label = inSentence(trainingTopicLabels[filters.topic]);
    path = trainingPaths.topic(filters.topic);
    heading = `Case studies on ${label}`;
    title = fitTitle(heading);
    description = `Training case studies on ${label}.`;
    listHeading = `${caseStudies(incidents.length)} on ${label}`;
  } else if (filters.length) {
    path = trainingPaths.length(filters.length);
    heading = `Case studies for a ${filters.length}-minute session`;
    title = heading;
    description = `Training case studies with material for a ${filters.length}-minute session.`;
    listHeading = `${caseStudies(incidents.length)} that run in ${filters.length} minutes`;
  }
  const filtered = path !== trainingPaths.catalogue();
  const link = (target: string, label: string, count: number) => ({ path: target, label, count, current: filtered && target === path });
  return {
    page: pageFrame(ctx.site, { path, title, description }),
    kicker: filtered ? { path: trainingPaths.catalogue(), text: 'Case studies for trainers' } : undefined,
    heading,
    browse: [
      { title: 'By audience', id: 'browse-audience', links: facets.audiences.map((f) => link(trainingPaths.audience(f.value), f.label, f.count)) },
      { title: 'By topic', id: 'browse-topic', links: facets.topics.map((f) => link(trainingPaths.topic(f.value), f.label, f.count)) },
      { title: 'By session length', id: 'browse-length', links: facets.lengths.map((f) => link(trainingPaths.length(f.value), f.label, f.count)) },
    ],
    listHeading,
    cards: incidents.map(caseStudyCard),
    compare: trainingPaths.compare(),
    guide: trainingPaths.guide(),
  };
}

export function trainingIndexPage(ctx: ViewContext): TrainingIndexView {
  const facets = ctx.kb.catalogueFacets;
  const total = ctx.kb.incidents.length;
  return {
    ...trainingCatalogue(ctx),
    filter: {
      audiences: facets.audiences.map((f) => ({ value: f.value, label: f.label })),
      topics: facets.topics.map((f) => ({ value: f.value, label: f.label })),
      lengths: facets.lengths.map((f) => ({ value: String(f.value), label: f.label })),
      total,
      status: `${caseStudies(total)}.`,
    },
  };
}

/** The filters that have a static page, for the routes' getStaticPaths. */
export function catalogueFilterPages(ctx: ViewContext): { audiences: Audience[]; topics: TrainingTopic[]; lengths: SessionLength[] } {
  const facets = ctx.kb.catalogueFacets;
  return { audiences: facets.audiences.map((f) => f.value), topics: facets.topics.map((f) => f.value), lengths: facets.lengths.map((f) => f.value) };
}

// ---------------------------------------------------------------------------------------------
// A case study: the page a trainer runs a session from

/**
 * When a part of the session runs, for each session length whose plan has it, for the presenter
 * view's timers: "30:0-5 60:0-10 90:0-10" (length:from-to, in minutes from the start).
 */
export type SlideTimes = string;

function slideTimes(slots: ReadonlyMap<number, TimeSlot>): SlideTimes {
  return [...slots].map(([minutes, slot]) => `${minutes}:${slot.from}-${slot.to}`).join(' ');
}

export interface PlanView {
  id: string;
  heading: string;
  steps: { time: string; activity: string }[];
}

export interface InjectPhaseView {
  phase: string;
  /** "Phase 2 of 5". */
  position: string;
  /** When it is read out: "14–18 min of the 60-minute plan; 16–22 min of the 90-minute plan". */
  when: string;
  times: SlideTimes;
  injects: { number: number; text: string }[];
}

export interface PresenterView {
  /** What each part of the session asks the room. */
  prompts: { phase: string; controls: string; close: string };
  times: { opening: SlideTimes; controls: SlideTimes; close: SlideTimes };
  /** The controls, by name and effect, for the slide that asks what would have helped. */
  controls: string[];
  /** Slide numbers, in session order: the scene, each phase, each audience's questions, the controls, the close. */
  slides: { opening: number; phases: number; questions: number; controls: number; close: number };
  /** The session lengths, space-separated, and the one the timers follow at first. */
  lengthList: string;
  defaultLength: string;
}

export interface HandoutView {
  summary: string;
  facts: FactRowView[];
  chronology: TrainingEventView[];
  /** Said when the handout shows only some events: "8 of the 17 events ...". */
  chronologyNote?: string | undefined;
  /** Whether each printed question keeps room to write under it (when the two pages allow). */
  roomToWrite: boolean;
  smallNotes: boolean;
  /** Questions only: never the answers. Each group is a slide of the presenter view, with its title and times. */
  questions: (QuestionGroupView & { slideTitle: string; times: SlideTimes })[];
  /** "From 39 sources, among them NHS England London, Synnovis and BBC News." */
  sources: string;
  /** The write-up's source list, every address written out. */
  sourceList: { path: string; url: string };
  reviewed: string;
}

export interface CaseStudyPageView {
  page: PageFrame;
  kicker: LinkView;
  title: string;
  hook: string;
  /** "A tabletop exercise (5 injects in 5 phases) and 9 questions for discussion." */
  format: string;
  /** What the page prints and shows, in words a trainer searches for: "This page prints as the participant handout, ...". */
  prints: string;
  objectives: string[];
  audiences: LinkView[];
  topics: LinkView[];
  /** "30, 60 or 90 minutes". */
  sessions: string;
  plans: PlanView[];
  /** What participants need before the session. */
  beforehand: string[];
  guide: LinkView;
  writeUp: LinkView;
  presenter: PresenterView;
  handout: HandoutView;
  injects: InjectPhaseView[];
  controls: TrainingControlsView;
  notes: { tips: string[]; answers: QuestionGroupView[] };
  /** The prerendered compare pages this incident is in (its closest match, and any that chose it). */
  comparisons: { link: LinkView; reasons?: string | undefined }[];
  /** Other incidents a writer chose, set side by side in the browser. */
  compareMore: LinkView[];
  compareAny: LinkView;
}

/** About 200 words a minute, rounded up to whole minutes. */
const readingMinutes = (texts: readonly string[]) => Math.max(1, Math.ceil(texts.join(' ').split(/\s+/).filter(Boolean).length / 200));

function beforehand(incident: ResolvedIncident, handout: { summary: string; chronology: readonly { text: string }[] }): string[] {
  const t = incident.data.training;
  const minutes = readingMinutes([handout.summary, ...handout.chronology.map((e) => e.text)]);
  const published = incident.data.chronology.some((e) => e.kind === 'data-published');
  return [
    'A copy of the participant handout each: print this page (two A4 pages at 12 pt, with room for notes).',
    `To read beforehand, if there is time (about ${countOf(minutes, 'minute')}): the summary and chronology on the handout. Nothing else: no technical knowledge is needed.`,
    ...(t.injects.length > 0 ? ['For the exercise, each person plays their own job: ask them to bring what they would reach for in a real incident (a business continuity plan, an on-call list, a contact sheet).'] : []),
    ...(published
      ? ['The attackers published stolen data. Say beforehand that nobody opens the leak site or any leaked file, in the session or after it.']
      : []),
  ];
}

/** Up to four publishers the handout's facts cite, primary sources first, each once. */
function sourcesLine(incident: ResolvedIncident, cited: readonly string[]): string {
  const sources = incident.data.sources;
  const chosen = [...sources.filter((s) => cited.includes(s.id) && s.kind === 'primary'), ...sources.filter((s) => cited.includes(s.id) && s.kind !== 'primary')];
  const publishers = [...new Set(chosen.map((s) => s.publisher))].slice(0, 4);
  const total = countOf(sources.length, 'source');
  return publishers.length > 0 ? `From ${total}, among them ${listOf(publishers)}.` : `From ${total}.`;
}

export function caseStudyPage(ctx: ViewContext, id: string): CaseStudyPageView {
  const incident = entryFor(ctx.kb.incident, id, 'incident', 'incidents');
  const t = incident.data.training;
  const title = incident.data.title;
  const plans = new Map(t.sessionLengths.map((minutes) => [minutes, sessionPlan(minutes, t)] as const));
  /** Each length's slot for a block of the plan, or for part `index` of `parts` of it. */
  const slots = (block: PlanBlock, index = 0, parts = 1) =>
    new Map([...plans].flatMap(([minutes, plan]) => {
      const slot = splitBlock(plan, block, parts)?.[index];
      return slot ? [[minutes, slot] as const] : [];
    }));

  const cut = handoutCut(incident);
  const chronology = incident.data.chronology;
  const handoutEvents = cut.events.map((index) => eventView(incident, chronology[index]!));
  const groups = questionGroups(t.questions);
  const phases = groupInjectsByPhase(t.injects);
  let injectNumber = 0;
  const injects: InjectPhaseView[] = phases.map((phase, index) => {
    const when = slots('exercise', index, phases.length);
    return {
      phase: phase.phase,
      position: `Phase ${index + 1} of ${phases.length}`,
      when:
        when.size > 0
          ? [...when].map(([minutes, slot]) => `${slot.from}–${slot.to} min of the ${minutes}-minute plan`).join('; ')
          : `Not in the ${listOf(t.sessionLengths.map((m) => `${m}-minute`), 'or')} plan: read it out in a longer session, or set it as a question`,
      times: slideTimes(when),
      injects: phase.injects.map((inject) => ({ number: ++injectNumber, text: inject.text })),
    };
  });
  const controls = trainingControls(incident);
  const cited = [...new Set([...cut.facts.flatMap((r) => r.items.flatMap((i) => i.sources ?? [])), ...cut.events.flatMap((e) => chronology[e]!.sources)])];
  const lengths = t.sessionLengths;
  const defaultLength = lengths.includes(60) ? 60 : lengths[0]!;
  const handout: HandoutView = {
    summary: incident.data.summary,
    facts: cut.facts.map((row) => factRowView(incident, row)),
    chronology: handoutEvents,
    roomToWrite: cut.roomToWrite,
    smallNotes: cut.smallNotes,
    chronologyNote:
      handoutEvents.length === 0
        ? `The chronology (${countOf(chronology.length, 'event')}) is in the write-up.`
        : handoutEvents.length < chronology.length
          ? `The ${handoutEvents.length} key events of ${countOf(chronology.length, 'event')}; the write-up has them all.`
          : undefined,
    questions: groups.map((group, index) => ({
      label: group.label,
      start: group.start,
      questions: group.questions.map((q) => ({ question: q.question })),
      slideTitle: `Questions for ${inSentence(group.label)}`,
      times: slideTimes(slots('discussion', index, groups.length)),
    })),
    sources: sourcesLine(incident, cited),
    sourceList: { path: `${paths.incident(id)}#sources`, url: absoluteUrl(ctx.site, `${paths.incident(id)}#sources`) },
    reviewed: `Facts last reviewed ${formatPartialDate(incident.data.lastReviewed)}.`,
  };
  const pairs = pairsFor(ctx.kb.comparePairs, id);
  const prerendered = new Set(pairs.map(({ other }) => other.id));
  return {
    page: pageFrame(ctx.site, {
      path: trainingPaths.caseStudy(id),
      title: fitTitle(`Case study: ${title}`),
      description: `${t.hook} A case study for trainers: objectives, session plans, a printable handout, trainer notes, inject cards and slides.`,
      searchKind: 'Case study',
    }),
    kicker: { path: trainingPaths.catalogue(), text: 'Case studies for trainers' },
    title,
    hook: t.hook,
    format: formatLine(t),
    prints: `This page prints as ${listOf(['the participant handout (the browser\'s own print)', 'the trainer notes', ...(injects.length > 0 ? ['the inject cards'] : [])], 'or')}, and presents the session on a projector, one part at a time.`,
    objectives: t.objectives,
    audiences: t.audiences.map((a) => ({ path: trainingPaths.audience(a), text: audienceLabels[a] })),
    topics: t.topics.map((x) => ({ path: trainingPaths.topic(x), text: trainingTopicLabels[x] })),
    sessions: sessionsText(lengths),
    plans: [...plans].map(([minutes, plan]) => ({
      id: `plan-${minutes}`,
      heading: `${sessionLengthLabel(minutes)}`,
      steps: plan.map((step) => ({ time: `${step.from}–${step.to} min`, activity: step.activity })),
    })),
    beforehand: beforehand(incident, { summary: handout.summary, chronology: handoutEvents }),
    guide: { path: trainingPaths.guide(), text: 'How to run a session' },
    writeUp: { path: paths.incident(id), text: 'Full write-up, with every source' },
    presenter: {
      prompts: {
        phase: 'What do you do now? Who do you tell, and what do you need to find out?',
        controls: 'What would have stopped, spotted, limited or shortened this incident?',
        close: 'One thing each of you will check at work this week.',
      },
      times: { opening: slideTimes(slots('scene')), controls: slideTimes(slots('controls')), close: slideTimes(slots('close')) },
      controls: controls.controls.map((c) => `${c.link.text} (${c.effectLabel.toLowerCase()})`),
      slides: { opening: 0, phases: 1, questions: 1 + phases.length, controls: 1 + phases.length + groups.length, close: 2 + phases.length + groups.length },
      lengthList: lengths.join(' '),
      defaultLength: String(defaultLength),
    },
    handout,
    injects,
    controls,
    notes: {
      tips: t.facilitatorNotes,
      answers: groups,
    },
    comparisons: pairs.map(({ pair, other }) => ({
      link: { path: trainingPaths.comparePair(pair.incidents[0].id, pair.incidents[1].id), text: `${title} compared with ${other.data.title}` },
      reasons: pair.reasons.length > 0 ? `: ${pair.reasons.join('; ')}` : undefined,
    })),
    compareMore: t.compareWith
      .filter((other) => !prerendered.has(other) && ctx.kb.incident.has(other))
      .map((other) => ({ path: trainingPaths.compareAny(id, other), text: `${title} compared with ${ctx.kb.incident.get(other)!.data.title}` })),
    compareAny: { path: trainingPaths.compareAny(id), text: `Compare ${title} with any other incident` },
  };
}

// ---------------------------------------------------------------------------------------------
// Compare

export interface CompareTableView {
  caption: string;
  columns: { id: string; link: LinkView; caseStudy: string }[];
  /** Each cell carries its incident's title: on a phone the columns stack, and each says whose it is. */
  rows: { label: string; cells: { id: string; title: string; items: FactItemView[]; empty: string }[] }[];
}

function compareTableView(incidents: readonly ResolvedIncident[], caption: string): CompareTableView {
  const table = compareTable(incidents);
  return {
    caption,
    columns: table.incidents.map((incident) => ({
      id: incident.id,
      link: { path: paths.incident(incident.id), text: incident.data.title },
      caseStudy: trainingPaths.caseStudy(incident.id),
    })),
    rows: table.rows.map((row) => ({
      label: row.label,
      cells: row.cells.map((cell, i) => ({
        id: table.incidents[i]!.id,
        title: table.incidents[i]!.data.title,
        items: cell.items.map((item) => ({ text: item.text, path: item.href, note: item.note || undefined, refs: [] })),
        empty: cell.empty,
      })),
    })),
  };
}

export interface ComparePageView {
  page: PageFrame;
  kicker: LinkView;
  /** The prerendered pairs: each incident's closest match. */
  pairs: { link: LinkView; reasons?: string | undefined }[];
  /** Where the picker's script reads the incidents and their facts (site paths). */
  data: { index: string; incidentPrefix: string };
  /** Shown instead of the picker when JavaScript is off. */
  noScript: string;
}

export function comparePage(ctx: ViewContext): ComparePageView {
  const { kb } = ctx;
  const pairs = kb.comparePairs.pairs;
  return {
    page: pageFrame(ctx.site, {
      path: trainingPaths.compare(),
      title: 'Compare incidents',
      description: 'Any two NHS cyber incidents side by side: attacker, way in, supplier, impact, recovery time and the controls that would have helped.',
    }),
    kicker: { path: trainingPaths.catalogue(), text: 'Case studies for trainers' },
    pairs: pairs.map((pair) => ({
      link: { path: trainingPaths.comparePair(pair.incidents[0].id, pair.incidents[1].id), text: `${pair.incidents[0].data.title} compared with ${pair.incidents[1].data.title}` },
      reasons: pair.reasons.length > 0 ? `: ${pair.reasons.join('; ')}` : undefined,
    })),
    data: { index: compareDataPaths.index, incidentPrefix: compareDataPaths.folder },
    noScript: `Choosing any two incidents needs JavaScript, which is off in this browser. The ${countOf(pairs.length, 'pair')} below ${pairs.length === 1 ? 'has a page' : 'have pages'} of ${pairs.length === 1 ? 'its' : 'their'} own that work without it.`,
  };
}

export interface ComparePairPageView {
  page: PageFrame;
  kicker: LinkView;
  title: string;
  reasons?: string | undefined;
  table: CompareTableView;
  caseStudies: LinkView[];
  /** Compare either incident with another, in the browser. */
  more: LinkView[];
}

export function comparePairPage(ctx: ViewContext, slug: string): ComparePairPageView {
  const pair = ctx.kb.comparePairs.bySlug.get(slug);
  if (!pair) throw new Error(`no compare pair "${slug}": compare pages are made for the pairs in kb.comparePairs`);
  const [a, b] = pair.incidents;
  return {
    page: pageFrame(ctx.site, {
      path: trainingPaths.comparePair(a.id, b.id),
      title: `Compare: ${fitTitle(a.data.title, 17)} / ${fitTitle(b.data.title, 17)}`,
      description: `${a.data.title} and ${b.data.title} side by side: attacker, way in, supplier, impact, recovery time and controls.`,
    }),
    kicker: { path: trainingPaths.compare(), text: 'Compare incidents' },
    title: `${a.data.title} compared with ${b.data.title}`,
    reasons: pair.reasons.length > 0 ? `Why compare them: ${pair.reasons.join('; ')}.` : undefined,
    table: compareTableView([a, b], `${a.data.title} and ${b.data.title}, side by side`),
    caseStudies: [a, b].map((incident) => ({ path: trainingPaths.caseStudy(incident.id), text: `Case study: ${incident.data.title}` })),
    more: [a, b].map((incident) => ({ path: trainingPaths.compareAny(incident.id), text: `Compare ${incident.data.title} with another incident` })),
  };
}

// ---------------------------------------------------------------------------------------------
// The guide to running a session (its words are in src/editorial/training-guide.mdx)

export interface GuidePageView {
  page: PageFrame;
  kicker: LinkView;
  title: string;
  /** A case study to show as an example: the one with the longest plan, then the most injects. */
  example?: CaseStudyCardView | undefined;
  /** The four certainty labels, as incident pages show them. */
  certainty: CertaintyView[];
  catalogue: LinkView;
  /** The guide's numbered sources (its frontmatter), which its [@id] citations link to. */
  sources: SourceView[];
}

/** `sources` is the MDX file's frontmatter list, checked here as any source is. */
export function guidePage(ctx: ViewContext, sources: unknown): GuidePageView {
  const parsed = z.array(sourceSchema).safeParse(sources);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`src/editorial/training-guide.mdx: source ${issue?.path.join('.') ?? ''} is not valid: ${issue?.message}. Each source needs an id, publisher, title, https url and kind, as in an incident file.`);
  }
  const best = [...ctx.kb.incidents].sort(
    (a, b) =>
      Math.max(...b.data.training.sessionLengths) - Math.max(...a.data.training.sessionLengths) ||
      b.data.training.injects.length - a.data.training.injects.length ||
      b.data.training.questions.length - a.data.training.questions.length,
  )[0];
  const title = 'How to run a session from a case study';
  return {
    page: pageFrame(ctx.site, {
      path: trainingPaths.guide(),
      title,
      description: 'Planning, running and closing a tabletop exercise or discussion from a real NHS cyber incident, with an after-action template and a participant feedback form to print.',
      searchKind: 'Guide for trainers',
    }),
    kicker: { path: trainingPaths.catalogue(), text: 'Case studies for trainers' },
    title,
    example: best ? caseStudyCard(best) : undefined,
    certainty: certainties.map((level) => certaintyView(level)),
    catalogue: { path: trainingPaths.catalogue(), text: 'Choose a case study' },
    sources: sourceList(parsed.data),
  };
}
