/**
 * The trainers' pages in the built site, read as HTML (no browser): every case study is in the
 * catalogue with what a trainer decides on visible without JavaScript; each case study is one page
 * with everything a session needs, the trainer-only material marked as such; the old handout and
 * notes pages are gone and nothing links to them; incident pages point to their case study; compare
 * keeps at most one prerendered page per incident, and its data files validate and resolve.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { checkContentFolder } from '../../src/lib/check-content.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import { audienceLabels } from '../../src/schemas/vocabularies.ts';
import { withBase } from '../../src/lib/urls.ts';
import { sessionLengthLabel, trainingTopicLabels } from '../../src/lib/training/filters.ts';
import { trainingPaths } from '../../src/lib/training/paths.ts';
import { compareDataPaths } from '../../src/lib/training/compare-data.ts';
import { distDir, listFiles, readDist, requireDist, root } from '../helpers/site.ts';

requireDist();
const base = process.env.BASE_PATH ?? '/';
const href = (path: string) => `href="${withBase(base, path).replace(/&/g, '&amp;')}"`;
const contentDir = process.env.CONTENT_DIR ? resolve(root, process.env.CONTENT_DIR) : undefined;
const incidents = checkContentFolder(root, contentDir)
  .entries.filter((e) => e.collection === 'incidents')
  .map((e) => ({ id: e.id, data: e.data as Incident }));

const page = (path: string) => readDist(join(path.replace(/^\//, ''), 'index.html'));
const decode = (text: string) =>
  text.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** The text a reader sees: scripts and styles dropped, tags removed, entities decoded. */
const textOf = (html: string) => decode(html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The markup of one catalogue card, from its opening tag to the next card or the end of the list. */
function cardOf(html: string, incidentId: string): string {
  const start = html.indexOf(`data-case-study="${incidentId}"`);
  expect(start, `no catalogue card for ${incidentId}`).toBeGreaterThan(-1);
  const end = html.indexOf('</li><li class="case-card"', start);
  return html.slice(start, end === -1 ? html.indexOf('</ul></section>', start) : end);
}
/** The markup of the element that opens with `opening` (a section, say), to its matching close. */
function elementOf(html: string, opening: RegExp): string {
  const match = opening.exec(html);
  expect(match, `no ${opening} in the page`).not.toBeNull();
  const tag = /^<([a-z0-9]+)/.exec(match![0])![1]!;
  let depth = 0;
  const pattern = new RegExp(`<${tag}\\b|</${tag}>`, 'g');
  pattern.lastIndex = match!.index;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(match!.index, m.index + m[0].length);
  }
  throw new Error(`${opening} is never closed`);
}

describe('the content behind the pages', () => {
  it('has incidents to turn into case studies', () => {
    expect(incidents.length).toBeGreaterThan(0);
  });
});

describe('/training/: the catalogue', () => {
  const html = page('/training/');
  const text = textOf(html);

  it('lists every case study with what a trainer decides on: hook, objectives, session lengths, audiences, topics and what it consists of', () => {
    for (const { id, data } of incidents) {
      const card = textOf(cardOf(html, id));
      expect(html).toContain(href(trainingPaths.caseStudy(id)));
      expect(card).toContain(squash(data.title));
      expect(card).toContain(squash(data.training.hook));
      for (const objective of data.training.objectives) expect(card).toContain(squash(objective));
      for (const audience of data.training.audiences) expect(card).toContain(audienceLabels[audience]);
      for (const topic of data.training.topics) expect(card).toContain(trainingTopicLabels[topic]);
      expect(card).toMatch(new RegExp(`Session ${data.training.sessionLengths.join('(, | or )')} minutes`));
      expect(card).toMatch(new RegExp(`${data.training.questions.length} questions for discussion`));
    }
  });

  it('hides the filter form until its script runs, since without JavaScript it could not filter', () => {
    expect(html).toMatch(/<form class="catalogue-filter"[^>]*\shidden/);
  });

  it('links to a static page per audience, topic and session length, each listing exactly the matching case studies', () => {
    const facets = [
      ...new Set(incidents.flatMap((i) => i.data.training.audiences)),
    ].map((a) => ({ path: trainingPaths.audience(a), has: (i: Incident) => i.training.audiences.includes(a) }))
      .concat([...new Set(incidents.flatMap((i) => i.data.training.topics))].map((t) => ({ path: trainingPaths.topic(t), has: (i: Incident) => i.training.topics.includes(t) })))
      .concat([...new Set(incidents.flatMap((i) => i.data.training.sessionLengths))].map((m) => ({ path: trainingPaths.length(m), has: (i: Incident) => i.training.sessionLengths.includes(m) })));
    for (const facet of facets) {
      expect(html, `the catalogue should link to ${facet.path}`).toContain(href(facet.path));
      const facetHtml = page(facet.path);
      for (const { id, data } of incidents) {
        const listed = facetHtml.includes(`data-case-study="${id}"`);
        expect(listed, `${facet.path} ${facet.has(data) ? "should" : "should not"} list ${id}`).toBe(facet.has(data));
      }
    }
    expect(text).toContain(`All case studies (${incidents.length})`);
    expect(html).toContain(href(trainingPaths.guide()));
  });
});

