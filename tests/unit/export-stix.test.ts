import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';
import { buildStixBundle, certaintyConfidence, organisationSectors, stixId, type StixBundle, type StixObject } from '../../src/lib/export/stix.ts';
import { impactSummaryFields } from '../../src/schemas/impact-summary.ts';
import { serialiseJson } from '../../src/lib/export/json.ts';
import { stixProblems } from './export-stix-rules.ts';
import type { KnowledgeBase } from '../../src/lib/model.ts';

const ctx = { site: 'https://kb.example.org', base: '/' };
const kb = knowledgeBaseFrom();
const bundle = buildStixBundle(kb, ctx);
const ofType = (type: string) => bundle.objects.filter((o) => o.type === type);
const byId = new Map(bundle.objects.map((o) => [o.id, o]));
const vulnerabilityIn = (b: StixBundle) => b.objects.find((o) => o.type === 'vulnerability')!;
/** The real content: every incident maps techniques; most have lessons and an impact summary. */
const contentKb = knowledgeBaseFrom(join(root, 'content'));
const contentBundle = buildStixBundle(contentKb, ctx);
const contentById = new Map(contentBundle.objects.map((o) => [o.id, o]));
const relationship = (b: StixBundle, type: string, source: string, target: string) =>
  b.objects.find((o) => o.type === 'relationship' && o.relationship_type === type && o.source_ref === source && o.target_ref === target);

