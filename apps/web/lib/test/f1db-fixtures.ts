// Test-only: F1DB's YAML files in ../shared/f1db as the API's F1DB shapes (only the fields the web
// shapes read), so shaping is tested on real races. The data is never copied into the repository.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { DriverRef, GridEntry } from '../api/types';
import { sharedDir } from './ergast-fixtures';

type Json = Record<string, any>;

export function readF1db(relative: string): Json[] {
  const file = path.join(sharedDir, 'f1db', 'data', relative);
  if (!existsSync(file)) throw new Error(`shared test data missing: ${file} (set APEX_SHARED_DIR)`);
  return yaml.load(readFileSync(file, 'utf8')) as Json[];
}

const ref = (id: string): DriverRef => ({ id, code: null, permanentNumber: null, givenName: id, familyName: id, nationality: null });

/** A starting-grid file, e.g. 'seasons/2024/races/03-australia/starting-grid-positions.yml'. */
export function f1dbGrid(relative: string): GridEntry[] {
  return readF1db(relative).map((r) => {
    const position = typeof r.position === 'number' ? r.position : null;
    const penalty = r.gridPenalty === null || r.gridPenalty === undefined ? null : String(r.gridPenalty);
    return {
      position,
      positionText: String(r.position),
      number: Number(r.driverNumber),
      driver: ref(String(r.driverId)),
      constructor: { id: String(r.constructorId), name: String(r.constructorId), nationality: null },
      gridPenalty: penalty,
      gridPenaltyPlaces: penalty !== null && /^\d+$/.test(penalty) ? Number(penalty) : null,
      qualifyingTimeMillis: null,
    };
  });
}
