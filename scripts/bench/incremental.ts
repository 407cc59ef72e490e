/**
 * What an incremental build (INCREMENTAL_BUILD=1) re-rendered and what it skipped, read from
 * Astro's own cache: its manifest (<cacheDir>/incremental-build.json) lists every path that has a
 * cacheKey, and Astro rewrites a path's cached copy (<cacheDir>/dist/<file>) only when it renders
 * it. A copy older than the build's start was restored, not rendered. Pages without a cacheKey
 * (lists, home, timeline, feeds of the whole site) are always rendered and are not counted here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface IncrementalOutcome {
  /** Paths with a cacheKey in this build. */
  keyed: number;
  skipped: number;
  /** Keyed paths this build rendered, as site paths. */
  rendered: string[];
}

interface Manifest {
  routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
}

export function incrementalOutcome(cacheDir: string, buildStartedMs: number): IncrementalOutcome | undefined {
  const manifestFile = join(cacheDir, 'incremental-build.json');
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  let keyed = 0;
  const rendered: string[] = [];
  for (const route of Object.values(manifest.routes)) {
    for (const [pathname, { outputFile }] of Object.entries(route.paths)) {
      keyed++;
      const copy = join(cacheDir, 'dist', outputFile);
      if (!existsSync(copy) || statSync(copy).mtimeMs >= buildStartedMs) rendered.push(pathname);
    }
  }
  return { keyed, skipped: keyed - rendered.length, rendered: rendered.sort() };
}
