/** Relations the knowledge base resolves once: reverse lists, the vendor behind a CVE, exposure windows. */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/lib/model.ts';
import { attributionIn, groupUsesByEffect, organisationRolesIn } from '../../src/lib/relations.ts';
import { parsePartialDate } from '../../src/schemas/dates.ts';
import { collectionsFrom } from '../helpers/model.ts';
import { goodFixture } from '../helpers/fixtures.ts';

function fixtureKb(change?: (input: ReturnType<typeof collectionsFrom>) => void) {
  const input = collectionsFrom(goodFixture);
  change?.(input);
  return buildKnowledgeBase(input);
}

describe('relations resolved by the knowledge base', () => {
  it('gives an attack type its parent and children', () => {
    const kb = fixtureKb();
    expect(kb.attackTypes.get('ransomware')?.children.map((t) => t.id)).toEqual(['data-theft-extortion']);
    expect(kb.attackTypes.get('data-theft-extortion')?.children).toEqual([]);
    expect(kb.attackTypes.get('data-theft-extortion')?.parent?.id).toBe('ransomware');
  });

  it("gives a vulnerability its vendor and product, and a vendor its vulnerabilities", () => {
    const kb = fixtureKb();
    const cve = kb.vulnerabilities.get('cve-2099-0001')!;
    expect(cve.vendor.id).toBe('example-labs');
    expect(cve.product?.name).toBe('Example Lab System');
    expect(kb.vendors.get('example-labs')?.vulnerabilities.map((v) => v.data.cve)).toEqual(['CVE-2099-0001']);
  });

  it('lists every incident where a control mattered, with the reasoning', () => {
    const uses = fixtureKb().controls.get('charter-mfa')?.uses ?? [];
    expect(uses.map((u) => u.incident.id)).toEqual(['example-lab-2099']);
    expect(uses[0]?.link.effect).toBe('prevent');
    expect(uses[0]?.link.reasoning).toMatch(/Stolen passwords/);
  });

  it('computes the exposure window of each vulnerability in each incident, seen from both sides', () => {
    const kb = fixtureKb();
    const [exposure] = kb.vulnerabilities.get('cve-2099-0001')?.exposures ?? [];
    // Fixture: patched 13 May 2099, incident started 3 June 2099.
    expect(exposure?.window.fix?.daysToIncident).toEqual({ min: 21, max: 21 });
    expect(kb.incident.get('example-lab-2099')?.exposures[0]).toBe(exposure);
  });

  it('works out the whole-corpus indexes once, on first use', () => {
    const kb = fixtureKb();
    expect(kb.browse).toBe(kb.browse);
    expect(kb.comparePairs).toBe(kb.comparePairs);
    expect(kb.catalogueFacets).toBe(kb.catalogueFacets);
    expect(kb.entityIndexes).toBe(kb.entityIndexes);
    expect(kb.latestReview).toBe('2099-11-29');
  });
});

describe('roles in an incident', () => {
  const kb = fixtureKb();
  const incident = kb.incident.get('example-lab-2099')!;

  it("finds an actor's attribution and an organisation's role", () => {
    expect(attributionIn(incident, 'examplegang')?.attribution).toBe('claimed');
    expect(attributionIn(incident, 'nobody')).toBeUndefined();
    expect(organisationRolesIn(incident, 'example-trust').map((o) => o.role)).toEqual(['downstream']);
  });

  it('keeps a compromised supplier apart from a vendor whose product was exploited', () => {
    const roles = kb.vendors.get('example-labs')!.involvement.get(incident.id) ?? [];
    expect(roles.map((r) => r.role)).toEqual(['compromised-supplier', 'vulnerable-product']);
    expect(roles[1]?.cves).toEqual(['CVE-2099-0001']);
    expect(roles[1]?.products.map((p) => p.id)).toEqual(['lab-system']);
  });

  it('names the exploited product when the incident names only the CVE', () => {
    const onlyCve = fixtureKb((input) => {
      const entry = input.incidents[0]!;
      entry.data = { ...entry.data, vendors: [] };
    });
    const vendor = onlyCve.vendors.get('example-labs')!;
    expect(vendor.involvement.get('example-lab-2099')).toEqual([{ role: 'vulnerable-product', products: [expect.objectContaining({ id: 'lab-system' })], cves: ['CVE-2099-0001'], sources: [] }]);
    expect(vendor.asProduct.map((i) => i.id)).toEqual(['example-lab-2099']);
    expect(onlyCve.incident.get('example-lab-2099')?.exploitedProducts).toEqual([
      { vendorId: 'example-labs', vendorName: 'Example Labs', productNames: ['Example Lab System'], cves: ['CVE-2099-0001'], sources: [] },
    ]);
  });

  it('keeps the sources and note the incident gives for a vulnerable-product vendor', () => {
    const kb = fixtureKb((input) => {
      const entry = input.incidents[0]!;
      entry.data = { ...entry.data, vendors: [{ id: 'example-labs', role: 'vulnerable-product', products: [], sources: ['s2'], note: 'Unpatched.' }] };
    });
    const [product] = kb.incident.get('example-lab-2099')!.exploitedProducts;
    expect(product).toMatchObject({ sources: ['s2'], note: 'Unpatched.', productNames: ['Example Lab System'], cves: ['CVE-2099-0001'] });
  });

  it('has no exploited product when nothing was exploited', () => {
    const kb = fixtureKb((input) => {
      const entry = input.incidents[0]!;
      entry.data = { ...entry.data, vulnerabilities: [] };
    });
    expect(kb.incident.get('example-lab-2099')?.exploitedProducts).toEqual([]);
  });

  it('gives a range when the incident start is known only to the month', () => {
    const monthOnly = fixtureKb((input) => {
      const entry = input.incidents[0]!;
      entry.data = { ...entry.data, dates: { ...entry.data.dates, started: { ...entry.data.dates.started, date: parsePartialDate('2099-06')! } } };
    });
    const [exposure] = monthOnly.incident.get('example-lab-2099')?.exposures ?? [];
    expect(exposure?.window.fix?.daysToIncident).toEqual({ min: 19, max: 48 });
  });
});

describe('control uses by effect', () => {
  it('groups in the order prevent, detect, limit, recover and drops empty groups', () => {
    const kb = fixtureKb((input) => {
      const entry = input.incidents[0]!;
      const [mfa] = entry.data.controls;
      entry.data = { ...entry.data, controls: [{ ...mfa!, effect: 'limit' }, mfa!] };
    });
    const groups = groupUsesByEffect(kb.controls.get('charter-mfa')?.uses ?? []);
    expect(groups.map((g) => [g.effect, g.uses.length])).toEqual([['prevent', 1], ['limit', 1]]);
  });
});
