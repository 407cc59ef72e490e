/**
 * The editorial rules of CONTRIBUTING.md, checked against the real content/ folder. Each rule has
 * two tests: the real content keeps it, and a copy of the real content broken in the way the rule
 * forbids is caught, so no rule passes because it checks nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContentFolder } from '../../src/lib/check-content.ts';
import type { ValidEntry } from '../../src/lib/integrity.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import type { Vulnerability } from '../../src/schemas/vulnerability.ts';
import { contentRules, formatBreaches, pressDomains, type Breach } from '../helpers/content-rules.ts';
import { root } from '../helpers/site.ts';

let entries: ValidEntry[];

beforeAll(() => {
  const result = checkContentFolder(root);
  if (result.problems.length) throw new Error(formatProblems(result.problems));
  entries = result.entries;
});

/** A deep copy of the real content, to break without touching the original. */
const copy = (): ValidEntry[] => structuredClone(entries);
const incident = (all: ValidEntry[], id: string) => {
  const found = all.find((e) => e.collection === 'incidents' && e.id === id);
  if (!found) throw new Error(`the test needs the incident ${id}; it is not in content/incidents/`);
  return found as ValidEntry<Incident>;
};
const anyIncident = (all: ValidEntry[], test: (i: Incident) => boolean) => {
  const found = (all.filter((e) => e.collection === 'incidents') as ValidEntry<Incident>[]).find((e) => test(e.data));
  if (!found) throw new Error('no incident in content/ has what this test needs to break');
  return found;
};
const expectCaught = (breaches: Breach[], file: string, field: string | RegExp) => {
  const hit = breaches.find((b) => b.file === file && (typeof field === 'string' ? b.field === field : field.test(b.field)));
  expect(hit, `expected a breach in ${file} at ${String(field)}; got:\n${formatBreaches(breaches)}`).toBeDefined();
  return hit!;
};

describe('the real content keeps every editorial rule', () => {
  for (const [name, rule] of Object.entries(contentRules)) {
    it(name, () => {
      const breaches = rule(entries);
      expect(breaches, formatBreaches(breaches)).toEqual([]);
    });
  }
});

