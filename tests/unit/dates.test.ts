import { describe, expect, it } from 'vitest';
import { partialDateSchema } from '../../src/schemas/dates.ts';
import { dateEnd, dateStart, notBefore, parsePartialDate } from '../../src/lib/partial-dates.ts';
import { formatPartialDate } from '../../src/lib/dates-format.ts';

describe('partial dates', () => {
  it('keeps the precision the writer gave', () => {
    expect(parsePartialDate('2024-06-03')).toEqual({ value: '2024-06-03', precision: 'day' });
    expect(parsePartialDate('2024-06')).toEqual({ value: '2024-06', precision: 'month' });
    expect(parsePartialDate('2024')).toEqual({ value: '2024', precision: 'year' });
  });
  it('rejects impossible and malformed dates', () => {
    expect(parsePartialDate('2024-02-30')).toBeUndefined();
    expect(parsePartialDate('2024-13')).toBeUndefined();
    expect(parsePartialDate('3 June 2024')).toBeUndefined();
  });
  it('accepts what YAML produces for unquoted dates and years', () => {
    expect(partialDateSchema.parse(new Date('2024-06-03T00:00:00Z'))).toEqual({ value: '2024-06-03', precision: 'day' });
    expect(partialDateSchema.parse(2017)).toEqual({ value: '2017', precision: 'year' });
    const bad = partialDateSchema.safeParse('June 2024');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('write YYYY-MM-DD');
  });
  it('compares dates honestly across precisions', () => {
    const june = parsePartialDate('2024-06')!;
    expect(dateStart(june).toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(dateEnd(june).toISOString()).toBe('2024-07-01T00:00:00.000Z');
    // "June 2024" may well be on or after 3 June, so it is not before it.
    expect(notBefore(june, parsePartialDate('2024-06-03')!)).toBe(true);
    expect(notBefore(parsePartialDate('2024-05-31')!, parsePartialDate('2024-06-03')!)).toBe(false);
  });
  it('formats each precision in plain words', () => {
    expect(formatPartialDate(parsePartialDate('2024-06-03')!)).toBe('3 June 2024');
    expect(formatPartialDate(parsePartialDate('2024-06')!)).toBe('June 2024');
    expect(formatPartialDate(parsePartialDate('2017')!)).toBe('2017');
  });
});
