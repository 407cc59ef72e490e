/**
 * Reads content files from disk the way Astro's glob loader does (Astro's own frontmatter parser,
 * the same YAML parser, the same ids), so that the integrity check sees exactly what the build will
 * see. Node-only (used by the build integration, scripts and tests; never by pages).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, extname, basename, sep } from 'node:path';
import yaml from 'js-yaml';
import { parseFrontmatter } from 'astro/markdown';
import { collectionDefinitions, collectionNames, type CollectionName } from '../schemas/index.ts';
import type { ContentProblem } from './problems.ts';

export interface RawEntry {
  collection: CollectionName;
  id: string;
  /** Path from the project root, with forward slashes. */
  file: string;
  data: unknown;
  /**
   * Markdown body (empty for YAML files), with the frontmatter's lines left blank, so a line number
   * in the body is the line number in the file.
   */
  body: string;
}

export interface RawContent {
  entries: RawEntry[];
  problems: ContentProblem[];
}

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return names.map((name) => join(dir, name)).filter((path) => statSync(path).isFile()).sort();
}

function expectedExtension(collection: CollectionName): string {
  return collectionDefinitions[collection].pattern.endsWith('.md') ? '.md' : '.yaml';
}

/** Parses one file's text into data and body, or a problem that says what is wrong. */
export function parseContentFile(text: string, ext: string): { data: unknown; body: string } | { error: string } {
  try {
    if (ext === '.md') {
      const { frontmatter, rawFrontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-lines' });
      if (rawFrontmatter === '') return { error: 'has no frontmatter: start the file with a line "---", the YAML fields, then "---"' };
      return { data: frontmatter, body: content };
    }
    return { data: yaml.load(text) ?? {}, body: '' };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { error: `is not valid YAML: ${reason}` };
  }
}

/** Loads every collection under `contentDir`; `root` makes file paths relative for messages. */
export function loadContent(contentDir: string, root: string): RawContent {
  const entries: RawEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const collection of collectionNames) {
    const { folder } = collectionDefinitions[collection];
    const ext = expectedExtension(collection);
    const seen = new Map<string, string>();
    for (const path of listFiles(join(contentDir, folder))) {
      const file = relative(root, path).split(sep).join('/');
      const fileExt = extname(path);
      if (basename(path).startsWith('.')) continue;
      if (fileExt !== ext) {
        problems.push({
          file,
          field: '',
          message: `is not loaded: the ${folder} collection takes ${ext} files only`,
          fix: `rename it to ${basename(path, fileExt)}${ext}${ext === '.yaml' && fileExt === '.yml' ? ' (.yml is not read)' : ''}`,
        });
        continue;
      }
      const id = basename(path, ext);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
        problems.push({
          file,
          field: '',
          message: `file name "${id}" is not a valid id: ids become permalinks`,
          fix: `rename the file to lower case letters, digits and hyphens, e.g. ${id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}${ext}`,
        });
        continue;
      }
      const earlier = seen.get(id);
      if (earlier) {
        problems.push({
          file,
          field: '',
          message: `duplicate id "${id}": ${earlier} already has it`,
          fix: 'give one of the two files another name (ids must be unique within a collection)',
        });
        continue;
      }
      seen.set(id, file);
      const parsed = parseContentFile(readFileSync(path, 'utf8'), ext);
      if ('error' in parsed) {
        problems.push({ file, field: '', message: parsed.error });
        continue;
      }
      entries.push({ collection, id, file, data: parsed.data, body: parsed.body });
    }
  }
  return { entries, problems };
}
