// Standings after every round of every season 1950–2026, computed from F1DB's race and sprint
// classifications by our championship rules (standings/eras.ts → score.ts → compute.ts), compared
// with F1DB's own standings files (after each round and final): places, points and ties, drivers and
// (from 1958) constructors. A difference fails the test unless standings-f1db-explained.ts gives
// the reason, or it is a place inside a group tied on points, or it follows from an explained
// points difference in the same table; an explanation that matches nothing fails too. Pure, no DB.
import { describe, expect, it } from 'vitest';
import { computeStandings, type Standing } from '../../src/history/standings/compute.js';
import { adjustmentsOfSeason, championshipRulesOf, seasonRules, type SeasonRules } from '../../src/history/standings/eras.js';
import { scoreSession } from '../../src/history/standings/score.js';
import { f1dbYears, loadF1dbSeason, type F1dbSeason, type F1dbStanding } from '../helpers/f1db-seasons.js';
import { explained, type Explained } from './standings-f1db-explained.js';

interface Difference {
  kind: 'drivers' | 'constructors';
  year: number;
  round: number | 'final';
  id: string;
  field: Explained['field'];
  ours: string;
  theirs: string;
  /** a place inside a group tied on points */
  tie?: boolean;
}

const hundredths = (x: number) => Math.round(x * 100) / 100;
const placeText = (s: Standing<string>) => (s.position !== null ? String(s.position) : s.positionText === 'D' ? 'DSQ' : s.positionText === 'E' ? 'EX' : '-');

