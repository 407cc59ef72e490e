import { describe, expect, it } from 'vitest';
import { correctionDefaults, correctionSettingsFrom, documentTitle, editFileUrl, newIssueUrl, repositoryHost, shortenAtWord, siteName, titleMaxLength } from '../../src/lib/site.ts';

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

describe('correction settings: where "Suggest a correction" sends readers', () => {
  it('falls back to the defaults when a variable is unset or empty', () => {
    expect(correctionSettingsFrom({})).toEqual(correctionDefaults);
    expect(correctionSettingsFrom({ SITE_REPOSITORY_URL: ' ', SITE_REPOSITORY_BRANCH: '', SITE_CORRECTIONS_EMAIL: '' })).toEqual(correctionDefaults);
  });

  it('reads each setting from its variable', () => {
    const settings = correctionSettingsFrom({
      SITE_REPOSITORY_URL: 'https://github.com/example-trust/cyber-kb/',
      SITE_REPOSITORY_BRANCH: 'release/2026',
      SITE_CORRECTIONS_EMAIL: 'cyber.kb@example.nhs.uk',
    });
    expect(settings).toEqual({ repository: 'https://github.com/example-trust/cyber-kb', branch: 'release/2026', email: 'cyber.kb@example.nhs.uk' });
    expect(editFileUrl(settings, 'content/incidents/x-2024.md')).toBe('https://github.com/example-trust/cyber-kb/edit/release/2026/content/incidents/x-2024.md');
    expect(newIssueUrl(settings)).toBe('https://github.com/example-trust/cyber-kb/issues/new');
  });

  it('uses GitLab\'s addresses for a GitLab repository', () => {
    const settings = correctionSettingsFrom({ SITE_REPOSITORY_URL: 'https://gitlab.example.nhs.uk/cyber/kb' });
    expect(repositoryHost(settings)).toBe('GitLab');
    expect(editFileUrl(settings, 'content/actors/qilin.md')).toBe('https://gitlab.example.nhs.uk/cyber/kb/-/edit/main/content/actors/qilin.md');
    expect(newIssueUrl(settings)).toBe('https://gitlab.example.nhs.uk/cyber/kb/-/issues/new');
  });

  it('stops the build with the variable, the value and the fix when a value cannot work', () => {
    expect(() => correctionSettingsFrom({ SITE_REPOSITORY_URL: 'github.com/owner/name' })).toThrow(/SITE_REPOSITORY_URL .*found "github.com\/owner\/name".*https:\/\/github.com\/owner\/name/);
    expect(() => correctionSettingsFrom({ SITE_REPOSITORY_URL: 'http://github.com/owner/name' })).toThrow(/SITE_REPOSITORY_URL/);
    expect(() => correctionSettingsFrom({ SITE_REPOSITORY_BRANCH: 'my branch' })).toThrow(/SITE_REPOSITORY_BRANCH .*found "my branch"/);
    expect(() => correctionSettingsFrom({ SITE_CORRECTIONS_EMAIL: 'corrections' })).toThrow(/SITE_CORRECTIONS_EMAIL .*found "corrections".*e\.g\./);
  });
});
