import type { AstroIntegration } from 'astro';
import { serialiseJson } from '../lib/export/json.ts';
import { compareDataPaths, compareIncidentFile, compareIndexFile, compareJsonSchema } from '../lib/training/compare-data.ts';
import { afterBuildFiles } from './after-build-files.ts';
import type { CheckedContent } from './content-integrity.ts';

/**
 * The compare data (src/lib/training/compare-data.ts): an index of incidents and one small JSON
 * file per incident, from which the compare page sets any two incidents side by side in the
 * browser, and their two JSON Schemas. Written from the knowledge base once the build is done, as
 * the citation files are.
 */
export function compareFiles(checked: Partial<CheckedContent>): AstroIntegration {
  return afterBuildFiles('nhs-kb:compare-files', 'the compare files', checked, ({ kb, site, write }) => {
    const json = (path: string, value: unknown) => write(path, serialiseJson(value));
    json(compareDataPaths.index, compareIndexFile(kb, site));
    for (const incident of kb.incidents) json(compareDataPaths.incident(incident.id), compareIncidentFile(incident, site));
    json(compareDataPaths.indexSchema, compareJsonSchema('index', site));
    json(compareDataPaths.incidentSchema, compareJsonSchema('incident', site));
    return `compare data: ${kb.incidents.length + 1} files and 2 schemas written`;
  });
}
