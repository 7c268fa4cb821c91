// Standings after every round, from session results and the season's championship rules. Pure:
// the dump import and the Jolpica sync both feed it (via recomputeSeasonStandings) so they agree.
//
// Order follows Jolpica: championship points, then countback on race finishes (most wins, then most
// seconds, …), then on unclassified race positions. Points from sprints count; sprint places do not
// enter the countback. Disqualified (101) and excluded (102) entries keep their place in the list but
// get no position; excluded ones also lose their points.
import {
  Adjustment,
  countedPoints,
  countingOf,
  Eligibility,
  positionScales,
  TeamPointsPerSession,
  type ChampionshipRules,
  type PointRules,
} from './rules.js';
import type { Counting } from './eras.js';

export interface SessionEntryInput<D, C> {
  driver: D;
  constructor: C;
  /** Finishing position (also for unclassified cars), null if unknown. */
  position: number | null;
  classified: boolean;
  points: number | null;
  /** Points of this car for its constructor, when scored already (score.ts); else derived from `points`. */
  teamPoints?: number | null;
  /** Car number: entries of one session with the same constructor and car are a shared drive. */
  car?: number | string | null;
}

export interface SessionInput<D, C> {
  round: number;
  kind: 'race' | 'sprint';
  /** Order of the session within its round (sprint before race). */
  order: number;
  /** Rules that produced the session's points; needed only when team points differ from driver points. */
  pointRules?: PointRules | null;
  entries: SessionEntryInput<D, C>[];
}

export interface AdjustmentInput<D, C> {
  driver?: D | null;
  constructor?: C | null;
  type: number;
  points?: number | null;
  /** The first round whose standings show it (default: every round, as if known from the start). */
  fromRound?: number | null;
}

interface AdjustmentInForce {
  type: number;
  points: number;
  fromRound: number;
}

export interface SeasonInput<D, C> {
  rules: ChampionshipRules;
  /** Rounds of the season that were not cancelled (the basis of best-results splits). */
  totalRounds: number;
  sessions: SessionInput<D, C>[];
  adjustments?: AdjustmentInput<D, C>[];
}

export interface Standing<K> {
  id: K;
  points: number;
  position: number | null;
  /** The position as text, or 'D' (disqualified), 'E' (excluded), '-' (not eligible for a place). */
  positionText: string;
  wins: number;
  isEligible: boolean;
}

export interface RoundStandings<D, C> {
  round: number;
  drivers: Standing<D>[];
  /** Empty when the season had no constructors' championship. */
  constructors: Standing<C>[];
}

/** Points, and finishing-position counts for countback, of one driver or team. */
class Tally {
  readonly roundPoints = new Map<number, number>();
  readonly finishes: number[] = [];
  readonly retirements: number[] = [];

  addPoints(round: number, points: number): void {
    this.roundPoints.set(round, (this.roundPoints.get(round) ?? 0) + points);
  }
  addPosition(position: number, classified: boolean): void {
    const counts = classified ? this.finishes : this.retirements;
    while (counts.length < position) counts.push(0);
    counts[position - 1]!++;
  }
}

