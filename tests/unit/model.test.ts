import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/lib/model.ts';
import { collectionsFrom, knowledgeBaseFrom } from '../helpers/model.ts';
import { goodFixture } from '../helpers/fixtures.ts';

describe('the resolved model', () => {
  const kb = knowledgeBaseFrom();
  const incident = kb.incident.get('example-lab-2099')!;

  it('resolves every reference of an incident to its entry', () => {
    expect(incident.actors.map((a) => a.entry.data.name)).toEqual(['ExampleGang']);
    expect(incident.vendors[0]?.products.map((p) => p.name)).toEqual(['Example Lab System']);
    expect(incident.attackTypes.map((t) => t.id)).toEqual(['ransomware', 'data-theft-extortion']);
    expect(incident.vulnerabilities.map((v) => v.data.cve)).toEqual(['CVE-2099-0001']);
    expect(incident.controls.map((c) => c.entry.data.reference)).toEqual(['Principle 3']);
    expect(incident.year).toBe(2099);
  });

  it('numbers sources in the order the incident lists them', () => {
    expect([...incident.sourceNumbers]).toEqual([['s1', 1], ['s2', 2], ['s3', 3]]);
  });

  it('links every entity back to its incidents', () => {
    expect(kb.actors.get('examplegang')?.incidents.map((i) => i.id)).toEqual(['example-lab-2099']);
    expect(kb.organisations.get('example-trust')?.incidents).toHaveLength(1);
    expect(kb.controls.get('charter-mfa')?.incidents).toHaveLength(1);
    expect(kb.attackTypes.get('data-theft-extortion')?.incidents).toHaveLength(1);
    expect(kb.vulnerabilities.get('cve-2099-0001')?.incidents).toHaveLength(1);
  });

  it('tells a compromised supplier from a vendor whose product was exploited', () => {
    const vendor = kb.vendors.get('example-labs')!;
    expect(vendor.asSupplier.map((i) => i.id)).toEqual(['example-lab-2099']);
    // The incident also names CVE-2099-0001, a flaw in the same vendor's product.
    expect(vendor.asProduct.map((i) => i.id)).toEqual(['example-lab-2099']);
    expect(vendor.incidents).toHaveLength(1);
  });

  it('sorts incidents newest first and refuses a dangling reference', () => {
    const input = collectionsFrom(goodFixture);
    const older = structuredClone(input.incidents[0]!);
    older.id = 'older-2098';
    older.data.dates.started.date = { value: '2098', precision: 'year' };
    const both = buildKnowledgeBase({ ...input, incidents: [older, ...input.incidents] });
    expect(both.incidents.map((i) => i.id)).toEqual(['example-lab-2099', 'older-2098']);
    const broken = structuredClone(input.incidents[0]!);
    broken.data.actors[0]!.id = 'nobody';
    expect(() => buildKnowledgeBase({ ...input, incidents: [broken] })).toThrow(/unknown actor "nobody"/);
  });
});
