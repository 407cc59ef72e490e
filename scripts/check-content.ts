/** npm run check:content: checks every content file in about a second, without building. */
import { resolve } from 'node:path';
import { checkContentFolder } from '../src/lib/check-content.ts';
import { formatProblems } from '../src/lib/problems.ts';

const { problems, entries } = checkContentFolder(process.cwd(), process.env.CONTENT_DIR ? resolve(process.env.CONTENT_DIR) : undefined);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`Content OK: ${entries.length} entries checked.`);
