import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { collectionsOf } from '../lib/check-content.ts';
import { buildKnowledgeBase, type KnowledgeBase } from '../lib/model.ts';
import type { CheckedContent } from './content-integrity.ts';

export interface AfterBuildContext {
  kb: KnowledgeBase;
  site: { site: string; base: string };
  /** Writes `text` to `path` (a site path such as /data/cite/x.bib) under the build's output folder. */
  write: (path: string, text: string) => void;
}

/** One knowledge base per checked content, shared by every integration that writes files after the build. */
const knowledgeBases = new WeakMap<object, KnowledgeBase>();

/**
 * An integration that writes files from the knowledge base once the build is done, rather than
 * rendering them as pages: one file per incident costs a serialisation, not a page render. The
 * knowledge base is built from the content the integrity check accepted (so it is the content the
 * pages were built from), once for all such integrations. `files` writes them and says what it
 * wrote, for the build log.
 */
export function afterBuildFiles(name: string, what: string, checked: Partial<CheckedContent>, files: (ctx: AfterBuildContext) => string): AstroIntegration {
  let site: { site: string; base: string } | undefined;
  return {
    name,
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) site = { site: config.site, base: config.base };
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!site) throw new Error(`astro.config.mjs has no \`site\`: ${what} need the absolute address of each incident page. Set SITE_URL or the site option.`);
        const entries = checked.entries;
        if (!entries) throw new Error(`${what} need the checked content: register contentIntegrity(checked) before ${name} in astro.config.mjs`);
        let kb = knowledgeBases.get(entries);
        if (!kb) {
          kb = buildKnowledgeBase(collectionsOf(entries));
          knowledgeBases.set(entries, kb);
        }
        const out = fileURLToPath(dir);
        const write = (path: string, text: string) => {
          const file = join(out, path);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, text);
        };
        logger.info(files({ kb, site, write }));
      },
    },
  };
}
