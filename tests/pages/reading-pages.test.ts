/**
 * What readers rely on in the built reading pages: every incident page carries its summary, key
 * facts, a dated chronology and numbered sources whose anchors match every citation; every entity
 * in the model has a page that lists its incidents; and no reading page ships client JavaScript.
 *
 * Reads the built site (OUT_DIR, default dist/) and the same content the build used (CONTENT_DIR,
 * default content/), so it checks the output against the model rather than against copied text.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, listFiles, requireDist, root } from '../helpers/site.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { attr, loadPage, text, type Element } from '../helpers/dom.ts';
import { findCitations } from '../../src/lib/citations.ts';
import { describeRelation } from '../../src/lib/exposure.ts';
import { paths } from '../../src/lib/urls.ts';
import { certaintyLabels } from '../../src/schemas/vocabularies.ts';
import type { KnowledgeBase } from '../../src/lib/model.ts';

const contentDir = process.env.CONTENT_DIR ? resolve(root, process.env.CONTENT_DIR) : join(root, 'content');
const kb: KnowledgeBase = knowledgeBaseFrom(contentDir);

/** The built file for a site path: '/incidents/x/' → 'incidents/x/index.html'. */
const fileFor = (path: string) => `${path.replace(/^\//, '')}index.html`;

function links(doc: Element): string[] {
  return doc.querySelectorAll('a').map((a) => attr(a, 'href') ?? '');
}

/** Links to a site path, allowing for a base path in front of it. */
function linksTo(doc: Element, path: string): boolean {
  return links(doc).some((href) => href === path || href.endsWith(path));
}

function section(doc: Element, headingId: string): Element {
  const found = doc.querySelector(`section[aria-labelledby="${headingId}"]`);
  if (!found) throw new Error(`no <section aria-labelledby="${headingId}"> on the page`);
  return found;
}

beforeAll(() => {
  requireDist();
});

describe('content the pages are checked against', () => {
  it('has at least one incident', () => {
    expect(kb.incidents.length).toBeGreaterThan(0);
  });
});

