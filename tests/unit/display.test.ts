import { describe, expect, it } from 'vitest';
import { attackUrl, countIncidents, describeDataExposure, countryName, cveUrl, cweUrl, formatImpactValue, joinNames, organisationDisplayName, precisionNote } from '../../src/lib/display.ts';

describe('impact figures', () => {
  it('keeps the qualifier a source gave, so "more than 700" never reads as exactly 700', () => {
    expect(formatImpactValue({ value: 10152, unit: 'appointments', qualifier: 'more-than' })).toBe('more than 10,152 appointments');
    expect(formatImpactValue({ value: 1134, unit: 'procedures', qualifier: 'exact' })).toBe('1,134 procedures');
  });
  it('writes currencies before the number and percentages glued to it', () => {
    expect(formatImpactValue({ value: 32700000, unit: 'gbp', qualifier: 'about' })).toBe('about £32,700,000');
    expect(formatImpactValue({ value: 45, unit: 'percent', qualifier: 'up-to' })).toBe('up to 45%');
    expect(formatImpactValue({ value: 400, unit: 'gigabytes', qualifier: 'exact' })).toBe('400 GB');
  });
});

describe('date precision notes', () => {
  it('says what a partial date leaves out, and nothing for a full date', () => {
    expect(precisionNote({ value: '2024-06', precision: 'month' })).toBe('exact day not public');
    expect(precisionNote({ value: '2024', precision: 'year' })).toBe('month and day not public');
    expect(precisionNote({ value: '2024-06-03', precision: 'day' })).toBeUndefined();
  });
});

describe('registry links', () => {
  it('links ATT&CK techniques, sub-techniques, groups and software to their pages', () => {
    expect(attackUrl('T1190')).toBe('https://attack.mitre.org/techniques/T1190/');
    expect(attackUrl('T1566.001')).toBe('https://attack.mitre.org/techniques/T1566/001/');
    expect(attackUrl('G1050')).toBe('https://attack.mitre.org/groups/G1050/');
    expect(attackUrl('S1242')).toBe('https://attack.mitre.org/software/S1242/');
    expect(attackUrl('M1032')).toBe('https://attack.mitre.org/mitigations/M1032/');
  });
  it('refuses an id it cannot place rather than inventing a link', () => {
    expect(() => attackUrl('X1234')).toThrow(/not an ATT&CK id/);
  });
  it('links CWE and CVE records', () => {
    expect(cweUrl('CWE-288')).toBe('https://cwe.mitre.org/data/definitions/288.html');
    expect(cveUrl('cve-2025-4427')).toBe('https://www.cve.org/CVERecord?id=CVE-2025-4427');
  });
});

describe('names and counts', () => {
  it('adds a short name only when the full name does not already contain it', () => {
    expect(organisationDisplayName({ name: 'Wirral University Teaching Hospital NHS Foundation Trust', shortName: 'WUTH' })).toBe('Wirral University Teaching Hospital NHS Foundation Trust (WUTH)');
    expect(organisationDisplayName({ name: 'Synnovis' })).toBe('Synnovis');
    expect(organisationDisplayName({ name: "King's College Hospital NHS Foundation Trust", shortName: "King's College Hospital" })).toBe("King's College Hospital NHS Foundation Trust");
  });
  it('joins names and counts incidents in plain English', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(countIncidents(1)).toBe('1 incident');
    expect(countIncidents(0)).toBe('0 incidents');
  });
});

describe('countries', () => {
  it('names a country from its ISO code', () => {
    expect(countryName('RU')).toBe('Russia');
    expect(countryName('GB')).toBe('United Kingdom');
  });
});

describe('data exposures in words', () => {
  it('names the kinds of data and whose they were', () => {
    expect(describeDataExposure({ types: ['personal', 'medical'], subjects: ['patient', 'employee'] })).toBe(
      'Personal (names, dates of birth, NHS numbers); Medical (test results, records, letters), about patients and staff',
    );
  });
  it('says plainly what is not public instead of printing "Unknown, about unknown"', () => {
    const text = describeDataExposure({ types: ['unknown'], subjects: ['unknown'] });
    expect(text).not.toMatch(/unknown/i);
    expect(text).toMatch(/not made public/);
    expect(describeDataExposure({ types: ['medical', 'unknown'], subjects: ['patient'] })).toMatch(/^Medical .*; and data of a kind not made public, about patients$/);
  });
});