describe('/training/<id>/: each case study, one page', () => {
  it('has the summary, objectives, a plan for each length, every question, the injects, the controls, and links to the write-up and the guide', () => {
    for (const { id, data } of incidents) {
      const html = page(trainingPaths.caseStudy(id));
      const text = textOf(html);
      expect(text).toContain(squash(data.summary));
      for (const objective of data.training.objectives) expect(text).toContain(squash(objective));
      for (const minutes of data.training.sessionLengths) {
        expect(text).toContain(sessionLengthLabel(minutes));
        expect(text, `a ${minutes}-minute plan that ends on time`).toContain(`–${minutes} min:`);
      }
      for (const q of data.training.questions) expect(text).toContain(squash(q.question));
      for (const audience of new Set(data.training.questions.map((q) => q.audience))) expect(html).toMatch(new RegExp(`<h3[^>]*>${audienceLabels[audience].replace(/[()]/g, '\\$&')}</h3>`));
      for (const inject of data.training.injects) expect(text).toContain(squash(inject.text));
      for (const link of data.controls) {
        expect(html).toContain(href(`/controls/${link.control}/`));
        expect(text).toContain(squash(link.reasoning));
      }
      expect(html).toContain(href(`/incidents/${id}/`));
      expect(html).toContain(href(trainingPaths.guide()));
    }
  });

  it('keeps the trainer-only material (plans, injects, answers, tips) in sections marked for trainers, never for participants', () => {
    for (const { id, data } of incidents) {
      const html = page(trainingPaths.caseStudy(id));
      const notes = textOf(elementOf(html, /<section class="case-notes for-trainers"/));
      for (const q of data.training.questions) if (q.answer) expect(notes).toContain(squash(q.answer));
      for (const tip of data.training.facilitatorNotes) expect(notes).toContain(squash(tip));
      const participants = [...html.matchAll(/<section class="[^"]*\bfor-participants\b[^"]*"/g)].map((m) => textOf(elementOf(html.slice(m.index), /<section/)));
      expect(participants.length).toBe(2);
      for (const part of participants) {
        for (const q of data.training.questions) if (q.answer) expect(part, `${id}: an answer in the participants' part`).not.toContain(squash(q.answer));
        for (const tip of data.training.facilitatorNotes) expect(part).not.toContain(squash(tip));
        for (const inject of data.training.injects) expect(part).not.toContain(squash(inject.text));
      }
    }
  });

  it('prints the participant handout unless told otherwise: the print choice works without JavaScript', () => {
    for (const { id } of incidents) {
      const html = page(trainingPaths.caseStudy(id));
      expect(html).toMatch(/<input type="radio" name="print" id="print-handout" value="handout" checked/);
      expect(html).toMatch(/<input type="radio" name="print" id="print-notes" value="notes"/);
      expect(html).toMatch(/<div class="case-buttons" data-case-buttons hidden[\s>]/);
    }
  });

  it('loads one small script, its own', () => {
    for (const { id } of incidents) {
      const scripts = [...page(trainingPaths.caseStudy(id)).matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/application\/(ld\+)?json/.test(attrs));
      expect(scripts, id).toHaveLength(1);
      expect(scripts[0]).toMatch(/src="[^"]*\/_astro\/[^"]+\.js"/);
    }
  });

  it('is the only page of its incident under /training/<id>/: the handout and notes pages are gone, and nothing links to them', () => {
    for (const { id } of incidents) {
      expect(existsSync(join(distDir, 'training', id, 'handout'))).toBe(false);
      expect(existsSync(join(distDir, 'training', id, 'notes'))).toBe(false);
      expect(listFiles(join(distDir, 'training', id), ['.html'])).toEqual(['index.html']);
    }
    const linking = listFiles(distDir, ['.html']).filter((file) => /href="[^"]*\/training\/[a-z0-9-]+\/(handout|notes)\/"/.test(readDist(file)));
    expect(linking).toEqual([]);
  });
});

