/**
 * No page says an organisation was breached unless an incident records it. A supplier whose
 * product was exploited (Microsoft, Ivanti, Oracle) was not itself breached, and an NHS body that
 * lost a service through its supplier was not breached either: a sentence or heading that says
 * otherwise, read alone or screenshotted, is an accusation on a site whose promise is that every
 * fact is cited.
 *
 * Who is recorded as breached comes from the content itself: a vendor an incident lists with the
 * role compromised-supplier, an organisation it lists as directly attacked or as the one whose data
 * was exposed. Every page of the built site is read, sentence by sentence.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/lib/urls.ts';
import { attr, loadPage, text, type Element } from '../helpers/dom.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { distDir, listFiles, pagePath, requireDist, root } from '../helpers/site.ts';

requireDist();
const kb = knowledgeBaseFrom(resolve(root, process.env.CONTENT_DIR ?? 'content'));

/** A claim that something was breached, unless the sentence denies or limits it. */
const breachWords = /\bbreached\b|\bcompromised supplier\b/i;
const negation = /\b(not|no|never|none|nor|unless|without|neither)\b/i;

/** Every name a reader could know an entity by, with whether any incident records it breached. */
function namesAndRecords(): Map<string, boolean> {
  const breached = new Map<string, boolean>();
  const note = (names: readonly (string | undefined)[], isBreached: boolean) => {
    for (const name of names) if (name) breached.set(name, (breached.get(name) ?? false) || isBreached);
  };
  for (const vendor of kb.vendors.values()) {
    const recorded = kb.incidents.some((i) => i.data.vendors.some((v) => v.id === vendor.id && v.role === 'compromised-supplier'));
    note([vendor.data.name, ...vendor.data.aliases], recorded);
  }
  for (const organisation of kb.organisations.values()) {
    const recorded = kb.incidents.some((i) => i.data.organisations.some((o) => o.id === organisation.id && o.role !== 'downstream'));
    note([organisation.data.name, organisation.data.shortName], recorded);
  }
  return breached;
}

const records = namesAndRecords();

/** Every known name, longest first, so "NHS Digital" is not also read as a shorter name inside it. */
const allNames = [...records.keys()].sort((a, b) => b.length - a.length);

/**
 * A sentence cut into its clauses (at ";", ":" and the words that join two statements), each with
 * the names in it. Names are set aside first, so "Guy's and St Thomas'" stays one name: "Advanced
 * was the compromised supplier and Microsoft's flaw the way in" claims a breach of Advanced only.
 */
function clauses(sentence: string): { text: string; names: string[] }[] {
  const found: string[] = [];
  let masked = sentence;
  for (const name of allNames) {
    masked = masked.split(name).join(`\u0000${found.length}\u0000`);
    if (masked.includes(`\u0000${found.length}\u0000`)) found.push(name);
  }
  return masked.split(/[;:]|\b(?:and|but|while|whereas)\b/).map((part) => ({
    text: part.replace(/\u0000(\d+)\u0000/g, (_, i: string) => found[Number(i)]!),
    names: [...part.matchAll(/\u0000(\d+)\u0000/g)].map((m) => found[Number(m[1])]!),
  }));
}

const blocks = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, caption, figcaption, summary';

/** The sentences of a page's main content, block by block, as a reader meets them. */
function sentences(page: Element): string[] {
  const main = page.querySelector('main');
  if (!main) return [];
  return main
    .querySelectorAll(blocks)
    .filter((block) => !block.querySelector(blocks))
    .flatMap((block) => text(block).split(/(?<=[.!?])\s+(?=[A-Z“"])/));
}

const htmlFiles = listFiles(distDir, ['.html']).filter((file) => !file.startsWith('pagefind/'));

describe('breach claims in the built site', () => {
  it('knows whom the content records as breached and whom it does not', () => {
    expect([...records.values()]).toContain(true);
    expect([...records.values()]).toContain(false);
  });

  it('name only organisations an incident records as breached', async () => {
    const problems: string[] = [];
    for (const file of htmlFiles) {
      for (const sentence of sentences(await loadPage(file))) {
        if (!breachWords.test(sentence)) continue;
        const named = clauses(sentence).flatMap((clause) =>
          breachWords.test(clause.text) && !negation.test(clause.text) ? clause.names.filter((name) => !records.get(name)) : [],
        );
        if (named.length) problems.push(`${pagePath(file)}: "${sentence}" says ${named.join(', ')} was breached, which no incident records`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('never stand over a vendor that no incident records as breached, and list exactly the incidents that do', async () => {
    const problems: string[] = [];
    for (const vendor of kb.vendors.values()) {
      const path = paths.vendor(vendor.id);
      const page = await loadPage(`${path.slice(1)}index.html`);
      const recorded = kb.incidents.filter((i) => i.data.vendors.some((v) => v.id === vendor.id && v.role === 'compromised-supplier')).map((i) => paths.incident(i.id));
      const claims = page.querySelectorAll('main h2, main h3, main p.hint').filter((h) => breachWords.test(text(h)) && !negation.test(text(h)));
      if (recorded.length === 0) {
        for (const claim of claims) problems.push(`${path}: "${text(claim)}", but no incident records ${vendor.data.name} as breached`);
        continue;
      }
      const heading = page.querySelectorAll('main h2, main h3').find((h) => /itself breached/.test(text(h)));
      if (!heading) {
        problems.push(`${path}: no heading over the incidents that record ${vendor.data.name} as breached (${recorded.join(', ')})`);
        continue;
      }
      // The list that follows the heading (after its hint) holds exactly the recorded incidents.
      const siblings = heading.parent?.childElements ?? [];
      const list = siblings.slice(siblings.indexOf(heading) + 1).find((el) => el.tagName === 'ul');
      const listed = (list?.querySelectorAll('.incident-item-title') ?? []).map((a) => attr(a, 'href') ?? '');
      if (listed.join() !== recorded.join()) problems.push(`${path}: lists ${listed.join(', ') || 'nothing'} as breaching it, but the content records ${recorded.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
