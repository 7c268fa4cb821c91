import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatGap, formatPoints, ordinal } from './time';

describe('formatDuration', () => {
  it('should print lap times as m:ss.mmm', () => {
    expect(formatDuration(83_456)).toBe('1:23.456');
    expect(formatDuration(60_000)).toBe('1:00.000');
  });
  it('should print race times with hours and sub-minute times bare', () => {
    expect(formatDuration(5_133_607)).toBe('1:25:33.607');
    expect(formatDuration(21_523)).toBe('21.523');
  });
  it('should show a dash for missing values', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('formatGap / formatPoints / formatDate / ordinal', () => {
  it('should sign gaps', () => {
    expect(formatGap(123)).toBe('+0.123');
    expect(formatGap(-1500)).toBe('−1.500');
  });
  it('should keep half points only', () => {
    expect(formatPoints(25)).toBe('25');
    expect(formatPoints(12.5)).toBe('12.5');
  });
  it('should format ISO dates without locale', () => {
    expect(formatDate('2023-03-05')).toBe('5 Mar 2023');
  });
  it('should build English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st',
    ]);
  });
});
