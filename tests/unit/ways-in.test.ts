/**
 * How the attackers got in: the categories the overview counts and browse and search filter by,
 * derived from an incident's initial-access techniques and attack types (src/lib/ways-in.ts).
 */
import { describe, expect, it } from 'vitest';
import { waysIn, wayInTypesByTechnique, wayInUnknownLabel, type WayInAttackType } from '../../src/lib/ways-in.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';

const type = (id: string, name: string, techniques: string[]): WayInAttackType => ({ id, data: { name, techniques } });
const taxonomy = [
  type('credential-abuse', 'Use of stolen or weak credentials', ['T1078', 'T1133', 'T1110']),
  type('phishing', 'Phishing', ['T1566']),
  type('vulnerability-exploitation', 'Exploitation of a software vulnerability', ['T1190', 'T1210', 'T1068']),
  type('ransomware', 'Ransomware', ['T1486']),
  type('worm', 'Worm', ['T1210']),
];
const byTechnique = wayInTypesByTechnique(taxonomy);
const named = (id: string) => taxonomy.find((t) => t.id === id)!;

type Technique = Incident['techniques'][number];
const technique = (id: string, name: string, certainty: Technique['certainty'] = 'reported'): Technique => ({ id, name, certainty, basis: 'analysis', reasoning: 'r', sources: ['s'] });
const incident = (techniques: Technique[], types: string[]) => ({ data: { techniques }, attackTypes: types.map(named) });

describe('ways in', () => {
  it('files a recorded initial-access technique under the attack type that lists it', () => {
    expect(waysIn(incident([technique('T1190', 'Exploit Public-Facing Application')], ['ransomware']), byTechnique)).toEqual(['Exploitation of a software vulnerability']);
    // A sub-technique counts as its parent.
    expect(waysIn(incident([technique('T1566.002', 'Phishing: Spearphishing Link')], []), byTechnique)).toEqual(['Phishing']);
  });

  it('keeps the ATT&CK name of a technique no attack type lists', () => {
    expect(waysIn(incident([technique('T1199', 'Trusted Relationship')], []), byTechnique)).toEqual(['Trusted Relationship']);
  });

  it('marks a way in that rests only on a suspected mapping, and prefers a recorded one in the same category', () => {
    expect(waysIn(incident([technique('T1078', 'Valid Accounts', 'suspected')], []), byTechnique)).toEqual(['Use of stolen or weak credentials (suspected)']);
    expect(waysIn(incident([technique('T1133', 'External Remote Services', 'suspected'), technique('T1078', 'Valid Accounts')], []), byTechnique)).toEqual([
      'Use of stolen or weak credentials',
    ]);
  });

  it('lets a technique that is initial access only outweigh one shared with later tactics (valid accounts used after a malicious download)', () => {
    const capitaLike = incident([technique('T1189', 'Drive-by Compromise', 'suspected'), technique('T1078.002', 'Valid Accounts: Domain Accounts')], ['ransomware']);
    expect(waysIn(capitaLike, byTechnique)).toEqual(['Drive-by Compromise (suspected)']);
  });

  it('falls back to attack types that are ways in, and ignores techniques of other tactics', () => {
    const wannaCryLike = incident([technique('T1210', 'Exploitation of Remote Services'), technique('T1486', 'Data Encrypted for Impact')], ['ransomware', 'worm', 'vulnerability-exploitation']);
    expect(waysIn(wannaCryLike, byTechnique)).toEqual(['Exploitation of a software vulnerability']);
    expect(waysIn(incident([], ['phishing', 'credential-abuse']), byTechnique)).toEqual(['Phishing', 'Use of stolen or weak credentials']);
  });

  it('says "Not published" when nothing says how they got in, never leaving an incident out', () => {
    expect(waysIn(incident([technique('T1486', 'Data Encrypted for Impact')], ['ransomware']), byTechnique)).toEqual([wayInUnknownLabel]);
  });

  it('files every real incident under at least one way in, as a browse value with its own page', () => {
    const kb = knowledgeBaseFrom(`${root}/content`);
    for (const i of kb.incidents) expect(i.facets['way-in'].length, i.id).toBeGreaterThan(0);
    const facet = kb.browse.find((f) => f.key === 'way-in')!;
    const filed = facet.values.reduce((sum, v) => sum + v.incidents.length, 0);
    expect(filed).toBeGreaterThanOrEqual(kb.incidents.length);
  });
});