describe('incident pages and control pages', () => {
  it('each incident page links trainers to its case study', () => {
    for (const { id } of incidents) {
      const html = page(`/incidents/${id}/`);
      expect(textOf(html)).toContain('For trainers');
      expect(html).toContain(href(trainingPaths.caseStudy(id)));
    }
  });

  it('each control page lists every incident where the control would have helped', () => {
    const byControl = new Map<string, string[]>();
    for (const { id, data } of incidents) for (const link of data.controls) byControl.set(link.control, [...(byControl.get(link.control) ?? []), id]);
    expect(byControl.size).toBeGreaterThan(0);
    for (const [control, ids] of byControl) {
      const file = join(distDir, 'controls', control, 'index.html');
      expect(existsSync(file), `no page for control ${control}`).toBe(true);
      const html = page(`/controls/${control}/`);
      for (const id of ids) expect(html, `/controls/${control}/ should list ${id}`).toContain(href(`/incidents/${id}/`));
    }
  });
});

describe('/training/compare/', () => {
  const pairDirs = listFiles(join(distDir, 'training', 'compare'), ['index.html']).filter((file) => file.includes('--vs--'));

  it('prerenders at most one page per incident, and lists them all for readers without JavaScript', () => {
    expect(pairDirs.length).toBeLessThanOrEqual(incidents.length);
    if (incidents.length > 1) expect(pairDirs.length).toBeGreaterThan(0);
    const html = page(trainingPaths.compare());
    for (const file of pairDirs) expect(html).toContain(href(`/training/compare/${file.replace(/index\.html$/, '')}`));
    expect(html).toMatch(/<form class="compare-picker"[^>]*\shidden/);
    expect(textOf(html)).toMatch(/needs JavaScript, which is off in this browser/);
  });

  it('puts both incidents, side by side, on each pair page', () => {
    for (const file of pairDirs) {
      const slug = file.split('/')[0]!;
      const [a, b] = slug.split('--vs--');
      const pairHtml = page(`/training/compare/${slug}/`);
      expect(pairHtml).toContain(`<th scope="col" data-incident="${a}">`);
      expect(pairHtml).toContain(`<th scope="col" data-incident="${b}">`);
      for (const label of ['Attacker', 'How they got in', 'Supplier or product involved', 'Impact figures', 'Time to recovery', 'Controls that would have helped']) {
        expect(pairHtml).toContain(`<th scope="row">${label}</th>`);
      }
    }
  });

  it('publishes compare data for every incident that validates against its schema and links only to pages that exist', () => {
    const json = (path: string) => JSON.parse(readDist(path.replace(/^\//, '')));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addFormat('uri', (text: string) => URL.canParse(text));
    const validateIndex = ajv.compile(json(compareDataPaths.indexSchema));
    const validateIncident = ajv.compile(json(compareDataPaths.incidentSchema));
    const index = json(compareDataPaths.index);
    expect(validateIndex(index), JSON.stringify(validateIndex.errors)).toBe(true);
    expect(index.incidents.map((i: { id: string }) => i.id).sort()).toEqual(incidents.map((i) => i.id).sort());
    const prefix = String(index.$schema).replace(/data\/schema\/compare-index\.json$/, '');
    const exists = (url: string) => {
      expect(url.startsWith(prefix), url).toBe(true);
      return existsSync(join(distDir, url.slice(prefix.length).split('#')[0]!, 'index.html'));
    };
    for (const { id } of incidents) {
      const file = json(compareDataPaths.incident(id));
      expect(validateIncident(file), `${id}: ${JSON.stringify(validateIncident.errors)}`).toBe(true);
      expect(exists(file.url) && exists(file.caseStudy), id).toBe(true);
      for (const row of file.rows) for (const item of row.items) if (item.url) expect(exists(item.url), `${id}: ${item.url}`).toBe(true);
    }
  });
});

describe('/training/guide/', () => {
  const html = page(trainingPaths.guide());
  const text = textOf(html);

  it('is written with the site\'s own components: a case-study card, certainty labels, callouts and numbered sources', () => {
    expect(html).toMatch(/<li class="case-card" data-case-study="[a-z0-9-]+"/);
    for (const label of ['Confirmed', 'Claimed by the attacker', 'Reported', 'Suspected']) expect(html).toMatch(new RegExp(`<span class="certainty certainty-[a-z]+"[^>]*>${label}</span>`));
    expect(html).toMatch(/<aside class="callout callout-warning[^"]*"/);
    const cites = [...html.matchAll(/href="#(source-[a-z0-9-]+)"/g)].map((m) => m[1]!);
    expect(cites.length).toBeGreaterThan(0);
    for (const anchor of cites) expect(html).toContain(`id="${anchor}"`);
  });

  it('covers planning, running, leaked data, the hot wash, and has both forms to print', () => {
    for (const heading of ['Planning', 'Running the session', 'The hot wash', 'After-action template', 'Participant feedback form']) expect(html).toMatch(new RegExp(`<h2[^>]*>${heading}</h2>`));
    expect(text).toMatch(/Never open an attacker.s leak site or any leaked file/);
    expect(html).toMatch(/<input type="radio" name="print" id="print-feedback"/);
  });
});
