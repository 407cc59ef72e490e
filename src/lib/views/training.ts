/**
 * The trainers' pages: the case-study catalogue (/training/ and its audience, topic and length
 * pages), a case study, its handout and trainer notes, and the compare pages.
 */
import type { Incident } from '../../schemas/incident.ts';
import { audienceLabels, certaintyLabels, controlBases, controlEffects, eventKindLabels } from '../../schemas/vocabularies.ts';
import type { ResolvedIncident } from '../model.ts';
import { filterCatalogue } from '../training/catalogue.ts';
import { compareTable, pairsFor } from '../training/compare.ts';
import { citedSourceIds, handoutFacts, keyFacts, type FactRow } from '../training/facts.ts';
import { inSentence, sessionLengthLabel, trainingTopicLabels, type Audience, type CatalogueFilters, type SessionLength, type TrainingTopic } from '../training/filters.ts';
import { trainingPaths } from '../training/paths.ts';
import { controlBasisTags, controlEffectTags, controlsThatHelped, groupInjectsByPhase, groupQuestionsByAudience, sessionPlan } from '../training/session.ts';
import { fitTitle } from '../site.ts';
import { formatPartialDate } from '../dates-format.ts';
import { absoluteUrl } from '../export/site-url.ts';
import { paths, sourceAnchor } from '../urls.ts';
import { entryFor, countOf, pageFrame, sourceRefs, type LinkView, type PageFrame, type SourceRefView, type ViewContext } from './common.ts';

// ---------------------------------------------------------------------------------------------
// Pieces shared by the case study, handout, notes and compare pages

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

function factRowView(incident: ResolvedIncident, row: FactRow): FactRowView {
  return {
    label: row.label,
    items: row.items.map((item) => ({ text: item.text, path: item.href, note: item.note, refs: sourceRefs(item.sources, incident.sourceNumbers) })),
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

function chronologyList(incident: ResolvedIncident): TrainingEventView[] {
  return incident.data.chronology.map((event) => ({
    when: formatPartialDate(event.date),
    kind: `${eventKindLabels[event.kind]}${event.certainty !== 'confirmed' ? `, ${certaintyLabels[event.certainty].toLowerCase()}` : ''}`,
    text: event.event,
    refs: sourceRefs(event.sources, incident.sourceNumbers),
  }));
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

export interface InjectPhaseView {
  phase: string;
  injects: string[];
}

function injectPhases(injects: Incident['training']['injects']): InjectPhaseView[] {
  return groupInjectsByPhase(injects).map((phase) => ({ phase: phase.phase, injects: phase.injects.map((inject) => inject.text) }));
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
      refs: sourceRefs(c.sources, incident.sourceNumbers),
    })),
  };
}

export interface TrainingSourceView {
  anchor: string;
  /** Its number in the incident's full source list (kept when a handout lists only some). */
  number: number;
  /** "Publisher (read via X), “Title”, 3 June 2024 (primary source)." or, brief, "Publisher, 3 June 2024.". */
  text: string;
  url: string;
}

function trainingSources(incident: ResolvedIncident, options: { only?: readonly string[]; brief?: boolean } = {}): TrainingSourceView[] {
  const shown = options.only ? incident.data.sources.filter((s) => options.only!.includes(s.id)) : incident.data.sources;
  return shown.map((s) => {
    const date = s.date ? `, ${formatPartialDate(s.date)}` : '';
    return {
      anchor: sourceAnchor(s.id),
      number: incident.sourceNumbers.get(s.id)!,
      text: options.brief
        ? `${s.publisher}${date}.`
        : `${s.publisher}${s.via ? ` (read via ${s.via})` : ''}, “${s.title}”${date}${s.kind === 'primary' ? ' (primary source)' : ''}.`,
      url: s.url,
    };
  });
}

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
  handout: string;
  notes: string;
  writeUp: string;
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
    session: t.sessionLengths.map(sessionLengthLabel).join(' or '),
    handout: trainingPaths.handout(incident.id),
    notes: trainingPaths.notes(incident.id),
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
}

/** /training/: the whole catalogue, with the form that narrows the list in place. */
export interface TrainingIndexView extends TrainingCatalogueView {
  filter: CatalogueFilterView;
}

