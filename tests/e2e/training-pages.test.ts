/**
 * The trainers' pages in the built site, read as HTML (no browser): every case study is in the
 * catalogue with what a trainer filters on visible without JavaScript; each case study, handout
 * and notes page carries what it promises and nothing it must not (answers stay out of the
 * handout, navigation stays off paper); incident pages point to their case study; and every
 * control page lists the incidents where that control mattered.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkContentFolder } from '../../src/lib/check-content.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import { audienceLabels } from '../../src/schemas/vocabularies.ts';
import { withBase } from '../../src/lib/urls.ts';
import { sessionLengthLabel, trainingTopicLabels } from '../../src/lib/training/filters.ts';
import { trainingPaths } from '../../src/lib/training/paths.ts';
import { distDir, readDist, requireDist, root } from '../helpers/site.ts';

requireDist();
const base = process.env.BASE_PATH ?? '/';
const href = (path: string) => `href="${withBase(base, path)}"`;
const contentDir = process.env.CONTENT_DIR ? resolve(root, process.env.CONTENT_DIR) : undefined;
const incidents = checkContentFolder(root, contentDir)
  .entries.filter((e) => e.collection === 'incidents')
  .map((e) => ({ id: e.id, data: e.data as Incident }));

const page = (path: string) => readDist(join(path.replace(/^\//, ''), 'index.html'));
const decode = (text: string) =>
  text.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** The text a reader sees: scripts and hidden elements' markup dropped, tags removed, entities decoded. */
