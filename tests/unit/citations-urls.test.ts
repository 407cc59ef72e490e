import { describe, expect, it } from 'vitest';
import { citeLabel, findCitations, linkCitations } from '../../src/lib/citations.ts';
import { paths, sourceAnchor, withBase } from '../../src/lib/urls.ts';
import { resolveRequest } from '../../scripts/lib/static-server.ts';
import { goodFixture } from '../helpers/fixtures.ts';

describe('citations', () => {
  it('finds single and grouped cites once each, in order', () => {
    expect(findCitations('A [@s2]. B [@s1; @s2]. C [@s3,s4] [not a cite] [@Bad].')).toEqual(['s2', 's1', 's3', 's4']);
  });
  it('turns cites into numbered links to the source list', () => {
    const html = linkCitations('<p>Fact [@s2; @s1].</p>', new Map([['s1', 1], ['s2', 2]]), sourceAnchor);
    expect(html).toBe('<p>Fact&nbsp;<sup class="cite" data-pagefind-ignore>[<a href="#source-s2" aria-label="2: source">2</a>, <a href="#source-s1" aria-label="1: source">1</a>]</sup>.</p>');
  });
  it('names each citation link starting with the number it shows (WCAG 2.5.3, label in name)', () => {
    const html = linkCitations('<p>[@a; @b]</p>', new Map([['a', 3], ['b', 12]]), sourceAnchor);
    const links = [...html.matchAll(/aria-label="([^"]*)">([^<]*)<\/a>/g)];
    expect(links).toHaveLength(2);
    for (const [, label, shown] of links) {
      expect(label!.startsWith(`${shown}:`), `"${label}" should start with "${shown}"`).toBe(true);
      expect(label).toMatch(/source/i);
    }
    expect(citeLabel(7).startsWith('7')).toBe(true);
  });
  it('keeps the citation on the line of the word before it', () => {
    const numbers = new Map([['s1', 1]]);
    expect(linkCitations('<p>a long sentence ends here\n[@s1].</p>', numbers, sourceAnchor)).toMatch(/here&nbsp;<sup class="cite" data-pagefind-ignore>/);
    expect(linkCitations('<p>(see[@s1])</p>', numbers, sourceAnchor)).toMatch(/see<sup class="cite" data-pagefind-ignore>/);
  });
  it('leaves a cite of an unknown source visible rather than linking nowhere', () => {
    expect(linkCitations('<p>[@zz]</p>', new Map(), sourceAnchor)).toBe('<p>[@zz]</p>');
  });
});

describe('urls', () => {
  it('prefixes site paths with the base path', () => {
    expect(withBase('/', '/incidents/')).toBe('/incidents/');
    expect(withBase('/kb/', '/incidents/')).toBe('/kb/incidents/');
    expect(withBase('/kb', 'search/')).toBe('/kb/search/');
    expect(withBase('/kb/', 'https://example.org/')).toBe('https://example.org/');
    expect(withBase('/kb/', '#sources')).toBe('#sources');
  });
  it('builds the fixed permalinks', () => {
    expect(paths.vulnerability('CVE-2025-4427')).toBe('/vulnerabilities/cve-2025-4427/');
    expect(paths.incident('synnovis-pathology-2024')).toBe('/incidents/synnovis-pathology-2024/');
  });
});

describe('static server path resolution', () => {
  it('serves files under the base path only and never outside the root', () => {
    expect(resolveRequest(goodFixture, '/kb/', '/kb/incidents/example-lab-2099.md')).toMatch(/example-lab-2099\.md$/);
    expect(resolveRequest(goodFixture, '/kb/', '/incidents/example-lab-2099.md')).toBeUndefined();
    expect(resolveRequest(goodFixture, '/', '/../../package.json')).toBeUndefined();
  });
});