const caseStudies = (count: number) => countOf(count, 'case study', 'case studies');

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
  let description = 'Real NHS cyber incidents as ready-to-run training sessions: objectives, discussion questions by audience, exercise injects, printable handouts and trainer notes.';
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
// A case study, its handout and its trainer notes

export interface CaseStudyPageView {
  page: PageFrame;
  kicker: LinkView;
  title: string;
  hook: string;
  audiences: LinkView[];
  topics: LinkView[];
  session: string;
  handout: string;
  notes: string;
  writeUp: string;
  summary: string;
  keyFacts: FactRowView[];
  objectives: string[];
  chronology: TrainingEventView[];
  questions: QuestionGroupView[];
  injects: InjectPhaseView[];
  controls: TrainingControlsView;
  comparisons: { link: LinkView; reasons?: string | undefined }[];
  compare: string;
  sources: TrainingSourceView[];
}

export function caseStudyPage(ctx: ViewContext, id: string): CaseStudyPageView {
  const incident = entryFor(ctx.kb.incident, id, 'incident', 'incidents');
  const t = incident.data.training;
  const title = incident.data.title;
  return {
    page: pageFrame(ctx.site, {
      path: trainingPaths.caseStudy(id),
      title: fitTitle(`Case study: ${title}`),
      description: `${t.hook} A training case study with objectives, discussion questions, injects and a printable handout.`,
    }),
    kicker: { path: trainingPaths.catalogue(), text: 'Case studies for trainers' },
    title,
    hook: t.hook,
    audiences: t.audiences.map((a) => ({ path: trainingPaths.audience(a), text: audienceLabels[a] })),
    topics: t.topics.map((x) => ({ path: trainingPaths.topic(x), text: trainingTopicLabels[x] })),
    session: t.sessionLengths.map(sessionLengthLabel).join(' or '),
    handout: trainingPaths.handout(id),
    notes: trainingPaths.notes(id),
    writeUp: paths.incident(id),
    summary: incident.data.summary,
    keyFacts: keyFacts(incident).map((row) => factRowView(incident, row)),
    objectives: t.objectives,
    chronology: chronologyList(incident),
    questions: questionGroups(t.questions),
    injects: injectPhases(t.injects),
    controls: trainingControls(incident),
    comparisons: pairsFor(ctx.kb.comparePairs, id).map(({ pair, other }) => ({
      link: { path: trainingPaths.comparePair(pair.incidents[0].id, pair.incidents[1].id), text: `${title} compared with ${other.data.title}` },
      reasons: pair.reasons.length > 0 ? `: ${pair.reasons.join('; ')}` : undefined,
    })),
    compare: trainingPaths.compare(),
    sources: trainingSources(incident),
  };
}

export interface HandoutPageView {
  page: PageFrame;
  back: LinkView;
  title: string;
  hook: string;
  summary: string;
  keyFacts: FactRowView[];
  chronology: TrainingEventView[];
  questions: QuestionGroupView[];
  /** Only the sources the handout cites, keeping their numbers. */
  sources: TrainingSourceView[];
  /** ", with 4 more sources and every impact figure", when the handout leaves sources out. */
  omitted?: string | undefined;
  writeUpUrl: string;
  lastReviewed: string;
}

export function handoutPage(ctx: ViewContext, id: string): HandoutPageView {
  const incident = entryFor(ctx.kb.incident, id, 'incident', 'incidents');
  const facts = handoutFacts(incident);
  const cited = citedSourceIds(incident, facts);
  const omitted = incident.data.sources.length - cited.length;
  const title = incident.data.title;
  return {
    page: pageFrame(ctx.site, { path: trainingPaths.handout(id), title: `Handout: ${title}`, description: `Participant handout for the case study ${title}.` }),
    back: { path: trainingPaths.caseStudy(id), text: 'Back to the case study' },
    title,
    hook: `Case study handout. ${incident.data.training.hook}`,
    summary: incident.data.summary,
    keyFacts: facts.map((row) => factRowView(incident, row)),
    chronology: chronologyList(incident),
    questions: questionGroups(incident.data.training.questions),
    sources: trainingSources(incident, { only: cited, brief: true }),
    omitted: omitted > 0 ? `, with ${omitted} more sources and every impact figure` : undefined,
    writeUpUrl: absoluteUrl(ctx.site, paths.incident(id)),
    lastReviewed: formatPartialDate(incident.data.lastReviewed),
  };
}

