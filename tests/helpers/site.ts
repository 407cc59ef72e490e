/**
 * Shared helpers for tests over the built site. `npm test` builds dist/ first; these read it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;
export const distDir = resolve(root, process.env.OUT_DIR ?? 'dist');

export function requireDist(dir = distDir): string {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built site in ${dir}: run "npm run build" first (npm test builds before testing).`);
  }
  return dir;
}

/** Every file under dir with one of the extensions, as paths relative to dir (forward slashes). */
export function listFiles(dir: string, extensions: string[]): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => name.split(sep).join('/'))
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort();
}

export function readDist(path: string, dir = distDir): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** The page path ("/incidents/x/") for a built HTML file ("incidents/x/index.html"). */
export function pagePath(file: string): string {
  return `/${file.replace(/index\.html$/, '')}`;
}

export { relative };
