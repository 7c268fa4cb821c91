import { describe, expect, it } from 'vitest';
import { fastf1Cell, isoDate, jsonCell, parseFormat, renderTable, toCsv, type Column } from '../src/index.js';

interface Row { t: number | null; d: number | null; s: string | null; b: boolean | null }
const COLUMNS: Column<Row>[] = [
  { key: 'lapTime', fastf1: 'LapTime', kind: 'duration', get: (r) => r.t },
  { key: 'lapStartDate', fastf1: 'LapStartDate', kind: 'date', get: (r) => r.d },
  { key: 'deletedReason', fastf1: 'DeletedReason', kind: 'string', get: (r) => r.s },
  { key: 'isAccurate', fastf1: 'IsAccurate', kind: 'bool', get: (r) => r.b },
  { key: 'source', fastf1: null, kind: 'string', get: () => 'laps' },
];

describe('output formats', () => {
  it('fastf1: seconds with millisecond precision, ISO UTC dates with ms, null for missing, ApexData-only columns left out', () => {
    const out = JSON.parse(renderTable<Row>([{ t: 75_586.0004, d: Date.UTC(2025, 9, 25, 21, 7, 1, 751), s: null, b: true }, { t: NaN, d: null, s: 'TRACK LIMITS', b: null }], COLUMNS, 'fastf1'));
    expect(out).toEqual([
      { LapTime: 75.586, LapStartDate: '2025-10-25T21:07:01.751Z', DeletedReason: null, IsAccurate: true },
      { LapTime: null, LapStartDate: null, DeletedReason: 'TRACK LIMITS', IsAccurate: null },
    ]);
  });

  it('json: camelCase domain values (ms) with ISO dates', () => {
    expect(JSON.parse(renderTable<Row>([{ t: 75_586, d: 0, s: 'x', b: false }], COLUMNS, 'json'))).toEqual([
      { lapTime: 75_586, lapStartDate: '1970-01-01T00:00:00.000Z', deletedReason: 'x', isAccurate: false, source: 'laps' },
    ]);
    expect(renderTable([], COLUMNS, 'json')).toBe('[]\n');
  });

  it('csv: RFC 4180 quoting, empty fields for missing values, one line per record', () => {
    const csv = toCsv<Row>([{ t: 1, d: null, s: 'CAR 1, TIME 1:23.456 "DELETED"', b: null }, { t: null, d: null, s: 'multi\nline', b: true }], COLUMNS);
    expect(csv).toBe('lapTime,lapStartDate,deletedReason,isAccurate,source\r\n1,,"CAR 1, TIME 1:23.456 ""DELETED""",,laps\r\n,,"multi\nline",true,laps\r\n');
  });

  it('cells and format names', () => {
    expect(fastf1Cell('duration', 1234.5)).toBe(1.235);
    expect(jsonCell('number', Infinity)).toBeNull();
    expect(isoDate('2025-10-25T21:07:01.751Z')).toBe('2025-10-25T21:07:01.751Z');
    expect(isoDate('nonsense')).toBeNull();
    expect(parseFormat('csv')).toBe('csv');
    expect(() => parseFormat('csv', ['json', 'fastf1'])).toThrow('unknown format "csv" (expected json, fastf1)');
  });
});