export interface NotesPageView {
  page: PageFrame;
  back: LinkView;
  title: string;
  hook: string;
  audiences: string;
  sessions: string;
  objectives: string[];
  plans: { heading: string; steps: { time: string; activity: string }[] }[];
  tips: string[];
  questions: QuestionGroupView[];
  injects: InjectPhaseView[];
  controls: TrainingControlsView;
  sources: TrainingSourceView[];
}

export function notesPage(ctx: ViewContext, id: string): NotesPageView {
  const incident = entryFor(ctx.kb.incident, id, 'incident', 'incidents');
  const t = incident.data.training;
  const title = incident.data.title;
  return {
    page: pageFrame(ctx.site, {
      path: trainingPaths.notes(id),
      title: `Trainer notes: ${title}`,
      description: `Trainer notes, suggested answers and injects for the case study ${title}.`,
    }),
    back: { path: trainingPaths.caseStudy(id), text: 'Back to the case study' },
    title,
    hook: t.hook,
    audiences: t.audiences.map((a) => inSentence(audienceLabels[a])).join('; '),
    sessions: t.sessionLengths.map(sessionLengthLabel).join(' or '),
    objectives: t.objectives,
    plans: t.sessionLengths.map((minutes) => ({
      heading: sessionLengthLabel(minutes),
      steps: sessionPlan(minutes, t).map((step) => ({ time: `${step.from}–${step.to} min:`, activity: step.activity })),
    })),
    tips: t.facilitatorNotes,
    questions: questionGroups(t.questions),
    injects: injectPhases(t.injects),
    controls: trainingControls(incident),
    sources: trainingSources(incident),
  };
}

// ---------------------------------------------------------------------------------------------
// Compare

export interface CompareTableView {
  caption: string;
  columns: { id: string; link: LinkView; caseStudy: string }[];
  rows: { label: string; cells: { id: string; items: FactItemView[]; empty: string }[] }[];
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
        items: cell.items.map((item) => ({ text: item.text, path: item.href, note: item.note, refs: [] })),
        empty: cell.empty,
      })),
    })),
  };
}

export interface ComparePageView {
  page: PageFrame;
  kicker: LinkView;
  pairs: { link: LinkView; reasons?: string | undefined }[];
  picker: { id: string; label: string }[];
  table: CompareTableView;
}

export function comparePage(ctx: ViewContext): ComparePageView {
  const { kb } = ctx;
  return {
    page: pageFrame(ctx.site, {
      path: trainingPaths.compare(),
      title: 'Compare incidents',
      description: 'NHS cyber incidents side by side: attacker, way in, supplier, impact, recovery time and the controls that would have helped.',
    }),
    kicker: { path: trainingPaths.catalogue(), text: 'Case studies for trainers' },
    pairs: kb.comparePairs.pairs.map((pair) => ({
      link: { path: trainingPaths.comparePair(pair.incidents[0].id, pair.incidents[1].id), text: `${pair.incidents[0].data.title} compared with ${pair.incidents[1].data.title}` },
      reasons: pair.reasons.length > 0 ? `: ${pair.reasons.join('; ')}` : undefined,
    })),
    picker: kb.incidents.map((incident) => ({ id: incident.id, label: `${incident.data.title} (${incident.year})` })),
    table: compareTableView(kb.incidents, 'Every incident, one column each (scroll sideways on small screens)'),
  };
}

export interface ComparePairPageView {
  page: PageFrame;
  kicker: LinkView;
  title: string;
  reasons?: string | undefined;
  table: CompareTableView;
  caseStudies: { caseStudy: LinkView; handout: string; title: string }[];
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
    caseStudies: [a, b].map((incident) => ({
      caseStudy: { path: trainingPaths.caseStudy(incident.id), text: `Case study: ${incident.data.title}` },
      handout: trainingPaths.handout(incident.id),
      title: incident.data.title,
    })),
  };
}
