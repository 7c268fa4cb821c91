// Standings of one season recomputed from the stored results (race + sprint), the season's
// championship system and its adjustments, and written for every round.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as s from '../../db/schema/index.js';
import { syncRows, type SyncRowsResult } from '../../db/sync-rows.js';
import { computeStandings, type SessionInput } from './compute.js';
import { championshipRulesOf, seasonRules } from './eras.js';
import { modernRules, type ChampionshipRules, type PointRules } from './rules.js';

const isClassified = (positionText: string) => /^\d+$/.test(positionText);

/** Gather what computeStandings needs for a season from the database. */
export async function loadSeasonInput(db: DbOrTx, year: number) {
  const [season] = await db
    .select({ system: s.championshipSystems })
    .from(s.seasons)
    .leftJoin(s.championshipSystems, eq(s.seasons.championshipSystemId, s.championshipSystems.id))
    .where(eq(s.seasons.year, year));
  // The season's stored system (Jolpica's) decides; without one, the rules table (eras.ts) does before
  // 2002, where today's rules would be wrong (best N, halves, best car only), and today's rules after.
  const rules: ChampionshipRules = season?.system ?? (year < 2002 ? championshipRulesOf(seasonRules(year)) : modernRules);

  const races = await db
    .select({ id: s.races.id, round: s.races.round, isCancelled: s.races.isCancelled })
    .from(s.races)
    .where(eq(s.races.season, year))
    .orderBy(asc(s.races.round));
  const raceIds = races.map((r) => r.id);
  const roundOf = new Map(races.map((r) => [r.id, r.round]));
  const totalRounds = races.filter((r) => !r.isCancelled).length;
  if (raceIds.length === 0) return { rules, totalRounds, sessions: [], adjustments: [], raceIdOf: new Map<number, number>() };

  // The point system and order of the race and sprint sessions, where the schedule knows them.
  const scheduled = await db
    .select({ raceId: s.raceSessions.raceId, type: s.raceSessions.type, number: s.raceSessions.number, points: s.pointSystems })
    .from(s.raceSessions)
    .leftJoin(s.pointSystems, eq(s.raceSessions.pointSystemId, s.pointSystems.id))
    .where(and(inArray(s.raceSessions.raceId, raceIds), inArray(s.raceSessions.type, ['R', 'SR'])));
  const sessionInfo = new Map<string, { number: number | null; points: PointRules | null; scoring: boolean }>();
  for (const r of scheduled) {
    sessionInfo.set(`${r.raceId}/${r.type}`, {
      number: r.number,
      points: r.points,
      // Sessions under the "no points" system do not enter the championship.
      scoring: r.points === null || r.points.driverPositionPoints !== 0 || r.points.teamPositionPoints !== 0,
    });
  }

  const sessions = new Map<string, SessionInput<number, number>>();
  const load = async (table: typeof s.results | typeof s.sprintResults, kind: 'race' | 'sprint') => {
    const rows = await db
      .select({
        raceId: table.raceId,
        number: table.number,
        driverId: table.driverId,
        constructorId: table.constructorId,
        position: table.position,
        positionText: table.positionText,
        points: table.points,
      })
      .from(table)
      .where(inArray(table.raceId, raceIds));
    const type = kind === 'race' ? 'R' : 'SR';
    for (const r of rows) {
      const key = `${r.raceId}/${type}`;
      const info = sessionInfo.get(key);
      if (info && !info.scoring) continue;
      let session = sessions.get(key);
      if (!session) {
        session = {
          round: roundOf.get(r.raceId)!,
          kind,
          order: info?.number ?? (kind === 'sprint' ? 1 : 2),
          pointRules: info?.points ?? null,
          entries: [],
        };
        sessions.set(key, session);
      }
      session.entries.push({
        driver: r.driverId,
        constructor: r.constructorId,
        position: r.position,
        classified: isClassified(r.positionText),
        points: r.points,
        car: r.number,
      });
    }
  };
  await load(s.results, 'race');
  await load(s.sprintResults, 'sprint');

  const adjustments = (await db.select().from(s.championshipAdjustments).where(eq(s.championshipAdjustments.season, year))).map(
    (a) => ({ driver: a.driverId, constructor: a.constructorId, type: a.adjustment, points: a.points }),
  );
  const raceIdOf = new Map(races.map((r) => [r.round, r.id]));
  return { rules, totalRounds, sessions: [...sessions.values()], adjustments, raceIdOf };
}

/** Recompute and store the driver and constructor standings after every round of a season. */
export async function recomputeSeasonStandings(db: DbOrTx, year: number): Promise<Record<string, SyncRowsResult>> {
  const { raceIdOf, ...input } = await loadSeasonInput(db, year);
  const rounds = computeStandings(input);
  const driverRows = [];
  const constructorRows = [];
  for (const r of rounds) {
    const raceId = raceIdOf.get(r.round)!;
    for (const st of r.drivers) {
      const { id, ...rest } = st;
      driverRows.push({ raceId, season: year, round: r.round, driverId: id, ...rest });
    }
    for (const st of r.constructors) {
      const { id, ...rest } = st;
      constructorRows.push({ raceId, season: year, round: r.round, constructorId: id, ...rest });
    }
  }
  return {
    driver_standings: await syncRows(db, {
      table: s.driverStandings,
      rows: driverRows,
      keyOf: (r) => `${r.raceId}|${r.driverId}`,
      scope: eq(s.driverStandings.season, year),
      identity: ['raceId', 'driverId'],
    }),
    constructor_standings: await syncRows(db, {
      table: s.constructorStandings,
      rows: constructorRows,
      keyOf: (r) => `${r.raceId}|${r.constructorId}`,
      scope: eq(s.constructorStandings.season, year),
      identity: ['raceId', 'constructorId'],
    }),
  };
}
