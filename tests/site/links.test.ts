/** Every internal link in the built site resolves: at the root, and under a base path. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBroken, findBrokenLinks } from '../helpers/links.ts';
import { distDir, requireDist, root } from '../helpers/site.ts';

describe('internal links in dist/', () => {
  it('all resolve, fragments included', () => {
    const { pages, links, broken } = findBrokenLinks(requireDist());
    expect(pages).toBeGreaterThan(10);
    expect(links).toBeGreaterThan(pages);
    expect(broken, describeBroken(broken)).toEqual([]);
  });

  it('reach every incident page from the incident list', () => {
    const list = readFileSync(join(distDir, 'incidents/index.html'), 'utf8');
    const incidentPages = [...list.matchAll(/href="\/incidents\/([a-z0-9-]+)\/"/g)].map((m) => m[1]);
    expect(new Set(incidentPages).size).toBeGreaterThanOrEqual(3);
  });
});

describe('a build under a base path (an intranet sub-path)', () => {
  it('keeps every internal link inside the base path and resolving', () => {
    const work = mkdtempSync(join(tmpdir(), 'nhs-kb-base-'));
    const outDir = join(work, 'dist');
    const run = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], {
      cwd: root,
      env: { ...process.env, BASE_PATH: '/cyber-kb/', OUT_DIR: outDir, ASTRO_CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const { pages, broken } = findBrokenLinks(outDir, '/cyber-kb/');
    expect(pages).toBeGreaterThan(10);
    expect(broken, describeBroken(broken)).toEqual([]);
    const home = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(home).toContain('href="/cyber-kb/incidents/"');
    expect(home).toContain('action="/cyber-kb/search/"');
  });
});
