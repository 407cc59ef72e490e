/**
 * Timeline figures for `npm run bench` (scripts/bench.ts calls measureTimeline(distDir)):
 * - the JavaScript /timeline/ loads: every script the page references and every module those
 *   import, in bytes and gzip bytes (budget: under 30 kB gzip in total);
 * - zoom frame time in Chromium: wheel zoom steps over the chart, each timed from the start of
 *   the frame that handles it to the end of that frame's rendering (budget: under 16 ms at 1,000
 *   incidents);
 * - incident pages: whether any of them loads JavaScript (the goal is none).
 *
 * Standalone: node scripts/bench/timeline.ts [--incidents=1000] [--seed=1] [--reuse]
 * generates a synthetic corpus, builds it into bench/out/timeline/ and prints the figures.
 * TIMELINE_BENCH_SAMPLES=1 also prints every frame sample (on a shared machine, spikes are other work).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startStaticServer } from '../lib/static-server.ts';
import { launchBrowser } from '../../tests/helpers/browser.ts';

const root = resolve(import.meta.dirname, '../..');

export interface ScriptBytes {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/** Script files a built page loads, followed through static imports (as the browser would). */
export function pageScriptBytes(distDir: string, pagePath: string): ScriptBytes {
  const htmlFile = join(distDir, pagePath.replace(/^\//, ''), 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const seen = new Set<string>();
  let bytes = 0;
  let gzipBytes = 0;
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file);
    bytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
    const text = code.toString('utf8');
    for (const match of text.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+\.m?js)["']/g)) {
      const spec = match[1]!;
      visit(spec.startsWith('/') ? join(distDir, spec) : resolve(dirname(file), spec));
    }
  };
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) visit(join(distDir, match[1]!.replace(/^https?:\/\/[^/]+/, '')));
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) visit(join(distDir, match[1]!));
  // Inline scripts count too (JSON-LD and other non-executable types excepted).
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)) {
    const code = Buffer.from(match[1]!);
    if (code.length === 0) continue;
    bytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
    seen.add('(inline)');
  }
  return { files: [...seen].map((f) => f.replace(`${distDir}/`, '')), bytes, gzipBytes };
}

/** Incident pages that load any script (the chronology must need none). */
export function incidentPagesWithScripts(distDir: string): string[] {
  const dir = join(distDir, 'incidents');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((id) => existsSync(join(dir, id, 'index.html')))
    .filter((id) => /<script\b(?![^>]*type="application\/(?:ld\+)?json")/.test(readFileSync(join(dir, id, 'index.html'), 'utf8')))
    .map((id) => `/incidents/${id}/`);
}

export interface ZoomFrames {
  marks: number;
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * Zooms the chart with wheel events, one per frame: in by steps to the closest zoom, then out
 * again, with the pointer at different places. Each sample runs from the start of the animation
 * frame that handles the wheel event to the first task after that frame's rendering (script, style,
 * layout and paint on the main thread; rasterising happens off it).
 */
export async function measureZoomFrames(distDir: string, options: { steps?: number } = {}): Promise<ZoomFrames> {
  const steps = options.steps ?? 60;
  const server = await startStaticServer(distDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL('timeline/', server.url).href);
    await page.waitForSelector('incident-timeline [data-controls]:not([hidden])');
    const result = await page.evaluate(async (count) => {
      const canvas = document.querySelector<HTMLElement>('incident-timeline [data-canvas]')!;
      const box = canvas.getBoundingClientRect();
      // One sample: inside an animation frame, handle a wheel event, then post a message; the
      // message runs once that frame's style, layout and paint are done on the main thread.
      const timedStep = (init: WheelEventInit) =>
        new Promise<number>((done) => {
          requestAnimationFrame(() => {
            const t0 = performance.now();
            canvas.dispatchEvent(new WheelEvent('wheel', init));
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done(performance.now() - t0);
            channel.port2.postMessage(0);
          });
        });
      const samples: number[] = [];
      for (let i = 0; i < count; i++) {
        const zoomingIn = i < count / 2;
        samples.push(
          await timedStep({
            deltaY: zoomingIn ? -120 : 120,
            deltaMode: 0,
            ctrlKey: true,
            clientX: box.left + box.width * (0.2 + (0.6 * ((i * 37) % 100)) / 100),
            clientY: Math.min(box.top + 200, window.innerHeight - 50),
            bubbles: true,
            cancelable: true,
          }),
        );
      }
      return { samples, marks: canvas.querySelectorAll('a.tl-mark').length };
    }, steps);
    await context.close();
    if (process.env.TIMELINE_BENCH_SAMPLES) console.log(result.samples.map((n) => n.toFixed(1)).join(' '));
    const sorted = [...result.samples].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    const round = (n: number) => Math.round(n * 10) / 10;
    return { marks: result.marks, frames: sorted.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1)!) };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The figures the bench reports for a built site. */
export async function measureTimeline(distDir: string): Promise<Record<string, unknown>> {
  const scripts = pageScriptBytes(distDir, '/timeline/');
  const frames = await measureZoomFrames(distDir);
  return {
    'JS gzip bytes (/timeline/, budget 30,000)': scripts.gzipBytes,
    'JS bytes (/timeline/)': scripts.bytes,
    'marks on /timeline/': frames.marks,
    'zoom frame median ms': frames.medianMs,
    'zoom frame p95 ms (budget 16)': frames.p95Ms,
    'zoom frame max ms': frames.maxMs,
    'incident pages loading JS': incidentPagesWithScripts(distDir).length,
  };
}

export default measureTimeline;

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
  const incidents = Number(option('incidents', '1000'));
  // Inside the project: Astro writes its prerender chunks to <cwd>/.astro/.prerender when the output
  // folder lies outside the working directory, and concurrent builds would then overwrite each other's.
  const work = join(root, 'bench/out/timeline');
  mkdirSync(work, { recursive: true });
  const { generateCorpus } = await import('./generate.ts');
  const content = join(work, 'content');
  // --reuse keeps the last corpus (a rebuild after changing the timeline code is then quicker).
  if (!process.argv.includes('--reuse') || !existsSync(content)) generateCorpus(content, { incidents, seed: Number(option('seed', '1')) });
  const dist = join(work, 'dist');
  const built = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: content, OUT_DIR: dist, ASTRO_CACHE_DIR: join(work, 'cache') },
  });
  if (built.status !== 0) {
    console.error(`The synthetic build failed (exit ${built.status}); see the output above.`);
    process.exit(1);
  }
  console.log(JSON.stringify({ incidents, ...(await measureTimeline(dist)) }, null, 2));
}
