/**
 * Runs a command and measures what a CI box would feel: wall time and the peak resident memory of
 * the whole process tree (Astro, its workers, Pagefind's native binary...). /usr/bin/time reports
 * only the largest single process, so the tree is sampled from /proc instead.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Measured {
  command: string;
  exitCode: number;
  wallMs: number;
  /** Largest sum of RSS over the process and all its descendants at one sample. */
  peakTreeRssBytes: number;
  /** Largest RSS of any single process in the tree. */
  peakProcessRssBytes: number;
  /** Last lines of stdout and stderr, for failures. */
  outputTail: string;
  /** The run was stopped at its time limit (the figures are then lower bounds). */
  timedOut?: boolean;
  /** Wall time and peak tree memory of each phase that was seen (see PhaseMarker), in order. */
  phases?: PhaseFigure[];
}

/** A phase starts at the first output line matching `start`; the run starts in the first phase. */
export interface PhaseMarker {
  name: string;
  start: RegExp;
}

export interface PhaseFigure {
  name: string;
  wallMs: number;
  peakTreeRssBytes: number;
}

const pageSize = 4096;

function readParents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // The command name is in parentheses and may contain spaces: parse after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parent = Number(fields[1]);
    const list = children.get(parent) ?? [];
    list.push(Number(name));
    children.set(parent, list);
  }
  return children;
}

function rssOf(pid: number): number {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1]) * pageSize;
  } catch {
    return 0;
  }
}

function descendants(root: number): number[] {
  const children = readParents();
  const found: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    found.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

function treeRss(root: number): { total: number; largest: number } {
  const children = readParents();
  let total = 0;
  let largest = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const rss = rssOf(pid);
    total += rss;
    largest = Math.max(largest, rss);
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}

export function runMeasured(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; sampleMs?: number; echo?: boolean; timeoutMs?: number; phases?: PhaseMarker[] } = {},
): Promise<Measured> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let peakTree = 0;
    let peakProcess = 0;
    let output = '';
    // Phases: markers are matched line by line on the output as it arrives, so each phase's time
    // and memory peak are known without parsing logs afterwards (the tail keeps only 8,000 chars).
    const markers = options.phases ?? [];
    const phases: PhaseFigure[] = markers.length ? [{ name: markers[0]!.name, wallMs: 0, peakTreeRssBytes: 0 }] : [];
    let phaseStarted = started;
    let nextMarker = 1;
    let partialLine = '';
    const enterPhases = (text: string) => {
      const lines = (partialLine + text).split('\n');
      partialLine = lines.pop() ?? '';
      for (const line of lines) {
        // Phases are ordered: a marker only counts once the ones before it were seen.
        while (nextMarker < markers.length && markers[nextMarker]!.start.test(line)) {
          const now = performance.now();
          phases.at(-1)!.wallMs = now - phaseStarted;
          phaseStarted = now;
          phases.push({ name: markers[nextMarker]!.name, wallMs: 0, peakTreeRssBytes: 0 });
          nextMarker++;
        }
      }
    };
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      if (options.echo) process.stderr.write(text);
      output = (output + text).slice(-8000);
      if (markers.length) enterPhases(text);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const sample = () => {
      if (child.pid === undefined) return;
      const { total, largest } = treeRss(child.pid);
      peakTree = Math.max(peakTree, total);
      peakProcess = Math.max(peakProcess, largest);
      const phase = phases.at(-1);
      if (phase) phase.peakTreeRssBytes = Math.max(phase.peakTreeRssBytes, total);
    };
    const timer = setInterval(sample, options.sampleMs ?? 150);
    let timedOut = false;
    // At the limit, stop the process and everything it started (Pagefind's service, workers).
    const limit = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          if (child.pid === undefined) return;
          for (const pid of descendants(child.pid).reverse()) {
            try {
              process.kill(pid, 'SIGKILL');
            } catch {
              // already gone
            }
          }
        }, options.timeoutMs)
      : undefined;
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (limit) clearTimeout(limit);
      if (phases.length) phases.at(-1)!.wallMs = performance.now() - phaseStarted;
      resolvePromise({
        command: [command, ...args].join(' '),
        exitCode: code ?? 1,
        wallMs: performance.now() - started,
        peakTreeRssBytes: peakTree,
        peakProcessRssBytes: peakProcess,
        outputTail: output.split('\n').slice(-40).join('\n'),
        ...(timedOut ? { timedOut } : {}),
        ...(phases.length ? { phases } : {}),
      });
    });
  });
}

/** Total bytes of the files under dir (what a host stores, not disk blocks). */
export function directoryBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return { bytes: 0, files: 0 };
  }
  for (const name of names) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) {
      bytes += stat.size;
      files++;
    }
  }
  return { bytes, files };
}

export const formatBytes = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
export const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
