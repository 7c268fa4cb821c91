// Fixtures of the session API tests, on top of the shared session fixtures (../jobs/session-fixtures.ts): the
// engine's sessions built from the recorded archive are the reference the API is checked against.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { archiveDir, engineSession as load, f1data, MEXICO_Q, recordedSources, sessionsWithTimingData } from '../jobs/session-fixtures.js';

export { archiveDir, f1data, recordedSources, sessionsWithTimingData };
export const MEXICO_2025_Q = MEXICO_Q;
export const BAKU_2018_R = '2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/';

/** The engine's session loaded offline from the recorded archive and Jolpica (memoised per path). */
export const engineSession = (path: string) => load(path);

/** A recorded Jolpica answer, e.g. `2018/4/results.json`. */
export function jolpica<T = any>(file: string): T {
  return JSON.parse(readFileSync(resolve(f1data, 'jolpica', 'ergast', 'f1', file), 'utf8')) as T;
}
