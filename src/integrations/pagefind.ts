import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where the index lands inside the built site; the search page script loads it from here. */
export const pagefindFolder = 'pagefind';

/**
 * Builds the Pagefind search index over the finished site in the same `astro build`, so site and
 * index can never be out of step. Pages opt in with data-pagefind-body (BaseLayout's `searchable`),
 * which keeps navigation chrome and list pages out of the index. Any error Pagefind reports fails
 * the build: a site with a broken or empty index must not ship.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'nhs-kb:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const started = performance.now();
        const pagefind = await import('pagefind');
        try {
          // The site is British English throughout; one language keeps one index and one stemmer.
          const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index || createErrors.length > 0) {
            throw new Error(`Pagefind could not start an index:\n${createErrors.join('\n')}`);
          }
          const added = await index.addDirectory({ path: siteDir, glob: '**/*.html' });
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
          logger.info(`search index: ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
