import { describe, expect, it } from 'vitest';
import { documentTitle, shortenAtWord, siteName, titleMaxLength } from '../../src/lib/site.ts';

describe('documentTitle: the <title> search results and tabs show', () => {
  it('adds the site name when the whole fits', () => {
    expect(documentTitle('All incidents')).toBe(`All incidents | ${siteName}`);
    expect(documentTitle(siteName)).toBe(siteName);
  });

  it('drops the site name rather than cut the page title', () => {
    const title = 'Synnovis pathology ransomware attack, south east London';
    expect(`${title} | ${siteName}`.length).toBeGreaterThan(titleMaxLength);
    expect(documentTitle(title)).toBe(title);
  });

  it('shortens a title longer than the limit at a word boundary, with an ellipsis', () => {
    const title = 'Cyber attack on NRS Healthcare, community equipment supplier to councils and the NHS, and what followed';
    const shortened = documentTitle(title);
    expect(shortened.length).toBeLessThanOrEqual(titleMaxLength);
    expect(shortened.endsWith('…')).toBe(true);
    // Whole words only, and no comma left hanging before the ellipsis.
    const kept = shortened.slice(0, -1);
    expect(title.startsWith(kept)).toBe(true);
    expect(title.charAt(kept.length)).toMatch(/[\s,]/);
    expect(kept).not.toMatch(/[,\s]$/);
  });

  it('never returns more than the limit, whatever the input', () => {
    for (const title of ['a'.repeat(200), `${'word '.repeat(40)}end`, 'x'.repeat(69), 'y'.repeat(71)]) {
      expect(documentTitle(title).length).toBeLessThanOrEqual(titleMaxLength);
    }
    expect(documentTitle('short', 20)).toBe('short');
    expect(documentTitle('a title that is too long', 20).length).toBeLessThanOrEqual(20);
  });
});

describe('shortenAtWord', () => {
  it('leaves text that fits alone', () => {
    expect(shortenAtWord('Barts Health', 12)).toBe('Barts Health');
  });
  it('cuts a single long word mid-word rather than keep almost nothing', () => {
    expect(shortenAtWord('Supercalifragilistic', 10)).toBe('Supercali…');
  });
});
