// The dates of a normative document that need no database: the longest validity without a reason.
import { describe, expect, it } from 'vitest';
import { validityLimit } from './normative.ts';

describe('the longest validity', () => {
  it('ends the day before the anniversary, or on 28 February for a document issued on 29 February', () => {
    expect(validityLimit('2025-04-01', 5)).toBe('2030-03-31');
    expect(validityLimit('2026-01-01', 2)).toBe('2027-12-31');
    expect(validityLimit('2024-02-29', 5)).toBe('2029-02-28');
    expect(validityLimit('2024-02-29', 4)).toBe('2028-02-28');
  });
});
