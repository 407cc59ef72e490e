import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/lib/model.ts';
import {
  facetKeys,
  facetLabels,
  facetsFromQuery,
  incidentSortDate,
  searchQueryString,
  unattributedLabel,
} from '../../src/lib/facets.ts';
import { collectionsFrom } from '../helpers/model.ts';
import { goodFixture } from '../helpers/fixtures.ts';

const input = collectionsFrom(goodFixture);
const kb = buildKnowledgeBase(input);
const incident = kb.incident.get('example-lab-2099')!;

/** A second incident built from the fixture one, changed by `edit`, resolved with the rest. */
function variant(edit: (data: (typeof input.incidents)[number]['data']) => void) {
  const copy = structuredClone(input.incidents[0]!);
  copy.id = 'variant-2098';
  edit(copy.data);
  const both = buildKnowledgeBase({ ...input, incidents: [...input.incidents, copy] });
  return { kb: both, incident: both.incident.get('variant-2098')! };
}

describe('incident facet values (kept on each incident by the knowledge base)', () => {
  it('files an incident under the names from the entity files and the taxonomy, not under ids', () => {
    const facets = incident.facets;
    expect(facets['attack-type']).toEqual(['Ransomware', 'Data theft and extortion']);
    expect(facets.attacker).toEqual(['ExampleGang']);
    expect(facets.vendor).toEqual(['Example Labs']);
    expect(facets.product).toEqual(['Example Lab System']);
    expect(facets.organisation).toEqual(['Example Hospitals NHS Foundation Trust']);
    expect(facets['organisation-type']).toEqual(['NHS foundation trust']);
    expect(facets.region).toEqual(['London']);
    expect(facets.year).toEqual(['2099']);
    expect(facets['data-exposed']).toEqual(['Personal (names, dates of birth, NHS numbers)', 'Medical (test results, records, letters)']);
    expect(facets.attribution).toEqual(['Claimed by the attacker']);
  });

  it('gives every facet key a value list and a label', () => {
    const facets = incident.facets;
    expect(Object.keys(facets).sort()).toEqual([...facetKeys].sort());
    for (const key of facetKeys) expect(facetLabels[key]).toMatch(/\S/);
  });

  it('files an incident under the vendor and product of its CVE even when it does not name the vendor', () => {
    const { incident: cveOnly } = variant((data) => {
      data.vendors = [];
    });
    const facets = cveOnly.facets;
    expect(facets.vendor).toEqual(['Example Labs']);
    expect(facets.product).toEqual(['Example Lab System']);
  });

  it('says plainly when no attacker is named', () => {
    const { incident: unattributed } = variant((data) => {
      data.actors = [];
      data.attributionNote = 'Nobody has claimed it.';
    });
    const facets = unattributed.facets;
    expect(facets.attacker).toEqual([]);
    expect(facets.attribution).toEqual([unattributedLabel]);
  });

  it('lists a value once however many times the incident touches it', () => {
    const { incident: doubled } = variant((data) => {
      data.organisations = [data.organisations[0]!, { ...data.organisations[0]!, role: 'data-exposed' }];
      data.dataExposed = [data.dataExposed[0]!, { ...data.dataExposed[0]!, types: ['medical'] }];
      data.attackTypes = ['ransomware', 'ransomware'];
    });
    const facets = doubled.facets;
    expect(facets.organisation).toEqual(['Example Hospitals NHS Foundation Trust']);
    expect(facets.region).toEqual(['London']);
    expect(facets['data-exposed']).toEqual(['Personal (names, dates of birth, NHS numbers)', 'Medical (test results, records, letters)']);
    expect(facets['attack-type']).toEqual(['Ransomware']);
  });

  it('takes the year from the start date, and sorts a month-only start at its latest possible day', () => {
    const { incident: older } = variant((data) => {
      data.dates.started.date = { value: '2098-12', precision: 'month' };
      data.dates.detected = undefined;
      data.dates.disclosed = undefined;
    });
    expect(older.facets.year).toEqual(['2098']);
    expect(incidentSortDate(older)).toBe('2098-12-31');
    expect(incidentSortDate(incident)).toBe('2099-06-03');
  });
});

describe('incident search terms', () => {
  it('carries the title, every alias of the attacker, supplier and product, and the organisation short name', () => {
    const { names } = incident.searchTerms;
    expect(names[0]).toBe('Example Labs ransomware attack');
    expect(names).toEqual(expect.arrayContaining(['ExampleGang', 'Specimen', 'Example Labs', 'Example Lab System', 'ELS', 'Example Hospitals']));
    // Canonical attacker name comes before its aliases.
    expect(names.indexOf('ExampleGang')).toBeLessThan(names.indexOf('Specimen'));
    expect(new Set(names).size).toBe(names.length);
  });

  it('carries CVE ids with the vulnerability name and aliases', () => {
    expect(incident.searchTerms.identifiers).toEqual(['CVE-2099-0001', 'Example authentication bypass', 'ExampleBleed']);
  });
});

describe('search state in the URL', () => {
  it('round-trips a query and ticked facets', () => {
    const selected = { 'attack-type': ['Ransomware', 'Data theft and extortion'], year: ['2024'] };
    const text = searchQueryString('  ivanti ', selected);
    expect(text).toBe('?q=ivanti&attack-type=Ransomware&attack-type=Data+theft+and+extortion&year=2024');
    expect(facetsFromQuery(new URLSearchParams(text))).toEqual(selected);
  });

  it('ignores unknown parameters, empty values and repeats', () => {
    const params = new URLSearchParams('q=x&colour=red&attacker=Qilin&attacker=Qilin&region=');
    expect(facetsFromQuery(params)).toEqual({ attacker: ['Qilin'] });
    expect(searchQueryString('', {})).toBe('');
  });
});
