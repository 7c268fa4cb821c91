// F1DB per-race files → rows of our F1DB tables (db/schema/race-sessions-f1db.ts), every field kept.
// Pure but for the pauses: ids come from the resolver the writer builds after matching.
import { slicer } from '../../db/client.js';
import type { F1db, F1dbRace, F1dbSessionResult } from './types.js';
import { durationMillis, position } from './values.js';

/** Our row ids for F1DB ids; `race` is null for a race that was not matched safely (listed as ambiguous). */
export interface Resolver {
  driver(f1dbId: string): number;
  constructor(f1dbId: string): number;
  engineManufacturer(f1dbId: string): number;
  tyreManufacturer(f1dbId: string): number;
  race(year: number, round: number): number | null;
}

export interface RaceRows {
  f1dbRaceResults: Record<string, unknown>[];
  f1dbQualifyingResults: Record<string, unknown>[];
  sessionClassifications: Record<string, unknown>[];
  startingGrid: Record<string, unknown>[];
  fastestLaps: Record<string, unknown>[];
  f1dbPitStops: Record<string, unknown>[];
  driverOfTheDay: Record<string, unknown>[];
  f1dbDriverStandings: Record<string, unknown>[];
  f1dbConstructorStandings: Record<string, unknown>[];
}

interface CarRow {
  position: number | string;
  driverNumber: number;
  driverId: string;
  constructorId: string;
  engineManufacturerId: string;
  tyreManufacturerId: string;
}

const timing = (r: { time?: string | null; gap?: string | null; interval?: string | null }) => ({
  timeText: r.time ?? null,
  timeMillis: durationMillis(r.time),
  gapText: r.gap ?? null,
  gapMillis: durationMillis(r.gap),
  intervalText: r.interval ?? null,
  intervalMillis: durationMillis(r.interval),
});

/** Sessions stored in session_classifications, by the F1dbRace list they come from. */
const SESSIONS = [
  ['freePractice1Results', 'FP1'],
  ['freePractice2Results', 'FP2'],
  ['freePractice3Results', 'FP3'],
  ['freePractice4Results', 'FP4'],
  ['warmingUpResults', 'WUP'],
  ['preQualifyingResults', 'PQ'],
  ['qualifying1Results', 'Q1'],
  ['qualifying2Results', 'Q2'],
] as const satisfies readonly (readonly [keyof F1dbRace, string])[];

/**
 * Async only to pause between races: mapping every race of 1950–today is seconds of JavaScript on a
 * loaded machine, which would hold the thread that serves the API (issue 13).
 */
