/** Every internal link in the built site resolves: at the root, and under a base path. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeBroken, findBrokenLinks } from '../helpers/links.ts';
import { distDir, requireDist } from '../helpers/site.ts';
import { buildSite } from '../helpers/build.ts';

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
  it('keeps every internal link inside the base path and resolving', async () => {
    const run = await buildSite({ BASE_PATH: '/cyber-kb/' });
    expect(run.status, run.output).toBe(0);
    const outDir = run.outDir;
    const { pages, broken } = findBrokenLinks(outDir, '/cyber-kb/');
    expect(pages).toBeGreaterThan(10);
    expect(broken, describeBroken(broken)).toEqual([]);
    const home = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(home).toContain('href="/cyber-kb/incidents/"');
    expect(home).toContain('action="/cyber-kb/search/"');
  }, 300_000);
});
