import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { collectionsOf } from '../lib/check-content.ts';
import { buildKnowledgeBase } from '../lib/model.ts';
import { serialiseJson } from '../lib/export/json.ts';
import { compareDataPaths, compareIncidentFile, compareIndexFile, compareJsonSchema } from '../lib/training/compare-data.ts';
import type { CheckedContent } from './content-integrity.ts';

/**
 * The compare data (src/lib/training/compare-data.ts): an index of incidents and one small JSON
 * file per incident, from which the compare page sets any two incidents side by side in the
 * browser, and their two JSON Schemas. Written from the knowledge base once the build is done, as
 * the citation files are: one file per incident costs a JSON.stringify, not a page render.
 */
export function compareFiles(checked: Partial<CheckedContent>): AstroIntegration {
  let site: { site: string; base: string } | undefined;
  return {
    name: 'nhs-kb:compare-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) site = { site: config.site, base: config.base };
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!site) throw new Error('astro.config.mjs has no `site`: the compare data needs the absolute address of each incident page. Set SITE_URL or the site option.');
        if (!checked.entries) throw new Error('the compare data needs the checked content: register contentIntegrity(checked) before compareFiles(checked) in astro.config.mjs');
        const kb = buildKnowledgeBase(collectionsOf(checked.entries));
        const out = fileURLToPath(dir);
        const write = (path: string, value: unknown) => {
          const file = join(out, path);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, serialiseJson(value));
        };
        write(compareDataPaths.index, compareIndexFile(kb, site));
        for (const incident of kb.incidents) write(compareDataPaths.incident(incident.id), compareIncidentFile(incident, site));
        write(compareDataPaths.indexSchema, compareJsonSchema('index', site));
        write(compareDataPaths.incidentSchema, compareJsonSchema('incident', site));
        logger.info(`compare data: ${kb.incidents.length + 1} files and 2 schemas written`);
      },
    },
  };
}
