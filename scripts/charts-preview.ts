/**
 * Look at the chart components without building the site: renders each one (real content and a
 * synthetic set) with Astro's container API into one HTML page with the site's CSS, then
 * screenshots it in Chromium at 390 and 1280 px wide, light and dark, and prints it to an A4 PDF
 * (and PNGs of its pages, if pdftoppm is installed).
 *
 *   node scripts/charts-preview.ts [outDir=<the system's temporary folder>/charts-preview] [syntheticCount=10000]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { realSamples, syntheticSamples, type ChartSample } from './lib/chart-samples.ts';
import { componentRenderer } from './lib/render-components.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(process.argv[2] ?? join(tmpdir(), 'charts-preview'));
const syntheticCount = Number(process.argv[3] ?? 10_000);

/** Renders the samples into one page, with the site's stylesheets inline. */
export async function renderPreviewPage(samples: readonly { heading: string; charts: ChartSample[] }[]): Promise<string> {
  const renderer = await componentRenderer(root);
  try {
    const sections: string[] = [];
    for (const { heading, charts } of samples) {
      const rendered = [];
      for (const sample of charts) rendered.push(await renderer.render(`/src/components/charts/${sample.component}.astro`, sample.props));
      sections.push(`<section><h2 class="preview-section">${heading}</h2>${rendered.join('\n')}</section>`);
    }
    const css = ['src/styles/global.css', 'src/styles/charts.css'].map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
    return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Charts preview</title><style>${css}</style></head><body><main class="wrap"><h1>Charts preview</h1>${sections.join('\n')}</main></body></html>`;
  } finally {
    await renderer.close();
  }
}

if (import.meta.main) {
  mkdirSync(outDir, { recursive: true });
  const html = await renderPreviewPage([
    { heading: 'Real content', charts: realSamples(root) },
    { heading: '60 synthetic incidents', charts: syntheticSamples(60, 7) },
    { heading: `${syntheticCount.toLocaleString('en-GB')} synthetic incidents`, charts: syntheticSamples(syntheticCount) },
  ]);
  const page = join(outDir, 'index.html');
  writeFileSync(page, html);
  const browser = await launchBrowser();
  try {
    for (const width of [390, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const tab = await context.newPage();
        await tab.goto(`file://${page}`);
        // One image per chart, small enough to look at.
        const figures = await tab.locator('figure.chart').all();
        for (const [index, figure] of figures.entries()) {
          await figure.screenshot({ path: join(outDir, `chart-${index + 1}-${width}-${colorScheme}.png`) });
        }
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        console.log(`${figures.length} charts at ${width} px, ${colorScheme}${overflow > 0 ? ` (the page scrolls sideways by ${overflow} px)` : ''}`);
        await context.close();
      }
    }
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`file://${page}`);
    await tab.emulateMedia({ media: 'print' });
    const pdf = join(outDir, 'preview.pdf');
    await tab.pdf({ path: pdf, format: 'A4' });
    await context.close();
    console.log(pdf);
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(outDir, 'print')]);
      console.log(`${join(outDir, 'print-*.png')}`);
    } catch {
      console.log('pdftoppm not found: no PNGs of the PDF');
    }
  } finally {
    await browser.close();
  }
}
