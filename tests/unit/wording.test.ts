import { describe, expect, it } from 'vitest';
import { articleFor, countOf, listOf, pluralOf, withArticle } from '../../src/lib/wording.ts';

describe('counts agree with their nouns', () => {
  it('uses the singular only for exactly one', () => {
    expect(countOf(1, 'patient')).toBe('1 patient');
    expect(countOf(0, 'patient')).toBe('0 patients');
    expect(countOf(10152, 'appointment')).toBe('10,152 appointments');
  });
  it('knows the regular and irregular plurals the site uses', () => {
    expect(pluralOf('body')).toBe('bodies');
    expect(pluralOf('day')).toBe('days');
    expect(pluralOf('inject')).toBe('injects');
    expect(pluralOf('process')).toBe('processes');
    expect(pluralOf('person')).toBe('people');
    expect(pluralOf('NHS body')).toBe('NHS bodies');
    expect(countOf(2, { one: 'case study', other: 'case studies' })).toBe('2 case studies');
  });
});

describe('a or an', () => {
  it.each([
    ['NHS trust', 'an'],
    ['Ivanti product', 'an'],
    ['Advanced Computer Software Group product', 'an'],
    ['HCRG service', 'an'],
    ['SMBv1 flaw', 'a'],
    ['GP practice', 'a'],
    ['CVE record', 'a'],
    ['ICB', 'an'],
    ['university', 'a'],
    ['University of Manchester system', 'a'],
    ['one-off payment', 'a'],
    ['hour', 'an'],
    ['Synnovis service', 'a'],
    ['8-day outage', 'an'],
    ['18-month investigation', 'an'],
    ['12-week recovery', 'a'],
    ['Oracle product', 'an'],
    ['European agency', 'a'],
    ['US-based firm', 'a'],
    ['UTF-8 file', 'a'],
    ['STIX bundle', 'a'],
    ['NRS service', 'an'],
  ])('%s takes "%s"', (phrase, article) => {
    expect(articleFor(phrase)).toBe(article);
  });
  it('puts the article before the phrase', () => {
    expect(withArticle('Ivanti product')).toBe('an Ivanti product');
  });
});

describe('lists', () => {
  it('joins without a comma before "and"', () => {
    expect(listOf(['A'])).toBe('A');
    expect(listOf(['A', 'B'])).toBe('A and B');
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
