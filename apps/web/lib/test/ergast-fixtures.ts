// Test-only: read the frozen Jolpica responses in ../shared/f1data and turn them into the web app's
// types, so data shaping is tested on real races. The data is never copied into the repository.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConstructorRef, DriverRef, LapTime, QualifyingResult, RaceResult, RaceSummary } from '../api/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const sharedDir = process.env.APEX_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');

type Json = Record<string, any>;

export function readJolpica(relative: string): Json {
  const file = path.join(sharedDir, 'f1data', 'jolpica', 'ergast', 'f1', relative);
  if (!existsSync(file)) throw new Error(`shared test data missing: ${file} (set APEX_SHARED_DIR)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

const num = (v: unknown): number | null => (v === undefined || v === null || v === '' ? null : Number(v));

export function lapTimeToMillis(t: string | undefined): number | null {
  if (!t) return null;
  const parts = t.split(':').map(Number);
  let s = 0;
  for (const p of parts) s = s * 60 + p;
  return Math.round(s * 1000);
}

function driver(d: Json): DriverRef {
  return {
    id: d.driverId,
    code: d.code ?? null,
    permanentNumber: num(d.permanentNumber),
    givenName: d.givenName,
    familyName: d.familyName,
    nationality: d.nationality ?? null,
  };
}

function team(c: Json): ConstructorRef {
  return { id: c.constructorId, name: c.name, nationality: c.nationality ?? null };
}

/** A season's calendar (`2023.json`), before any race is run: no winners. */
export function ergastCalendar(relative: string): RaceSummary[] {
  return (readJolpica(relative).MRData.RaceTable.Races as Json[]).map((r) => ({
    season: Number(r.season),
    round: Number(r.round),
    name: r.raceName,
    date: r.date,
    time: r.time ?? null,
    isCancelled: false,
    state: 'upcoming' as const,
    circuit: { id: r.Circuit.circuitId, name: r.Circuit.circuitName, locality: r.Circuit.Location?.locality ?? null, country: r.Circuit.Location?.country ?? null },
    winner: null,
  }));
}

function firstRace(doc: Json): Json {
  const race = doc.MRData.RaceTable.Races[0];
  if (!race) throw new Error('no race in fixture');
  return race;
}

export function ergastResults(relative: string, key: 'Results' | 'SprintResults' = 'Results'): RaceResult[] {
  return (firstRace(readJolpica(relative))[key] as Json[]).map((r) => ({
    position: Number(r.position),
    positionText: r.positionText,
    number: num(r.number),
    driver: driver(r.Driver),
    constructor: team(r.Constructor),
    grid: num(r.grid),
    laps: num(r.laps),
    status: r.status ?? null,
    timeMillis: num(r.Time?.millis),
    timeText: r.Time?.time ?? null,
    points: num(r.points),
    fastestLap: r.FastestLap
      ? { lap: num(r.FastestLap.lap), rank: num(r.FastestLap.rank), timeMillis: lapTimeToMillis(r.FastestLap.Time?.time), speedKph: num(r.FastestLap.AverageSpeed?.speed) }
      : null,
  }));
}

export function ergastQualifying(relative: string): QualifyingResult[] {
  return (firstRace(readJolpica(relative)).QualifyingResults as Json[]).map((q) => ({
    position: num(q.position),
    number: num(q.number),
    driver: driver(q.Driver),
    constructor: team(q.Constructor),
    q1Millis: lapTimeToMillis(q.Q1),
    q2Millis: lapTimeToMillis(q.Q2),
    q3Millis: lapTimeToMillis(q.Q3),
  }));
}

export function ergastLaps(relative: string): LapTime[] {
  const out: LapTime[] = [];
  for (const lap of firstRace(readJolpica(relative)).Laps as Json[]) {
    for (const t of lap.Timings as Json[]) {
      out.push({ driverId: t.driverId, lap: Number(lap.number), position: num(t.position), timeMillis: lapTimeToMillis(t.time) });
    }
  }
  return out;
}
