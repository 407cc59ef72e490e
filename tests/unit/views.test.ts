/**
 * Views: one plain object per page with everything the page shows. These tests read them the way
 * a reader reads the page (what is linked, what is said, how sure it is), without building.
 */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/lib/model.ts';
import type { ViewContext } from '../../src/lib/views/common.ts';
import { incidentPage } from '../../src/lib/views/incident.ts';
import { actorPage } from '../../src/lib/views/actor.ts';
import { vendorPage } from '../../src/lib/views/vendor.ts';
import { organisationPage } from '../../src/lib/views/organisation.ts';
import { attackTypePage } from '../../src/lib/views/attack-type.ts';
import { vulnerabilityPage } from '../../src/lib/views/vulnerability.ts';
import { controlPage } from '../../src/lib/views/control.ts';
import { attackTypesIndexPage, controlsIndexPage, entityListPage, homePage, incidentsIndexPage } from '../../src/lib/views/lists.ts';
import { browsePage, browseValuePage } from '../../src/lib/views/browse.ts';
import { searchPage } from '../../src/lib/views/search.ts';
import { timelinePage } from '../../src/lib/views/timeline.ts';
import { aboutPage, notFoundPage } from '../../src/lib/views/static-pages.ts';
import { dataPage } from '../../src/lib/views/data.ts';
import { overviewPage } from '../../src/lib/views/overview.ts';
import { caseStudyPage, comparePage, comparePairPage, guidePage, trainingCatalogue, trainingIndexPage } from '../../src/lib/views/training.ts';
import { actorFeedView, dataFileView, incidentsCsvView, siteFeedView, stixBundleView, vendorFeedView } from '../../src/lib/views/exports.ts';
import { collectionsFrom, knowledgeBaseFrom } from '../helpers/model.ts';
import { goodFixture } from '../helpers/fixtures.ts';
import { root } from '../helpers/site.ts';
import { correctionSettingsFrom } from '../../src/lib/site.ts';

const site = { site: 'https://kb.example.org', base: '/kb/' };
const corrections = correctionSettingsFrom({});
const ctx: ViewContext = { kb: knowledgeBaseFrom(), site, corrections };
const real: ViewContext = { kb: knowledgeBaseFrom(`${root}/content`), site, corrections };
const id = 'example-lab-2099';
/** The guide's sources, as its MDX frontmatter gives them. */
const guideSources = [{ id: 'g1', publisher: 'NHS England', title: 'A guide', url: 'https://www.england.nhs.uk/guide/', kind: 'primary', date: '2024-10' }];

/** Every view of a build, by the page it is for. */
function everyView(c: ViewContext): [string, unknown][] {
  const { kb } = c;
  return [
    ['/', homePage(c)],
    ['/incidents/', incidentsIndexPage(c)],
    ['/overview/', overviewPage(c)],
    ...(['actors', 'vendors', 'organisations', 'vulnerabilities'] as const).map((kind): [string, unknown] => [`/${kind}/`, entityListPage(c, kind)]),
    ['/attack-types/', attackTypesIndexPage(c)],
    ['/controls/', controlsIndexPage(c)],
    ['/browse/', browsePage(c)],
    ['/search/', searchPage(c)],
    ['/timeline/', timelinePage(c)],
    ['/about/', aboutPage(c)],
    ['/404/', notFoundPage(c)],
    ['/data/', dataPage(c)],
    ['/training/', trainingIndexPage(c)],
    ['/training/compare/', comparePage(c)],
    ['/training/guide/', guidePage(c, guideSources)],
    ['/feed.xml', siteFeedView(c)],
    ['/data/incidents.csv', incidentsCsvView(c)],
    ['/data/stix-bundle.json', stixBundleView(c)],
    ['/data/incidents.json', dataFileView(c, 'incidents')],
    ...kb.incidents.flatMap((i): [string, unknown][] => [
      [`/incidents/${i.id}/`, incidentPage(c, i.id)],
      [`/training/${i.id}/`, caseStudyPage(c, i.id)],
    ]),
    ...[...kb.actors.keys()].flatMap((a): [string, unknown][] => [[`/actors/${a}/`, actorPage(c, a)], [`/feeds/actors/${a}.xml`, actorFeedView(c, a)]]),
    ...[...kb.vendors.keys()].flatMap((v): [string, unknown][] => [[`/vendors/${v}/`, vendorPage(c, v)], [`/feeds/vendors/${v}.xml`, vendorFeedView(c, v)]]),
    ...[...kb.organisations.keys()].map((o): [string, unknown] => [`/organisations/${o}/`, organisationPage(c, o)]),
    ...[...kb.attackTypes.keys()].map((t): [string, unknown] => [`/attack-types/${t}/`, attackTypePage(c, t)]),
    ...[...kb.vulnerabilities.keys()].map((v): [string, unknown] => [`/vulnerabilities/${v}/`, vulnerabilityPage(c, v)]),
    ...[...kb.controls.keys()].map((k): [string, unknown] => [`/controls/${k}/`, controlPage(c, k)]),
    ...kb.comparePairs.pairs.map((p): [string, unknown] => [`/training/compare/${p.slug}/`, comparePairPage(c, p.slug)]),
    ...kb.browse.flatMap((f) => f.values.map((v): [string, unknown] => [`/browse/${f.key}/${v.slug}/`, browseValuePage(c, f.key, v.slug)])),
    ...kb.catalogueFacets.audiences.map((f): [string, unknown] => [`/training/audience/${f.value}/`, trainingCatalogue(c, { audience: f.value })]),
  ];
}

