import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { collectionsOf } from '../lib/check-content.ts';
import { buildKnowledgeBase } from '../lib/model.ts';
import { bibtex, cslJson } from '../lib/export/citation.ts';
import { serialiseJson } from '../lib/export/json.ts';
import { dataPaths } from '../lib/export/site-url.ts';
import { citationView } from '../lib/views/exports.ts';
import type { CheckedContent } from './content-integrity.ts';
import { correctionSettingsFrom } from '../lib/site.ts';

/**
 * The citation files (/data/cite/<id>.bib and .json, linked from each incident page) are written
 * from the knowledge base once the build is done, rather than rendered as two pages per incident:
 * the same bytes, without 2 × the incidents in Astro's render queue. The knowledge base is built
 * from the content the integrity check accepted, so it is the content the pages were built from.
 */
export function citationFiles(checked: Partial<CheckedContent>): AstroIntegration {
  let site: { site: string; base: string } | undefined;
  return {
    name: 'nhs-kb:citation-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) site = { site: config.site, base: config.base };
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!site) throw new Error('astro.config.mjs has no `site`: citation files need the absolute address of each incident page. Set SITE_URL or the site option.');
        if (!checked.entries) throw new Error('the citation files need the checked content: register contentIntegrity(checked) before citationFiles(checked) in astro.config.mjs');
        const ctx = { kb: buildKnowledgeBase(collectionsOf(checked.entries)), site, corrections: correctionSettingsFrom(process.env) };
        const out = fileURLToPath(dir);
        const write = (path: string, text: string) => {
          const file = join(out, path);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, text);
        };
        for (const incident of ctx.kb.incidents) {
          const citation = citationView(ctx, incident.id);
          write(dataPaths.bibtex(incident.id), bibtex(citation));
          write(dataPaths.cslJson(incident.id), serialiseJson(cslJson(citation)));
        }
        logger.info(`citation files: ${ctx.kb.incidents.length * 2} written`);
      },
    },
  };
}
