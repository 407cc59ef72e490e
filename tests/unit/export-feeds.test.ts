import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';
import { actorFeed as actorFeedDocument, atomXml, feedDocument, feedOrder, siteFeed as siteFeedDocument, vendorFeed as vendorFeedDocument } from '../../src/lib/export/atom.ts';
import { bibtex, citationData, citationText, cslJson, escapeBibtex } from '../../src/lib/export/citation.ts';
import type { KnowledgeBase, ResolvedIncident } from '../../src/lib/model.ts';
import type { SiteContext } from '../../src/lib/export/site-url.ts';

const siteFeed = (model: KnowledgeBase, site: SiteContext) => atomXml(siteFeedDocument(model, site));
const actorFeed = (model: KnowledgeBase, site: SiteContext, id: string) => atomXml(actorFeedDocument(model, site, id));
const vendorFeed = (model: KnowledgeBase, site: SiteContext, id: string) => atomXml(vendorFeedDocument(model, site, id));
const buildAtomFeed = (...args: Parameters<typeof feedDocument>) => atomXml(feedDocument(...args));

const ctx = { site: 'https://kb.example.org', base: '/kb/' };
const kb = knowledgeBaseFrom();
const xssKb = knowledgeBaseFrom(join(root, 'tests/fixtures/xss'));
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category', 'url'].includes(name) });

function parseFeed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed;
}

const reviewed = (incident: ResolvedIncident, id: string, day: string): ResolvedIncident => ({
  ...incident,
  id,
  data: { ...incident.data, lastReviewed: { value: day, precision: 'day' } },
});

describe('Atom feeds', () => {
  it('are well-formed Atom with a self link, stable entry ids and updated dates from review dates', () => {
    const feed = parseFeed(siteFeed(kb, ctx));
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://kb.example.org/kb/feed.xml');
    expect(feed.link).toContainEqual({ '@rel': 'self', '@type': 'application/atom+xml', '@href': 'https://kb.example.org/kb/feed.xml' });
    expect(feed.updated).toBe('2099-11-29T00:00:00Z');
    expect(feed.author.name).toBe('NHS Cyber Incidents');
    expect(feed.entry).toHaveLength(kb.incidents.length);
    const [entry] = feed.entry;
    expect(entry.id).toBe('https://kb.example.org/kb/incidents/example-lab-2099/');
    expect(entry.link[0]['@href']).toBe(entry.id);
    expect(entry.updated).toBe('2099-11-29T00:00:00Z');
    expect(entry.title['#text']).toBe(kb.incidents[0]!.data.title);
    expect(siteFeed(kb, ctx)).toBe(siteFeed(knowledgeBaseFrom(), ctx));
  });

  it('carries markup in titles and summaries as text, escaped, not as elements', () => {
    const xml = siteFeed(xssKb, ctx);
    expect(xml).not.toContain('<script>');
    const [entry] = parseFeed(xml).entry;
    expect(entry.title['#text']).toBe(xssKb.incidents[0]!.data.title);
    expect(entry.summary['#text']).toBe(xssKb.incidents[0]!.data.summary);
  });

  it('puts the most recently reviewed first, so an update rises to the top with the same id', () => {
    const [base] = kb.incidents;
    const older = reviewed(base!, 'older-2098', '2099-01-01');
    const newer = reviewed(base!, 'newer-2097', '2099-12-31');
    expect(feedOrder([older, base!, newer]).map((i) => i.id)).toEqual(['newer-2097', 'example-lab-2099', 'older-2098']);
    const feed = parseFeed(buildAtomFeed({ path: '/feed.xml', pagePath: '/incidents/', title: 't', subtitle: 's', incidents: [older, newer] }, ctx, '2000-01-01'));
    expect(feed.updated).toBe('2099-12-31T00:00:00Z');
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(['https://kb.example.org/kb/incidents/newer-2097/', 'https://kb.example.org/kb/incidents/older-2098/']);
  });

  it('per actor and per vendor, including an empty one that is still valid Atom', () => {
    const actor = parseFeed(actorFeed(kb, ctx, 'examplegang'));
    expect(actor.id).toBe('https://kb.example.org/kb/feeds/actors/examplegang.xml');
    expect(actor.entry).toHaveLength(1);
    expect(parseFeed(vendorFeed(kb, ctx, 'example-labs')).entry).toHaveLength(1);
    const empty = parseFeed(buildAtomFeed({ path: '/feeds/actors/x.xml', pagePath: '/actors/x/', title: 't', subtitle: 's', incidents: [] }, ctx, '2099-11-29'));
    expect(empty.entry).toBeUndefined();
    expect(empty.updated).toBe('2099-11-29T00:00:00Z');
    expect(() => actorFeed(kb, ctx, 'nobody')).toThrow(/no actor "nobody"/);
  });
});

describe('citations', () => {
  const citation = citationData(kb.incidents[0]!, ctx);

  it('name the permalink and the last-reviewed date', () => {
    expect(citationText(citation)).toBe('NHS Cyber Incidents (2099) ‘Example Labs ransomware attack’. Last reviewed 29 November 2099. Available at: https://kb.example.org/kb/incidents/example-lab-2099/');
    const bib = bibtex(citation);
    expect(bib).toMatch(/^@misc\{example-lab-2099,\n/);
    expect(bib).toContain('url = {https://kb.example.org/kb/incidents/example-lab-2099/}');
    expect(bib).toContain('year = {2099}');
    expect(bib).toContain('month = nov');
    expect(bib).toContain('note = {Last reviewed 2099-11-29}');
    const [csl] = cslJson(citation) as Record<string, unknown>[];
    expect(csl).toMatchObject({ id: 'example-lab-2099', type: 'webpage', URL: citation.url, issued: { 'date-parts': [[2099, 11, 29]] } });
  });

  it('escape BibTeX specials so titles with them still compile', () => {
    expect(escapeBibtex('R&D {x} 100% $5 #1 a_b ^ ~ \\')).toBe('R\\&D \\{x\\} 100\\% \\$5 \\#1 a\\_b \\textasciicircum{} \\textasciitilde{} \\textbackslash{}');
    const bib = bibtex(citationData(xssKb.incidents[0]!, ctx));
    // Braces must balance or BibTeX reads the rest of the file as this entry.
    let depth = 0;
    for (const [i, ch] of [...bib].entries()) {
      if (bib[i - 1] === '\\') continue;
      if (ch === '{') depth += 1;
      if (ch === '}') depth -= 1;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
});
