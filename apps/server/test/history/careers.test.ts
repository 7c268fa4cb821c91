// Careers computed from results (history/careers) for every driver and constructor of F1DB's
// 1950–2026 tree, checked against totals published independently of F1DB and of our code.
// Points per result come from our championship rules (standings/score.ts), titles from our
// standings (standings/compute.ts): nothing is taken from a source's totals.
import { describe, expect, it } from 'vitest';
import { computeCareer, type Career, type CareerEntry } from '../../src/history/careers/career.js';
import { computeStandings } from '../../src/history/standings/compute.js';
import { adjustmentsOfSeason, championshipRulesOf, seasonRules } from '../../src/history/standings/eras.js';
import { scoreSession } from '../../src/history/standings/score.js';
import { f1dbYears, loadF1dbSeason, type F1dbSeason } from '../helpers/f1db-seasons.js';

/** F1DB places that mean the car never took the start. */
const NOT_STARTED = new Set(['DNS', 'DNQ', 'DNPQ', 'DNP']);

interface Careers {
  drivers: Map<string, { entries: CareerEntry[]; titles: number[] }>;
  constructors: Map<string, { entries: CareerEntry[]; titles: number[] }>;
}

function careersOf(seasons: F1dbSeason[]): Careers {
  const out: Careers = { drivers: new Map(), constructors: new Map() };
  const of = (map: Careers['drivers'], id: string) => map.get(id) ?? map.set(id, { entries: [], titles: [] }).get(id)!;
  for (const season of seasons) {
    const rules = seasonRules(season.year);
    const scored = season.rounds.flatMap((r) =>
      r.sessions.map((s) => ({ round: r, session: s, scored: scoreSession(rules, s, (d, ids) => d === ids.f1db) })),
    );
    for (const { round, session, scored: sc } of scored) {
      const race = `${season.year}/${round.round}`;
      session.rows.forEach((row, i) => {
        const e = sc.entries[i]!;
        const started = !NOT_STARTED.has(row.position!) && !(row.position === 'EX' && !Number(row.laps));
        const base = { race, season: season.year, kind: session.kind, started, classified: e.classified, position: e.position };
        const flags = { pole: session.kind === 'race' && round.pole === row.driverId, fastestLap: session.kind === 'race' && session.entries[i]!.fastestLap === true };
        of(out.drivers, row.driverId!).entries.push({ ...base, ...flags, points: e.points ?? 0 });
        of(out.constructors, row.constructorId!).entries.push({ ...base, ...flags, points: e.teamPoints ?? 0 });
      });
    }
    // Titles from our own standings after the final round.
    const teams = new Set(scored.flatMap((s) => s.scored.entries.map((e) => e.constructor)));
    const standings = computeStandings({
      rules: championshipRulesOf(rules),
      totalRounds: season.rounds.length,
      sessions: scored.map((s) => s.scored),
      adjustments: adjustmentsOfSeason(rules, { driver: (ids) => [ids.f1db], constructor: (ids) => [...teams].filter((t) => t.startsWith(`${ids.f1db}|`)) }),
    });
    const final = standings[standings.length - 1];
    // A season counts once it is complete (2026 is not).
    if (!final || season.rounds.some((r) => r.sessions.length === 0)) continue;
    for (const s of final.drivers) if (s.position === 1) of(out.drivers, s.id).titles.push(season.year);
    for (const s of final.constructors) if (s.position === 1) of(out.constructors, s.id.split('|')[0]!).titles.push(season.year);
  }
  return out;
}

const seasons = f1dbYears().map(loadF1dbSeason);
const careers = careersOf(seasons);
const to2024 = careersOf(seasons.filter((s) => s.year <= 2024));
const driver = (c: Careers, id: string): Career => computeCareer(c.drivers.get(id)!.entries, c.drivers.get(id)!.titles, 'driver');
const team = (c: Careers, id: string): Career => computeCareer(c.constructors.get(id)!.entries, c.constructors.get(id)!.titles, 'constructor');

describe('careers from results against published totals', () => {
  // Source: Formula1.com driver statistics and the Wikipedia infoboxes ("Entries 308 (306 starts)",
  // "Career points 1,566") of finished careers.
  it('Michael Schumacher: 306 starts, 91 wins, 155 podiums, 68 poles, 77 fastest laps, 7 titles, 1,566 points', () => {
    expect(driver(careers, 'michael-schumacher')).toMatchObject({
      starts: 306, wins: 91, podiums: 155, poles: 68, fastestLaps: 77, titles: 7, points: 1566, bestFinish: { position: 1, times: 91 },
    });
  });

  it('Ayrton Senna: 161 starts, 41 wins, 80 podiums, 65 poles, 19 fastest laps, 3 titles, 614 points scored (610 counted)', () => {
    expect(driver(careers, 'ayrton-senna')).toMatchObject({ starts: 161, wins: 41, podiums: 80, poles: 65, fastestLaps: 19, titles: 3, points: 614 });
  });

  it('Alain Prost: 199 starts, 51 wins, 106 podiums, 33 poles, 41 fastest laps, 4 titles, 798.5 points scored (768.5 counted)', () => {
    expect(driver(careers, 'alain-prost')).toMatchObject({ starts: 199, wins: 51, podiums: 106, poles: 33, fastestLaps: 41, titles: 4, points: 798.5 });
  });

  // Poles as published: who started first (2007 Hungary is Hamilton's; 2021 Silverstone, a sprint weekend, and
  // Turkey, a grid penalty, are Verstappen's and Bottas's).
  it('Lewis Hamilton to the end of 2024: 356 starts, 105 wins, 202 podiums, 104 poles, 7 titles, 4,862.5 points', () => {
    expect(driver(to2024, 'lewis-hamilton')).toMatchObject({ starts: 356, wins: 105, podiums: 202, poles: 104, titles: 7, points: 4862.5 });
  });

  it('Ferrari to the end of 2024: 248 wins, 16 constructors’ titles; McLaren: 189 wins, 9 titles', () => {
    const c = to2024;
    expect(team(c, 'ferrari')).toMatchObject({ wins: 248, titles: 16 });
    expect(team(c, 'mclaren')).toMatchObject({ wins: 189, titles: 9 });
  });

  it('computes every driver and constructor, with consistent totals', () => {
    expect(careers.drivers.size).toBeGreaterThan(850);
    expect(careers.constructors.size).toBeGreaterThan(150);
    for (const [id, c] of careers.drivers) {
      const k = computeCareer(c.entries, c.titles, 'driver');
      expect(k.wins <= k.podiums && k.podiums <= k.starts && k.poles <= k.starts + 1, id).toBe(true);
    }
    // A champion of every finished season 1950–2025, and of constructors 1958–2025.
    const titles = [...careers.drivers.values()].reduce((n, c) => n + c.titles.length, 0);
    expect(titles).toBe(2025 - 1950 + 1);
    expect([...careers.constructors.values()].reduce((n, c) => n + c.titles.length, 0)).toBe(2025 - 1958 + 1);
  });
});
