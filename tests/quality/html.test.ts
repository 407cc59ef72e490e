/**
 * Gate 2: the HTML is valid (html-validate, configured in .htmlvalidate.json) and every external
 * link is https and opens without handing the other site a window reference or a referrer.
 * (Internal links and fragments are checked by tests/site/links.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { join } from 'node:path';
import { listFiles, readDist, requireDist } from '../helpers/site.ts';

const dir = requireDist();
const htmlFiles = listFiles(dir, ['.html']).filter((file) => !file.startsWith('pagefind/'));

describe('HTML validity', () => {
  it('every built page passes html-validate', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const reports = [];
    for (const file of htmlFiles) {
      const report = await validator.validateFile(join(dir, file));
      if (!report.valid) reports.push(...report.results);
    }
    const text = reports.length ? formatterFactory('text')(reports) : '';
    expect(htmlFiles.length).toBeGreaterThan(0);
    expect(reports.length, `html-validate found problems:\n${text}`).toBe(0);
  });
});

interface Anchor {
  file: string;
  href: string;
  tag: string;
}

/** Every <a> and <link> with an absolute URL, as written in the HTML. */
function externalAnchors(): Anchor[] {
  const anchors: Anchor[] = [];
  for (const file of htmlFiles) {
    const html = readDist(file, dir);
    for (const match of html.matchAll(/<a\b[^>]*>/gi)) {
      const tag = match[0];
      const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const value = href ? (href[1] ?? href[2] ?? href[3] ?? '') : '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) anchors.push({ file, href: value, tag });
    }
  }
  return anchors;
}

describe('external links', () => {
  const anchors = externalAnchors().filter((a) => !/^(mailto|tel):/i.test(a.href));

  it('are all https (NHS networks block or warn on plain http)', () => {
    // Incident pages link their sources, so a build with none means this scan has gone blind.
    expect(anchors.length).toBeGreaterThan(0);
    const insecure = anchors.filter((a) => !a.href.startsWith('https://'));
    const lines = insecure.map((a) => `${a.file}: ${a.href}`);
    expect(lines, lines.join('\n')).toEqual([]);
  });

  it('carry rel="noopener noreferrer"', () => {
    const site = new URL(process.env.SITE_URL ?? 'https://nhs-cyber-incidents.example.org');
    const missing = anchors
      .filter((a) => new URL(a.href, site).origin !== site.origin)
      .filter((a) => {
        const rel = /\srel\s*=\s*"([^"]*)"/i.exec(a.tag)?.[1]?.split(/\s+/) ?? [];
        return !(rel.includes('noopener') && rel.includes('noreferrer'));
      });
    const lines = missing.map((a) => `${a.file}: ${a.tag}`);
    expect(lines, lines.join('\n')).toEqual([]);
  });
});
