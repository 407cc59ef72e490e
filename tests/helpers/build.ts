/**
 * Builds the site for a test, with its own output and cache folders, the way `npm run build` does
 * (scripts/build.ts: Astro's build, then the search index) but through Astro's programmatic API
 * in the test's own process: no Node and Astro start-up per build, and a file that builds several
 * times loads Astro once. Astro also writes into the project's .astro/ folder whatever the
 * options, so two builds at once (vitest runs two files at a time) could mix their output: builds
 * take a machine-wide lock and run one after another.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchIndex } from '../../scripts/lib/search-index.ts';
import { root } from './site.ts';

export interface BuildResult {
  /** 0 when the build and the search index succeeded, 1 when either failed. */
  status: number;
  /** What the build logged (Astro's lines, then the search index's), then the error if it failed. */
  output: string;
  outDir: string;
  /** The scratch folder holding outDir and the cache: remove it when done. */
  work: string;
}

const buildLock = join(tmpdir(), 'nhs-cyber-incidents-build.lock');

/**
 * The environment a build sees: the test process's, less what Vitest adds to it. Vitest sets
 * BASE_URL, MODE, NODE_ENV and friends, and Astro would read them as the site's own settings
 * (a BASE_URL of "/" silently undoes BASE_PATH).
 */
function buildEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_)/.test(key) || ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key)) delete env[key];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs `work` holding the build lock: `flock` keeps it while its child waits on a pipe we close after. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const holder = spawn('flock', [buildLock, 'sh', '-c', 'echo locked && exec cat > /dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(holder, 'exit');
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve());
    holder.once('error', reject);
    void exited.then(([code]) => reject(new Error(`flock ${buildLock} exited (${code}) before taking the lock`)));
  });
  try {
    return await work();
  } finally {
    holder.stdin.end();
    await exited;
  }
}

/**
 * Runs `work` with process.env set to `env` and everything written to stdout and stderr captured,
 * then puts both back. Astro reads its settings (OUT_DIR, CONTENT_DIR, BASE_PATH...) from
 * process.env when it loads the config, and logs through process.stdout and process.stderr.
 */
async function inEnvironment(env: NodeJS.ProcessEnv, work: (log: (line: string) => void) => Promise<void>): Promise<string> {
  const savedEnv = { ...process.env };
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const writes = streams.map((stream) => stream.write);
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  }
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, env);
  try {
    await work((line) => chunks.push(`${line}\n`));
  } finally {
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    streams.forEach((stream, i) => (stream.write = writes[i]!));
  }
  return chunks.join('');
}

export async function buildSite(env: Record<string, string> = {}, options: { outDir?: string; name?: string } = {}): Promise<BuildResult> {
  // Inside the project: with an output folder elsewhere, Astro puts its prerender chunks in the
  // project's shared .astro/ folder instead of beside the output.
  const scratch = join(root, 'node_modules/.cache/nhs-kb-tests');
  mkdirSync(scratch, { recursive: true });
  const work = mkdtempSync(join(scratch, `${options.name ?? 'build'}-`));
  const environment = buildEnvironment({ OUT_DIR: options.outDir ?? join(work, 'dist'), ASTRO_CACHE_DIR: join(work, 'cache'), ...env });
  // Where Astro writes, as it reads it: `env` may name its own OUT_DIR.
  const outDir = environment.OUT_DIR!;
  let status = 0;
  const output = await withBuildLock(() =>
    inEnvironment(environment, async (log) => {
      try {
        // Loaded here, with the build's environment in place, as the CLI would load it.
        const { build } = await import('astro');
        await build({ root });
        await buildSearchIndex(outDir, { info: (message) => log(`[nhs-kb:pagefind] ${message}`) });
      } catch (error) {
        status = 1;
        log(error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error));
      }
    }),
  );
  return { status, output, outDir, work };
}
