/**
 * npm run bench: how the build scales, against a bare Astro build of the same files.
 *
 * For each corpus size it generates synthetic content (scripts/bench/generate.ts), builds the site
 * (everything `astro build` does: pages, Pagefind, exports), builds a featureless Astro project over
 * the same files as the baseline, times a rebuild after editing one incident, and measures sizes,
 * the search payload, the timeline's budgets and the overview's weight and build time. Lighthouse runs over the largest corpus when it is installed. Results go
 * to stdout and bench/RESULTS.md.
 *
 *   node scripts/bench.ts                 1,000 and 10,000 incidents (the reported run)
 *   node scripts/bench.ts --quick         200 incidents, no Lighthouse (while developing)
 *   node scripts/bench.ts --sizes=500,2000 [--no-baseline] [--no-rebuild] [--no-lighthouse] [--seed=N]
 *                         [--incremental-max=N]  (time an incremental rebuild, INCREMENTAL_BUILD=1, up to N incidents; default 1000)
 *                         [--heap=MB]  (NODE_OPTIONS=--max-old-space-size for the builds)
 *                         [--site-timeout=S]  (stop a site build after S seconds; reported as not finished)
 *                         [--reuse]  (report sizes already measured in bench/out/<size>/result.json)
 *                         [--out=DIR]  (corpora, builds and partial results under DIR instead of bench/out)
 *
 * Timing targets are reported here, never asserted in tests: times move with machine load.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCorpus } from './bench/generate.ts';
import { writeBaselineProject } from './bench/baseline.ts';
import { directoryBytes, formatBytes, formatSeconds, runMeasured, type Measured, type PhaseMarker } from './bench/measure.ts';
import { measureSearchPayload, type SearchPayload } from './bench/search-probe.ts';
import { runLighthouse, type LighthouseRow } from './bench/lighthouse.ts';
import { incrementalOutcome, type IncrementalOutcome } from './bench/incremental.ts';

const root = resolve(import.meta.dirname, '..');
const startLoad = loadavg()[0]!;
let lighthouseSize: number | undefined;
const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
/** What `npm run build` runs: Astro, then the search index in its own process. */
const siteBuild = join(root, 'scripts/build.ts');
const pagefindBin = join(root, 'node_modules/.bin/pagefind');

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
/** --out=DIR keeps a run's corpora and partial results apart from bench/out (another run's --reuse reads that). */
const outRoot = option('out') ? resolve(option('out')!) : join(root, 'bench/out');
const quick = flag('quick');
const sizes = (option('sizes') ?? (quick ? '200' : '1000,10000')).split(',').map(Number);
const seed = Number(option('seed') ?? 1);
const withBaseline = !flag('no-baseline');
const withRebuild = !flag('no-rebuild');
const withLighthouse = !quick && !flag('no-lighthouse');
/** The incremental-build experiment costs two more full builds: by default only up to 1,000 incidents. */
const incrementalMax = Number(option('incremental-max') ?? 1000);
/** --site-timeout=S stops a site build after S seconds and reports it as not finished. */
const siteTimeoutMs = option('site-timeout') ? Number(option('site-timeout')) * 1000 : undefined;

interface SizeResult {
  incidents: number;
  entries: number;
  site: Measured;
  /** Set when the site build did not write dist/pagefind, so the bench ran Pagefind itself. */
  separatePagefind?: Measured;
  baseline?: Measured;
  rebuild?: Measured;
  incremental?: { primed: Measured; rebuild: Measured; skippedPages: number | undefined; outcome?: IncrementalOutcome | undefined };
  dist: { bytes: number; files: number };
  pagefind: { bytes: number; files: number };
  htmlPages: number;
  search?: SearchPayload | { error: string };
  timeline?: Record<string, unknown> | { error: string };
  /** /overview/: weight, scripts, marks drawn, and its share of the build (scripts/bench/overview.ts). */
  overview?: Record<string, unknown> | { error: string };
  /** Steps that failed after the full build succeeded (reported, not fatal). */
  errors: string[];
  measuredAt?: string;
  loadAtStart?: number;
}

