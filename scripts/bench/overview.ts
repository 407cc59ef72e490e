/**
 * Overview figures for `npm run bench` (scripts/bench.ts calls measureOverview(distDir, contentDir)):
 * - weight: /overview/'s HTML and the stylesheets it links, gzipped (budget: 200 kB at 10,000
 *   incidents), the scripts it loads (the goal is none) and how many SVG elements it draws (it
 *   aggregates and bins, so this should not grow with the incidents);
 * - build time: the page's share of the build, its view (src/lib/views/overview.ts) worked out from
 *   the knowledge base and its charts rendered (target: under 2 s at 10,000 incidents). Timed in
 *   this process over the same content, since the build renders four pages at once and its log
 *   cannot tell which page a time belongs to. The knowledge base itself, shared by every page, is
 *   built first and not counted.
 *
 * Standalone: node scripts/bench/overview.ts <distDir> <contentDir>
 */
import { correctionSettingsFrom } from '../../src/lib/site.ts';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { checkContentFolder, collectionsOf } from '../../src/lib/check-content.ts';
import { buildKnowledgeBase } from '../../src/lib/model.ts';
import { overviewPage } from '../../src/lib/views/overview.ts';
import { componentRenderer } from '../lib/render-components.ts';

const root = resolve(import.meta.dirname, '../..');
const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

/** What the built page weighs and draws. */
export function overviewWeight(distDir: string): { htmlGzip: number; cssGzip: number; scripts: number; charts: number; svgElements: number } {
  const html = readFileSync(join(distDir, 'overview/index.html'), 'utf8');
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => readFileSync(join(distDir, m[1]!.replace(/^https?:\/\/[^/]+/, '').replace(/^\//, ''))));
  const svgs = [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0]);
  return {
    htmlGzip: gz(html),
    cssGzip: css.reduce((sum, sheet) => sum + gz(sheet), 0),
    scripts: [...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/type="application\/(ld\+)?json"/.test(m[1] ?? '')).length,
    charts: (html.match(/<figure class="chart /g) ?? []).length,
    svgElements: svgs.reduce((sum, svg) => sum + (svg.match(/<(rect|circle|path|line|text)\b/g) ?? []).length, 0),
  };
}

/** The page's share of the build: its view, then each chart rendered by the components the route uses. */
export async function overviewBuildTime(contentDir: string): Promise<{ viewMs: number; renderMs: number }> {
  const { entries, problems } = checkContentFolder(root, contentDir);
  if (problems.length) throw new Error(`the content in ${contentDir} has ${problems.length} problems`);
  const kb = buildKnowledgeBase(collectionsOf(entries));
  const site = { site: 'https://bench.invalid', base: '/' };
  const corrections = correctionSettingsFrom({});
  const renderer = await componentRenderer(root);
  try {
    // Compile the components once, over a small view, so that compiling is not counted.
    const small = buildKnowledgeBase({ ...collectionsOf(entries), incidents: collectionsOf(entries).incidents.slice(0, 20) });
    for (const chart of overviewPage({ kb: small, site, corrections }).charts) await renderer.render('/src/components/charts/ChartView.astro', { chart });
    const t0 = performance.now();
    const view = overviewPage({ kb, site, corrections });
    const viewMs = performance.now() - t0;
    const t1 = performance.now();
    for (const chart of view.charts) await renderer.render('/src/components/charts/ChartView.astro', { chart });
    return { viewMs, renderMs: performance.now() - t1 };
  } finally {
    await renderer.close();
  }
}

/** The figures the bench reports for a built site. */
export async function measureOverview(distDir: string, contentDir: string): Promise<Record<string, unknown>> {
  const weight = overviewWeight(distDir);
  const time = await overviewBuildTime(contentDir);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  return {
    'HTML + CSS gzipped (budget 200 kB)': kb(weight.htmlGzip + weight.cssGzip),
    'of which HTML gzipped': kb(weight.htmlGzip),
    'scripts loaded (goal 0)': weight.scripts,
    'charts / SVG elements drawn': `${weight.charts} / ${weight.svgElements.toLocaleString('en-GB')}`,
    'build time: view + charts rendered (target < 2 s)': `${Math.round(time.viewMs + time.renderMs).toLocaleString('en-GB')} ms (view ${Math.round(time.viewMs)} ms, charts ${Math.round(time.renderMs)} ms)`,
  };
}

export default measureOverview;

if (import.meta.url === `file://${process.argv[1]}`) {
  const [distDir, contentDir] = process.argv.slice(2);
  if (!distDir || !contentDir) {
    console.error('usage: node scripts/bench/overview.ts <distDir> <contentDir>  (a built site and the content it was built from)');
    process.exit(1);
  }
  console.log(JSON.stringify(await measureOverview(resolve(distDir), resolve(contentDir)), null, 2));
}
