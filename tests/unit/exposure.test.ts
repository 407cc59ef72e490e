import { describe, expect, it } from 'vitest';
import { describeRelation, exposureWindow, hasExposureDates } from '../../src/lib/exposure.ts';
import { daysBetween } from '../../src/lib/partial-dates.ts';
import { parsePartialDate, type PartialDate } from '../../src/schemas/dates.ts';

const d = (text: string): PartialDate => {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new Error(`bad test date ${text}`);
  return parsed;
};

describe('daysBetween', () => {
  it('counts exact days between two full dates', () => {
    // MS17-010 was released on 14 March 2017; WannaCry struck on 12 May 2017.
    expect(daysBetween(d('2017-03-14'), d('2017-05-12'))).toEqual({ min: 59, max: 59 });
  });

  it('is negative when the second date comes first', () => {
    expect(daysBetween(d('2025-05-19'), d('2025-05-13'))).toEqual({ min: -6, max: -6 });
  });

  it('gives a range, not a fake exact count, when the later date is known only to the month', () => {
    expect(daysBetween(d('2025-05-13'), d('2025-06'))).toEqual({ min: 19, max: 48 });
  });

  it('widens the range from both ends when both dates are imprecise', () => {
    expect(daysBetween(d('2017-03'), d('2017-05'))).toEqual({ min: 31, max: 91 });
  });

  it('handles a year-precision date across a leap year', () => {
    expect(daysBetween(d('2024-01-01'), d('2024'))).toEqual({ min: 0, max: 365 });
  });
});

describe('exposureWindow', () => {
  const ivanti = {
    cve: 'CVE-2025-4427',
    published: d('2025-05-13'),
    kev: { dateAdded: d('2025-05-19'), dueDate: d('2025-06-09'), knownRansomwareCampaignUse: 'Unknown' as const },
  };

  it('uses the patch date when there is one', () => {
    const window = exposureWindow(d('2017-05-12'), { cve: 'CVE-2017-0144', published: d('2017-03-16'), patched: d('2017-03-14') });
    expect(window.fix?.basis).toBe('patched');
    expect(window.fix?.daysToIncident).toEqual({ min: 59, max: 59 });
    expect(window.fix?.relation).toBe('before');
    expect(describeRelation(window.fix!)).toBe('59 days before the incident began');
  });

  it('falls back to the advisory date when no patch date is known, and says which it used', () => {
    const window = exposureWindow(d('2025-05-20'), ivanti);
    expect(window.fix?.basis).toBe('published');
    expect(window.fix?.date.value).toBe('2025-05-13');
    expect(describeRelation(window.fix!)).toBe('7 days before the incident began');
  });

  it('places the KEV listing and due date relative to the incident', () => {
    const window = exposureWindow(d('2025-05-20'), ivanti);
    expect(describeRelation(window.kevAdded!)).toBe('1 day before the incident began');
    expect(window.kevDue?.relation).toBe('after');
    expect(describeRelation(window.kevDue!)).toBe('20 days after the incident began');
  });

  it('reports a range for a month-precision incident start', () => {
    const window = exposureWindow(d('2025-06'), ivanti);
    expect(describeRelation(window.fix!)).toBe('between 19 and 48 days before the incident began');
  });

  it('refuses to order dates the precision cannot order', () => {
    const window = exposureWindow(d('2025-05'), ivanti);
    expect(window.fix?.relation).toBe('unclear');
    // The incident began some time in May 2025; the advisory came out on 13 May.
    expect(describeRelation(window.fix!)).toBe(
      'anywhere from 18 days before to 12 days after the incident began; the dates are not precise enough to say which came first',
    );
  });

  it('says when a fix and incident fell on the same day', () => {
    const window = exposureWindow(d('2025-05-13'), ivanti);
    expect(window.fix?.relation).toBe('same-day');
    expect(describeRelation(window.fix!)).toBe('on the day the incident began');
  });

  it('marks a flaw exploited before any fix existed as after the incident began', () => {
    const window = exposureWindow(d('2025-04-01'), ivanti);
    expect(window.fix?.relation).toBe('after');
    expect(describeRelation(window.fix!)).toBe('42 days after the incident began');
  });

  it('has nothing to show for a flaw with no dates', () => {
    const window = exposureWindow(d('2024-06-03'), { cve: 'CVE-2024-0001' });
    expect(window.fix).toBeUndefined();
    expect(window.kevAdded).toBeUndefined();
    expect(hasExposureDates(window)).toBe(false);
  });
});
