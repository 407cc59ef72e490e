import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';
import { layerFormatProblems, navigatorLayerSchema } from '../helpers/navigator-layer-schema.ts';
import {
  actorLayer,
  actorLayerPath,
  corpusLayer,
  gradientColor,
  incidentLayer,
  incidentLayerPath,
  layerActors,
  layerIncidents,
  type NavigatorLayer,
} from '../../src/lib/export/navigator.ts';
import { certaintyConfidence } from '../../src/lib/export/stix.ts';
import { serialiseJson } from '../../src/lib/export/json.ts';
import type { KnowledgeBase } from '../../src/lib/model.ts';

const ctx = { site: 'https://kb.example.org', base: '/kb/' };
const kb = knowledgeBaseFrom();
const contentKb = knowledgeBaseFrom(join(root, 'content'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(navigatorLayerSchema);

/** Every layer the site publishes for a knowledge base, by name. */
function allLayers(base: KnowledgeBase): [string, NavigatorLayer][] {
  return [
    ['corpus', corpusLayer(base, ctx)],
    ...layerIncidents(base).map((i): [string, NavigatorLayer] => [`incident ${i.id}`, incidentLayer(base, ctx, i.id)]),
    ...layerActors(base).map((a): [string, NavigatorLayer] => [`actor ${a.id}`, actorLayer(base, ctx, a.id)]),
  ];
}
const contentLayers = allLayers(contentKb);
const ids = (layer: NavigatorLayer) => layer.techniques.map((t) => t.techniqueID);

describe('ATT&CK Navigator layers', () => {
  it('exist for the corpus, every incident and every attacker whose incidents map techniques', () => {
    expect(layerIncidents(contentKb)).toHaveLength(contentKb.incidents.filter((i) => i.data.techniques.length > 0).length);
    expect(layerIncidents(contentKb).length).toBeGreaterThan(0);
    expect(layerActors(contentKb).length).toBeGreaterThan(0);
    for (const incident of contentKb.incidents) expect(Boolean(incidentLayerPath(incident)), incident.id).toBe(incident.data.techniques.length > 0);
  });

  it('follow the layer format 4.5: required fields and types, enterprise-attack, ATT&CK 18', () => {
    for (const [name, layer] of [...contentLayers, ...allLayers(kb)]) {
      const parsed = JSON.parse(serialiseJson(layer));
      expect(validate(parsed), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(layerFormatProblems(parsed), name).toEqual([]);
      expect(parsed.versions).toEqual({ attack: '18', navigator: expect.any(String), layer: '4.5' });
      expect(parsed.domain).toBe('enterprise-attack');
    }
  });

  it.each([
    ['a layer without a name', (l: Record<string, any>) => { delete l.name; }],
    ['an unknown domain', (l: Record<string, any>) => { l.domain = 'enterprise'; }],
    ['a score given as text', (l: Record<string, any>) => { l.techniques[0].score = '85'; }],
    ['a link without a protocol', (l: Record<string, any>) => { l.links[0].url = 'kb.example.org/incidents/'; }],
    ['metadata without a value', (l: Record<string, any>) => { delete l.metadata[0].value; }],
    ['a misspelt field', (l: Record<string, any>) => { l.techniques[0].techniqueId = l.techniques[0].techniqueID; delete l.techniques[0].techniqueID; }],
    ['a layer version other than 4.5', (l: Record<string, any>) => { l.versions.layer = '4.4'; }],
  ])('the layer schema refuses %s (so a pass means something)', (_name, breakIt) => {
    const layer = JSON.parse(serialiseJson(contentLayers[0]![1]));
    breakIt(layer);
    expect(validate(layer)).toBe(false);
  });

  it('the format rules refuse a gradient whose maximum is not above its minimum, and a Navigator older than 4.9', () => {
    expect(layerFormatProblems({ gradient: { minValue: 0, maxValue: 0 }, versions: { navigator: '5.1.0' } })).toEqual(['gradient maxValue 0 must be greater than minValue 0']);
    expect(layerFormatProblems({ versions: { navigator: '4.8.2' } })).toHaveLength(1);
  });

  it('hold exactly the techniques the content maps, and no technique id the content does not have', () => {
    const known = new Set(contentKb.incidents.flatMap((i) => i.data.techniques.map((t) => t.id)));
    for (const [name, layer] of contentLayers) for (const id of ids(layer)) expect(known, `${name}: ${id}`).toContain(id);
    expect(new Set(ids(corpusLayer(contentKb, ctx)))).toEqual(known);
    for (const incident of layerIncidents(contentKb)) {
      expect(ids(incidentLayer(contentKb, ctx, incident.id)), incident.id).toEqual([...new Set(incident.data.techniques.map((t) => t.id))].sort());
    }
    for (const actor of layerActors(contentKb)) {
      expect(ids(actorLayer(contentKb, ctx, actor.id)), actor.id).toEqual([...new Set(actor.incidents.flatMap((i) => i.data.techniques.map((t) => t.id)))].sort());
    }
  });

  it('score the corpus and each attacker by the number of incidents using a technique, and an incident by how sure it is', () => {
    for (const t of corpusLayer(contentKb, ctx).techniques) {
      expect(t.score, t.techniqueID).toBe(contentKb.incidents.filter((i) => i.data.techniques.some((x) => x.id === t.techniqueID)).length);
      expect(t.metadata).toHaveLength(t.score);
    }
    for (const incident of layerIncidents(contentKb)) {
      const layer = incidentLayer(contentKb, ctx, incident.id);
      for (const technique of incident.data.techniques) {
        const entry = layer.techniques.find((t) => t.techniqueID === technique.id)!;
        expect(entry.score, `${incident.id} ${technique.id}`).toBe(certaintyConfidence[technique.certainty]);
        expect(entry.comment).toMatch(technique.basis === 'analysis' ? /our analysis/ : /named by a cited source/);
        if (technique.reasoning) expect(entry.comment).toContain(technique.reasoning);
      }
    }
  });

  it('show a legend in the colours Navigator gives those scores, and link back to our pages by absolute address', () => {
    for (const [name, layer] of contentLayers) {
      for (const item of layer.legendItems) {
        const score = Number(/score (\d+)\)/.exec(item.label)?.[1] ?? /(\d+) incidents?/.exec(item.label)?.[1]);
        expect(item.color, `${name}: ${item.label}`).toBe(gradientColor(score, layer.gradient.minValue, layer.gradient.maxValue));
      }
      const urls = [...layer.links, ...layer.techniques.flatMap((t) => t.links)].map((l) => l.url);
      expect(urls.some((url) => url.startsWith('https://kb.example.org/kb/')), name).toBe(true);
      for (const url of urls) expect(url, name).toMatch(/^https:\/\//);
    }
    const synnovis = incidentLayer(contentKb, ctx, 'synnovis-pathology-2024');
    expect(synnovis.links).toContainEqual({ label: 'Incident page', url: 'https://kb.example.org/kb/incidents/synnovis-pathology-2024/' });
  });

  it('are the same bytes whatever order the content arrives in', () => {
    const reordered: KnowledgeBase = { ...contentKb, incidents: [...contentKb.incidents].reverse() };
    expect(serialiseJson(corpusLayer(reordered, ctx))).toBe(serialiseJson(corpusLayer(contentKb, ctx)));
  });

  it('give no layer, and no link to one, for an incident that maps no technique, and say why when asked', () => {
    const incident = kb.incidents[0]!;
    const none: KnowledgeBase = { ...kb, incidents: [{ ...incident, data: { ...incident.data, techniques: [] } }], incident: new Map([[incident.id, { ...incident, data: { ...incident.data, techniques: [] } }]]) };
    expect(layerIncidents(none)).toEqual([]);
    expect(incidentLayerPath(none.incidents[0]!)).toBeUndefined();
    expect(() => incidentLayer(none, ctx, incident.id)).toThrow(/maps no technique/);
    expect(actorLayerPath(kb.actors.get('examplegang')!)).toBe('/data/navigator/actors/examplegang.json');
  });
});