function compare(kind: Difference['kind'], year: number, round: number | 'final', ours: Standing<string>[], theirs: F1dbStanding[]): Difference[] {
  const out: Difference[] = [];
  const mine = new Map(ours.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const diff = (id: string, field: Difference['field'], a: string, b: string, tie?: boolean) =>
    out.push({ kind, year, round, id, field, ours: a, theirs: b, ...(tie ? { tie } : {}) });
  for (const t of theirs) {
    // 2018: F1DB's final table has Force India twice (old entry excluded, new one); the first is compared.
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    const o = mine.get(t.id);
    if (!o) {
      diff(t.id, 'missing', '', `${t.position} ${t.points}`);
      continue;
    }
    if (hundredths(o.points) !== hundredths(t.points)) diff(t.id, 'points', String(hundredths(o.points)), String(t.points));
    const pos = placeText(o);
    if (pos !== t.position) {
      // Tied on points with others: any place in the group's range is a countback order of it.
      const group = ours.filter((x) => hundredths(x.points) === hundredths(o.points) && x.position !== null).map((x) => x.position!);
      const place = Number(t.position);
      const tie = group.length > 1 && place >= Math.min(...group) && place < Math.min(...group) + group.length;
      diff(t.id, 'position', pos, t.position, tie);
    }
  }
  // F1DB lists only scorers before 2000, finishers without points too from 2000.
  for (const o of ours) {
    if (!seen.has(o.id) && (o.points !== 0 || (year >= 2000 && o.position !== null))) diff(o.id, 'extra', `${placeText(o)} ${o.points}`, '');
  }
  return out;
}

interface SeasonCheck {
  diffs: Difference[];
  tables: { kind: Difference['kind']; round: number | 'final' }[];
}

function checkSeason(season: F1dbSeason, rules: SeasonRules): SeasonCheck {
  const sessions = season.rounds.flatMap((r) => r.sessions.map((s) => scoreSession(rules, s, (d, ids) => d === ids.f1db)));
  const teams = new Set(sessions.flatMap((s) => s.entries.map((e) => e.constructor)));
  const computed = computeStandings({
    rules: championshipRulesOf(rules),
    totalRounds: season.rounds.length,
    sessions,
    adjustments: adjustmentsOfSeason(rules, {
      driver: (ids) => [ids.f1db],
      // F1DB files a constructor once per engine make.
      constructor: (ids) => [...teams].filter((t) => t.startsWith(`${ids.f1db}|`)),
    }),
  });
  const out: SeasonCheck = { diffs: [], tables: [] };
  const add = (kind: Difference['kind'], round: number | 'final', ours: Standing<string>[] | undefined, theirs: F1dbStanding[] | null) => {
    if (!theirs) return;
    out.tables.push({ kind, round });
    out.diffs.push(...compare(kind, season.year, round, ours ?? [], theirs));
  };
  const byRound = new Map(computed.map((r) => [r.round, r]));
  for (const r of season.rounds) {
    add('drivers', r.round, byRound.get(r.round)?.drivers, r.drivers);
    add('constructors', r.round, byRound.get(r.round)?.constructors, r.constructors);
  }
  const last = computed[computed.length - 1];
  add('drivers', 'final', last?.drivers, season.drivers);
  add('constructors', 'final', last?.constructors, season.constructors);
  return out;
}

const matches = (e: Explained, d: Difference) =>
  e.kind === d.kind && e.year === d.year && e.field === d.field && e.rounds.includes(d.round) && e.ids.includes(d.id);

/** Split differences into those explained (by the fixture, a tie, or an explained points difference in the table) and the rest. */
function triage(diffs: Difference[]) {
  const table = (d: { kind: string; year: number; round: number | 'final' }) => `${d.kind} ${d.year}/${d.round}`;
  const byFixture = diffs.filter((d) => explained.some((e) => matches(e, d)));
  const pointsTables = new Set(byFixture.filter((d) => d.field === 'points').map(table));
  const rest = diffs.filter((d) => !byFixture.includes(d));
  const ties = rest.filter((d) => d.field === 'position' && d.tie);
  const followPoints = rest.filter((d) => d.field === 'position' && !d.tie && pointsTables.has(table(d)));
  const unexplained = rest.filter((d) => !ties.includes(d) && !followPoints.includes(d));
  return { byFixture, ties, followPoints, unexplained };
}

const years = f1dbYears();
const seasons = years.map(loadF1dbSeason);

describe('standings after every round 1950–2026 against F1DB', () => {
  it('equal F1DB’s tables, or differ only where explained', () => {
    const all = seasons.map((s) => checkSeason(s, seasonRules(s.year)));
    const diffs = all.flatMap((c) => c.diffs);
    const { byFixture, ties, followPoints, unexplained } = triage(diffs);
    expect(unexplained.map((d) => `${d.kind} ${d.year}/${d.round} ${d.id} ${d.field}: ours ${d.ours}, F1DB ${d.theirs}`)).toEqual([]);
    // Every explanation still explains something.
    expect(explained.filter((e) => !byFixture.some((d) => matches(e, d))).map((e) => `${e.kind} ${e.year} ${e.field}`)).toEqual([]);

    // The figures: tables compared, equal, and explained (the count the README reports).
    const summary = (kind: Difference['kind']) => {
      const tables = all.flatMap((c, i) => c.tables.filter((t) => t.kind === kind).map((t) => `${kind} ${years[i]}/${t.round}`));
      const differing = new Set(diffs.filter((d) => d.kind === kind).map((d) => `${kind} ${d.year}/${d.round}`));
      const seasonsWith = new Set(tables.map((t) => t.split(' ')[1]!.split('/')[0]));
      return { seasons: seasonsWith.size, tables: tables.length, equal: tables.length - differing.size, explained: differing.size };
    };
    const drivers = summary('drivers');
    const constructors = summary('constructors');
    console.log(
      `standings vs F1DB — drivers: ${drivers.seasons} seasons, ${drivers.tables} tables, ${drivers.equal} equal, ${drivers.explained} explained; ` +
        `constructors: ${constructors.seasons} seasons, ${constructors.tables} tables, ${constructors.equal} equal, ${constructors.explained} explained; ` +
        `differences: ${byFixture.length} listed, ${ties.length} tie orders, ${followPoints.length} places after a listed points difference`,
    );
    expect(drivers.seasons).toBe(77); // 1950–2026
    expect(constructors.seasons).toBe(69); // 1958–2026
    expect(drivers.tables).toBeGreaterThan(1180);
    // Nearly every table agrees outright; explanations are the exception.
    expect(drivers.equal / drivers.tables).toBeGreaterThan(0.7);
    expect(constructors.equal / constructors.tables).toBeGreaterThan(0.9);
    // Every points difference is a listed one: ties differ in order only, never in points.
    expect(diffs.filter((d) => d.field === 'points').every((d) => byFixture.includes(d))).toBe(true);
  });

  it('fails when a rule is wrong', () => {
    const at = (year: number) => seasons[years.indexOf(year)]!;
    const broken = (year: number, change: (r: SeasonRules) => SeasonRules) => triage(checkSeason(at(year), change(seasonRules(year))).diffs).unexplained;
    // 1980 counted the best 5 of each half; counting every result changes Jones's and Piquet's totals.
    expect(broken(1980, (r) => ({ ...r, drivers: { kind: 'all' } })).length).toBeGreaterThan(0);
    // 2014's finale paid double.
    expect(broken(2014, (r) => ({ ...r, rounds: {} })).length).toBeGreaterThan(0);
    // 2021 Spa: half points, no fastest-lap point.
    expect(broken(2021, (r) => ({ ...r, rounds: {} })).length).toBeGreaterThan(0);
    // 2019–24: the fastest-lap point needs a top-ten finish.
    expect(broken(2019, (r) => ({ ...r, fastestLap: { points: 1, onlyTopTen: false, constructors: true } })).length).toBeGreaterThan(0);
    // 1950s shared drives split the points.
    expect(broken(1951, (r) => ({ ...r, sharedDrive: 'none' })).length).toBeGreaterThan(0);
    // Until 1978 only a constructor's best car scored.
    expect(broken(1970, (r) => ({ ...r, constructors: { ...r.constructors!, bestCarOnly: false } })).length).toBeGreaterThan(0);
    // Sprints: 2021 paid 3-2-1, 2022 8 down to 1.
    expect(broken(2022, (r) => ({ ...r, sprintPoints: [3, 2, 1] })).length).toBeGreaterThan(0);
    // 1997: Schumacher disqualified from the championship.
    expect(broken(1997, (r) => ({ ...r, adjustments: [] })).length).toBeGreaterThan(0);
  });
});
