import type { AstroIntegration } from 'astro';
import { bibtex, cslJson } from '../lib/export/citation.ts';
import { serialiseJson } from '../lib/export/json.ts';
import { dataPaths } from '../lib/export/site-url.ts';
import { citationView } from '../lib/views/exports.ts';
import { afterBuildFiles } from './after-build-files.ts';
import type { CheckedContent } from './content-integrity.ts';
import { correctionSettingsFrom } from '../lib/site.ts';

/**
 * The citation files (/data/cite/<id>.bib and .json, linked from each incident page) are written
 * from the knowledge base once the build is done, rather than rendered as two pages per incident:
 * the same bytes, without 2 × the incidents in Astro's render queue.
 */
export function citationFiles(checked: Partial<CheckedContent>): AstroIntegration {
  return afterBuildFiles('nhs-kb:citation-files', 'citation files', checked, ({ kb, site, write }) => {
    const ctx = { kb, site, corrections: correctionSettingsFrom(process.env) };
    for (const incident of kb.incidents) {
      const citation = citationView(ctx, incident.id);
      write(dataPaths.bibtex(incident.id), bibtex(citation));
      write(dataPaths.cslJson(incident.id), serialiseJson(cslJson(citation)));
    }
    return `citation files: ${kb.incidents.length * 2} written`;
  });
}
