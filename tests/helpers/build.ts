/**
 * Runs the build (scripts/build.ts: `astro build`, then the search index) for a test, with its own
 * output and cache folders. Astro also writes into the
 * project's .astro/ folder whatever the options, so two builds at once (vitest runs two files at a
 * time) could mix their output: builds take a machine-wide lock and run one after another.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './site.ts';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  /** The scratch folder holding outDir and the cache: remove it when done. */
  work: string;
}

export const buildLock = join(tmpdir(), 'nhs-cyber-incidents-build.lock');

/**
 * The environment a build sees: the test process's, less what Vitest adds to it. Vitest sets
 * BASE_URL, MODE, NODE_ENV and friends, and Astro would read them as the site's own settings
 * (a BASE_URL of "/" silently undoes BASE_PATH).
 */
export function buildEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_)/.test(key) || ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key)) delete env[key];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

export function buildSite(env: Record<string, string> = {}, options: { outDir?: string; timeoutMs?: number; name?: string } = {}): BuildResult {
  // Inside the project: with an output folder elsewhere, Astro puts its prerender chunks in the
  // project's shared .astro/ folder instead of beside the output.
  const scratch = join(root, 'node_modules/.cache/nhs-kb-tests');
  mkdirSync(scratch, { recursive: true });
  const work = mkdtempSync(join(scratch, `${options.name ?? 'build'}-`));
  const outDir = options.outDir ?? join(work, 'dist');
  // process.execPath: the Node running the tests (22, from the project), whatever `node` is on PATH.
  const run = spawnSync('flock', [buildLock, process.execPath, join(root, 'scripts/build.ts')], {
    cwd: root,
    env: buildEnvironment({ OUT_DIR: outDir, ASTRO_CACHE_DIR: join(work, 'cache'), ...env }),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 600_000,
  });
  return { status: run.status, output: `${run.stdout ?? ''}\n${run.stderr ?? ''}${run.error ? `\n${run.error.message}` : ''}`, outDir, work };
}
