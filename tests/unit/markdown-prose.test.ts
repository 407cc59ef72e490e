/**
 * The prose pipeline's plugins (src/lib/markdown/prose.ts), run by Sätteri as Astro runs them:
 * cites become numbered links to the entry's own sources, on the Markdown tree, so a cite written
 * inside code stays as written; the write-up's headings nest under the page's.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { prosePlugins } from '../../src/lib/markdown/prose.ts';
import { splitCitations } from '../../src/lib/citations.ts';

const sources = [{ id: 's1' }, { id: 's2' }, { id: 's3' }];

/** Renders Markdown the way the site's processor does, with these sources in the frontmatter. */
function render(markdown: string, frontmatter: Record<string, unknown> = { sources }, file = 'content/incidents/example-2099.md'): string {
  const astro = { frontmatter, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
  const fileURL = pathToFileURL(join(process.cwd(), file));
  // Synchronous: no plugin here is async.
  return (markdownToHtml(markdown, { mdastPlugins: prosePlugins, features: { gfm: true, smartPunctuation: true }, data: { astro }, fileURL }) as MarkdownToHtmlResult).html;
}

describe('citations in prose', () => {
  it('become numbered links to the source list, in the order the sources are listed', () => {
    expect(render('Fact [@s2; @s1].')).toBe(
      '<p>Fact&nbsp;<sup class="cite" data-pagefind-ignore>[<a href="#source-s2" aria-label="2: source">2</a>, <a href="#source-s1" aria-label="1: source">1</a>]</sup>.</p>\n',
    );
  });

  it('keep the number on the line of the word before it, or glued to it when there was no space', () => {
    expect(render('a long sentence ends here\n[@s1].')).toMatch(/here&nbsp;<sup class="cite"/);
    expect(render('(see[@s1])')).toMatch(/see<sup class="cite"/);
  });

  it('stay as written inside code, where they are examples rather than cites', () => {
    const html = render('Write `[@s1]` to cite.\n\n```\nA fact [@s2].\n```\n');
    expect(html).toContain('<code>[@s1]</code>');
    expect(html).toContain('A fact [@s2].');
    expect(html).not.toContain('<sup');
  });

  it('stay visible, unlinked, when they name a source the list does not have', () => {
    expect(render('Fact [@zz].')).toBe('<p>Fact [@zz].</p>\n');
    expect(render('Fact [@s1].', {})).toBe('<p>Fact [@s1].</p>\n');
  });

  it('split into plain runs and numbered links', () => {
    const numbers = new Map([['a', 3], ['b', 12]]);
    expect(splitCitations('x [@a, @b] y', numbers)).toEqual([
      { text: 'x' },
      { cite: [{ number: 3, href: '#source-a', label: '3: source' }, { number: 12, href: '#source-b', label: '12: source' }], spaceBefore: true },
      { text: ' y' },
    ]);
    expect(splitCitations('no cite here', numbers)).toBeUndefined();
  });
});

describe('headings in prose', () => {
  it('move one level down, under the section that holds the prose, never below h6', () => {
    const html = render('## What happened\n\nText.\n\n### Detail\n\n###### Deep\n');
    expect(html).toMatch(/<h3[^>]*>What happened<\/h3>/);
    expect(html).toMatch(/<h4[^>]*>Detail<\/h4>/);
    expect(html).toMatch(/<h6[^>]*>Deep<\/h6>/);
  });

  it("take ids under the prose's own prefix, so a write-up's \"Impact\" cannot take the page's \"impact\"", () => {
    const html = render('## Impact\n\nText.\n\n## Lessons\n\n## Impact\n');
    expect([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])).toEqual(['story-impact', 'story-lessons', 'story-impact-1']);
    expect(render('## Impact\n', { sources }, 'content/actors/example.md')).toContain('id="profile-impact"');
  });
});

describe('prose that would carry code', () => {
  // The content check reports the same first (tests/fixtures/bad/raw-html-*, javascript-link);
  // the pipeline refuses too, so no route to the page (astro dev, a loader) ships it.
  it('fails the render on raw HTML, naming the file, the line and the element', () => {
    expect(() => render('Fine.\n\n<script>alert(1)</script>\n')).toThrow(
      /content\/incidents\/example-2099\.md → body: line 3: raw HTML \(<script>\) is not allowed in prose/,
    );
    expect(() => render('A picture <img src=x onerror=alert(1)>.')).toThrow(/<img> with an onerror= handler/);
    expect(() => render('<iframe src="https://evil.example.net/"></iframe>')).toThrow(/<iframe>/);
    expect(() => render('Note. <!-- for editors -->')).toThrow(/an HTML comment/);
  });

  it('fails on a link to a scheme prose may not use, and allows https:, mailto: and site paths', () => {
    expect(() => render('[Read](javascript:alert(1))')).toThrow(/line 1: a link in prose goes to a javascript: address/);
    expect(() => render('[Data](data:text/html,hi)')).toThrow(/data: address/);
    expect(() => render('[Old](http://example.org/)')).toThrow(/use the https: address/);
    expect(render('[A](https://example.org/), [B](mailto:x@example.org), [C](/incidents/), [D](#sources)')).toContain('href="/incidents/"');
  });

  it('lets markup written as an example in code through, as text', () => {
    expect(render('Write `<script>` to break a page.')).toContain('<code>&lt;script&gt;</code>');
  });
});
