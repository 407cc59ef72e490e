/** Builds content folders for tests: the good fixture set, optionally with a fault applied. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { root } from './site.ts';

export const goodFixture = join(root, 'tests/fixtures/good');
export const badFixtures = join(root, 'tests/fixtures/bad');

export interface Edit {
  file: string;
  replace?: string;
  with?: string;
  create?: string;
}

export interface Fault {
  name: string;
  fault: string;
  edits: Edit[];
  expect: { file: string; field: string; contains: string[] };
}

export function listFaults(): Fault[] {
  return readdirSync(badFixtures)
    .sort()
    .map((name) => ({ name, ...JSON.parse(readFileSync(join(badFixtures, name, 'fault.json'), 'utf8')) }));
}

/**
 * Copies the good fixture into <tmp>/content and applies the edits; returns the project-like root
 * (so messages name files as content/...). An edit whose text is not found throws: a fixture that
 * silently stops applying would make its test pass for the wrong reason.
 */
export function makeContent(edits: Edit[] = []): { root: string; contentDir: string } {
  const projectRoot = mkdtempSync(join(tmpdir(), 'nhs-kb-content-'));
  const contentDir = join(projectRoot, 'content');
  cpSync(goodFixture, contentDir, { recursive: true });
  for (const edit of edits) {
    const path = join(contentDir, edit.file);
    if (edit.create !== undefined) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, edit.create);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    if (edit.replace === undefined || !text.includes(edit.replace)) {
      throw new Error(`fixture edit does not apply: "${edit.replace}" not found in ${edit.file}`);
    }
    writeFileSync(path, text.replace(edit.replace, edit.with ?? ''));
  }
  return { root: projectRoot, contentDir };
}
