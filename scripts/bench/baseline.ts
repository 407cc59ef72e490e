/**
 * The benchmark's yardstick: a throwaway Astro project with no features at all (no schemas, no
 * integrity check, no search, no exports, no layout), one plain page per content entry, built from
 * the same content folder. The knowledge base's build is reported as a ratio of this one.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const contentConfig = (contentDir: string) => `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
const base = ${JSON.stringify(contentDir)};
const md = (folder) => defineCollection({ loader: glob({ base: base + '/' + folder, pattern: '**/*.md' }) });
const yaml = (folder) => defineCollection({ loader: glob({ base: base + '/' + folder, pattern: '**/*.yaml' }) });
export const collections = {
  incidents: md('incidents'),
  actors: md('actors'),
  vendors: md('vendors'),
  organisations: yaml('organisations'),
  vulnerabilities: yaml('vulnerabilities'),
  attackTypes: yaml('attack-types'),
  controls: yaml('controls'),
};
`;

const entryPage = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const names = ['incidents', 'actors', 'vendors', 'organisations', 'vulnerabilities', 'attackTypes', 'controls'];
  const paths = [];
  for (const collection of names) {
    for (const entry of await getCollection(collection)) paths.push({ params: { collection, id: entry.id }, props: { entry } });
  }
  return paths;
}
const { entry } = Astro.props;
const title = entry.data.title ?? entry.data.name ?? entry.id;
const Content = entry.body !== undefined && entry.rendered ? (await render(entry)).Content : null;
---
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1>{Content ? <Content /> : <p>{entry.data.summary}</p>}</body></html>
`;

const indexPage = `<html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head><body><h1>Baseline</h1></body></html>
`;

/** Writes the baseline project at dir (replacing it) and returns its root. */
export function writeBaselineProject(dir: string, contentDir: string, nodeModules: string): string {
  const root = resolve(dir);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/pages/[collection]'), { recursive: true });
  symlinkSync(resolve(nodeModules), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ outDir: process.env.OUT_DIR, cacheDir: process.env.ASTRO_CACHE_DIR, devToolbar: { enabled: false } });\n`,
  );
  writeFileSync(join(root, 'src/content.config.ts'), contentConfig(resolve(contentDir)));
  writeFileSync(join(root, 'src/pages/[collection]/[id].astro'), entryPage);
  writeFileSync(join(root, 'src/pages/index.astro'), indexPage);
  return root;
}
