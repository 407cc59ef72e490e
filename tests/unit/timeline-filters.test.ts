import { describe, expect, it } from 'vitest';
import { filterChoices, matchesFilters, readFilterState, writeFilterState } from '../../src/lib/timeline/filters.ts';

describe('timeline filters in the URL', () => {
  it('reads the chosen filters and ignores values that are not offered', () => {
    const allowed = { type: new Set(['ransomware']), attacker: new Set(['qilin']) };
    expect(readFilterState('?type=ransomware&attacker=nobody&vendor=synnovis&q=x', allowed)).toEqual({ type: 'ransomware', vendor: 'synnovis' });
  });

  it('writes the state back, keeping other parameters and dropping cleared filters', () => {
    expect(writeFilterState('?q=lab&type=phishing', { type: 'ransomware', attacker: 'qilin' })).toBe('?q=lab&type=ransomware&attacker=qilin');
    expect(writeFilterState('?type=phishing', {})).toBe('');
  });

  it('a state read back from what was written is the same state', () => {
    const state = { type: 'data-theft-extortion', vendor: 'nrs-healthcare' };
    expect(readFilterState(writeFilterState('', state))).toEqual(state);
  });
});

describe('matching', () => {
  const ids = { type: ['ransomware', 'data-theft-extortion'], attacker: ['qilin'], vendor: [] };
  it('needs every chosen filter to match, any of an incident’s values', () => {
    expect(matchesFilters(ids, {})).toBe(true);
    expect(matchesFilters(ids, { type: 'data-theft-extortion' })).toBe(true);
    expect(matchesFilters(ids, { type: 'ransomware', attacker: 'qilin' })).toBe(true);
    expect(matchesFilters(ids, { type: 'ransomware', attacker: 'lockbit' })).toBe(false);
    expect(matchesFilters(ids, { vendor: 'synnovis' })).toBe(false);
  });
});

describe('choices', () => {
  it('offers each attack type, attacker and vendor once, sorted by name', () => {
    const choices = filterChoices([
      { attackTypes: [{ id: 'ransomware', name: 'Ransomware' }], actors: [{ id: 'qilin', name: 'Qilin' }], vendors: [] },
      { attackTypes: [{ id: 'phishing', name: 'Phishing' }, { id: 'ransomware', name: 'Ransomware' }], actors: [], vendors: [{ id: 'advanced', name: 'Advanced' }] },
    ]);
    expect(choices.type.map((c) => c.id)).toEqual(['phishing', 'ransomware']);
    expect(choices.attacker).toEqual([{ id: 'qilin', name: 'Qilin' }]);
    expect(choices.vendor).toEqual([{ id: 'advanced', name: 'Advanced' }]);
  });
});
