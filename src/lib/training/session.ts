/**
 * Running a session from a case study: questions grouped by audience, injects by phase, a timed
 * plan for each session length, and the controls that would have helped, with their tags.
 */
import type { Incident } from '../../schemas/incident.ts';
import { audienceLabels, audiences, controlBasisLabels, controlEffectLabels, controlFrameworkLabels } from '../../schemas/vocabularies.ts';
import type { ResolvedIncident } from '../model.ts';
import type { Audience, SessionLength } from './filters.ts';
import { countOf } from '../wording.ts';

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

/** What a block of the session is for; the presenter view times its slides by these. */
export type PlanBlock = 'scene' | 'exercise' | 'discussion' | 'controls' | 'close';

export interface PlanStep {
  block: PlanBlock;
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
  const blocks: { block: PlanBlock; minutes: number; activity: (m: number) => string }[] = [
    { block: 'scene', minutes: minutes === 30 ? 5 : 10, activity: () => 'Set the scene: read the summary and walk through the chronology on the handout.' },
    ...(withInjects
      ? [{ block: 'exercise' as const, minutes: minutes === 60 ? 20 : 30, activity: () => `Run the exercise: read out the injects phase by phase (${countOf(phases, 'phase')}) and ask what the room would do next.` }]
      : []),
    {
      block: 'discussion',
      minutes: minutes === 30 ? 18 : withInjects ? (minutes === 60 ? 20 : 30) : minutes === 60 ? 37 : 55,
      activity: (m) => {
        const count = Math.max(1, Math.min(training.questions.length, Math.floor(m / 5)));
        return `Discuss ${count} of the ${countOf(training.questions.length, 'question')}, starting with those for your audience.`;
      },
    },
    { block: 'controls', minutes: minutes === 30 ? 5 : minutes === 60 ? 7 : 15, activity: () => 'Ask what would have stopped, spotted, limited or shortened the incident, then compare with the controls that would have helped.' },
  ];
  const used = blocks.reduce((n, b) => n + b.minutes, 0);
  blocks.push({ block: 'close', minutes: minutes - used, activity: () => 'Close: go back to the objectives and ask each person for one thing they will check at work.' });
  let clock = 0;
  return blocks.map((block) => {
    const step = { block: block.block, from: clock, to: clock + block.minutes, activity: block.activity(block.minutes) };
    clock = step.to;
    return step;
  });
}

/** A stretch of a session, in minutes from its start. */
export interface TimeSlot {
  from: number;
  to: number;
}

/**
 * Splits a block of the plan evenly between `parts` slides (the exercise between its phases, the
 * discussion between its audiences), in whole minutes that add up to the block: undefined when
 * the plan for this length has no such block.
 */
export function splitBlock(plan: readonly PlanStep[], block: PlanBlock, parts: number): TimeSlot[] | undefined {
  const step = plan.find((s) => s.block === block);
  if (!step || parts <= 0) return undefined;
  const length = step.to - step.from;
  return Array.from({ length: parts }, (_, i) => ({
    from: step.from + Math.round((i * length) / parts),
    to: step.from + Math.round(((i + 1) * length) / parts),
  }));
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
