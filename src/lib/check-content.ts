/** Loads and checks the content folder: one call for the build, the CLI and the tests. */
import { join } from 'node:path';
import { loadContent } from './content-files.ts';
import { checkIntegrity, type IntegrityResult } from './integrity.ts';

export function checkContentFolder(root: string, contentDir = join(root, 'content')): IntegrityResult {
  const raw = loadContent(contentDir, root);
  const result = checkIntegrity(raw.entries);
  return { entries: result.entries, problems: [...raw.problems, ...result.problems] };
}
