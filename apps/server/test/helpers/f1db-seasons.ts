// F1DB's seasons as the standings check needs them: each round's race and sprint classification,
// fastest laps, and F1DB's own standings after the round and at the season's end. Read once per
// test file; the YAML files used are flat lists of flat maps (yamlList).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassifiedEntry, ClassifiedSession } from '../../src/history/standings/score.js';
import { f1dbDir, yamlList, yamlMap } from './history.js';

export interface F1dbStanding {
  /** '1', '2', … or 'DSQ' / 'EX' */
  position: string;
  id: string;
  points: number;
}

/** A classification with F1DB's rows behind it (same order as its entries). */
export type F1dbSession = ClassifiedSession<string, string> & { rows: Record<string, string>[] };

export interface F1dbRound {
  round: number;
  dir: string;
  grandPrixId: string;
  date: string;
  sessions: F1dbSession[];
  /** Who started from pole position (first on the grid), when F1DB knows. */
  pole: string | null;
  drivers: F1dbStanding[] | null;
  constructors: F1dbStanding[] | null;
}

export interface F1dbSeason {
  year: number;
  rounds: F1dbRound[];
  drivers: F1dbStanding[] | null;
  constructors: F1dbStanding[] | null;
}

/** F1DB counts a constructor per engine (Cooper-Climax and Cooper-Maserati are two entries). */
export const teamKey = (r: Record<string, string>) => `${r.constructorId}|${r.engineManufacturerId}`;

const num = (v: string | undefined) => (v === undefined || v === '' ? 0 : Number(v));

function standings(file: string, kind: 'driver' | 'constructor'): F1dbStanding[] | null {
  if (!existsSync(file)) return null;
  return yamlList(file).map((r) => ({ position: r.position!, id: kind === 'driver' ? r.driverId! : teamKey(r), points: num(r.points) }));
}

function classification(file: string, round: number, kind: 'race' | 'sprint', fastest: Set<string>, indy: boolean): F1dbSession | null {
  if (!existsSync(file)) return null;
  const rows = yamlList(file);
  const entries: ClassifiedEntry<string, string>[] = rows.map((r) => {
    const place = /^\d+$/.test(r.position!) ? Number(r.position) : null;
    return {
      driver: r.driverId!,
      constructor: teamKey(r),
      car: r.driverNumber!,
      // F1DB gives unclassified cars no place (DNF, NC, DSQ…): they keep their text.
      position: place ?? null,
      classified: place !== null,
      fastestLap: fastest.has(`${r.driverId}|${r.driverNumber}`),
    };
  });
  return { round, kind, ...(indy ? { isIndianapolis500: true } : {}), entries, rows };
}

export function loadF1dbSeason(year: number): F1dbSeason {
  const seasonDir = join(f1dbDir, 'seasons', String(year));
  const rounds: F1dbRound[] = [];
  for (const dir of readdirSync(join(seasonDir, 'races')).sort()) {
    const raceDir = join(seasonDir, 'races', dir);
    const race = yamlMap(join(raceDir, 'race.yml'));
    const round = Number(race.round);
    const flFile = join(raceDir, 'fastest-laps.yml');
    const fastest = new Set(
      existsSync(flFile) ? yamlList(flFile).filter((r) => r.position === '1').map((r) => `${r.driverId}|${r.driverNumber}`) : [],
    );
    const indy = race.grandPrixId === 'indianapolis' && year <= 1960;
    const sessions = [
      classification(join(raceDir, 'sprint-race-results.yml'), round, 'sprint', new Set(), false),
      classification(join(raceDir, 'race-results.yml'), round, 'race', fastest, indy),
    ].filter((s): s is F1dbSession => s !== null);
    // Pole: first on the starting grid, as published statistics count it (2012 Monaco is Webber's, though
    // Schumacher was fastest and took a grid penalty); the qualifying classification where no grid is known.
    const firstOf = (file: string) => (existsSync(file) ? (yamlList(file).find((r) => r.position === '1')?.driverId ?? null) : null);
    const pole = firstOf(join(raceDir, 'starting-grid-positions.yml')) ?? firstOf(join(raceDir, 'qualifying-results.yml'));
    rounds.push({
      round,
      dir,
      grandPrixId: race.grandPrixId!,
      date: race.date!,
      sessions,
      pole,
      drivers: standings(join(raceDir, 'driver-standings.yml'), 'driver'),
      constructors: standings(join(raceDir, 'constructor-standings.yml'), 'constructor'),
    });
  }
  return {
    year,
    rounds,
    drivers: standings(join(seasonDir, 'driver-standings.yml'), 'driver'),
    constructors: standings(join(seasonDir, 'constructor-standings.yml'), 'constructor'),
  };
}

export function f1dbYears(): number[] {
  return readdirSync(join(f1dbDir, 'seasons'))
    .filter((d) => /^\d{4}$/.test(d))
    .map(Number)
    .sort((a, b) => a - b);
}
