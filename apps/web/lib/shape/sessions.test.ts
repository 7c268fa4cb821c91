import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../test/ergast-fixtures';
import { sessionCodes } from './sessions';

// Session types per round as the Jolpica dump records them (formula_one_session.csv).
function dumpSessionTypes(year: number, round: number): { type: string; date: string | null; time: string | null }[] {
  const dir = path.join(sharedDir, 'jolpica-dump');
  const rows = (f: string) => readFileSync(path.join(dir, f), 'utf8').trim().split('\n').map((l) => l.split(','));
  const [rh, ...rounds] = rows('formula_one_round.csv');
  const [sh, ...seasons] = rows('formula_one_season.csv');
  const [xh, ...sessions] = rows('formula_one_session.csv');
  const col = (h: string[], name: string) => h.indexOf(name);
  const seasonId = seasons.find((s) => s[col(sh!, 'year')] === String(year))![col(sh!, 'id')];
  const roundId = rounds.find((r) => r[col(rh!, 'season_id')] === seasonId && r[col(rh!, 'number')] === String(round))![col(rh!, 'id')];
  return sessions
    .filter((s) => s[col(xh!, 'round_id')] === roundId)
    .map((s) => {
      const ts = s[col(xh!, 'timestamp')] ?? '';
      return { type: s[col(xh!, 'type')]!, date: ts.slice(0, 10) || null, time: ts.slice(11, 19) || null };
    });
}

describe('sessionCodes', () => {
  it('should order a conventional weekend (2023 Bahrain)', () => {
    expect(sessionCodes({ season: 2023, sessions: dumpSessionTypes(2023, 1) })).toEqual(['FP1', 'FP2', 'FP3', 'Q', 'R']);
  });
  it('should follow the schedule of a sprint weekend (2023 Azerbaijan)', () => {
    // Baku 2023 ran qualifying on Friday, then the shootout and the sprint on Saturday.
    expect(sessionCodes({ season: 2023, sessions: dumpSessionTypes(2023, 4) })).toEqual(['FP1', 'Q', 'SQ', 'S', 'R']);
  });
  it('should rank by the conventional order when times are unknown', () => {
    const sessions = ['R', 'Q1', 'Q2', 'FP2', 'FP1'].map((type) => ({ type, date: null, time: null }));
    expect(sessionCodes({ season: 2019, sessions })).toEqual(['FP1', 'FP2', 'Q', 'R']);
  });
});
