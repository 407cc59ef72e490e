import { describe, expect, it } from 'vitest';
import { axisNumberFormat, countOf, formatCompact, formatNumber, incidentNoun, listNames } from '../../src/lib/charts/format.ts';
import { textWidth, wrapText } from '../../src/lib/charts/text.ts';

describe('chart numbers, GOV.UK style', () => {
  it('writes thousands with commas and decimals to one place', () => {
    expect(formatNumber(1000)).toBe('1,000');
    expect(formatNumber(10152)).toBe('10,152');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(2.25)).toBe('2.3');
  });

  it('shortens to k and m only for axes', () => {
    expect(formatCompact(10_000)).toBe('10k');
    expect(formatCompact(12_500)).toBe('12.5k');
    expect(formatCompact(2_400_000)).toBe('2.4m');
    expect(formatCompact(950)).toBe('950');
  });

  it('uses the short form on an axis only when the full labels do not fit', () => {
    const measure = (text: string) => text.length * 7;
    expect(axisNumberFormat([0, 5000, 10000], 60, measure)(10000)).toBe('10,000');
    expect(axisNumberFormat([0, 5000, 10000], 30, measure)(10000)).toBe('10k');
    // One axis never mixes styles: a label that would fit is shortened with the rest.
    expect(axisNumberFormat([0, 500, 10000], 30, measure)(500)).toBe('500');
    expect(axisNumberFormat([0, 5000, 10000], 30, measure)(5000)).toBe('5k');
  });

  it('makes the noun agree with the count', () => {
    expect(countOf(1, incidentNoun)).toBe('1 incident');
    expect(countOf(0, incidentNoun)).toBe('0 incidents');
    expect(countOf(2, incidentNoun)).toBe('2 incidents');
    expect(countOf(1000, incidentNoun)).toBe('1,000 incidents');
  });

  it('lists names the way people write them, and counts the rest', () => {
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listNames(['A', 'B', 'C', 'D'])).toBe('A, B, C and 1 other');
    expect(listNames(['A', 'B', 'C', 'D', 'E'], 3, { one: 'other year', other: 'other years' })).toBe('A, B, C and 2 other years');
  });
});

describe('wrapped chart labels', () => {
  it('breaks at spaces into lines that fit, losing no word', () => {
    const text = 'Exploitation of a software vulnerability in a supplier system';
    const lines = wrapText(text, 13, 120);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe(text);
  });

  it('splits a word longer than the line with a hyphen instead of cutting it', () => {
    const lines = wrapText('Supercalifragilisticexpialidocious', 13, 60);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(60);
    expect(lines.map((l) => l.replace(/-$/, '')).join('')).toBe('Supercalifragilisticexpialidocious');
  });
});
