/**
 * The real content (content/, whatever CONTENT_DIR says) gives trainers enough to run a session:
 * every incident has at least 3 objectives, 5 questions and 3 controls that would have helped,
 * and every audience a case study is listed for has at least one question of its own.
 */
import { describe, expect, it } from 'vitest';
import { checkContentFolder } from '../../src/lib/check-content.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import { root } from '../helpers/site.ts';

const { entries, problems } = checkContentFolder(root);
const incidents = entries.filter((e) => e.collection === 'incidents').map((e) => ({ id: e.id, file: e.file, data: e.data as Incident }));

describe('training material in the real content', () => {
  it('passes the content check and has incidents', () => {
    expect(problems, formatProblems(problems)).toEqual([]);
    expect(incidents.length).toBeGreaterThan(0);
  });

  it('gives every incident at least 3 learning objectives, 5 discussion questions and 3 control links', () => {
    const short = incidents.flatMap(({ file, data }) => {
      const gaps: string[] = [];
      if (data.training.objectives.length < 3) gaps.push(`${data.training.objectives.length} objectives`);
      if (data.training.questions.length < 5) gaps.push(`${data.training.questions.length} questions`);
      if (data.controls.length < 3) gaps.push(`${data.controls.length} control links`);
      return gaps.length ? [`${file}: only ${gaps.join(', ')} (needs 3 objectives, 5 questions, 3 controls)`] : [];
    });
    expect(short, short.join('\n')).toEqual([]);
  });

  it('has a question for every audience a case study is offered to, so the audience filter keeps its promise', () => {
    const missing = incidents.flatMap(({ file, data }) =>
      data.training.audiences
        .filter((audience) => !data.training.questions.some((q) => q.audience === audience))
        .map((audience) => `${file}: listed for "${audience}" but has no question for that audience (add one, or drop the audience)`),
    );
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('links each incident to distinct controls', () => {
    for (const { file, data } of incidents) {
      const ids = data.controls.map((c) => c.control);
      expect(new Set(ids).size, `${file} links a control twice: ${ids.join(', ')}`).toBe(ids.length);
    }
  });
});
