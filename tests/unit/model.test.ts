import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, newestFirstDate } from '../../src/lib/model.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import type { PartialDate } from '../../src/schemas/dates.ts';
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

  describe('newest-first order when a start is known only to the month or year', () => {
    const day = (value: string): PartialDate => ({ value, precision: value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year' });
    const dates = (started: string, cameToLight: { detected?: string; disclosed?: string } = {}): Incident['dates'] => ({
      started: { date: day(started), sources: ['s1'] },
      ...(cameToLight.detected ? { detected: { date: day(cameToLight.detected), sources: ['s1'] } } : {}),
      ...(cameToLight.disclosed ? { disclosed: { date: day(cameToLight.disclosed), sources: ['s1'] } } : {}),
    }) as Incident['dates'];
    const iso = (d: Date) => d.toISOString().slice(0, 10);

    it('places a start known to the day on that day, whatever came after', () => {
      expect(iso(newestFirstDate(dates('2024-06-03', { disclosed: '2024-06-04' })))).toBe('2024-06-03');
    });

    it('places a year-only start at the day it came to light, not at 1 January', () => {
      expect(iso(newestFirstDate(dates('2024', { disclosed: '2024-11-28' })))).toBe('2024-11-28');
      expect(iso(newestFirstDate(dates('2024', { detected: '2024-10', disclosed: '2024-11-28' })))).toBe('2024-10-01');
    });

    it('places a month-only start at the end of its month when it came to light later', () => {
      expect(iso(newestFirstDate(dates('2024-02', { disclosed: '2024-03-15' })))).toBe('2024-02-29');
      expect(iso(newestFirstDate(dates('2025-05', { disclosed: '2025-05-28' })))).toBe('2025-05-28');
      expect(iso(newestFirstDate(dates('2023')))).toBe('2023-12-31');
    });

    it('sorts a year-only incident that came to light in November after one that started on 25 November', () => {
      const input = collectionsFrom(goodFixture);
      const dayKnown = structuredClone(input.incidents[0]!);
      dayKnown.id = 'day-known-2024';
      dayKnown.data.dates = dates('2024-11-25');
      const yearOnly = structuredClone(input.incidents[0]!);
      yearOnly.id = 'year-only-2024';
      yearOnly.data.dates = dates('2024', { disclosed: '2024-11-28' });
      const earlier = structuredClone(input.incidents[0]!);
      earlier.id = 'earlier-2024';
      earlier.data.dates = dates('2024-06-03');
      const kb = buildKnowledgeBase({ ...input, incidents: [earlier, dayKnown, yearOnly] });
      expect(kb.incidents.map((i) => i.id)).toEqual(['year-only-2024', 'day-known-2024', 'earlier-2024']);
      // Entity pages list incidents in the same order as the incident list.
      const actor = kb.actors.get(kb.incidents[0]!.actors[0]!.id)!;
      expect(actor.incidents.map((i) => i.id)).toEqual(['year-only-2024', 'day-known-2024', 'earlier-2024']);
    });
  });
});