export async function mapRaceRows(tree: F1db, ids: Resolver): Promise<RaceRows> {
  const pause = slicer();
  const out: RaceRows = {
    f1dbRaceResults: [],
    f1dbQualifyingResults: [],
    sessionClassifications: [],
    startingGrid: [],
    fastestLaps: [],
    f1dbPitStops: [],
    driverOfTheDay: [],
    f1dbDriverStandings: [],
    f1dbConstructorStandings: [],
  };
  for (const season of tree.seasons) {
    for (const race of season.races) {
      await pause();
      const raceId = ids.race(race.year, race.round);
      if (raceId === null) continue;
      const car = (r: CarRow, i: number) => ({
        raceId,
        ordinal: i + 1,
        ...position(r.position),
        number: r.driverNumber,
        driverId: ids.driver(r.driverId),
        constructorId: ids.constructor(r.constructorId),
        engineManufacturerId: ids.engineManufacturer(r.engineManufacturerId),
        tyreManufacturerId: ids.tyreManufacturer(r.tyreManufacturerId),
      });
      for (const [list, kind] of [
        [race.raceResults, 'race'],
        [race.sprintRaceResults, 'sprint'],
      ] as const) {
        list.forEach((r, i) => {
          const grid = r.gridPosition === null ? null : position(r.gridPosition);
          out.f1dbRaceResults.push({
            ...car(r, i),
            kind,
            laps: r.laps,
            ...timing(r),
            timePenaltyText: r.timePenalty,
            timePenaltyMillis: durationMillis(r.timePenalty),
            reasonRetired: r.reasonRetired,
            points: r.points,
            gridPositionNumber: grid?.positionNumber ?? null,
            gridPositionText: grid?.positionText ?? null,
            sharedCar: r.sharedCar ?? null,
            grandSlam: r.grandSlam ?? null,
          });
        });
      }
      race.qualifyingResults.forEach((r, i) =>
        out.f1dbQualifyingResults.push({
          ...car(r, i),
          kind: 'qualifying',
          ...timing(r),
          laps: r.laps,
          q1Text: r.q1 ?? null,
          q1Millis: durationMillis(r.q1),
          q2Text: r.q2 ?? null,
          q2Millis: durationMillis(r.q2),
          q3Text: r.q3 ?? null,
          q3Millis: durationMillis(r.q3),
        }),
      );
      race.sprintQualifyingResults.forEach((r, i) =>
        out.f1dbQualifyingResults.push({
          ...car(r, i),
          kind: 'sprint',
          ...timing({ gap: r.gap, interval: r.interval }),
          laps: r.laps,
          q1Text: r.q1,
          q1Millis: durationMillis(r.q1),
          q2Text: r.q2,
          q2Millis: durationMillis(r.q2),
          q3Text: r.q3,
          q3Millis: durationMillis(r.q3),
        }),
      );
      for (const [list, session] of SESSIONS)
        (race[list] as F1dbSessionResult[]).forEach((r, i) => out.sessionClassifications.push({ ...car(r, i), session, ...timing(r), laps: r.laps }));
      for (const [list, kind] of [
        [race.startingGridPositions, 'race'],
        [race.sprintStartingGridPositions, 'sprint'],
      ] as const)
        list.forEach((r, i) =>
          out.startingGrid.push({
            ...car(r, i),
            kind,
            gridPenaltyText: r.gridPenalty === null ? null : String(r.gridPenalty),
            gridPenaltyPlaces: typeof r.gridPenalty === 'number' ? r.gridPenalty : /^\d+$/.test(r.gridPenalty ?? '') ? Number(r.gridPenalty) : null,
            timeText: r.time,
            timeMillis: durationMillis(r.time),
          }),
        );
      race.fastestLaps.forEach((r, i) => out.fastestLaps.push({ ...car(r, i), lap: r.lap, ...timing(r) }));
      race.pitStops.forEach((r, i) =>
        out.f1dbPitStops.push({ ...car(r, i), stop: r.stop, lap: r.lap, timeText: r.time, timeMillis: durationMillis(r.time) }),
      );
      race.driverOfTheDayResults.forEach((r, i) => out.driverOfTheDay.push({ ...car(r, i), percentage: r.percentage }));
      race.driverStandings.forEach((r, i) =>
        out.f1dbDriverStandings.push({ season: race.year, raceId, ordinal: i + 1, ...position(r.position), points: r.points, driverId: ids.driver(r.driverId) }),
      );
      race.constructorStandings.forEach((r, i) =>
        out.f1dbConstructorStandings.push({
          season: race.year,
          raceId,
          ordinal: i + 1,
          ...position(r.position),
          points: r.points,
          constructorId: ids.constructor(r.constructorId),
          engineManufacturerId: ids.engineManufacturer(r.engineManufacturerId),
        }),
      );
    }
    season.driverStandings.forEach((r, i) =>
      out.f1dbDriverStandings.push({ season: season.year, raceId: null, ordinal: i + 1, ...position(r.position), points: r.points, driverId: ids.driver(r.driverId) }),
    );
    season.constructorStandings.forEach((r, i) =>
      out.f1dbConstructorStandings.push({
        season: season.year,
        raceId: null,
        ordinal: i + 1,
        ...position(r.position),
        points: r.points,
        constructorId: ids.constructor(r.constructorId),
        engineManufacturerId: ids.engineManufacturer(r.engineManufacturerId),
      }),
    );
  }
  return out;
}
