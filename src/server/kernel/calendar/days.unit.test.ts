import { describe, expect, it } from 'vitest';
import { addMonths, fromDayNumber, isValidDate, toDayNumber, weekdayOf } from './days.ts';

describe('day numbers', () => {
  it('agree with Date for every day from 1999 to 2101', () => {
    for (let n = toDayNumber('1999-01-01'); n <= toDayNumber('2101-12-31'); n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(fromDayNumber(n)).toBe(iso);
      expect(toDayNumber(iso)).toBe(n);
    }
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(weekdayOf(toDayNumber('2026-11-21'))).toBe(6);
  });

  it('validates dates and adds months to the month end', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-00-10')).toBe(false);
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
  });
});