describe('STIX 2.1 bundle', () => {
  it('follows the spec: ids, types, versions, timestamps, vocabularies, references, relationship types', () => {
    expect(stixProblems(bundle)).toEqual([]);
    expect(stixProblems(buildStixBundle(knowledgeBaseFrom(join(root, 'tests/fixtures/xss')), ctx))).toEqual([]);
    expect(stixProblems(contentBundle)).toEqual([]);
  });

  it.each([
    ['a relationship pointing outside the bundle', (b: StixBundle) => { b.objects.find((o) => o.type === 'relationship')!.target_ref = 'identity--00000000-0000-5000-8000-000000000000'; }, /target_ref .* is not in the bundle/],
    ['a sector outside industry-sector-ov', (b: StixBundle) => { b.objects.find((o) => Array.isArray(o.sectors))!.sectors = ['hospitals']; }, /sector "hospitals" is not in industry-sector-ov/],
    ['an id whose prefix is another type', (b: StixBundle) => { const o = b.objects.find((x) => x.type === 'vulnerability')!; o.id = o.id.replace('vulnerability--', 'report--'); }, /id prefix does not match type "vulnerability"/],
    ['modified before created', (b: StixBundle) => { b.objects.find((o) => o.type === 'incident')!.modified = '2000-01-01T00:00:00.000Z'; }, /modified is before created/],
    ['a relationship type the spec does not allow for the pair', (b: StixBundle) => { b.objects.find((o) => o.relationship_type === 'attributed-to')!.relationship_type = 'exploits'; }, /"exploits" is not a relationship from incident to threat-actor/],
    ['a local-time timestamp', (b: StixBundle) => { b.objects[0]!.created = '2026-11-29T00:00:00+01:00'; }, /is not a STIX timestamp/],
    ['a random spec_version', (b: StixBundle) => { b.objects[0]!.spec_version = '2.0' as '2.1'; }, /spec_version must be "2.1"/],
    ['a CVE id as external_id of a reference that is not "cve" (the OASIS schema fault)', (b: StixBundle) => { vulnerabilityIn(b).external_references = [...(vulnerabilityIn(b).external_references as object[]), { source_name: 'NHS Cyber Incidents', url: 'https://kb.example.org/vulnerabilities/cve-2099-0001/', external_id: 'CVE-2099-0001' }]; }, /vulnerability--[0-9a-f-]+: external reference "NHS Cyber Incidents" carries CVE-2099-0001 as external_id/],
    ['a "cve" reference without a CVE id', (b: StixBundle) => { (vulnerabilityIn(b).external_references as { external_id?: string }[])[0]!.external_id = 'cve-2099-0001'; }, /external reference "cve" must give a CVE id/],
    ['a confidence outside 0-100', (b: StixBundle) => { b.objects.find((o) => o.type === 'relationship')!.confidence = 101; }, /relationship--[0-9a-f-]+: confidence 101 must be a whole number from 0 to 100/],
    ['an empty list standing in for an absent property', (b: StixBundle) => { b.objects.find((o) => o.type === 'incident')!.labels = []; }, /incident--[0-9a-f-]+: property labels is an empty list/],
    ['a null value', (b: StixBundle) => { b.objects.find((o) => o.type === 'incident')!.description = null; }, /property description is null/],
    ['a property the type does not define', (b: StixBundle) => { b.objects.find((o) => o.type === 'vulnerability')!.fixed_versions = ['1.2']; }, /property fixed_versions is not defined for vulnerability/],
    ['a property name in camel case', (b: StixBundle) => { b.objects.find((o) => o.type === 'incident')!.x_impactSummary = 'x'; }, /property "x_impactSummary" must be 3-250 lower-case/],
    ['a created time without milliseconds', (b: StixBundle) => { b.objects[0]!.created = '2026-11-29T00:00:00Z'; }, /must be precise to the millisecond/],
    ['a relationship whose target is another relationship', (b: StixBundle) => { const [first, second] = b.objects.filter((o) => o.type === 'relationship'); first!.target_ref = second!.id; }, /target_ref points at a relationship/],
    ['an extension property in camel case', (b: StixBundle) => { Object.values(b.objects.find((o) => o.type === 'incident')!.extensions as Record<string, Record<string, unknown>>)[0]!.lastReviewed = 'x'; }, /extension property "lastReviewed" must be/],
  ])('the rules catch %s (so a pass means something)', (_name, breakIt, message) => {
    const broken = structuredClone(bundle);
    breakIt(broken);
    expect(stixProblems(broken).join('\n')).toMatch(message);
  });

  it('has one object per entry, with the vocabulary the issue asks for', () => {
    expect(ofType('incident')).toHaveLength(kb.incidents.length);
    expect(ofType('threat-actor')).toHaveLength(kb.actors.size);
    expect(ofType('identity')).toHaveLength(1 + kb.organisations.size + kb.vendors.size);
    expect(ofType('vulnerability')).toHaveLength(kb.vulnerabilities.size);
    expect(ofType('course-of-action')).toHaveLength(kb.controls.size);
    const sources = new Set(kb.incidents.flatMap((i) => i.data.sources.map((s) => s.url)));
    expect(ofType('report')).toHaveLength(sources.size);
    for (const identity of ofType('identity').filter((o) => o.sectors)) expect(identity.sectors).toContain('healthcare');
    const vulnerability = ofType('vulnerability')[0]!;
    expect(vulnerability.name).toBe('CVE-2099-0001');
    expect(vulnerability.external_references).toContainEqual({ source_name: 'cve', external_id: 'CVE-2099-0001', url: 'https://www.cve.org/CVERecord?id=CVE-2099-0001' });
    expect(ofType('attack-pattern')[0]!.external_references).toContainEqual({ source_name: 'mitre-attack', external_id: 'T1486', url: 'https://attack.mitre.org/techniques/T1486/' });
    expect(ofType('threat-actor')[0]!.threat_actor_types).toEqual(['crime-syndicate']);
  });

  it('links the incident to its actor, victims, supplier, CVE, technique and controls', () => {
    const incidentId = stixId('incident', 'example-lab-2099');
    const links = ofType('relationship').map((r) => `${r.relationship_type} ${byId.get(String(r.source_ref))?.type}:${byId.get(String(r.source_ref))?.name} -> ${byId.get(String(r.target_ref))?.type}:${byId.get(String(r.target_ref))?.name}`);
    expect(links).toEqual(
      expect.arrayContaining([
        'attributed-to incident:Example Labs ransomware attack -> threat-actor:ExampleGang',
        'targets incident:Example Labs ransomware attack -> identity:Example Hospitals NHS Foundation Trust',
        'targets incident:Example Labs ransomware attack -> identity:Example Labs',
        'targets incident:Example Labs ransomware attack -> vulnerability:CVE-2099-0001',
        'uses incident:Example Labs ransomware attack -> attack-pattern:Data Encrypted for Impact',
        'mitigates course-of-action:Multi-factor authentication -> incident:Example Labs ransomware attack',
      ]),
    );
    const attribution = ofType('relationship').find((r) => r.relationship_type === 'attributed-to')!;
    expect(attribution.description).toMatch(/Claimed by the attacker/);
    for (const report of ofType('report')) expect(report.object_refs).toEqual([incidentId]);
  });

  it('gives every technique of every incident as an attack-pattern with its ATT&CK id, used by the incident with the certainty as confidence and the basis in words', () => {
    for (const incident of contentKb.incidents) {
      for (const t of incident.data.techniques) {
        const pattern = contentById.get(stixId('attack-pattern', t.id));
        expect(pattern?.external_references, `${incident.id} ${t.id}`).toContainEqual({ source_name: 'mitre-attack', external_id: t.id, url: expect.stringContaining(t.id.replace('.', '/')) });
        const uses = relationship(contentBundle, 'uses', stixId('incident', incident.id), stixId('attack-pattern', t.id));
        expect(uses?.confidence, `${incident.id} uses ${t.id}`).toBe(certaintyConfidence[t.certainty]);
        expect(uses?.description).toMatch(t.basis === 'analysis' ? /our analysis\. / : /named by a cited source\.$/);
        if (t.reasoning) expect(uses?.description).toContain(t.reasoning);
        // The sources that support the technique travel with it.
        for (const id of t.sources) expect(uses?.external_references).toContainEqual(expect.objectContaining({ url: incident.data.sources.find((s) => s.id === id)!.url }));
      }
    }
    expect(contentBundle.objects.filter((o) => o.type === 'attack-pattern')).toHaveLength(new Set(contentKb.incidents.flatMap((i) => i.data.techniques.map((t) => t.id))).size);
  });

  it('links each attacker to the techniques of its incidents (the spec\'s threat-actor uses attack-pattern), no surer than the weaker of attribution and technique', () => {
    let links = 0;
    for (const actor of contentKb.actors.values()) {
      for (const incident of actor.incidents) {
        const attribution = incident.actors.find((a) => a.id === actor.id)!.attribution;
        for (const t of incident.data.techniques) {
          const uses = relationship(contentBundle, 'uses', stixId('threat-actor', actor.id), stixId('attack-pattern', t.id));
          expect(uses, `${actor.id} uses ${t.id}`).toBeDefined();
          expect(uses!.confidence).toBeGreaterThanOrEqual(Math.min(certaintyConfidence[attribution], certaintyConfidence[t.certainty]));
          expect(uses!.description).toContain(incident.data.title);
          expect(uses!.external_references).toContainEqual(expect.objectContaining({ external_id: incident.id }));
          links += 1;
        }
      }
    }
    expect(links).toBeGreaterThan(0);
    // The fixture's claimed attribution (Med) and reported technique (Med) give Med, never more.
    const fixtureUses = relationship(bundle, 'uses', stixId('threat-actor', 'examplegang'), stixId('attack-pattern', 'T1486'));
    expect(fixtureUses?.confidence).toBe(certaintyConfidence.reported);
    // A suspected attribution caps a confirmed technique at Low.
    const incident = kb.incidents[0]!;
    const suspected: KnowledgeBase = {
      ...kb,
      incidents: [{ ...incident, actors: incident.actors.map((a) => ({ ...a, attribution: 'suspected' as const })), data: { ...incident.data, techniques: incident.data.techniques.map((t) => ({ ...t, certainty: 'confirmed' as const })) } }],
    };
    expect(relationship(buildStixBundle(suspected, ctx), 'uses', stixId('threat-actor', 'examplegang'), stixId('attack-pattern', 'T1486'))?.confidence).toBe(certaintyConfidence.suspected);
  });

  it('states certainty as confidence on the spec\'s None/Low/Med/High scale on every relationship that has one', () => {
    const scale = new Set(Object.values(certaintyConfidence));
    const withConfidence = contentBundle.objects.filter((o) => o.type === 'relationship' && o.confidence !== undefined);
    expect(withConfidence.length).toBeGreaterThan(0);
    for (const r of withConfidence) expect(scale, r.id).toContain(r.confidence);
    for (const incident of contentKb.incidents) {
      for (const a of incident.actors) expect(relationship(contentBundle, 'attributed-to', stixId('incident', incident.id), stixId('threat-actor', a.id))?.confidence).toBe(certaintyConfidence[a.attribution]);
    }
  });

  it('gives each lesson as a note on its incident and its controls, and the impact summary in the extension (unknown left out)', () => {
    for (const incident of contentKb.incidents) {
      const incidentRef = stixId('incident', incident.id);
      const notes = contentBundle.objects.filter((o) => o.type === 'note' && (o.object_refs as string[])[0] === incidentRef);
      expect(notes.map((n) => String(n.content).split('\n')[0]), incident.id).toEqual(incident.data.lessons.map((l) => l.text));
      notes.forEach((note, index) => {
        for (const control of incident.data.lessons[index]!.controls) expect(note.object_refs).toContain(stixId('course-of-action', control));
      });
      const [extension] = Object.values(contentById.get(incidentRef)!.extensions as Record<string, Record<string, Record<string, { value: number }>>>);
      const summary = incident.data.impactSummary;
      const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      for (const field of impactSummaryFields.filter((f) => f !== 'harm' && f !== 'ransom')) {
        expect(extension!.impact_summary?.[snake(field)]?.value, `${incident.id}: ${field}`).toBe(summary[field]?.value);
      }
      expect(extension!.no_primary_source).toBe(incident.data.noPrimarySource);
    }
  });

  it('gives a vulnerability its affected and fixed versions in the description and marks the vendor advisory', () => {
    const withFix = contentBundle.objects.filter((o) => o.type === 'vulnerability');
    for (const vulnerability of contentKb.vulnerabilities.values()) {
      const object = withFix.find((o) => o.name === vulnerability.data.cve)!;
      for (const version of vulnerability.data.fixedVersions) expect(object.description, vulnerability.data.cve).toContain(version);
      if (vulnerability.data.fixNote) expect(object.description).toContain(vulnerability.data.fixNote);
    }
    const fixture = kb.vulnerabilities.get('cve-2099-0001')!;
    const advised: KnowledgeBase = {
      ...kb,
      vulnerabilities: new Map([['cve-2099-0001', { ...fixture, data: { ...fixture.data, advisory: 'vendor', sources: [...fixture.data.sources, { id: 'vendor', publisher: 'Example Labs', title: 'Security advisory', url: 'https://labs.example.org/advisory', kind: 'primary' as const }] } }]]),
    };
    expect(vulnerabilityIn(buildStixBundle(advised, ctx)).external_references).toContainEqual({ source_name: 'Example Labs', description: 'Vendor advisory: Security advisory', url: 'https://labs.example.org/advisory' });
  });

  it('dates objects from review dates, never the clock, and keeps the precision in the extension', () => {
    const incident = ofType('incident')[0]!;
    expect(incident.created).toBe('2099-11-29T00:00:00.000Z');
    expect(incident.modified).toBe('2099-11-29T00:00:00.000Z');
    const [extension] = Object.values(incident.extensions as Record<string, Record<string, unknown>>);
    expect(extension!.resolved).toEqual({ value: '2099-09', precision: 'month' });
    // s3 shows no publication date: STIX still needs one, so it is the review date.
    const undated = ofType('report').find((r) => r.name === 'Attack on 4 June')!;
    expect(undated.published).toBe('2099-11-29T00:00:00.000Z');
    expect(ofType('report').find((r) => r.name === 'Update on the incident')!.published).toBe('2099-06-14T00:00:00.000Z');
  });

  it('gives the same ids and bytes on every export, whatever order the content arrives in', () => {
    const again = buildStixBundle(knowledgeBaseFrom(), ctx);
    expect(serialiseJson(again)).toBe(serialiseJson(bundle));
    const reordered: KnowledgeBase = { ...kb, incidents: [...kb.incidents].reverse() };
    const ids = (objects: StixObject[]) => objects.map((o) => o.id).sort();
    expect(ids(buildStixBundle(reordered, ctx).objects)).toEqual(ids(bundle.objects));
  });

  it('derives ids from what an object is, so a renamed title keeps its id and another incident gets a new one', () => {
    const incident = kb.incidents[0]!;
    const retitled: KnowledgeBase = { ...kb, incidents: [{ ...incident, data: { ...incident.data, title: 'A new title' } }] };
    expect(ofType.call(null, 'incident')[0]!.id).toBe(buildStixBundle(retitled, ctx).objects.find((o) => o.type === 'incident')!.id);
    expect(stixId('incident', 'example-lab-2099')).not.toBe(stixId('incident', 'example-lab-2098'));
    expect(stixId('identity', 'organisation|x')).not.toBe(stixId('identity', 'vendor|x'));
  });

  it('maps organisation types to industry sectors', () => {
    const base = { name: 'x', type: 'nhs-trust', region: 'london' } as const;
    expect(organisationSectors(base)).toEqual(['healthcare']);
    expect(organisationSectors({ ...base, type: 'local-authority' })).toEqual(['healthcare', 'government-local']);
    expect(organisationSectors({ ...base, type: 'government' })).toEqual(['healthcare', 'government-national']);
  });
});
