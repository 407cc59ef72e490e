import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { checkContentFolder } from '../lib/check-content.ts';
import type { ValidEntry } from '../lib/integrity.ts';
import { ContentError } from '../lib/problems.ts';

/** The content the check accepted, for the integrations that write files from it after the build. */
export interface CheckedContent {
  entries: ValidEntry[];
}

/**
 * Fails `astro build` (and `astro sync`) before anything is rendered when content is bad: schema
 * errors, dangling references, duplicate ids, unknown citations, unknown taxonomy values, raw HTML
 * in prose. The entries it checked are kept in `checked`, so later build hooks (the sitemap's
 * dates, the citation files) read the same content without reading the folder again.
 */
export function contentIntegrity(checked: Partial<CheckedContent> = {}): AstroIntegration {
  return {
    name: 'nhs-kb:content-integrity',
    hooks: {
      'astro:config:setup': ({ config, logger, command }) => {
        const root = fileURLToPath(config.root);
        const contentDir = process.env.CONTENT_DIR ? resolve(root, process.env.CONTENT_DIR) : undefined;
        const { problems, entries } = checkContentFolder(root, contentDir);
        checked.entries = entries;
        if (problems.length > 0) {
          const error = new ContentError(problems);
          if (command === 'dev') logger.error(error.message);
          else throw error;
        } else {
          logger.info(`content checked: ${entries.length} entries, no problems`);
        }
      },
    },
  };
}
