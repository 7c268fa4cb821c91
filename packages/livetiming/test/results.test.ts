// Session results against FastF1's results.json: official Jolpica results where FastF1 had them,
// otherwise classified from laps (Mexico 2025 and the 2023 sprint shootout: qualifying parts with
// the 107% rule; the practice sessions by best lap).
import { describe, expect, it } from 'vitest';
import { buildResults, type SessionResult } from '../src/index.js';
import { ORACLE_SESSIONS, buildOracleSession, compareResults, officialFor, resultsFor } from './oracle.js';

describe('results parity with FastF1', () => {
  for (const session of ORACLE_SESSIONS) {
    it(session, () => {
      const b = buildOracleSession(session);
      const results = resultsFor(session, b);
      const c = compareResults(session, results);
      expect(c.missing).toEqual([]);
      // 2020 70th Anniversary FP2: FastF1 took driver ids from the race results of round 5, which
      // were not recorded in ../shared — the only column we cannot fill there
      const skip = session === 'fastf1/2020_70th_Anniversary_FP2' ? ['DriverId'] : [];
      const diffs = c.columns.filter((col) => !skip.includes(col.column) && col.equal !== col.total)
        .map((col) => `${col.column} ${col.equal}/${col.total}: ${col.examples.join(' | ')}`);
      expect(diffs).toEqual([]);
      const fromLaps = officialFor(session) === null || b.kind === 'practice';
      expect(results.every((r) => r.source === (fromLaps ? 'laps' : 'official'))).toBe(true);
    });
  }
});

describe('classification rules', () => {
  const row = (n: string, q1: number | null, q2: number | null = null): { driverNumber: string; position: number; q1: number | null; q2: number | null } =>
    ({ driverNumber: n, position: Number(n), q1, q2 });
  it('marks a Q1 time slower than 107% of the fastest, without Q2, as not classified (N)', () => {
    const res = buildResults({
      kind: 'qualifying',
      drivers: ['1', '2', '3'].map((n) => ({ driverNumber: n })),
      official: [row('1', 80_000, 79_000), row('2', 85_000), row('3', 86_000)],
    });
    expect(res.map((r) => r.classifiedPosition)).toEqual(['1', '2', 'N']);
  });
  it('orders a race without official results by laps completed, then by when the last lap ended', () => {
    const b = buildOracleSession('fastf1/2018_Azerbaijan_R');
    const res = buildResults({ kind: 'race', drivers: [...new Set(b.laps.toArray().map((l) => l.driverNumber))].map((driverNumber) => ({ driverNumber })), laps: b.laps });
    const top = res.slice(0, 3).map((r: SessionResult) => r.driverNumber);
    expect(top).toEqual(['44', '7', '11']); // HAM, RAI, PER: the official podium
    expect(res[0]!.laps).toBe(51);
    const laps = res.map((r) => r.laps ?? 0);
    for (let i = 1; i < laps.length; i++) expect(laps[i]).toBeLessThanOrEqual(laps[i - 1]!);
  });
  it('adds drivers missing from the F1 list (did not start) without a position', () => {
    const res = buildResults({
      kind: 'race', drivers: [{ driverNumber: '1' }],
      official: [{ driverNumber: '1', position: 1, time: 5_000_000 }, { driverNumber: '2', position: 20, classifiedPosition: 'W', status: 'Did not start' }],
    });
    expect(res.map((r) => [r.driverNumber, r.position, r.classifiedPosition])).toEqual([['1', 1, '1'], ['2', null, 'W']]);
  });
});
