// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentIntegrity } from './src/integrations/content-integrity.ts';

/**
 * SITE_URL: the public origin the site is served from (canonical URLs, feeds, sitemap).
 * BASE_PATH: a sub-path, for an NHS intranet that serves the site under e.g. /cyber-kb/.
 */
const site = process.env.SITE_URL ?? 'https://nhs-cyber-incidents.example.org';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Astro 7's default 'jsx' glues words across inline elements, which breaks search.
  compressHTML: true,
  // OUT_DIR and ASTRO_CACHE_DIR let tests and the benchmark build side by side without clobbering dist/.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [contentIntegrity(), mdx()],
});
