import { describe, expect, it } from 'vitest';
import { filterChoices, filterKeys, matchesFilters, readFilterState, writeFilterState } from '../../src/lib/timeline/filters.ts';
import { facetKeys, facetsFromQuery } from '../../src/lib/facets.ts';

const choices = {
  'attack-type': [{ id: 'ransomware', name: 'Ransomware' }, { id: 'data-theft-extortion', name: 'Data theft and extortion' }],
  attacker: [{ id: 'qilin', name: 'Qilin' }],
  vendor: [{ id: 'nrs-healthcare', name: 'NRS Healthcare' }],
};

describe('timeline filters in the URL', () => {
  it('speak the search page’s vocabulary: its keys, with the names readers see', () => {
    for (const key of filterKeys) expect(facetKeys).toContain(key);
    const query = writeFilterState('', { 'attack-type': 'Ransomware', attacker: 'Qilin' });
    expect(query).toBe('?attack-type=Ransomware&attacker=Qilin');
    // The same link, read by search, chooses the same filters.
    expect(facetsFromQuery(new URLSearchParams(query))).toEqual({ 'attack-type': ['Ransomware'], attacker: ['Qilin'] });
  });

  it('reads the chosen filters and ignores values that are not offered', () => {
    expect(readFilterState('?attack-type=Ransomware&attacker=Nobody&vendor=NRS+Healthcare&q=x', choices)).toEqual({ 'attack-type': 'Ransomware', vendor: 'NRS Healthcare' });
  });

  it('still opens a link shared in the old vocabulary (?type= with ids), and rewrites it in the new one', () => {
    const state = readFilterState('?type=ransomware&attacker=qilin&q=x', choices);
    expect(state).toEqual({ 'attack-type': 'Ransomware', attacker: 'Qilin' });
    expect(writeFilterState('?type=ransomware&attacker=qilin&q=x', state)).toBe('?attacker=Qilin&q=x&attack-type=Ransomware');
  });

  it('writes the state back, keeping other parameters and dropping cleared filters', () => {
    expect(writeFilterState('?q=lab&attack-type=Phishing', { 'attack-type': 'Ransomware', attacker: 'Qilin' })).toBe('?q=lab&attack-type=Ransomware&attacker=Qilin');
    expect(writeFilterState('?attack-type=Phishing', {})).toBe('');
  });

  it('a state read back from what was written is the same state', () => {
    const state = { 'attack-type': 'Data theft and extortion', vendor: 'NRS Healthcare' };
    expect(readFilterState(writeFilterState('', state), choices)).toEqual(state);
  });
});

describe('matching', () => {
  const ids = { 'attack-type': ['ransomware', 'data-theft-extortion'], attacker: ['qilin'], vendor: [] };
  it('needs every chosen filter to match, any of an incident’s values', () => {
    expect(matchesFilters(ids, {}, choices)).toBe(true);
    expect(matchesFilters(ids, { 'attack-type': 'Data theft and extortion' }, choices)).toBe(true);
    expect(matchesFilters(ids, { 'attack-type': 'Ransomware', attacker: 'Qilin' }, choices)).toBe(true);
    expect(matchesFilters(ids, { 'attack-type': 'Ransomware', attacker: 'LockBit' }, choices)).toBe(false);
    expect(matchesFilters(ids, { vendor: 'NRS Healthcare' }, choices)).toBe(false);
  });
});

describe('choices', () => {
  it('offers each attack type, attacker and vendor once, sorted by name', () => {
    const offered = filterChoices([
      { attackTypes: [{ id: 'ransomware', name: 'Ransomware' }], actors: [{ id: 'qilin', name: 'Qilin' }], vendors: [] },
      { attackTypes: [{ id: 'phishing', name: 'Phishing' }, { id: 'ransomware', name: 'Ransomware' }], actors: [], vendors: [{ id: 'advanced', name: 'Advanced' }] },
    ]);
    expect(offered['attack-type'].map((c) => c.id)).toEqual(['phishing', 'ransomware']);
    expect(offered.attacker).toEqual([{ id: 'qilin', name: 'Qilin' }]);
    expect(offered.vendor).toEqual([{ id: 'advanced', name: 'Advanced' }]);
  });
});
