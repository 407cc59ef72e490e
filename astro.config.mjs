// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { editorialPlugins, prosePlugins } from './src/lib/markdown/prose.ts';
import { contentIntegrity } from './src/integrations/content-integrity.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { citationFiles } from './src/integrations/citation-files.ts';
import { compareFiles } from './src/integrations/compare-files.ts';

/**
 * SITE_URL: the public origin the site is served from (canonical URLs, feeds, sitemap).
 * BASE_PATH: a sub-path, for an NHS intranet that serves the site under e.g. /cyber-kb/.
 */
const site = process.env.SITE_URL ?? 'https://nhs-cyber-incidents.example.org';
const base = process.env.BASE_PATH ?? '/';
/** The content the integrity check accepted, shared with the hooks that write files after the build. */
const checked = {};

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Astro 7's default 'jsx' glues words across inline elements, which breaks search.
  compressHTML: true,
  // OUT_DIR and ASTRO_CACHE_DIR let tests and the benchmark build side by side without clobbering dist/.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // concurrency: render the next pages while earlier ones are written to disk. With one page at a
  // time the render loop sat idle about a third of the time waiting for writes (CPU profile at
  // 1,000 incidents); pages share only the memoised, read-only knowledge base, so order is free.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // Prose (incident and entity Markdown) goes through Astro's own Sätteri processor; the plugins
  // link [@id] cites to the numbered sources and nest the write-up's headings under the page's.
  markdown: { processor: satteri({ mdastPlugins: prosePlugins }) },
  // A strict CSP in a <meta> on every page: Astro hashes the scripts and styles it emits, nothing
  // inline runs unhashed, and nothing loads from another origin. Pagefind compiles its search
  // WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval'). frame-ancestors cannot be set
  // from a <meta>: public/_headers carries it for hosts that read that file.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // Never inline small scripts into the page: the host's header policy (public/_headers) cannot
  // carry per-page hashes, so every script must be a file under 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
  // INCREMENTAL_BUILD=1 (without --force) re-renders only pages whose cacheKey or code changed:
  // the bench and tests/site/incremental.test.ts use it; production builds stay full (README).
  experimental: { incrementalBuild: process.env.INCREMENTAL_BUILD === '1' },
  // MDX is for editorial pages written with the site's components (the trainers' guide); incidents stay .md.
  integrations: [contentIntegrity(checked), mdx({ processor: satteri({ mdastPlugins: editorialPlugins }) }), sitemap(checked), citationFiles(checked), compareFiles(checked)],
});
