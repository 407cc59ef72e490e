/**
 * Bad content must fail with a message that names the file, the field, the bad value and the fix.
 * Each folder in tests/fixtures/bad/ is one fault applied to the good fixture set.
 */
import { describe, expect, it } from 'vitest';
import { checkContentFolder } from '../../src/lib/check-content.ts';
import { formatProblem, formatProblems } from '../../src/lib/problems.ts';
import { listFaults, makeContent } from '../helpers/fixtures.ts';
import { buildSite } from '../helpers/build.ts';

const faults = listFaults();

describe('content fixtures', () => {
  it('has at least 12 different faults', () => {
    expect(faults.length).toBeGreaterThanOrEqual(12);
    expect(new Set(faults.map((f) => f.fault)).size).toBe(faults.length);
  });

  it('accepts the good fixture set as it is', () => {
    const { root: projectRoot, contentDir } = makeContent();
    const result = checkContentFolder(projectRoot, contentDir);
    expect(result.problems, formatProblems(result.problems)).toEqual([]);
    expect(result.entries.length).toBe(8);
  });

  for (const fault of faults) {
    it(`rejects ${fault.name}: ${fault.fault}`, () => {
      const { root: projectRoot, contentDir } = makeContent(fault.edits);
      const { problems } = checkContentFolder(projectRoot, contentDir);
      const file = `content/${fault.expect.file}`;
      const match = problems.find((p) => p.file === file && p.field === fault.expect.field);
      expect(match, `no problem reported for ${file} → ${fault.expect.field}; got:\n${formatProblems(problems)}`).toBeDefined();
      const text = formatProblem(match!);
      expect(text).toContain(file);
      if (fault.expect.field) expect(text).toContain(fault.expect.field);
      for (const part of fault.expect.contains) expect(text).toContain(part);
    });
  }
});

describe('the build', () => {
  it('fails on bad content, before rendering anything, with the same message', async () => {
    const fault = faults.find((f) => f.name === 'dangling-actor')!;
    const { root: projectRoot, contentDir } = makeContent(fault.edits);
    const run = await buildSite({ CONTENT_DIR: contentDir });
    const output = run.output;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain('Content check failed');
    expect(output).toContain('actors[0].id');
    expect(output).toContain('no actor has the id "nobody"');
  });

  it('fails on raw HTML in prose, naming the file, the line and the element', async () => {
    const fault = faults.find((f) => f.name === 'raw-html-script')!;
    const { contentDir } = makeContent(fault.edits);
    const run = await buildSite({ CONTENT_DIR: contentDir });
    expect(run.status, run.output).not.toBe(0);
    expect(run.output).toContain('incidents/example-lab-2099.md → body: line 61: raw HTML (<script>) is not allowed in prose');
  });
});