describe('every view', () => {
  it('is plain data: it survives a round trip through JSON unchanged (no Maps, Dates, functions or shared entries)', () => {
    for (const [path, view] of everyView(real)) {
      expect(JSON.parse(JSON.stringify(view)), path).toEqual(view);
    }
  });

  it('names an unknown id in its error', () => {
    expect(() => incidentPage(ctx, 'nothing-2099')).toThrow(/no incident "nothing-2099"/);
    expect(() => actorPage(ctx, 'nobody')).toThrow(/no actor "nobody"/);
    expect(() => comparePairPage(ctx, 'a--vs--b')).toThrow(/no compare pair "a--vs--b"/);
    expect(() => browseValuePage(ctx, 'region', 'atlantis')).toThrow(/\/browse\/region\/atlantis\//);
  });
});

describe('the page frame', () => {
  it('gives every page a canonical URL under the base, the site feed and the sitemap', () => {
    const { page } = timelinePage(ctx);
    expect(page.canonical).toBe('https://kb.example.org/kb/timeline/');
    expect(page.printAddress).toBe(page.canonical);
    expect(page.feeds.map((f) => f.href)).toEqual(['https://kb.example.org/kb/feed.xml']);
    expect(page.sitemap).toBe('https://kb.example.org/kb/sitemap.xml');
    expect(page.ogType).toBe('website');
  });

  it('marks an incident page as an article modified on its review date, indexed for search', () => {
    const { page } = incidentPage(ctx, id);
    expect(page).toMatchObject({ ogType: 'article', modified: '2099-11-29', searchable: true, searchKind: 'Incident' });
  });

  it("adds an attacker's or supplier's own feed on its page only", () => {
    expect(actorPage(ctx, 'examplegang').page.feeds.map((f) => f.href)).toContain('https://kb.example.org/kb/feeds/actors/examplegang.xml');
    expect(vendorPage(ctx, 'example-labs').page.feeds.map((f) => f.href)).toContain('https://kb.example.org/kb/feeds/vendors/example-labs.xml');
    expect(entityListPage(ctx, 'actors').page.feeds).toHaveLength(1);
  });

  it('gives the not-found page no canonical URL, and keeps list pages out of the search index', () => {
    expect(notFoundPage(ctx).page.canonical).toBeUndefined();
    expect(entityListPage(ctx, 'actors').page.searchable).toBe(false);
  });

  it('marks the section a page is in, and only that one', () => {
    const current = (nav: { label: string; current: boolean }[]) => nav.filter((item) => item.current).map((item) => item.label);
    expect(current(actorPage(ctx, 'examplegang').page.nav)).toEqual(['Attackers']);
    expect(current(homePage(ctx).page.nav)).toEqual([]);
  });

  it('shortens a long title for the <title> and keeps it whole for the h1', () => {
    const input = collectionsFrom(goodFixture);
    const long = 'An incident with a title far too long to fit in the tab of a browser or a line of search results';
    input.incidents[0]!.data = { ...input.incidents[0]!.data, title: long };
    const view = incidentPage({ kb: buildKnowledgeBase(input), site, corrections }, id);
    expect(view.title).toBe(long);
    expect(view.page.title.length).toBeLessThanOrEqual(70);
    expect(view.page.title.endsWith('…')).toBe(true);
  });
});

describe('the incident page', () => {
  const view = incidentPage(ctx, id);

  it('numbers every reference as the source list does', () => {
    const [started] = view.details.dates;
    expect(started?.refs).toEqual([{ number: 1, href: '#source-s1', label: '1: source' }]);
    expect(view.sources.map((s) => s.anchor)).toEqual(['source-s1', 'source-s2', 'source-s3']);
  });

  it('says who did it and how sure in the panel, and on what basis under "How sure are we"', () => {
    const who = view.glance.items.find((item) => item.key === 'who');
    expect(who?.facts).toEqual([expect.objectContaining({ parts: [{ text: 'ExampleGang', path: '/actors/examplegang/' }], certainty: expect.objectContaining({ label: 'Claimed by the attacker' }) })]);
    const basis = view.howSure.topics.find((t) => t.topic === 'Who did it');
    expect(basis?.statements.map((s) => s.text)).toEqual(['The group said it was responsible.']);
  });

  it('names the product behind the CVE, how sure the link is, and how long the fix had been out', () => {
    expect(view.details.products).toEqual([expect.objectContaining({ products: 'Example Lab System', vendor: { path: '/vendors/example-labs/', text: 'Example Labs' } })]);
    const through = view.glance.items.find((item) => item.key === 'through');
    expect(through?.facts.map((f) => f.parts.map((p) => p.text).join(''))).toContain('through CVE-2099-0001');
    expect(view.details.vulnerabilities[0]?.certainty.level).toBe('confirmed');
    expect(view.details.vulnerabilities[0]?.exposure.fix?.relation).toBe('21 days before the incident began');
  });

  it('says an unknown is unknown, never 0 or blank', () => {
    for (const item of view.glance.items) expect(item.facts.length > 0 || (item.unknown ?? '').length > 0, item.key).toBe(true);
    const ransom = view.glance.items.find((item) => item.key === 'ransom');
    expect(ransom?.unknown).toBe('Not known');
  });

  it('keeps the month precision of a date in words', () => {
    const resolved = view.details.dates.find((d) => d.label === 'Services restored or closed');
    expect(resolved?.date).toEqual({ datetime: '2099-09', text: 'September 2099', precisionNote: 'exact day not public' });
  });

  it('files the page under the facet values search filters on', () => {
    expect(view.search.filters).toContainEqual({ key: 'attacker', value: 'ExampleGang' });
    expect(view.search.names).toContain('Specimen');
    expect(view.search.sortDate).toBe('2099-06-03');
  });

  it('offers the citation files for reference managers', () => {
    expect(view.cite.bibtex).toEqual({ path: `/data/cite/${id}.bib`, download: `${id}.bib` });
    expect(view.cite.text).toContain('https://kb.example.org/kb/incidents/example-lab-2099/');
  });
});

describe('entity pages', () => {
  it("keep a supplier's own breach apart from the exploitation of its product", () => {
    const view = vendorPage(ctx, 'example-labs');
    expect(view.breached[0]?.roles).toEqual([
      { products: 'Systems affected: Example Lab System', cves: [], note: undefined, sources: [{ path: `/incidents/${id}/#source-s1`, text: 'NHS England' }] },
    ]);
    expect(view.exploited.incidents[0]?.roles[0]?.cves).toEqual([{ path: '/vulnerabilities/cve-2099-0001/', text: 'CVE-2099-0001' }]);
    expect(view.involvement).toEqual(['Example Labs was itself breached in 1 incident.', 'Example Labs made a product that was exploited in 1 incident.']);
  });

  it('say plainly, and only once, that no incident records a vendor breached when none does', () => {
    const input = collectionsFrom(goodFixture);
    const incident = input.incidents.find((i) => i.id === id)!;
    incident.data = { ...incident.data, vendors: incident.data.vendors.filter((v) => v.role !== 'compromised-supplier') };
    const view = vendorPage({ kb: buildKnowledgeBase(input), site, corrections }, 'example-labs');
    expect(view.breached).toEqual([]);
    expect(view.involvement).toEqual(['Example Labs made a product that was exploited in 1 incident.', 'No incident here records Example Labs itself being breached.']);
    expect(view.exploited.heading).toBe('Incidents where an Example Labs product was exploited');
  });

  it("give an attacker's tie to each incident with its status", () => {
    expect(actorPage(ctx, 'examplegang').incidents[0]?.attribution).toEqual({ status: 'claimed', label: 'Claimed by the attacker.', basis: 'The group said it was responsible.' });
  });

  it("give an organisation's role, with a certainty only when it is not confirmed", () => {
    expect(organisationPage(ctx, 'example-trust').incidents[0]?.roles).toEqual([{ role: 'Disrupted through a supplier or partner', certainty: undefined, note: undefined }]);
  });

  it('place an attack type under its parent', () => {
    expect(attackTypePage(ctx, 'data-theft-extortion').parent).toEqual({ path: '/attack-types/ransomware/', text: 'Ransomware' });
    expect(attackTypePage(ctx, 'ransomware').children.map((c) => c.text)).toEqual(['Data theft and extortion']);
  });

  it("give a vulnerability's fix with its sources, CISA's listing, and the exposure window once", () => {
    const view = vulnerabilityPage(ctx, 'cve-2099-0001');
    expect(view.fix).toMatchObject({ versions: ['1.4.1', '1.5'], date: { datetime: '2099-05-13' }, missing: undefined });
    expect(view.fix.refs.map((r) => r.href)).toEqual(['#source-cve']);
    expect(view.kev?.refs.map((r) => r.href)).toEqual(['#source-cve']);
    expect(view.fixToListing).toBe('The fix was available 6 days before CISA listed it as exploited.');
    expect(view.exposures).toHaveLength(1);
  });

  it('say why a fix is not given, in the entry\'s words when it has them', () => {
    const input = collectionsFrom(goodFixture);
    const cve = input.vulnerabilities[0]!;
    cve.data = { ...cve.data, patched: undefined, fixedVersions: [], fixSources: [] };
    expect(vulnerabilityPage({ kb: buildKnowledgeBase(input), site, corrections }, 'cve-2099-0001').fix.missing).toBe("No fix date or fixed versions are recorded here: check the vendor's advisory.");
    cve.data = { ...cve.data, fixNote: 'No fix exists yet.' };
    const view = vulnerabilityPage({ kb: buildKnowledgeBase(input), site, corrections }, 'cve-2099-0001');
    expect(view.fix.missing).toBe('No fix exists yet.');
    expect(view.fixToListing).toBe('No patch date is recorded; the advisory was published 6 days before CISA listed it as exploited.');
  });

  it("give a vulnerability's vendor and product, and the count of incidents a control mattered in", () => {
    expect(vulnerabilityPage(ctx, 'cve-2099-0001')).toMatchObject({ productLead: 'Example Lab System from ', vendor: { text: 'Example Labs' } });
    expect(controlPage(ctx, 'charter-mfa').groups.map((g) => g.heading)).toEqual(['Would have prevented it (1 incident)']);
  });
});

describe('list pages', () => {
  it('count incidents with the right noun', () => {
    expect(incidentsIndexPage(ctx).count).toBe('1 incident');
    expect(homePage(real).allIncidents).toBe(`All ${real.kb.incidents.length} incidents in one table`);
  });

  it('give the incidents table its impact figures formatted as elsewhere, "Not published" where no source gives one, and a sort key per column', () => {
    const input = collectionsFrom(goodFixture);
    const incident = input.incidents.find((i) => i.id === id)!;
    const asOf = { value: '2099-07', precision: 'month' } as const;
    incident.data = {
      ...incident.data,
      impactSummary: {
        daysToRestore: { value: 31, qualifier: 'about', asOf, certainty: 'reported', sources: ['s1'] },
        appointmentsPostponed: { value: 10152, qualifier: 'exact', asOf, certainty: 'confirmed', sources: ['s1'] },
        proceduresPostponed: { value: 1, qualifier: 'exact', asOf, certainty: 'confirmed', sources: ['s1'] },
      },
    };
    const [row] = incidentsIndexPage({ kb: buildKnowledgeBase(input), site, corrections }).rows;
    expect(row?.restore).toEqual({ text: 'about 31 days', note: '(reported)', unknown: false });
    expect(row?.postponed).toEqual({ text: '10,152 appointments and 1 procedure', note: undefined, unknown: false });
    expect(row?.exposed).toEqual({ text: 'Not published', unknown: true });
    expect(row?.sortKeys).toMatchObject({ restore: 31, postponed: 10153, exposed: undefined, attacker: 'examplegang' });
    expect(incidentsIndexPage(ctx).sorted).toMatchObject({ key: 'started', direction: 'descending', order: 'newest first' });
  });

  it('link each browse value to a page that lists its incidents and narrows further in search', () => {
    const view = browseValuePage(ctx, 'attacker', 'examplegang');
    expect(view.incidents.map((i) => i.path)).toEqual([`/incidents/${id}/`]);
    expect(view.search).toBe('/search/?attacker=ExampleGang');
    expect(view.page.description).toBe('1 incident filed under attacker "ExampleGang".');
  });
});

describe('training pages', () => {
  it('filter the catalogue and say how many case studies match, with the right noun', () => {
    const view = trainingCatalogue(ctx, { audience: 'eprr' });
    expect(view.cards.map((c) => c.id)).toEqual([id]);
    expect(view.listHeading).toBe('1 case study with questions for emergency preparedness (EPRR)');
    expect(view.browse[0]?.links.find((l) => l.current)?.path).toBe('/training/audience/eprr/');
    expect(trainingCatalogue(ctx, { audience: 'board' }).cards).toEqual([]);
  });

  it('number questions on across audiences, giving participants the questions and the trainer the answers', () => {
    const view = caseStudyPage(ctx, id);
    expect(view.handout.questions.map((g) => g.start)).toEqual([1, 3, 5]);
    expect(view.handout.questions.at(-1)?.questions).toEqual([{ question: 'Q5?' }]);
    expect(view.notes.answers.at(-1)?.questions).toEqual([{ question: 'Q5?', answer: 'A5.' }]);
  });

  it('link a case study to its closest match, and to any incident in the browser', () => {
    const [pair] = real.kb.comparePairs.pairs;
    const view = caseStudyPage(real, pair!.incidents[0].id);
    expect(view.comparisons.map((c) => c.link.path)).toContain(`/training/compare/${pair!.slug}/`);
    expect(view.compareAny.path).toBe(`/training/compare/?incident=${pair!.incidents[0].id}`);
  });

  it("link the case study's facts to the numbered sources of the write-up", () => {
    const began = caseStudyPage(ctx, id).handout.facts.find((row) => row.label === 'Began');
    expect(began?.items[0]?.refs).toEqual([{ number: 1, href: `/incidents/${id}/#source-s1`, label: '1: source, in the write-up' }]);
  });

  it('time each part of the session from the plan, for the presenter view', () => {
    const view = caseStudyPage(real, 'synnovis-pathology-2024');
    // Five phases share the 60-minute plan's 20 exercise minutes (10-30), the 90-minute plan's 30 (10-40).
    expect(view.injects.map((p) => p.times)).toEqual(['60:10-14 90:10-16', '60:14-18 90:16-22', '60:18-22 90:22-28', '60:22-26 90:28-34', '60:26-30 90:34-40']);
    expect(view.presenter.times.opening).toBe('30:0-5 60:0-10 90:0-10');
    expect(view.presenter.slides).toEqual({ opening: 0, phases: 1, questions: 6, controls: 12, close: 13 });
  });

  it('say plainly when the plan for every length it runs in leaves no time for the injects', () => {
    const shortOnly = real.kb.incidents.find((i) => i.data.training.sessionLengths.every((m) => m === 30) && i.data.training.injects.length > 0);
    expect(shortOnly, 'the content has a 30-minute-only case study with injects').toBeDefined();
    const view = caseStudyPage(real, shortOnly!.id);
    expect(view.injects[0]?.times).toBe('');
    expect(view.injects[0]?.when).toBe('Not in the 30-minute plan: read it out in a longer session, or set it as a question');
  });

  it('check the guide\'s sources as any source is, naming the file', () => {
    expect(guidePage(ctx, guideSources).sources.map((s) => s.anchor)).toEqual(['source-g1']);
    expect(() => guidePage(ctx, [{ ...guideSources[0], url: 'http://insecure.example/' }])).toThrow(/training-guide\.mdx: source 0\.url/);
  });
});
