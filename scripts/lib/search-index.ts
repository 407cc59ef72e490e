import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';

/** Where the index lands inside the built site; the search page script loads it from here. */
export const pagefindFolder = 'pagefind';

const bodyMarker = Buffer.from('data-pagefind-body');

/** Word positions per index chunk (Pagefind's default is 20,000); see the build hook below. */
export const indexChunkPositions = 2000;
const chunkSizeVariable = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/**
 * The HTML files (relative to siteDir, with '/') whose markup carries data-pagefind-body: the only
 * pages Pagefind indexes once any page carries it. Finding them costs a byte search per file, which
 * is far cheaper than letting Pagefind parse every page of the site (most pages are training,
 * browse and compare pages that are never indexed).
 */
export function searchablePages(siteDir: string): string[] {
  const names = readdirSync(siteDir, { recursive: true }) as string[];
  return names
    .map((name) => name.split('\\').join('/'))
    .filter((name) => name.endsWith('.html') && !name.startsWith(`${pagefindFolder}/`))
    .filter((name) => readFileSync(join(siteDir, name)).includes(bodyMarker))
    .sort();
}

/**
 * A Pagefind glob that matches the given pages and as few others as possible: one alternative per
 * shape of path (`incidents/x/index.html` gives `incidents/*\/index.html`), so a new searchable
 * route is picked up without a list to maintain here. Pages it matches that lack
 * data-pagefind-body (none today) would be parsed and skipped by Pagefind, never indexed.
 */
export function globFor(pages: readonly string[]): string {
  const shapes = new Set(
    pages.map((page) => {
      const parts = page.split('/');
      if (parts.length === 1) return page;
      return [parts[0], ...parts.slice(1, -1).map(() => '*'), parts.at(-1)].join('/');
    }),
  );
  const sorted = [...shapes].sort();
  return sorted.length === 1 ? sorted[0]! : `{${sorted.join(',')}}`;
}

export interface Log {
  info(message: string): void;
}

/**
 * Builds the Pagefind search index over the finished site in `siteDir`. `npm run build`
 * (scripts/build.ts) runs it in its own process once Astro has exited, so the build's peak memory
 * is the larger of the two steps, not their sum; site and index are still one command and can
 * never be out of step. Pages opt in with data-pagefind-body (BaseLayout's `searchable`), which
 * keeps navigation chrome and list pages out of the index; only those pages are handed to Pagefind
 * (see searchablePages). Any error Pagefind reports fails the build: a site with a broken or empty
 * index must not ship.
 */
export async function buildSearchIndex(siteDir: string, log: Log): Promise<void> {
  const started = performance.now();
  // npm run bench times the search index from this line (scripts/bench.ts sitePhases).
  log.info('building the search index');
  const pages = searchablePages(siteDir);
  if (pages.length === 0) {
    throw new Error(
      `Pagefind has nothing to index in ${siteDir}: no page carries data-pagefind-body. Reading pages must pass \`searchable\` to BaseLayout so their <main> carries it.`,
    );
  }
  const pagefind = await import('pagefind');
  // Pagefind packs its word index into chunks of 20,000 word positions (~29 kB gzipped), and a
  // search loads the whole chunk its word falls in: on this site that was a third of the first
  // search's bytes. 2,000 positions makes a chunk ~3-4 kB; the chunk list in the metadata grows
  // by a few kB at 10,000 incidents (bench/RESULTS.md). The setting is read from the
  // environment of the Pagefind process, which createIndex starts below, and Pagefind calls it
  // unstable, so the version is pinned and tests/site/search-index.test.ts checks it still works.
  const chunkSizeBefore = process.env[chunkSizeVariable];
  process.env[chunkSizeVariable] ??= String(indexChunkPositions);
  try {
    // The site is British English throughout; one language keeps one index and one stemmer.
    const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || createErrors.length > 0) {
      throw new Error(`Pagefind could not start an index:\n${createErrors.join('\n')}`);
    }
    const added = await index.addDirectory({ path: siteDir, glob: globFor(pages) });
    if (added.errors.length > 0) {
      throw new Error(`Pagefind reported errors while indexing ${siteDir}:\n${added.errors.join('\n')}`);
    }
    if (added.page_count === 0) {
      throw new Error(
        `Pagefind indexed no pages in ${siteDir}: reading pages must pass \`searchable\` to BaseLayout so their <main> carries data-pagefind-body.`,
      );
    }
    const written = await index.writeFiles({ outputPath: join(siteDir, pagefindFolder) });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write the index to ${join(siteDir, pagefindFolder)}:\n${written.errors.join('\n')}`);
    }
    log.info(`search index: ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await pagefind.close();
    if (chunkSizeBefore === undefined) delete process.env[chunkSizeVariable];
  }
}
