import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';

/** What the mocked Pagefind answers; each test sets the parts it is about. */
const answers = {
  create: { errors: [] as string[], hasIndex: true },
  added: { errors: [] as string[], page_count: 12 },
  written: { errors: [] as string[] },
};
const calls = { addDirectory: [] as unknown[], writeFiles: [] as unknown[], close: 0 };

vi.mock('pagefind', () => ({
  createIndex: async () => ({
    errors: answers.create.errors,
    index: answers.create.hasIndex
      ? {
          addDirectory: async (options: unknown) => {
            calls.addDirectory.push(options);
            return answers.added;
          },
          writeFiles: async (options: unknown) => {
            calls.writeFiles.push(options);
            return answers.written;
          },
        }
      : undefined,
  }),
  close: async () => {
    calls.close++;
    return null;
  },
}));

const { buildSearchIndex, globFor, searchablePages } = await import('../../scripts/lib/search-index.ts');

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
/** A small built site: two searchable incident pages and pages that are not searchable. */
const site = mkdtempSync(join(tmpdir(), 'nhs-kb-site-'));
const page = (path: string, searchable: boolean) => {
  mkdirSync(join(site, path, '..'), { recursive: true });
  writeFileSync(join(site, path), `<!doctype html><html><body><main${searchable ? ' data-pagefind-body' : ''}><h1>${path}</h1></main></body></html>`);
};
page('index.html', false);
page('incidents/index.html', false);
page('incidents/a/index.html', true);
page('incidents/b/index.html', true);
page('about/index.html', true);
page('training/a/index.html', false);
page('pagefind/stale/index.html', true);
const buildDone = () => buildSearchIndex(`${site}/`, logger);

describe('the search index build step (its own process, after Astro)', () => {
  beforeEach(() => {
    answers.create = { errors: [], hasIndex: true };
    answers.added = { errors: [], page_count: 12 };
    answers.written = { errors: [] };
    calls.addDirectory = [];
    calls.writeFiles = [];
    calls.close = 0;
    logger.info.mockClear();
  });

  it('finds the pages marked for the index, and only those, outside an old index folder', () => {
    expect(searchablePages(site)).toEqual(['about/index.html', 'incidents/a/index.html', 'incidents/b/index.html']);
  });

  it('turns those pages into a glob of their path shapes', () => {
    expect(globFor(['about/index.html', 'incidents/a/index.html', 'incidents/b/index.html'])).toBe('{about/index.html,incidents/*/index.html}');
    expect(globFor(['incidents/a/index.html'])).toBe('incidents/*/index.html');
  });

  it('indexes the marked pages of the built site and writes the index into it', async () => {
    await buildDone();
    expect(calls.addDirectory).toEqual([{ path: `${site}/`, glob: '{about/index.html,incidents/*/index.html}' }]);
    expect(calls.writeFiles).toEqual([{ outputPath: `${site}/pagefind` }]);
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/12 pages/));
    expect(calls.close).toBe(1);
  });

  it('fails the build with Pagefind\'s own messages when indexing reports errors', async () => {
    answers.added = { errors: ['Failed to parse incidents/x/index.html'], page_count: 11 };
    await expect(buildDone()).rejects.toThrow(/errors while indexing[\s\S]*Failed to parse incidents\/x\/index.html/);
    expect(calls.writeFiles).toEqual([]);
    expect(calls.close).toBe(1);
  });

  it('fails the build when no page was marked for the index, and says how to mark one', async () => {
    answers.added = { errors: [], page_count: 0 };
    await expect(buildDone()).rejects.toThrow(/indexed no pages[\s\S]*searchable/);
    const empty = mkdtempSync(join(tmpdir(), 'nhs-kb-empty-'));
    writeFileSync(join(empty, 'index.html'), '<main><h1>Home</h1></main>');
    await expect(buildSearchIndex(`${empty}/`, logger)).rejects.toThrow(/nothing to index[\s\S]*no page carries data-pagefind-body[\s\S]*searchable/);
  });

  it('fails the build when the index cannot be created or written', async () => {
    answers.create = { errors: ['binary not found'], hasIndex: false };
    await expect(buildDone()).rejects.toThrow(/could not start an index[\s\S]*binary not found/);
    answers.create = { errors: [], hasIndex: true };
    answers.written = { errors: ['disk full'] };
    await expect(buildDone()).rejects.toThrow(/could not write the index[\s\S]*disk full/);
    expect(calls.close).toBe(2);
  });
});
