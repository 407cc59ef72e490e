import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/lib/model.ts';
import { actorIndex, attackTypeTree, busiestFirst, controlIndex, organisationIndex, vendorIndex, vulnerabilityIndex } from '../../src/lib/entity-index.ts';
import { collectionsFrom } from '../helpers/model.ts';
import { goodFixture } from '../helpers/fixtures.ts';

const kb = buildKnowledgeBase(collectionsFrom(goodFixture));

describe('list pages', () => {
  it('lists actors with their type, other names and incident count', () => {
    expect(actorIndex(kb)).toEqual([
      { path: '/actors/examplegang/', name: 'ExampleGang', detail: 'Organised criminal group; also known as Specimen', incidentCount: 1 },
    ]);
  });

  it('tells a compromised supplier from a vendor whose product was exploited', () => {
    expect(vendorIndex(kb)[0]?.detail).toBe('Supplier to the NHS, Software vendor; compromised supplier in 1; product exploited in 1');
  });

  it('lists organisations with type and region', () => {
    expect(organisationIndex(kb)[0]).toMatchObject({ path: '/organisations/example-trust/', detail: 'NHS foundation trust, London' });
  });

  it('links vulnerabilities by lower-case CVE and shows severity and KEV status', () => {
    expect(vulnerabilityIndex(kb)[0]).toMatchObject({
      path: '/vulnerabilities/cve-2099-0001/',
      name: 'CVE-2099-0001 (ExampleBleed)',
      detail: 'Example authentication bypass, Example Labs; CVSS 5.3 medium; on CISA KEV',
    });
  });

  it('nests attack types under their parent', () => {
    const tree = attackTypeTree(kb);
    expect(tree.map((b) => b.item.name)).toEqual(['Ransomware']);
    expect(tree[0]?.children.map((c) => c.name)).toEqual(['Data theft and extortion']);
  });

  it('groups controls by framework', () => {
    expect(controlIndex(kb)).toEqual([
      { framework: 'NHS cyber security charter for suppliers', items: [expect.objectContaining({ name: 'Principle 3: Multi-factor authentication', incidentCount: 1 })] },
    ]);
  });
});

describe('home page shortcuts', () => {
  it('keep only entries with incidents, busiest first, then by name, up to the limit', () => {
    const items = [
      { path: '/a/', name: 'Bravo', incidentCount: 1 },
      { path: '/b/', name: 'Alpha', incidentCount: 1 },
      { path: '/c/', name: 'Zulu', incidentCount: 3 },
      { path: '/d/', name: 'Empty', incidentCount: 0 },
    ];
    expect(busiestFirst(items, 2).map((i) => i.name)).toEqual(['Zulu', 'Alpha']);
    expect(busiestFirst(items, 10).map((i) => i.name)).toEqual(['Zulu', 'Alpha', 'Bravo']);
  });
});
