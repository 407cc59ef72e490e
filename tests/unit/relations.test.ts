import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/lib/model.ts';
import { attributionIn, getRelations, groupUsesByEffect, organisationRolesIn, vendorInvolvementIn } from '../../src/lib/relations.ts';
import { parsePartialDate } from '../../src/schemas/dates.ts';
import { collectionsFrom } from '../helpers/model.ts';
import { goodFixture } from '../helpers/fixtures.ts';

function fixtureKb(change?: (input: ReturnType<typeof collectionsFrom>) => void) {
  const input = collectionsFrom(goodFixture);
  change?.(input);
  return buildKnowledgeBase(input);
}

describe('reverse relations', () => {
  it('lists an attack type under its parent', () => {
    const relations = getRelations(fixtureKb());
    expect(relations.attackTypeChildren.get('ransomware')?.map((t) => t.id)).toEqual(['data-theft-extortion']);
    expect(relations.attackTypeChildren.get('data-theft-extortion')).toBeUndefined();
  });

  it("lists a vendor's vulnerabilities", () => {
    const relations = getRelations(fixtureKb());
    expect(relations.vendorVulnerabilities.get('example-labs')?.map((v) => v.data.cve)).toEqual(['CVE-2099-0001']);
  });

  it('lists every incident where a control mattered, with the reasoning', () => {
    const relations = getRelations(fixtureKb());
    const uses = relations.controlUses.get('charter-mfa') ?? [];
    expect(uses.map((u) => u.incident.id)).toEqual(['example-lab-2099']);
    expect(uses[0]?.link.effect).toBe('prevent');
    expect(uses[0]?.link.reasoning).toMatch(/Stolen passwords/);
  });

  it('computes the exposure window of each vulnerability in each incident', () => {
    const relations = getRelations(fixtureKb());
    const [exposure] = relations.exposuresByVulnerability.get('cve-2099-0001') ?? [];
    // Fixture: patched 13 May 2099, incident started 3 June 2099.
    expect(exposure?.window.fix?.daysToIncident).toEqual({ min: 21, max: 21 });
    expect(relations.exposuresByIncident.get('example-lab-2099')?.[0]?.vulnerability.data.cve).toBe('CVE-2099-0001');
  });

  it('is computed once per knowledge base', () => {
    const kb = fixtureKb();
    expect(getRelations(kb)).toBe(getRelations(kb));
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
    const vendor = kb.vendors.get('example-labs')!;
    const roles = vendorInvolvementIn(incident, vendor);
    expect(roles.map((r) => r.role)).toEqual(['compromised-supplier', 'vulnerable-product']);
    expect(roles[1]?.cves).toEqual(['CVE-2099-0001']);
    expect(roles[1]?.products.map((p) => p.id)).toEqual(['lab-system']);
  });

  it('names the exploited product when the incident names only the CVE', () => {
    const onlyCve = fixtureKb((input) => {
      const entry = input.incidents[0]!;
      entry.data = { ...entry.data, vendors: [] };
    });
    const roles = vendorInvolvementIn(onlyCve.incident.get('example-lab-2099')!, onlyCve.vendors.get('example-labs')!);
    expect(roles).toEqual([{ role: 'vulnerable-product', products: [expect.objectContaining({ id: 'lab-system' })], cves: ['CVE-2099-0001'] }]);
    expect(onlyCve.vendors.get('example-labs')?.asProduct.map((i) => i.id)).toEqual(['example-lab-2099']);
  });

  it('gives a range when the incident start is known only to the month', () => {
    const monthOnly = fixtureKb((input) => {
      const entry = input.incidents[0]!;
      entry.data = { ...entry.data, dates: { ...entry.data.dates, started: { ...entry.data.dates.started, date: parsePartialDate('2099-06')! } } };
    });
    const [exposure] = getRelations(monthOnly).exposuresByIncident.get('example-lab-2099') ?? [];
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
    const groups = groupUsesByEffect(getRelations(kb).controlUses.get('charter-mfa') ?? []);
    expect(groups.map((g) => [g.effect, g.uses.length])).toEqual([['prevent', 1], ['limit', 1]]);
  });
});
