import { describe, expect, it } from 'vitest';
import { parseRef, parseRound, parseSession, parseYear, pickEnum, pickInt, pickList } from './params';

describe('route params', () => {
  it('should accept seasons from 1950 and reject junk', () => {
    expect(parseYear('2023')).toEqual({ success: true, data: 2023 });
    expect(parseYear('1949').success).toBe(false);
    expect(parseYear('20x3').success).toBe(false);
    expect(parseYear(undefined).success).toBe(false);
  });
  it('should accept rounds 1–99', () => {
    expect(parseRound('22')).toEqual({ success: true, data: 22 });
    expect(parseRound('0').success).toBe(false);
    expect(parseRound('123').success).toBe(false);
  });
  it('should accept Ergast ids only', () => {
    expect(parseRef('max_verstappen')).toEqual({ success: true, data: 'max_verstappen' });
    expect(parseRef('..%2Fetc').success).toBe(false);
  });
  it('should normalise session codes', () => {
    expect(parseSession('q')).toEqual({ success: true, data: 'Q' });
    expect(parseSession('FP4').success).toBe(false);
  });
});

describe('query-string pickers', () => {
  it('should fall back on bad values', () => {
    expect(pickEnum('laps', ['results', 'laps'] as const, 'results')).toBe('laps');
    expect(pickEnum('evil', ['results', 'laps'] as const, 'results')).toBe('results');
    expect(pickInt('3', 1)).toBe(3);
    expect(pickInt('-3', 1)).toBe(1);
    expect(pickInt('50', 1, 1, 10)).toBe(1);
  });
  it('should split, trim, de-duplicate and cap lists', () => {
    expect(pickList(' VER,HAM,,VER ')).toEqual(['VER', 'HAM']);
    expect(pickList('a,b,c,d,e,f', 5)).toHaveLength(5);
    expect(pickList(null)).toEqual([]);
  });
});