const textOf = (html: string) => decode(html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The markup of one catalogue card, from its opening tag to the next card or the end of the list. */
function cardOf(html: string, incidentId: string): string {
  const start = html.indexOf(`data-case-study="${incidentId}"`);
  expect(start, `no catalogue card for ${incidentId}`).toBeGreaterThan(-1);
  const end = html.indexOf('</li><li class="case-card"', start);
  return html.slice(start, end === -1 ? html.indexOf('</ul></section>', start) : end);
}

describe('the content behind the pages', () => {
  it('has incidents to turn into case studies', () => {
    expect(incidents.length).toBeGreaterThan(0);
  });
});

describe('/training/: the catalogue', () => {
  const html = page('/training/');
  const text = textOf(html);

  it('lists every case study with its hook, what it teaches, audiences, topics and session lengths in plain HTML', () => {
    for (const { id, data } of incidents) {
      const card = textOf(cardOf(html, id));
      expect(html).toContain(href(trainingPaths.caseStudy(id)));
      expect(card).toContain(squash(data.title));
      expect(card).toContain(squash(data.training.hook));
      for (const objective of data.training.objectives) expect(card).toContain(squash(objective));
      for (const audience of data.training.audiences) expect(card).toContain(audienceLabels[audience]);
      for (const topic of data.training.topics) expect(card).toContain(trainingTopicLabels[topic]);
      for (const minutes of data.training.sessionLengths) expect(card).toContain(sessionLengthLabel(minutes));
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
  });
});

describe('/training/<id>/: each case study', () => {
  it('has the summary, objectives, every question, the controls with effect and basis in words, and a link to the write-up', () => {
    for (const { id, data } of incidents) {
      const html = page(trainingPaths.caseStudy(id));
      const text = textOf(html);
      expect(text).toContain(squash(data.summary));
      for (const objective of data.training.objectives) expect(text).toContain(squash(objective));
      for (const q of data.training.questions) expect(text).toContain(squash(q.question));
      for (const audience of new Set(data.training.questions.map((q) => q.audience))) expect(html).toMatch(new RegExp(`<h3>${audienceLabels[audience].replace(/[()]/g, '\\$&')}</h3>`));
      for (const inject of data.training.injects) expect(text).toContain(squash(inject.text));
      for (const link of data.controls) {
        expect(html).toContain(href(`/controls/${link.control}/`));
        expect(text).toContain(squash(link.reasoning));
      }
      if (data.controls.some((c) => c.basis === 'analysis')) expect(text).toContain('Our analysis');
      if (data.controls.some((c) => c.basis === 'sourced')) expect(text).toContain('Sourced');
      expect(html).toContain(href(`/incidents/${id}/`));
      expect(html).toContain(href(trainingPaths.handout(id)));
      expect(html).toContain(href(trainingPaths.notes(id)));
      for (const event of data.chronology) expect(text).toContain(squash(event.event));
    }
  });

  it('is a reading page: no client script', () => {
    for (const { id } of incidents) expect(page(trainingPaths.caseStudy(id))).not.toMatch(/<script\b(?![^>]*application\/ld\+json)/);
  });
});

describe('/training/<id>/handout/ and /notes/', () => {
  it('prints the handout without site navigation, header or footer', () => {
    for (const { id } of incidents) {
      const html = page(trainingPaths.handout(id));
      expect(html).not.toMatch(/<nav\b/);
      expect(html).not.toContain('class="site-header"');
      expect(html).not.toContain('class="site-footer"');
    }
  });

  it('gives participants the questions but never the suggested answers, and writes out source URLs', () => {
    for (const { id, data } of incidents) {
      const text = textOf(page(trainingPaths.handout(id)));
      expect(text).toContain(squash(data.summary));
      for (const q of data.training.questions) {
        expect(text).toContain(squash(q.question));
        if (q.answer) expect(text, `the handout of ${id} must not give away an answer`).not.toContain(squash(q.answer));
      }
      const printedUrls = data.sources.filter((s) => text.includes(s.url));
      expect(printedUrls.length, `the handout of ${id} should print its sources' addresses`).toBeGreaterThan(0);
      for (const event of data.chronology) {
        expect(text).toContain(squash(event.event));
        for (const sourceId of event.sources) expect(text).toContain(data.sources.find((s) => s.id === sourceId)!.url);
      }
    }
  });

  it('keeps suggested answers, facilitation tips and injects in the trainer notes', () => {
    for (const { id, data } of incidents) {
      const text = textOf(page(trainingPaths.notes(id)));
      for (const q of data.training.questions) {
        expect(text).toContain(squash(q.question));
        if (q.answer) expect(text).toContain(squash(q.answer));
      }
      for (const note of data.training.facilitatorNotes) expect(text).toContain(squash(note));
      expect(text).toContain('Session plans');
      for (const minutes of data.training.sessionLengths) expect(text, `a ${minutes}-minute plan that ends on time`).toContain(`–${minutes} min:`);
      for (const inject of data.training.injects) expect(text).toContain(squash(inject.text));
      for (const link of data.controls) expect(text).toContain(squash(link.reasoning));
    }
  });
});

describe('incident pages and control pages', () => {
  it('each incident page links trainers to its case study, handout and notes', () => {
    for (const { id } of incidents) {
      const html = page(`/incidents/${id}/`);
      expect(textOf(html)).toContain('For trainers');
      for (const path of [trainingPaths.caseStudy(id), trainingPaths.handout(id), trainingPaths.notes(id)]) expect(html).toContain(href(path));
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
  it('sets every incident side by side without JavaScript, with the attacker, recovery time and controls rows', () => {
    const html = page(trainingPaths.compare());
    const text = textOf(html);
    for (const { id, data } of incidents) {
      expect(html).toContain(`<th scope="col" data-incident="${id}">`);
      expect(text).toContain(squash(data.title));
    }
    for (const label of ['Attacker', 'How they got in', 'Supplier or product involved', 'Impact figures', 'Time to recovery', 'Controls that would have helped']) {
      expect(html).toContain(`<th scope="row">${label}</th>`);
    }
    expect(html).toMatch(/<form class="compare-picker"[^>]*\shidden/);
  });

  it('has a page for each pair it lists, with both incidents in it', () => {
    const html = page(trainingPaths.compare());
    const pairLinks = [...html.matchAll(/href="[^"]*\/training\/compare\/([^"/]+--vs--[^"/]+)\/"/g)].map((m) => m[1]!);
    if (incidents.length > 1) expect(pairLinks.length).toBeGreaterThan(0);
    for (const slug of new Set(pairLinks)) {
      const [a, b] = slug.split('--vs--');
      const pairHtml = page(`/training/compare/${slug}/`);
      expect(pairHtml).toContain(`data-incident="${a}"`);
      expect(pairHtml).toContain(`data-incident="${b}"`);
    }
  });
});
