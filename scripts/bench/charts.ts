/**
 * Chart benchmark: for synthetic sets of incidents, the time to lay out and render each chart
 * component (Astro's container API, after one warm-up render so that compiling is not counted)
 * and the HTML it adds to a page, raw and gzipped, plus a page of all of them with the
 * charts' stylesheet. Reports figures; asserts nothing.
 *
 *   node scripts/bench/charts.ts [counts=1000,10000]
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { syntheticSamples, type ChartSample } from '../lib/chart-samples.ts';
import { componentRenderer } from '../lib/render-components.ts';

const root = resolve(import.meta.dirname, '../..');
const counts = (process.argv[2] ?? '1000,10000').split(',').map(Number);

/** The overview's six charts: the four samples, and two more ranked bars shaped like suppliers and ways in. */
function overview(count: number): ChartSample[] {
  const samples = syntheticSamples(count);
  const bars = samples.find((s) => s.component === 'RankedBarChart')!;
  const more = (id: string, title: string): ChartSample => ({ component: 'RankedBarChart', props: { ...bars.props, id, title } });
  return [...samples, more(`suppliers-${count}`, 'Suppliers behind most incidents'), more(`access-${count}`, 'How attackers got in')];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const renderer = await componentRenderer(root);
try {
  // Warm-up: compile every component once.
  for (const sample of overview(50)) await renderer.render(`/src/components/charts/${sample.component}.astro`, sample.props);
  const css = readFileSync(join(root, 'src/styles/charts.css'), 'utf8');
  console.log(`charts.css: ${kb(css.length)} raw, ${kb(gzipSync(css).length)} gzipped`);
  for (const count of counts) {
    const started = performance.now();
    const charts = overview(count);
    const prepared = performance.now() - started;
    console.log(`\n${count.toLocaleString('en-GB')} incidents (synthetic data made and counted in ${prepared.toFixed(0)} ms)`);
    const pieces: string[] = [];
    let total = 0;
    for (const chart of charts) {
      const t0 = performance.now();
      const html = await renderer.render(`/src/components/charts/${chart.component}.astro`, chart.props);
      const ms = performance.now() - t0;
      total += ms;
      pieces.push(html);
      const kind = /chart-kind-([a-z-]+)/.exec(html)?.[1] ?? '?';
      console.log(`  ${String(chart.props.title).padEnd(66)} ${kind.padEnd(16)} ${ms.toFixed(0).padStart(5)} ms  ${kb(html.length).padStart(9)} raw  ${kb(gzipSync(html).length).padStart(8)} gz`);
    }
    const page = pieces.join('\n');
    console.log(`  overview-like page (${charts.length} charts): ${total.toFixed(0)} ms to lay out and render, ${kb(page.length)} raw, ${kb(gzipSync(page).length)} gzipped; with charts.css ${kb(gzipSync(page).length + gzipSync(css).length)}`);
  }
} finally {
  await renderer.close();
}
