/** Loads and checks the content folder: one call for the build, the CLI and the tests. */
import { join } from 'node:path';
import { loadContent } from './content-files.ts';
import { checkIntegrity, type IntegrityResult } from './integrity.ts';
import { proseProblems } from './markdown/check.ts';
import type { ValidEntry } from './integrity.ts';
import type { CollectionsInput } from './model.ts';

export function checkContentFolder(root: string, contentDir = join(root, 'content')): IntegrityResult {
  const raw = loadContent(contentDir, root);
  const result = checkIntegrity(raw.entries);
  // Prose must be Markdown only (no raw HTML, no javascript: links): src/lib/markdown/raw-html.ts.
  const prose = raw.entries.flatMap((entry) => proseProblems(entry.file, entry.body));
  return { entries: result.entries, problems: [...raw.problems, ...result.problems, ...prose] };
}

/**
 * Checked entries as the knowledge base takes them (src/lib/model.ts buildKnowledgeBase), for what
 * runs outside Astro: the tests' model, and the build step that writes the citation files. No
 * rendered HTML: nothing built that way shows prose.
 */
export function collectionsOf(entries: readonly ValidEntry[]): CollectionsInput {
  const pick = (name: ValidEntry['collection']) => entries.filter((e) => e.collection === name).map((e) => ({ id: e.id, data: e.data, body: e.body, filePath: e.file })) as never[];
  return {
    incidents: pick('incidents'),
    actors: pick('actors'),
    vendors: pick('vendors'),
    organisations: pick('organisations'),
    vulnerabilities: pick('vulnerabilities'),
    attackTypes: pick('attackTypes'),
    controls: pick('controls'),
  };
}