describe.each(kb.incidents.map((incident) => [incident.id, incident] as const))('incident page %s', (id, incident) => {
  let doc: Element;
  beforeAll(async () => {
    doc = await loadPage(fileFor(paths.incident(id)));
  });

  it('leads with the title and the 30-second summary', () => {
    expect(text(doc.querySelector('h1'))).toBe(incident.data.title);
    expect(text(doc.querySelector('p.summary'))).toContain(incident.data.summary.replace(/\s+/g, ' '));
  });

  it('opens with the at-a-glance panel: every item, an attacker linked with how sure, the lessons with their controls', () => {
    const panel = doc.querySelector('section#at-a-glance')!;
    const items = panel.querySelectorAll('[data-glance]').map((item) => attr(item, 'data-glance'));
    expect(items).toEqual(['happened', 'when', 'who', 'way-in', 'through', 'impact', 'data', 'ransom', ...(incident.data.lessons.length > 0 ? ['lessons'] : [])]);
    for (const item of panel.querySelectorAll('[data-glance] > dd')) expect(text(item), 'a panel item is blank').not.toBe('');
    for (const actor of incident.actors) {
      expect(linksTo(panel, paths.actor(actor.id)), actor.id).toBe(true);
      expect(text(panel)).toContain(certaintyLabels[actor.attribution]);
    }
    for (const lesson of incident.data.lessons) {
      expect(text(panel)).toContain(lesson.text.replace(/\s+/g, ' '));
      for (const control of lesson.controls) expect(linksTo(panel, paths.control(control)), control).toBe(true);
    }
  });

  it('has a details list with the start date in a <time> at its own precision', () => {
    const facts = section(doc, 'details');
    const terms = facts.querySelectorAll('dt').map(text);
    expect(terms).toEqual(expect.arrayContaining(['Started', 'Organisations affected', 'Attack types', 'Last reviewed']));
    expect(new Set(terms).size, 'a label is repeated instead of grouped').toBe(terms.length);
    const started = facts.querySelectorAll('div.fact').find((fact) => text(fact.querySelector('dt')) === 'Started');
    expect(started?.querySelector('time') && attr(started.querySelector('time')!, 'datetime')).toBe(incident.data.dates.started.date.value);
  });

  it('names every affected organisation and attack type, linked to their pages', () => {
    const facts = section(doc, 'details');
    for (const org of incident.organisations) expect(linksTo(facts, paths.organisation(org.id)), org.id).toBe(true);
    for (const type of incident.attackTypes) expect(linksTo(facts, paths.attackType(type.id)), type.id).toBe(true);
  });

  it('shows each vulnerability with how sure its link is and its exposure window', () => {
    const facts = section(doc, 'details');
    const words = text(facts);
    for (const exposure of kb.incident.get(id)?.exposures ?? []) {
      expect(words).toContain(exposure.vulnerability.data.cve);
      expect(words).toContain(certaintyLabels[exposure.link.certainty]);
      if (exposure.window.fix) expect(words).toContain(describeRelation(exposure.window.fix));
    }
  });

  it('lists each ATT&CK technique with its id linked to ATT&CK, its certainty and its basis, or says none is mapped', () => {
    const techniques = section(doc, 'techniques');
    if (incident.data.techniques.length === 0) {
      expect(text(techniques)).toContain('no ATT&CK technique is mapped');
      return;
    }
    const items = techniques.querySelectorAll('ul.techniques > li');
    expect(items).toHaveLength(incident.data.techniques.length);
    incident.data.techniques.forEach((technique, index) => {
      const item = items[index]!;
      expect(item.querySelectorAll('a').some((a) => attr(a, 'href')?.startsWith('https://attack.mitre.org/techniques/') && text(a) === technique.id)).toBe(true);
      expect(text(item)).toContain(certaintyLabels[technique.certainty]);
      expect(text(item)).toContain(technique.basis === 'sourced' ? 'Named by a source' : 'Our analysis');
    });
  });

  it('lists the chronology in order, each event dated with <time datetime> at its precision', () => {
    const events = doc.querySelectorAll('ol.chronology > li');
    expect(events).toHaveLength(incident.data.chronology.length);
    events.forEach((event, index) => {
      const time = event.querySelector('time');
      expect(time, `event ${index + 1} has no <time>`).toBeTruthy();
      expect(attr(time!, 'datetime')).toBe(incident.data.chronology[index]!.date.value);
      expect(event.querySelectorAll('a').some((a) => attr(a, 'href')?.startsWith('#source-'))).toBe(true);
    });
  });

  it('numbers its sources in a list whose anchors match the source ids', () => {
    const items = doc.querySelectorAll('ol.sources > li');
    expect(items.map((li) => attr(li, 'id'))).toEqual(incident.data.sources.map((s) => `source-${s.id}`));
    items.forEach((li, index) => {
      const source = incident.data.sources[index]!;
      // The address is printed in full, so it survives printing.
      expect(text(li)).toContain(source.url);
      const external = li.querySelectorAll('a').find((a) => attr(a, 'href') === source.url);
      expect(external && attr(external, 'rel')).toBe('noopener noreferrer');
    });
  });

  it('links every citation to a source on the page, numbered as that source is', () => {
    const sourceIds = incident.data.sources.map((s) => s.id);
    const citations = doc.querySelectorAll('a').filter((a) => attr(a, 'href')?.startsWith('#source-'));
    expect(citations.length).toBeGreaterThan(0);
    for (const link of citations) {
      const id = attr(link, 'href')!.slice('#source-'.length);
      expect(sourceIds, `citation to unknown source "${id}"`).toContain(id);
      expect(text(link)).toBe(String(sourceIds.indexOf(id) + 1));
    }
  });

  it('turns every [@id] cite in the write-up into a link, leaving none raw', () => {
    const story = section(doc, 'write-up');
    const cited = new Set(story.querySelectorAll('a').map((a) => attr(a, 'href')));
    for (const id of findCitations(incident.body ?? '')) expect(cited.has(`#source-${id}`), `[@${id}] not linked`).toBe(true);
    expect(text(story)).not.toMatch(/\[@[a-z0-9]/);
  });

  it('states certainty in words and lists what is not known', () => {
    const overview = text(section(doc, 'how-sure'));
    for (const actor of incident.actors) expect(overview).toContain(certaintyLabels[actor.attribution]);
    for (const unknown of incident.data.unknowns) expect(overview).toContain(unknown.replace(/\s+/g, ' '));
  });

  it('shows every impact figure in a table with a caption and header cells', () => {
    if (incident.data.impact.length === 0) {
      expect(doc.querySelector('section[aria-labelledby="impact"]'), 'an empty impact section').toBeNull();
      return;
    }
    const impact = section(doc, 'impact');
    expect(impact.querySelector('caption')).toBeTruthy();
    expect(impact.querySelectorAll('tbody tr')).toHaveLength(incident.data.impact.length);
    expect(impact.querySelectorAll('thead th').every((th) => attr(th, 'scope') === 'col')).toBe(true);
  });

  it('lists where sources disagree and the controls that would have helped', () => {
    expect(section(doc, 'conflicts').querySelectorAll('dt').map(text)).toEqual(incident.data.conflicts.map((c) => c.topic.replace(/\s+/g, ' ')));
    const controls = section(doc, 'controls');
    for (const link of incident.controls) expect(linksTo(controls, paths.control(link.control))).toBe(true);
  });
});

describe('the incident list', () => {
  let doc: Element;
  beforeAll(async () => {
    doc = await loadPage(fileFor(paths.incidents()));
  });

  it('is a captioned table with a row per incident, each linking to its page', () => {
    const table = doc.querySelector('table.incidents-table')!;
    expect(table).toBeTruthy();
    expect(text(table.querySelector('caption'))).not.toBe('');
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(kb.incidents.length);
    kb.incidents.forEach((incident, index) => {
      const heading = rows[index]!.querySelector('th');
      expect(heading && attr(heading, 'scope')).toBe('row');
      expect(linksTo(rows[index]!, paths.incident(incident.id))).toBe(true);
      expect(attr(rows[index]!.querySelector('time')!, 'datetime')).toBe(incident.data.dates.started.date.value);
    });
  });

  it('scrolls in a labelled region that keyboard users can reach', () => {
    const region = doc.querySelector('div.table-scroll')!;
    expect(attr(region, 'role')).toBe('region');
    expect(attr(region, 'tabindex')).toBe('0');
    const labelId = attr(region, 'aria-labelledby')!;
    expect(doc.querySelector(`#${labelId}`)?.tagName).toBe('caption');
  });
});

type EntityKind = 'actors' | 'vendors' | 'organisations' | 'attackTypes' | 'vulnerabilities' | 'controls';
const entityPaths: Record<EntityKind, { list: string; page: (id: string) => string }> = {
  actors: { list: paths.actors(), page: paths.actor },
  vendors: { list: paths.vendors(), page: paths.vendor },
  organisations: { list: paths.organisations(), page: paths.organisation },
  attackTypes: { list: paths.attackTypes(), page: paths.attackType },
  vulnerabilities: { list: paths.vulnerabilities(), page: (id) => paths.vulnerability(id) },
  controls: { list: paths.controls(), page: paths.control },
};

describe.each(Object.keys(entityPaths) as EntityKind[])('%s pages', (kind) => {
  const entries = [...kb[kind].values()];
  const { list, page } = entityPaths[kind];

  it('have a list page that links to every entry', async () => {
    const doc = await loadPage(fileFor(list));
    for (const entry of entries) expect(linksTo(doc, page(entry.id)), `${list} does not link to ${entry.id}`).toBe(true);
  });

  it('give every entry a page that lists each of its incidents, or says there are none', async () => {
    for (const entry of entries) {
      const file = fileFor(page(entry.id));
      expect(existsSync(join(distDir, file)), `missing ${file}`).toBe(true);
      const doc = await loadPage(file);
      const incidents = section(doc, 'incidents');
      if (entry.incidents.length === 0) expect(text(incidents)).toMatch(/^Incidents.*\b(No|None)\b/);
      for (const incident of entry.incidents) expect(linksTo(incidents, paths.incident(incident.id)), `${file} does not list ${incident.id}`).toBe(true);
    }
  });
});

describe('actor and vendor write-ups', () => {
  it('link every [@id] cite in their text to a numbered source on the same page', async () => {
    const entries = [
      ...[...kb.actors.values()].map((e) => ({ path: paths.actor(e.id), body: e.body, sources: e.data.sources })),
      ...[...kb.vendors.values()].map((e) => ({ path: paths.vendor(e.id), body: e.body, sources: e.data.sources })),
    ];
    for (const entry of entries) {
      const cited = findCitations(entry.body ?? '');
      if (cited.length === 0) continue;
      const doc = await loadPage(fileFor(entry.path));
      const hrefs = new Set(links(doc));
      const anchors = new Set(doc.querySelectorAll('ol.sources > li').map((li) => attr(li, 'id')));
      for (const id of cited) {
        expect(hrefs.has(`#source-${id}`), `${entry.path}: [@${id}] is not linked`).toBe(true);
        expect(anchors.has(`source-${id}`), `${entry.path}: no source with id source-${id}`).toBe(true);
      }
      expect(text(doc.querySelector('main'))).not.toMatch(/\[@[a-z0-9]/);
    }
  });
});

describe('vendor pages', () => {
  it('keep incidents where the vendor itself was breached apart from those where a product it made was exploited', async () => {
    const part = (doc: Element, id: string) => doc.querySelector(`section[aria-labelledby="${id}"]`);
    for (const vendor of kb.vendors.values()) {
      const doc = await loadPage(fileFor(paths.vendor(vendor.id)));
      const breached = part(doc, 'breached');
      const exploited = part(doc, 'product-exploited');
      // A part no incident records is left out, never a heading over "None".
      expect(breached === null, `${vendor.id}: breached part`).toBe(vendor.asSupplier.length === 0);
      expect(exploited === null, `${vendor.id}: exploited part`).toBe(vendor.asProduct.length === 0);
      for (const incident of vendor.asSupplier) expect(linksTo(breached!, paths.incident(incident.id))).toBe(true);
      for (const incident of vendor.asProduct) expect(linksTo(exploited!, paths.incident(incident.id))).toBe(true);
      for (const incident of vendor.incidents) {
        if (breached && !vendor.asSupplier.includes(incident)) expect(linksTo(breached, paths.incident(incident.id)), `${incident.id} shown as a breach of ${vendor.id}`).toBe(false);
      }
    }
  });
});

describe('control pages', () => {
  it('give the reasoning for every incident where the control would have helped', async () => {
    for (const control of kb.controls.values()) {
      const page = text(section(await loadPage(fileFor(paths.control(control.id))), 'incidents'));
      for (const { link } of control.uses) expect(page).toContain(link.reasoning.replace(/\s+/g, ' '));
    }
  });
});

describe('vulnerability pages', () => {
  it('show the exposure window for each incident', async () => {
    for (const [id, vulnerability] of kb.vulnerabilities) {
      const page = text(section(await loadPage(fileFor(paths.vulnerability(id))), 'incidents'));
      for (const exposure of vulnerability.exposures) {
        if (exposure.window.fix) expect(page).toContain(describeRelation(exposure.window.fix, 'the incident began', { precisionNote: false }));
      }
    }
  });
});

describe('about and not-found pages', () => {
  it('the about page defines the four certainty levels and says how to send a correction', async () => {
    const doc = await loadPage('about/index.html');
    const levels = text(section(doc, 'certainty-levels'));
    for (const label of Object.values(certaintyLabels)) expect(levels).toContain(label);
    expect(text(section(doc, 'corrections'))).toMatch(/issue/i);
    expect(doc.querySelector('#naming')).toBeTruthy();
  });

  it('the 404 page says so, and offers home, the incident list and a search form', async () => {
    const doc = await loadPage('404.html');
    expect(text(doc.querySelector('h1'))).toMatch(/not found/i);
    expect(linksTo(doc, '/')).toBe(true);
    expect(linksTo(doc, paths.incidents())).toBe(true);
    expect(doc.querySelectorAll('main form').some((form) => attr(form, 'action')?.endsWith('/search/'))).toBe(true);
    expect(text(doc.querySelector('main'))).toMatch(/broken link/i);
  });
});

describe('reading pages', () => {
  const readingPrefixes = ['', 'about/', 'incidents/', 'actors/', 'vendors/', 'organisations/', 'attack-types/', 'vulnerabilities/', 'controls/'];
  const files = listFiles(distDir, ['.html']).filter(
    (file) => file === '404.html' || readingPrefixes.some((prefix) => (prefix === '' ? file === 'index.html' : file.startsWith(prefix))),
  );

  it('are found', () => {
    expect(files.length).toBeGreaterThan(kb.incidents.length);
  });

  it('ship no client JavaScript, but for the sort buttons of the incidents table', async () => {
    for (const file of files.filter((f) => f !== 'incidents/index.html')) {
      const scripts = (await loadPage(file)).querySelectorAll('script').filter((s) => !/json/.test(attr(s, 'type') ?? ''));
      expect(scripts, `${file} has a <script>`).toHaveLength(0);
    }
  });
});
