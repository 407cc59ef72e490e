/**
 * The training fields of an incident are validated like every other fact: a case study without
 * objectives, with too few questions, or naming a control that does not exist fails with a message
 * that says which file, which field, and how to fix it.
 */
import { describe, expect, it } from 'vitest';
import { checkContentFolder } from '../../src/lib/check-content.ts';
import { formatProblem, formatProblems } from '../../src/lib/problems.ts';
import { trainingSchema, controlLinkSchema } from '../../src/schemas/training.ts';
import { makeContent, type Edit } from '../helpers/fixtures.ts';

const incidentFile = 'incidents/example-lab-2099.md';
const contentPath = `content/${incidentFile}`;

function problemsAfter(edits: Edit[]) {
  const { root, contentDir } = makeContent(edits);
  return checkContentFolder(root, contentDir).problems;
}

function expectProblem(edits: Edit[], field: string, ...contains: string[]) {
  const problems = problemsAfter(edits);
  const match = problems.find((p) => p.file === contentPath && p.field === field);
  expect(match, `expected a problem at ${field}; got:\n${formatProblems(problems)}`).toBeDefined();
  const text = formatProblem(match!);
  for (const part of contains) expect(text).toContain(part);
  return text;
}

const edit = (replace: string, replacement: string): Edit => ({ file: incidentFile, replace, with: replacement });

describe('training fields in the content check', () => {
  it('accepts the good fixture, which has no compareWith (the field is optional)', () => {
    expect(problemsAfter([]), 'the good fixture should pass').toEqual([]);
  });

  it('rejects a case study with no objectives, naming the field', () => {
    const text = expectProblem([edit('  objectives: [One, Two, Three]\n', '')], 'training.objectives', 'is required but missing');
    expect(text).toContain(contentPath);
  });

  it('rejects fewer than 3 objectives with the rule in words', () => {
    expectProblem([edit('objectives: [One, Two, Three]', 'objectives: [One, Two]')], 'training.objectives', 'at least 3 learning objectives');
  });

  it('rejects fewer than 5 discussion questions', () => {
    expectProblem([edit('    - { audience: board, question: Q5?, answer: A5. }\n', '')], 'training.questions', 'at least 5 discussion questions');
  });

  it('rejects a question for an audience outside the vocabulary, listing the valid ones', () => {
    expectProblem([edit('{ audience: clinicians, question: Q1? }', '{ audience: doctors, question: Q1? }')], 'training.questions[0].audience', 'clinicians', 'it-security');
  });

  it('rejects a session length the catalogue does not offer', () => {
    expectProblem([edit('sessionLengths: [30, 60]', 'sessionLengths: [30, 45]')], 'training.sessionLengths[1]');
  });

  it('rejects a control link to a control that does not exist, and lists the real ones', () => {
    expectProblem([edit('control: charter-mfa', 'control: mfa')], 'controls[0].control', 'no control has the id "mfa"', 'charter-mfa', 'content/controls/mfa.yaml');
  });

  it('rejects an effect other than prevent, detect, limit or recover', () => {
    expectProblem([edit('effect: prevent', 'effect: stop')], 'controls[0].effect', 'prevent', 'recover');
  });

  it('rejects a control marked sourced that cites no source', () => {
    expectProblem([edit('basis: analysis', 'basis: sourced')], 'controls[0].sources', 'must cite the source');
  });

  it('rejects a control link that cites a source the incident does not list', () => {
    expectProblem([edit('basis: analysis, reasoning:', 'basis: sourced, sources: [nope], reasoning:')], 'controls[0].sources[0]', 'unknown source "nope"');
  });

  it('rejects a misspelt training field instead of ignoring it', () => {
    expectProblem([edit('  objectives: [One, Two, Three]', '  objectives: [One, Two, Three]\n  objectivs: [Four]')], 'training', 'unknown field "objectivs"');
  });

  it('accepts compareWith naming another incident, and rejects one naming no incident', () => {
    expect(problemsAfter([edit('  injects:', '  compareWith: [example-lab-2099]\n  injects:')])).toEqual([]);
    expectProblem([edit('  injects:', '  compareWith: [nowhere-2099]\n  injects:')], 'training.compareWith[0]', 'no incident has the id "nowhere-2099"');
  });
});

describe('training schemas on their own', () => {
  const valid = {
    hook: 'What happens when the lab goes dark?',
    audiences: ['clinicians'],
    topics: ['ransomware'],
    sessionLengths: [30],
    objectives: ['a', 'b', 'c'],
    questions: Array.from({ length: 5 }, (_, i) => ({ audience: 'clinicians', question: `Q${i}?` })),
  };

  it('fills the optional lists with empty ones', () => {
    const parsed = trainingSchema.parse(valid);
    expect(parsed.injects).toEqual([]);
    expect(parsed.facilitatorNotes).toEqual([]);
    expect(parsed.compareWith).toEqual([]);
  });

  it('requires a hook and at least one audience and topic', () => {
    for (const key of ['hook', 'audiences', 'topics'] as const) {
      const { [key]: _omitted, ...rest } = valid;
      expect(trainingSchema.safeParse(rest).success, `${key} should be required`).toBe(false);
    }
    expect(trainingSchema.safeParse({ ...valid, audiences: [] }).error?.issues[0]?.message).toBe('name at least one audience');
  });

  it('keeps a control link basis to sourced or analysis', () => {
    const link = { control: 'charter-mfa', effect: 'detect', basis: 'analysis', reasoning: 'why' };
    expect(controlLinkSchema.safeParse(link).success).toBe(true);
    expect(controlLinkSchema.safeParse({ ...link, basis: 'guess' }).success).toBe(false);
    expect(controlLinkSchema.safeParse({ ...link, reasoning: '  ' }).success).toBe(false);
  });
});
