// The OpenAPI document without a server: the real app built in-process around an empty, migrated
// in-memory database, asked for /openapi.json. The web build generates its API types from it (no network, no
// running server), and tests compare it byte for byte across refactors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { migrate, openPglite } from '../db/client.js';
import { buildApp } from './app.js';

/** The document as /openapi.json serves it (compact JSON). */
export async function openapiDocument(): Promise<string> {
  // A private home and no Redis, database or upstream from the caller's environment: the document
  // depends on the code only.
  const home = mkdtempSync(join(tmpdir(), 'apex-openapi-'));
  const database = await openPglite();
  // Start-up work (the jobs' sweep of abandoned loads) reads the tables: an empty, migrated database.
  await migrate(database);
  const app = await buildApp({ config: loadConfig({ APEX_HOME: home, LOG_LEVEL: 'silent', APEX_OFFLINE: 'true' }), database, logger: false });
  try {
    await app.ready();
    const r = await app.inject({ url: '/openapi.json' });
    if (r.statusCode !== 200) throw new Error(`/openapi.json answered ${r.statusCode}: ${r.body.slice(0, 200)}`);
    return r.body;
  } finally {
    await app.close();
    await database.close();
    rmSync(home, { recursive: true, force: true });
  }
}