describe('each rule catches content broken the way it forbids', () => {
  it('sameUrlSameKind: one URL marked primary in one file and secondary in another', () => {
    const all = copy();
    const target = anyIncident(all, (i) => i.sources.some((s) => s.kind === 'secondary'));
    const source = target.data.sources.find((s) => s.kind === 'secondary')!;
    const other = all.find((e) => e !== target && Array.isArray((e.data as { sources?: unknown }).sources))!;
    (other.data as { sources: unknown[] }).sources.push({ ...source, kind: 'primary' });
    const hit = expectCaught(contentRules.sameUrlSameKind(all), other.file, /^sources\[\d+\]\.kind$/);
    expect(hit.message).toContain(source.url);
  });

  it('pressCopiesArePrimaryOnlyInFull: a news report marked primary without via and "in full"', () => {
    const all = copy();
    const target = incident(all, 'wirral-university-teaching-hospital-2024');
    const index = target.data.sources.findIndex((s) => s.url.includes('wirralglobe.co.uk'));
    target.data.sources[index] = { ...target.data.sources[index]!, kind: 'primary', via: 'Wirral Globe', note: 'The trust\'s statement as quoted.' };
    const hit = expectCaught(contentRules.pressCopiesArePrimaryOnlyInFull(all), target.file, `sources[${index}]`);
    expect(hit.message).toMatch(/mark it secondary/);
    expect(pressDomains).toContain('wirralglobe.co.uk');
  });

  it('claimEventsAreClaimed: an attacker claim in the chronology marked reported', () => {
    const all = copy();
    const target = anyIncident(all, (i) => i.chronology.some((e) => e.kind === 'claim'));
    const index = target.data.chronology.findIndex((e) => e.kind === 'claim');
    target.data.chronology[index]!.certainty = 'reported';
    expectCaught(contentRules.claimEventsAreClaimed(all), target.file, `chronology[${index}].certainty`);
  });

  it('courtOrdersDoNotConfirmAttribution: HCRG\'s Medusa confirmed on the injunction alone', () => {
    const all = copy();
    const target = incident(all, 'hcrg-care-group-2025');
    const index = target.data.actors.findIndex((a) => a.id === 'medusa');
    target.data.actors[index] = { ...target.data.actors[index]!, attribution: 'confirmed', sources: ['hcrg-judgment'] };
    expectCaught(contentRules.courtOrdersDoNotConfirmAttribution(all), target.file, `actors[${index}].attribution`);
  });

  it('ransomDemandsWithoutPrimaryAreClaimed: Qilin\'s demand to Synnovis marked reported', () => {
    const all = copy();
    const target = incident(all, 'synnovis-pathology-2024');
    target.data.impactSummary.ransom!.demanded!.certainty = 'reported';
    expectCaught(contentRules.ransomDemandsWithoutPrimaryAreClaimed(all), target.file, 'impactSummary.ransom.demanded.certainty');
  });

  it('silenceNeedsASource: "has made no statement" in a summary, and uncited in the narrative', () => {
    const all = copy();
    const target = incident(all, 'ivanti-epmm-uclh-southampton-2025');
    target.data.summary += ' University Hospital Southampton has made no statement.';
    target.body += '\n\nThe trust declined to comment.\n';
    const breaches = contentRules.silenceNeedsASource(all);
    expectCaught(breaches, target.file, 'summary');
    expectCaught(breaches, target.file, 'body');
    const cited = copy();
    incident(cited, 'ivanti-epmm-uclh-southampton-2025').body += '\n\nThe trust declined to comment [@sky-news-2025-05].\n';
    expect(contentRules.silenceNeedsASource(cited)).toEqual([]);
  });

  it('lessonsAndTechniques: an incident with 2 lessons and no technique', () => {
    const all = copy();
    const target = incident(all, 'synnovis-pathology-2024');
    target.data.lessons.pop();
    target.data.techniques = [];
    const breaches = contentRules.lessonsAndTechniques(all);
    expectCaught(breaches, target.file, 'lessons');
    expectCaught(breaches, target.file, 'techniques');
  });

  it('techniqueNamesAgree: one id with two names, and a sub-technique without its parent\'s name', () => {
    const all = copy();
    const target = anyIncident(all, (i) => i.techniques.length > 0);
    const technique = target.data.techniques[0]!;
    const other = anyIncident(all, (i) => i !== target.data);
    other.data.techniques.push({ ...technique, name: `${technique.name} (renamed)` });
    other.data.techniques.push({ ...technique, id: 'T1566.002', name: 'Spearphishing Link' });
    const breaches = contentRules.techniqueNamesAgree(all);
    expectCaught(breaches, other.file, `techniques[${other.data.techniques.length - 2}].name`);
    expectCaught(breaches, other.file, `techniques[${other.data.techniques.length - 1}].name`);
  });

  it('cvesHaveTheirFix: a CVE named by an incident with no fixed versions', () => {
    const all = copy();
    const cve = all.find((e) => e.collection === 'vulnerabilities' && (e.data as Vulnerability).cve === 'CVE-2025-4427') as ValidEntry<Vulnerability>;
    cve.data.fixedVersions = [];
    const hit = expectCaught(contentRules.cvesHaveTheirFix(all), cve.file, 'patched');
    expect(hit.message).toContain('fixedVersions');
  });

  it('zeroNeedsANote: a zero with no note, in the impact figures and in the summary', () => {
    const all = copy();
    const target = incident(all, 'nhs-dumfries-and-galloway-2024');
    const index = target.data.impact.findIndex((f) => f.value === 0);
    delete target.data.impact[index]!.note;
    delete target.data.impactSummary.appointmentsPostponed!.note;
    const breaches = contentRules.zeroNeedsANote(all);
    expectCaught(breaches, target.file, `impact[${index}].value`);
    expectCaught(breaches, target.file, 'impactSummary.appointmentsPostponed.value');
  });
});
