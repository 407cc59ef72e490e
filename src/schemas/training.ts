import { z } from 'astro/zod';
import { slugSchema } from './common.ts';
import { audiences, controlBases, controlEffects, trainingTopics } from './vocabularies.ts';

export const discussionQuestionSchema = z.strictObject({
  audience: z.enum(audiences),
  question: z.string().trim().min(1),
  /** Suggested answer or points to draw out, for the trainer-notes view only. */
  answer: z.string().trim().min(1).optional(),
});

/** An exercise inject keyed to a phase of the incident ("Day 1: the lab system is down"). */
export const injectSchema = z.strictObject({
  phase: z.string().trim().min(1),
  text: z.string().trim().min(1),
});

/** Material for trainers; validated like every other fact. */
export const trainingSchema = z.strictObject({
  /** One line that makes a trainer pick this case. */
  hook: z.string().trim().min(1),
  audiences: z.array(z.enum(audiences)).min(1, 'name at least one audience'),
  topics: z.array(z.enum(trainingTopics)).min(1, 'name at least one topic'),
  /** Session lengths the material supports, in minutes. */
  sessionLengths: z.array(z.union([z.literal(30), z.literal(60), z.literal(90)])).min(1),
  objectives: z.array(z.string().trim().min(1)).min(3, 'a case study needs at least 3 learning objectives'),
  questions: z.array(discussionQuestionSchema).min(5, 'a case study needs at least 5 discussion questions'),
  injects: z.array(injectSchema).default([]),
  facilitatorNotes: z.array(z.string().trim().min(1)).default([]),
  /** Optional: ids of other incidents worth comparing with this one (each gets a compare page). */
  compareWith: z.array(slugSchema).default([]),
});

/** A control that would have helped, and how. */
export const controlLinkSchema = z.strictObject({
  control: slugSchema,
  effect: z.enum(controlEffects),
  /** sourced: a cited source says so; analysis: our reasoning, shown labelled as such. */
  basis: z.enum(controlBases),
  reasoning: z.string().trim().min(1),
  sources: z.array(slugSchema).default([]),
});
