import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { checkContentFolder } from '../lib/check-content.ts';
import { ContentError } from '../lib/problems.ts';

/**
 * Fails `astro build` (and `astro sync`) before anything is rendered when content is bad: schema
 * errors, dangling references, duplicate ids, unknown citations, unknown taxonomy values.
 */
export function contentIntegrity(): AstroIntegration {
  return {
    name: 'nhs-kb:content-integrity',
    hooks: {
      'astro:config:setup': ({ config, logger, command }) => {
        const root = fileURLToPath(config.root);
        const contentDir = process.env.CONTENT_DIR ? resolve(root, process.env.CONTENT_DIR) : undefined;
        const { problems, entries } = checkContentFolder(root, contentDir);
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
