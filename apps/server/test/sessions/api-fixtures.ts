// Fixtures of the session API tests, on top of the shared session fixtures (../jobs/session-fixtures.ts): the
// engine's sessions built from the recorded archive are the reference the API is checked against.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { runToCompletion, sessionLoadJob } from '../../src/jobs/index.js';
import type { SessionKey } from '../../src/sessions/catalog.js';
import { testDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';
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

/**
 * Sessions loaded through the real job into a fresh database of the given kind, and an app serving
 * them from the recorded archive. Call from beforeAll; close() in afterAll.
 */
export async function loadedSessionsApp(kind: 'pglite' | 'postgres', keys: readonly SessionKey[]): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const t = await testDatabase(kind);
  for (const key of keys) await runToCompletion(sessionLoadJob, key, { db: t.database.db, sources: recordedSources() });
  const app = await testApp({ database: t.database, env: { LIVETIMING_BASE_URL: archiveDir, JOLPICA_BASE_URL: `${f1data}/jolpica`, APEX_OFFLINE: 'true' } });
  return {
    app,
    close: async () => {
      await app.close();
      await t.cleanup();
    },
  };
}

/** Mexico City 2025 qualifying loaded through the real job (see loadedSessionsApp). */
export const mexicoQApp = (kind: 'pglite' | 'postgres') => loadedSessionsApp(kind, [{ year: 2025, round: 20, session: 'Q' }]);