/** Countback comparison of position counts: more of a better position wins (Jolpica's encoded strings). */
function compareCounts(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

interface Ranked<K> {
  id: K;
  tally: Tally;
  sortPoints: number;
}

function rank<K>(
  tallies: Map<K, Tally>,
  counting: Counting | null,
  rules: ChampionshipRules,
  adjustmentOf: (id: K) => { type: number; points: number } | undefined,
): Standing<K>[] | null {
  if (counting === null) return null;
  const ranked: Ranked<K>[] = [];
  for (const [id, tally] of tallies) {
    const points = countedPoints(tally.roundPoints, counting);
    const adj = adjustmentOf(id);
    ranked.push({ id, tally, sortPoints: adj?.type === Adjustment.POINT_DEDUCTION ? points - adj.points : points });
  }
  // Countback over every place, then unclassified places (Jolpica), or over the first N places only.
  const limit = rules.countbackPlaces;
  const cmp =
    limit === undefined
      ? (a: Ranked<K>, b: Ranked<K>) =>
          b.sortPoints - a.sortPoints ||
          compareCounts(b.tally.finishes, a.tally.finishes) ||
          compareCounts(b.tally.retirements, a.tally.retirements)
      : (a: Ranked<K>, b: Ranked<K>) =>
          b.sortPoints - a.sortPoints || compareCounts(b.tally.finishes.slice(0, limit), a.tally.finishes.slice(0, limit));
  ranked.sort(cmp);

  const out: Standing<K>[] = [];
  let position = 1;
  let draws = -1;
  let last: Ranked<K> | undefined;
  for (const r of ranked) {
    const adj = adjustmentOf(r.id);
    const removed = adj !== undefined && adj.type > 100;
    if (!removed) {
      if (last === undefined || cmp(last, r) < 0) {
        position += 1 + draws;
        draws = 0;
      } else {
        draws++;
      }
    }
    last = r;
    const points = adj?.type === Adjustment.EXCLUDED ? 0 : r.sortPoints;
    const finished = r.tally.finishes.some((n) => n > 0);
    const isEligible =
      rules.eligibility === Eligibility.HAS_POINT
        ? points > 0
        : rules.eligibility === Eligibility.HAS_FINISH
          ? finished
          : finished || points > 0;
    const placed = isEligible && !removed;
    out.push({
      id: r.id,
      points,
      position: placed ? position : null,
      positionText: placed ? String(position) : adj?.type === Adjustment.EXCLUDED ? 'E' : adj?.type === Adjustment.DISQUALIFIED ? 'D' : '-',
      wins: r.tally.finishes[0] ?? 0,
      isEligible,
    });
  }
  return out;
}

/**
 * Team points of one car: the driver's points, unless the season scored teams on another scale
 * (1958–59: no fastest-lap point for teams), in which case the place is scored on the team scale
 * and a shared car scores nothing when the rules gave shared drives no points.
 */
function teamPointsOf<D, C>(entry: SessionEntryInput<D, C>, rules: PointRules | null | undefined, shared: boolean): number {
  if (
    !rules ||
    (rules.teamPositionPoints === rules.driverPositionPoints && rules.teamFastestLap === rules.driverFastestLap)
  ) {
    return entry.points ?? 0;
  }
  if (!entry.classified || entry.position === null) return 0;
  if (shared && rules.sharedDrive === 0) return 0;
  return positionScales[rules.teamPositionPoints]?.[entry.position - 1] ?? 0;
}

/** Standings after each round that has point-scoring sessions, in round order. */
export function computeStandings<D, C>(season: SeasonInput<D, C>): RoundStandings<D, C>[] {
  const { rules } = season;
  const sessions = [...season.sessions].sort((a, b) => a.round - b.round || a.order - b.order);
  const driverAdj = new Map<unknown, AdjustmentInForce>();
  const teamAdj = new Map<unknown, AdjustmentInForce>();
  for (const a of season.adjustments ?? []) {
    const v = { type: a.type, points: a.points ?? 0, fromRound: a.fromRound ?? 0 };
    if (a.driver !== undefined && a.driver !== null) driverAdj.set(a.driver, v);
    if (a.constructor !== undefined && a.constructor !== null) teamAdj.set(a.constructor, v);
  }

  const driverCounting =
    rules.driverCounting !== undefined ? rules.driverCounting : countingOf(rules.driverSeasonSplit, rules.driverBestResults, season.totalRounds);
  const teamCounting =
    rules.teamCounting !== undefined ? rules.teamCounting : countingOf(rules.teamSeasonSplit, rules.teamBestResults, season.totalRounds);
  const drivers = new Map<D, Tally>();
  const teams = new Map<C, Tally>();
  const tallyOf = <K>(map: Map<K, Tally>, id: K) => {
    let t = map.get(id);
    if (!t) map.set(id, (t = new Tally()));
    return t;
  };

  const out: RoundStandings<D, C>[] = [];
  for (let i = 0; i < sessions.length; i++) {
    const session = sessions[i]!;

    // A driver with several cars in one session (shared drives) counts the points of all of them
    // and the best position, preferring a classified one.
    const byDriver = new Map<D, SessionEntryInput<D, C>[]>();
    const byTeam = new Map<C, SessionEntryInput<D, C>[]>();
    for (const e of session.entries) {
      (byDriver.get(e.driver) ?? byDriver.set(e.driver, []).get(e.driver)!).push(e);
      (byTeam.get(e.constructor) ?? byTeam.set(e.constructor, []).get(e.constructor)!).push(e);
    }
    for (const [driver, entries] of byDriver) {
      const tally = tallyOf(drivers, driver);
      let best: SessionEntryInput<D, C> | undefined;
      let points = 0;
      for (const e of entries) {
        points += e.points ?? 0;
        if (e.position === null) continue;
        if (!best || best.position === null || (e.position < best.position && (!best.classified || e.classified))) best = e;
      }
      tally.addPoints(session.round, points);
      if (session.kind === 'race' && best && best.position !== null) tally.addPosition(best.position, best.classified);
    }
    for (const [team, entries] of byTeam) {
      const tally = tallyOf(teams, team);
      const carCount = new Map<unknown, number>();
      for (const e of entries) if (e.car !== undefined && e.car !== null) carCount.set(e.car, (carCount.get(e.car) ?? 0) + 1);
      const carPoints = entries.map((e) => e.teamPoints ?? teamPointsOf(e, session.pointRules, (carCount.get(e.car) ?? 0) > 1));
      const points =
        rules.teamPointsPerSession === TeamPointsPerSession.BEST
          ? Math.max(0, ...carPoints)
          : carPoints.reduce((a, b) => a + b, 0);
      tally.addPoints(session.round, points);
      if (session.kind === 'race') {
        for (const e of entries) if (e.position !== null) tally.addPosition(e.position, e.classified);
      }
    }

    const next = sessions[i + 1];
    if (next && next.round === session.round) continue;
    const inForce = (adj: Map<unknown, AdjustmentInForce>) => (id: unknown) => {
      const a = adj.get(id);
      return a && session.round >= a.fromRound ? a : undefined;
    };
    out.push({
      round: session.round,
      drivers: rank(drivers, driverCounting, rules, inForce(driverAdj)) ?? [],
      constructors: rank(teams, teamCounting, rules, inForce(teamAdj)) ?? [],
    });
  }
  return out;
}
