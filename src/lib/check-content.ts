/** Loads and checks the content folder: one call for the build, the CLI and the tests. */
import { join } from 'node:path';
import { loadContent } from './content-files.ts';
import { checkIntegrity, type IntegrityResult } from './integrity.ts';
import { proseProblems } from './markdown/check.ts';

export function checkContentFolder(root: string, contentDir = join(root, 'content')): IntegrityResult {
  const raw = loadContent(contentDir, root);
  const result = checkIntegrity(raw.entries);
  // Prose must be Markdown only (no raw HTML, no javascript: links): src/lib/markdown/raw-html.ts.
  const prose = raw.entries.flatMap((entry) => proseProblems(entry.file, entry.body));
  return { entries: result.entries, problems: [...raw.problems, ...result.problems, ...prose] };
}
