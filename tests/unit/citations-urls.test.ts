import { describe, expect, it } from 'vitest';
import { citeLabel, findCitations } from '../../src/lib/citations.ts';
import { paths, withBase } from '../../src/lib/urls.ts';
import { resolveRequest } from '../../scripts/lib/static-server.ts';
import { goodFixture } from '../helpers/fixtures.ts';

describe('citations', () => {
  it('finds single and grouped cites once each, in order', () => {
    expect(findCitations('A [@s2]. B [@s1; @s2]. C [@s3,s4] [not a cite] [@Bad].')).toEqual(['s2', 's1', 's3', 's4']);
  });
  it('names each citation link starting with the number it shows (WCAG 2.5.3, label in name)', () => {
    for (const n of [1, 7, 12]) expect(citeLabel(n)).toMatch(new RegExp(`^${n}: .*source`));
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
