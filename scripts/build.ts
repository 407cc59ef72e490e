/**
 * npm run build: the static site, then its search index, as one command. Astro builds the site in
 * its own process (arguments are passed on: `--force`); once it has exited and freed its memory,
 * Pagefind indexes the result here (scripts/lib/search-index.ts), so the peak is the larger of the
 * two steps, not their sum. OUT_DIR, CONTENT_DIR and the other build settings are read as Astro
 * reads them.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildSearchIndex } from './lib/search-index.ts';

const root = resolve(import.meta.dirname, '..');
const astro = spawnSync(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (astro.status !== 0) process.exit(astro.status ?? 1);

const time = () => new Date().toTimeString().slice(0, 8);
try {
  await buildSearchIndex(resolve(root, process.env.OUT_DIR ?? 'dist'), { info: (message) => console.log(`${time()} [nhs-kb:pagefind] ${message}`) });
} catch (error) {
  console.error(`${time()} [nhs-kb:pagefind] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
