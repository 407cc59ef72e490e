/**
 * "Suggest a correction" reaches someone: every incident and entity page of the built site ends
 * with a link that opens the very file the page is built from for editing in the project's
 * repository, and an email link whose subject names the page. Both are plain links in the HTML,
 * so they work without JavaScript. The about and 404 pages link to the repository's issue form
 * and to the corrections address.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content-files.ts';
import { correctionSettingsFrom } from '../../src/lib/site.ts';
import { paths } from '../../src/lib/urls.ts';
import type { CollectionName } from '../../src/schemas/index.ts';
import { attr, loadPage, text, type Element } from '../helpers/dom.ts';
import { requireDist, root } from '../helpers/site.ts';

requireDist();
/** The build under test read the same environment: the settings it used. */
const settings = correctionSettingsFrom(process.env);
const contentDir = resolve(root, process.env.CONTENT_DIR ?? 'content');

const pagePath: Record<CollectionName, (id: string) => string> = {
  incidents: paths.incident,
  actors: paths.actor,
  vendors: paths.vendor,
  organisations: paths.organisation,
  vulnerabilities: paths.vulnerability,
  attackTypes: paths.attackType,
  controls: paths.control,
};

/** Every page made from one content file, with that file (as the loader found it on disk). */
const entryPages = loadContent(contentDir, root).entries.map((entry) => ({ file: entry.file, path: pagePath[entry.collection](entry.id) }));

function links(page: Element): { href: string; text: string }[] {
  return page.querySelectorAll('main a[href]').map((a) => ({ href: attr(a, 'href') ?? '', text: text(a) }));
}

function mailParts(href: string): { to: string; subject: string; body: string } {
  const url = new URL(href);
  return { to: decodeURIComponent(url.pathname), subject: url.searchParams.get('subject') ?? '', body: url.searchParams.get('body') ?? '' };
}

describe('"Suggest a correction" on every incident and entity page', () => {
  it('covers every kind of page', () => {
    const kinds = new Set(entryPages.map((p) => p.path.split('/')[1]));
    expect([...kinds].sort()).toEqual(['actors', 'attack-types', 'controls', 'incidents', 'organisations', 'vendors', 'vulnerabilities']);
  });

  it('opens the file the page is built from, for editing on the configured branch', async () => {
    const problems: string[] = [];
    for (const { file, path } of entryPages) {
      const page = await loadPage(`${path.slice(1)}index.html`);
      const edits = links(page).filter((l) => l.href.startsWith(`${settings.repository}/`) && /\/edit\//.test(l.href));
      if (edits.length !== 1) {
        problems.push(`${path}: ${edits.length} edit links (want 1)`);
        continue;
      }
      const href = edits[0]!.href;
      const expected = `${settings.repository}/edit/${settings.branch}/${file}`;
      if (decodeURI(href) !== expected) problems.push(`${path}: edit link goes to ${href}, not ${expected}`);
      if (!existsSync(join(root, file))) problems.push(`${path}: the edit link names ${file}, which is not in the repository`);
      if (!edits[0]!.text.includes(file)) problems.push(`${path}: the edit link's words do not name ${file} ("${edits[0]!.text}")`);
    }
    expect(problems).toEqual([]);
  });

  it('has an email link whose subject names the page and whose body asks for the fact, the correction and a source', async () => {
    const problems: string[] = [];
    for (const { path } of entryPages) {
      const page = await loadPage(`${path.slice(1)}index.html`);
      const title = text(page.querySelector('h1'));
      const mails = links(page).filter((l) => l.href.startsWith('mailto:'));
      if (mails.length !== 1) {
        problems.push(`${path}: ${mails.length} mailto links (want 1)`);
        continue;
      }
      const mail = mailParts(mails[0]!.href);
      if (mail.to !== settings.email) problems.push(`${path}: mail goes to ${mail.to}, not ${settings.email}`);
      if (!mail.subject.includes(title)) problems.push(`${path}: subject "${mail.subject}" does not name the page "${title}"`);
      if (!mail.body.includes(path)) problems.push(`${path}: the body does not give the page's address`);
      for (const ask of ['wrong', 'should say', 'source']) if (!mail.body.includes(ask)) problems.push(`${path}: the body does not ask for "${ask}"`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the about and 404 pages', () => {
  it.each(['about/index.html', '404.html'])('%s links to the issue form and the corrections address', async (file) => {
    const found = links(await loadPage(file));
    expect(found.map((l) => l.href)).toContain(`${settings.repository}${new URL(settings.repository).hostname.startsWith('gitlab') ? '/-' : ''}/issues/new`);
    expect(found.filter((l) => l.href.startsWith(`mailto:${settings.email}?`))).toHaveLength(1);
  });
});