/** --heap=MB raises Node's heap limit for every build (the same for site and baseline), and is reported. */
const heapMb = option('heap');
/**
 * The environment as this process started. The overview figures render components through a Vite
 * dev server in this process, and Vite sets NODE_ENV=development when it is unset: inherited by a
 * later build, that built the site in development mode (import.meta.env.DEV true, so the search
 * page said search needs a build, and the times were a development build's).
 */
const startingEnv = { ...process.env };
const env = (extra: Record<string, string>) => ({
  ...startingEnv,
  ASTRO_TELEMETRY_DISABLED: '1',
  ...(heapMb ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${heapMb}`.trim() } : {}),
  ...extra,
});

/** The site build's phases, from the lines Astro and src/integrations print as each one starts. */
const sitePhases: PhaseMarker[] = [
  { name: 'startup and content check', start: /^/ },
  { name: 'content layer sync and types', start: /\[content\] Syncing content/ },
  { name: 'bundling (Vite)', start: /Building static entrypoints/ },
  { name: 'rendering pages', start: /generating static routes/ },
  { name: 'search index (Pagefind)', start: /\[nhs-kb:pagefind\] building the search index/ },
];

function assertOk(what: string, run: Measured) {
  if (run.exitCode !== 0) {
    throw new Error(`${what} failed (exit ${run.exitCode}): ${run.command}\n${run.outputTail}`);
  }
}

function log(message: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function searchFigures(distDir: string): Promise<SizeResult['search']> {
  const external = join(root, 'scripts/bench/search-payload.ts');
  try {
    if (existsSync(external)) {
      const module = (await import(external)) as Record<string, unknown>;
      const measure = (module.measureSearchPayload ?? module.default) as ((dir: string) => Promise<SearchPayload>) | undefined;
      if (typeof measure === 'function') return await measure(distDir);
    }
    return await measureSearchPayload(distDir);
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

async function timelineFigures(distDir: string, contentDir: string): Promise<SizeResult['timeline']> {
  const script = join(root, 'scripts/bench/timeline.ts');
  if (!existsSync(script)) return undefined;
  try {
    const module = (await import(script)) as Record<string, unknown>;
    const measure = (module.measureTimeline ?? module.default) as ((dir: string, content?: string) => Promise<Record<string, unknown>>) | undefined;
    if (typeof measure !== 'function') return { error: 'scripts/bench/timeline.ts exports no measureTimeline(distDir) function' };
    return await measure(distDir, contentDir);
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

async function overviewFigures(distDir: string, contentDir: string): Promise<SizeResult['overview']> {
  try {
    const { measureOverview } = await import('./bench/overview.ts');
    return await measureOverview(distDir, contentDir);
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

function countEntries(counts: Record<string, number>) {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function editOneIncident(contentDir: string, id: string, round: number) {
  appendFileSync(join(contentDir, 'incidents', `${id}.md`), `\nAn edit made by the benchmark to time a rebuild (round ${round}).\n`);
}

async function benchSize(incidents: number): Promise<SizeResult> {
  const dir = join(outRoot, String(incidents));
  const contentDir = join(dir, 'content');
  const distDir = join(dir, 'dist');
  const cacheDir = join(dir, 'cache');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const measuredAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const loadAtStart = loadavg()[0]!;
  log(`${incidents}: generating corpus`);
  const corpus = generateCorpus(contentDir, { incidents, seed });
  const buildEnv = env({ CONTENT_DIR: contentDir, OUT_DIR: distDir, ASTRO_CACHE_DIR: cacheDir });

  // The baseline first: it is short, and its figure is wanted even if the site build fails.
  let baseline: Measured | undefined;
  const earlyErrors: string[] = [];
  if (withBaseline) {
    log(`${incidents}: bare Astro baseline over the same files`);
    const baselineRoot = writeBaselineProject(join(dir, 'baseline'), contentDir, join(root, 'node_modules'));
    const run = await runMeasured(process.execPath, [astroBin, 'build'], {
      cwd: baselineRoot,
      // Output and cache inside the baseline project: Astro writes the prerender bundle into the
      // output folder, and its bare imports (html-escaper) resolve from there by walking up to a
      // node_modules. Beside the project, as before, that walk found the site's own node_modules
      // only when --out was inside this repository, and the baseline failed everywhere else.
      env: env({ OUT_DIR: join(baselineRoot, 'dist'), ASTRO_CACHE_DIR: join(baselineRoot, 'cache') }),
    });
    if (run.exitCode === 0) baseline = run;
    else earlyErrors.push(`baseline build failed: ${run.outputTail}`);
  }

  log(`${incidents}: full site build`);
  const site = await runMeasured(process.execPath, [siteBuild], { cwd: root, env: buildEnv, phases: sitePhases, ...(siteTimeoutMs ? { timeoutMs: siteTimeoutMs } : {}) });
  if (site.exitCode !== 0 || site.timedOut) {
    // Reported, not thrown: a build that runs out of memory or time at 10,000 incidents is a result.
    const why = site.timedOut ? `did not finish within ${formatSeconds(site.wallMs)} (stopped by --site-timeout)` : `failed (exit ${site.exitCode})`;
    log(`${incidents}: the site build ${why}`);
    return {
      incidents,
      entries: countEntries(corpus.counts),
      site,
      ...(baseline ? { baseline } : {}),
      dist: directoryBytes(distDir),
      pagefind: { bytes: 0, files: 0 },
      htmlPages: 0,
      errors: [...earlyErrors, `site build ${why}, peak ${formatBytes(site.peakTreeRssBytes)} so far: ${site.outputTail.split('\n').filter(Boolean).slice(-6).join(' / ')}`],
      measuredAt,
      loadAtStart,
    };
  }
  let separatePagefind: Measured | undefined;
  if (!existsSync(join(distDir, 'pagefind'))) {
    log(`${incidents}: the build wrote no dist/pagefind: running Pagefind separately`);
    separatePagefind = await runMeasured(pagefindBin, ['--site', distDir, '--silent'], { cwd: root });
    assertOk('pagefind', separatePagefind);
  }
  const result: SizeResult = {
    incidents,
    entries: countEntries(corpus.counts),
    site,
    ...(separatePagefind ? { separatePagefind } : {}),
    dist: directoryBytes(distDir),
    pagefind: directoryBytes(join(distDir, 'pagefind')),
    htmlPages: countPages(distDir),
    errors: earlyErrors,
    ...(baseline ? { baseline } : {}),
    measuredAt,
    loadAtStart,
  };

  log(`${incidents}: search payload`);
  result.search = await searchFigures(distDir);
  const timeline = await timelineFigures(distDir, contentDir);
  if (timeline) result.timeline = timeline;
  log(`${incidents}: overview figures`);
  result.overview = await overviewFigures(distDir, contentDir);

  if (withRebuild) {
    try {
      // The same cache folder as the full build: Astro's content layer only re-parses what changed.
      log(`${incidents}: rebuild after editing one incident`);
      editOneIncident(contentDir, corpus.incidentIds[0]!, 1);
      result.rebuild = await runMeasured(process.execPath, [siteBuild], { cwd: root, env: buildEnv });
      assertOk('rebuild', result.rebuild);
      if (incidents <= incrementalMax) result.incremental = await incrementalRebuild(incidents, contentDir, corpus.incidentIds[0]!, buildEnv);
    } catch (error) {
      result.errors.push(String(error instanceof Error ? error.message : error).split('\n').slice(0, 12).join('\n'));
    }
  }
  return result;
}

/**
 * The same rebuild with INCREMENTAL_BUILD=1 (Astro's experimental.incrementalBuild): a page whose
 * getStaticPaths cacheKey (the digest of its view, src/lib/views/) and route code are unchanged is copied from
 * the cache instead of rendered. The flag needs one build to write its manifest and page copies
 * (the priming build, timed too), then the edit and the timed rebuild. Same cache folder, no
 * --force: --force would ignore the manifest and render everything.
 */
async function incrementalRebuild(incidents: number, contentDir: string, incidentId: string, buildEnv: NodeJS.ProcessEnv): Promise<SizeResult['incremental']> {
  log(`${incidents}: incremental build (priming, then rebuild after an edit)`);
  const incrementalEnv = { ...buildEnv, INCREMENTAL_BUILD: '1' };
  const primed = await runMeasured(process.execPath, [siteBuild], { cwd: root, env: incrementalEnv });
  assertOk('incremental priming build', primed);
  editOneIncident(contentDir, incidentId, 2);
  const started = Date.now();
  const rebuild = await runMeasured(process.execPath, [siteBuild], { cwd: root, env: incrementalEnv });
  assertOk('incremental rebuild', rebuild);
  const outcome = incrementalOutcome(String(buildEnv.ASTRO_CACHE_DIR), started);
  if (outcome) log(`${incidents}: incremental rebuild skipped ${outcome.skipped} of ${outcome.keyed} keyed pages; rendered ${outcome.rendered.join(', ')}`);
  return { primed, rebuild, skippedPages: outcome?.skipped, outcome };
}

/** Pages a reader can reach: the URLs in the sitemaps /sitemap.xml indexes when there are any, else the HTML files. */
function countPages(distDir: string): number {
  const sitemaps = readdirSync(distDir).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  if (sitemaps.length > 0) return sitemaps.reduce((n, name) => n + (readFileSync(join(distDir, name), 'utf8').match(/<loc>/g) ?? []).length, 0);
  return (readdirSync(distDir, { recursive: true }) as string[]).filter((name) => name.endsWith('.html')).length;
}

function describeSearch(search: SearchPayload & { bytesGzip?: number; msToResults?: number }): string {
  const gzip = search.bytesGzip !== undefined ? ` (${formatBytes(search.bytesGzip)} with text files gzipped)` : '';
  const time = search.msToResults !== undefined ? `, ${Math.round(search.msToResults)} ms from last keystroke to results` : '';
  return `${formatBytes(search.bytes)}${gzip} in ${search.requests} requests ("${search.query}", ${search.results} results${time})`;
}

function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${availableParallelism()} cores (${cpu.trim()}), ${formatBytes(totalmem())} memory, Node ${process.version}, ${process.platform}`;
}

function ratio(a: Measured | undefined, b: Measured | undefined) {
  return a && b ? `${(a.wallMs / b.wallMs).toFixed(2)}×` : 'n/a';
}

function siteWall(r: SizeResult) {
  return r.site.wallMs + (r.separatePagefind?.wallMs ?? 0);
}

/** What the build's search step printed: how many pages Pagefind indexed, and in how long. */
function searchIndexLine(r: SizeResult): { pages: number; ms: number } | undefined {
  const m = /search index: ([\d,]+) pages in (\d+) ms/.exec(r.site.outputTail);
  return m ? { pages: Number(m[1]!.replaceAll(',', '')), ms: Number(m[2]) } : undefined;
}

/** Wall time of every measured phase except rendering pages, or undefined when the phases were not recorded. */
function otherThanRendering(r: SizeResult): number | undefined {
  const phases = r.site.phases;
  if (!phases?.length) return undefined;
  return phases.filter((phase) => phase.name !== 'rendering pages').reduce((sum, phase) => sum + phase.wallMs, 0);
}

/**
 * The part of a first search that does not depend on the query: Pagefind's script and WebAssembly,
 * and its metadata file, which lists every indexed page (so it grows with the page count).
 */
function searchFloor(r: SizeResult): string {
  const search = r.search && !('error' in r.search) ? (r.search as SearchPayload & { parts?: Record<string, number> }) : undefined;
  const indexed = searchIndexLine(r)?.pages;
  if (!search?.parts || search.parts.library === undefined || search.parts.metadata === undefined) return 'n/a';
  const perPage = indexed ? `; the page list is ${(search.parts.metadata / indexed).toFixed(1)} bytes per indexed page over ${indexed.toLocaleString('en-GB')} pages` : '';
  return `${formatBytes(search.parts.library + search.parts.metadata)} (library ${formatBytes(search.parts.library)}, page list ${formatBytes(search.parts.metadata)}${perPage})`;
}

function siteMemory(r: SizeResult) {
  return Math.max(r.site.peakTreeRssBytes, r.separatePagefind?.peakTreeRssBytes ?? 0);
}

function report(results: SizeResult[], lighthouse: LighthouseRow[] | string | undefined): string {
  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(`Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}\`.`);
  lines.push(`Machine: ${machine()}.`);
  lines.push(`Load average (1 min) at the start and end of this invocation: ${startLoad.toFixed(2)} and ${loadavg()[0]!.toFixed(2)} (each size's own start time and load are in the table). The machine is shared by several builds at once, so times carry that noise; each baseline ran in the same session as its site build.`);
  lines.push(`Corpus: synthetic, seed ${seed} (scripts/bench/generate.ts): incidents as .md with full frontmatter and 2-5 kB of prose, shared actors, vendors, organisations, vulnerabilities, attack types and controls.`);
  lines.push('Memory is the peak resident set of the whole build process tree, sampled from /proc every 150 ms.');
  lines.push(heapMb ? `Builds ran with NODE_OPTIONS=--max-old-space-size=${heapMb} (Node's default heap limit is about 4 GB here).` : "Builds ran with Node's default heap limit.", '');
  const header = ['', ...results.map((r) => `${r.incidents.toLocaleString('en-GB')} incidents`)];
  const row = (label: string, cell: (r: SizeResult) => string) => `| ${label} | ${results.map(cell).join(' | ')} |`;
  lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`);
  lines.push(row('measured at (UTC), 1-min load average then', (r) => `${r.measuredAt ?? '?'}, ${r.loadAtStart?.toFixed(1) ?? '?'}`));
  lines.push(row('content entries (all collections)', (r) => r.entries.toLocaleString('en-GB')));
  lines.push(row('pages in the sitemap (or HTML files)', (r) => r.htmlPages.toLocaleString('en-GB')));
  lines.push(row('full build: time', (r) => (r.site.timedOut ? `did not finish in ${formatSeconds(r.site.wallMs)}` : r.site.exitCode !== 0 ? `FAILED after ${formatSeconds(r.site.wallMs)}` : formatSeconds(siteWall(r))) + (r.separatePagefind ? ` (incl. Pagefind run separately: ${formatSeconds(r.separatePagefind.wallMs)})` : '')));
  lines.push(row('… of which rendering pages (Astro\'s timer)', (r) => /^\d\d:\d\d:\d\d ✓ Completed in (.+?)\.?$/m.exec(r.site.outputTail)?.[1] ?? 'n/a'));
  lines.push(row('… of which Pagefind indexing', (r) => { const index = searchIndexLine(r); return index ? `${formatSeconds(index.ms)} (${index.pages} pages)` : 'n/a'; }));
  for (const phase of sitePhases) {
    lines.push(row(`… phase: ${phase.name} (time, peak memory)`, (r) => {
      const figure = r.site.phases?.find((p) => p.name === phase.name);
      return figure ? `${formatSeconds(figure.wallMs)}, ${formatBytes(figure.peakTreeRssBytes)}` : 'n/a';
    }));
  }
  lines.push(row('full build: peak memory', (r) => `${formatBytes(siteMemory(r))}${r.site.timedOut ? ' (until stopped)' : ''}`));
  lines.push(row('bare Astro baseline: time', (r) => (r.baseline ? formatSeconds(r.baseline.wallMs) : 'not run')));
  lines.push(row('bare Astro baseline: peak memory', (r) => (r.baseline ? formatBytes(r.baseline.peakTreeRssBytes) : 'not run')));
  lines.push(row('ratio full / baseline (target ≤ 2×)', (r) => (r.baseline ? `${r.site.timedOut ? '> ' : ''}${(siteWall(r) / r.baseline.wallMs).toFixed(2)}×` : 'n/a')));
  // What the targets cannot go below while these phases stay: every phase but rendering, as if pages cost nothing.
  lines.push(row('… floor: the phases other than rendering / baseline', (r) => { const other = otherThanRendering(r); return other !== undefined && r.baseline ? `${(other / r.baseline.wallMs).toFixed(2)}× (${formatSeconds(other)})` : 'n/a'; }));
  lines.push(row('… floor: the phases other than rendering / full build (an incremental build runs them all)', (r) => { const other = otherThanRendering(r); return other !== undefined ? `${Math.round((100 * other) / siteWall(r))} % (${formatSeconds(other)})` : 'n/a'; }));
  lines.push(row('peak memory target ≤ baseline + 0.5 GB', (r) => (!r.baseline ? 'n/a' : siteMemory(r) <= r.baseline.peakTreeRssBytes + 0.5 * 1024 ** 3 ? 'met' : 'NOT met')));
  lines.push(row('dist/ size', (r) => `${formatBytes(r.dist.bytes)} (${r.dist.files.toLocaleString('en-GB')} files)`));
  lines.push(row('Pagefind index size', (r) => `${formatBytes(r.pagefind.bytes)} (${r.pagefind.files.toLocaleString('en-GB')} files)`));
  lines.push(row('search payload, one query', (r) => (!r.search ? 'not run' : 'error' in r.search ? `error: ${r.search.error}` : describeSearch(r.search))));
  lines.push(row('… floor: Pagefind\'s library + its page list, before any word\'s index or result (gzipped)', (r) => searchFloor(r)));
  lines.push(row('rebuild after editing one incident', (r) => (r.rebuild ? `${formatSeconds(r.rebuild.wallMs)}, ${formatBytes(r.rebuild.peakTreeRssBytes)}` : 'not run')));
  lines.push(
    row('same with INCREMENTAL_BUILD=1 (experimental.incrementalBuild)', (r) =>
      r.incremental
        ? `${formatSeconds(r.incremental.rebuild.wallMs)}, ${formatBytes(r.incremental.rebuild.peakTreeRssBytes)} (priming build ${formatSeconds(r.incremental.primed.wallMs)}${r.incremental.outcome ? `; ${r.incremental.outcome.skipped.toLocaleString('en-GB')} of ${r.incremental.outcome.keyed.toLocaleString('en-GB')} keyed pages skipped, ${r.incremental.outcome.rendered.length} rendered` : ''})`
        : `not run (above --incremental-max=${incrementalMax})`,
    ),
  );
  const timelineKeys = [...new Set(results.flatMap((r) => (r.timeline && !('error' in r.timeline) ? Object.keys(r.timeline) : [])))];
  for (const key of timelineKeys) lines.push(row(`timeline: ${key}`, (r) => String((r.timeline as Record<string, unknown> | undefined)?.[key] ?? 'n/a')));
  const timelineErrors = results.filter((r) => r.timeline && 'error' in r.timeline);
  if (timelineErrors.length) lines.push(row('timeline figures', (r) => (r.timeline && 'error' in r.timeline ? `error: ${String(r.timeline.error)}` : 'ok')));
  if (!results.some((r) => r.timeline)) lines.push(row('timeline figures', () => 'scripts/bench/timeline.ts absent'));
  const overviewKeys = [...new Set(results.flatMap((r) => (r.overview && !('error' in r.overview) ? Object.keys(r.overview) : [])))];
  for (const key of overviewKeys) lines.push(row(`overview: ${key}`, (r) => String((r.overview as Record<string, unknown> | undefined)?.[key] ?? 'n/a')));
  if (results.some((r) => r.overview && 'error' in r.overview)) lines.push(row('overview figures', (r) => (r.overview && 'error' in r.overview ? `error: ${String(r.overview.error)}` : 'ok')));
  lines.push('');
  lines.push('Notes:');
  lines.push('- "Rebuild" reuses the full build\'s cache folder (Astro\'s content layer re-parses only the changed file); every page is still rendered and Pagefind re-indexes the whole site.');
  lines.push('- With INCREMENTAL_BUILD=1 every dynamic route returns a cacheKey (the digest of the page view): a page is re-rendered only when its route code or something it shows changed; pages without dynamic params (home, lists, timeline, site feed, sitemap, CSV, STIX) are always rendered, and Pagefind still re-indexes the whole site.');
  for (const r of results) for (const error of r.errors) lines.push(`- ${r.incidents} incidents: a step failed: ${error.split('\n').slice(0, 6).join(' / ')}`);
  lines.push('');
  lines.push('## Lighthouse');
  lines.push('');
  if (typeof lighthouse === 'string' || lighthouse === undefined) lines.push(lighthouse ?? 'Not run.');
  else {
    lines.push(`Over the ${(lighthouseSize ?? results.at(-1)?.incidents)?.toLocaleString('en-GB')}-incident build, served from loopback by scripts/lib/static-server.ts (no compression). Scores move with machine load: reported, not asserted. Targets: 100 for accessibility, best practices and SEO; performance ≥ 95.`, '');
    lines.push('| page | performance | accessibility | best practices | SEO |', '| --- | --- | --- | --- | --- |');
    const cell = (value: number | undefined) => (value === undefined ? 'not scored (see its JSON in bench/out/lighthouse/)' : String(value));
    for (const r of lighthouse) lines.push(`| ${r.page} | ${r.error ? `error: ${r.error}` : `${cell(r.performance)} | ${cell(r.accessibility)} | ${cell(r.bestPractices)} | ${cell(r.seo)}`} |`);
  }
  lines.push('');
  return lines.join('\n');
}

async function main() {
  mkdirSync(outRoot, { recursive: true });
  const resultsFile = quick || (option('sizes') && !flag('reuse')) ? join(outRoot, 'RESULTS.partial.md') : join(root, 'bench/RESULTS.md');
  const results: SizeResult[] = [];
  // Written after every size, so a long run that is stopped still leaves what it measured.
  const save = (lighthouse: LighthouseRow[] | string | undefined) => {
    const markdown = report(results, lighthouse);
    writeFileSync(resultsFile, markdown);
    writeFileSync(join(outRoot, 'results.json'), JSON.stringify(results, null, 2));
    return markdown;
  };
  for (const size of sizes) {
    const saved = join(outRoot, String(size), 'result.json');
    // --reuse reports a size measured by an earlier run (each size takes long at 10,000).
    const result: SizeResult = flag('reuse') && existsSync(saved) ? JSON.parse(readFileSync(saved, 'utf8')) : await benchSize(size);
    writeFileSync(saved, JSON.stringify(result, null, 2));
    results.push(result);
    log(`${size}: site ${formatSeconds(siteWall(result))} / ${formatBytes(siteMemory(result))}; baseline ${result.baseline ? formatSeconds(result.baseline.wallMs) : 'n/a'}; ratio ${ratio(result.site, result.baseline)}`);
    save(withLighthouse ? 'Not run yet (runs after the last size).' : undefined);
  }
  let lighthouse: LighthouseRow[] | string | undefined;
  if (withLighthouse && results.length > 0) {
    log('Lighthouse');
    const built = results.filter((r) => r.site.exitCode === 0 && !r.site.timedOut).at(-1);
    lighthouse = built ? await runLighthouse(join(outRoot, String(built.incidents), 'dist'), join(outRoot, 'lighthouse')) : 'Not run: no site build finished.';
    lighthouseSize = built?.incidents;
  } else lighthouse = 'Not run (--quick or --no-lighthouse).';
  console.log(`\n${save(lighthouse)}`);
  log(`written ${resultsFile}`);
}

await main();
