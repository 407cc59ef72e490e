/**
 * The first search loads the whole index chunk its word falls in. Pagefind's default chunk
 * (20,000 word positions) was ~29 kB gzipped on this site, a third of the first search's bytes, so
 * the build asks for smaller chunks through an environment variable Pagefind marks unstable
 * (scripts/lib/search-index.ts). If a Pagefind upgrade drops or renames it, this fails.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { requireDist } from '../helpers/site.ts';

describe('the search index in dist/pagefind/', () => {
  it('is split into small chunks, so one search loads a few kB of index', () => {
    const folder = join(requireDist(), 'pagefind', 'index');
    const sizes = readdirSync(folder)
      .filter((name) => name.endsWith('.pf_index'))
      .map((name) => statSync(join(folder, name)).size)
      .sort((a, b) => a - b);
    expect(sizes.length, 'index chunk files').toBeGreaterThanOrEqual(3);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    // 2,000 positions gzip to ~3-4 kB; Pagefind's default gives ~29 kB chunks here.
    expect(median, `median index chunk is ${median} bytes: is PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE still honoured?`).toBeLessThan(10_000);
  });
});
