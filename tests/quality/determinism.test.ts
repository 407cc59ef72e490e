/**
 * Gate 5: two builds of the same commit give byte-identical output, so a diff of dist/ shows only
 * what changed in content or code, caches and mirrors stay valid, and a published file can be
 * traced to its commit. The test builds a second copy into a temporary folder (with the same
 * environment as the build under test: CONTENT_DIR, BASE_PATH, SITE_URL) and compares hashes.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, listFiles, requireDist, root } from '../helpers/site.ts';
import { buildSite } from '../helpers/build.ts';

/**
 * Files allowed to differ between two builds because they must carry the time of the build.
 * None today: dates in feeds and the sitemap come from content (lastReviewed, source dates), never
 * from the clock. Add a file here only with the reason it needs a timestamp.
 */
const mayCarryTimestamp: RegExp[] = [];

function hashes(dir: string): Map<string, string> {
  const files = listFiles(dir, ['']).filter((file) => statSync(join(dir, file)).isFile());
  return new Map(files.map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}

describe('deterministic builds', () => {
  it('a second build of the same sources is byte-identical', async () => {
    const first = hashes(requireDist());
    const run = await buildSite({}, { name: 'determinism' });
    expect(run.status, run.output.slice(-6000)).toBe(0);
    const { outDir, work } = run;
    const second = hashes(outDir);
    const allowed = (file: string) => mayCarryTimestamp.some((pattern) => pattern.test(file));
    const differences: string[] = [];
    for (const [file, hash] of first) {
      if (!second.has(file)) differences.push(`only in the first build: ${file}`);
      else if (second.get(file) !== hash && !allowed(file)) differences.push(`differs: ${file}`);
    }
    for (const file of second.keys()) if (!first.has(file)) differences.push(`only in the second build: ${file}`);
    expect(first.size).toBeGreaterThan(0);
    expect(differences, `compare ${distDir} with ${outDir}:\n${differences.join('\n')}`).toEqual([]);
    rmSync(work, { recursive: true, force: true });
  }, 600_000);
});
