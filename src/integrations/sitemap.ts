import type { AstroIntegration } from 'astro';
import astroSitemap from '@astrojs/sitemap';
import { renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Incident } from '../schemas/incident.ts';
import { absoluteUrl } from '../lib/export/site-url.ts';
import { paths } from '../lib/urls.ts';
import type { CheckedContent } from './content-integrity.ts';

/**
 * The sitemap, by @astrojs/sitemap: every page the build writes (error pages left out), incident
 * pages dated by their last review (never the build date). It writes an index and one file per
 * 45,000 pages; the index then takes the address the site has always published, /sitemap.xml,
 * which every page's head and the open data page link to.
 */
export function sitemap(checked: Partial<CheckedContent>): AstroIntegration[] {
  const lastmods = new Map<string, string>();
  return [
    {
      name: 'nhs-kb:sitemap-dates',
      hooks: {
        'astro:config:done': ({ config }) => {
          if (!config.site) return;
          const site = { site: config.site, base: config.base };
          for (const entry of checked.entries ?? []) {
            if (entry.collection !== 'incidents') continue;
            lastmods.set(absoluteUrl(site, paths.incident(entry.id)), (entry.data as Incident).lastReviewed.value);
          }
        },
      },
    },
    astroSitemap({
      entryLimit: 45_000,
      namespaces: { news: false, xhtml: false, image: false, video: false },
      serialize: (item) => ({ ...item, lastmod: lastmods.get(item.url) }),
    }),
    {
      name: 'nhs-kb:sitemap-address',
      hooks: {
        'astro:build:done': ({ dir }) => {
          const out = fileURLToPath(dir);
          renameSync(join(out, 'sitemap-index.xml'), join(out, 'sitemap.xml'));
        },
      },
    },
  ];
}
