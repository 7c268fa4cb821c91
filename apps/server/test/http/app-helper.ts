// Builds the real app for app.inject tests: a given (test) database, a config from a clean
// environment (not the developer's shell), and a private APEX_HOME so Redis keys never collide.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { buildApp } from '../../src/http/app.js';
import type { DataChanges } from '../../src/http/cache/data-changes.js';
import type { ResponseStore } from '../../src/http/cache/store.js';
import type { LiveOptions } from '../../src/live/plugin.js';

export interface TestAppOptions {
  database: Database;
  env?: Record<string, string>;
  cacheStore?: ResponseStore;
  dataChanges?: DataChanges;
  live?: LiveOptions;
  /** register extra routes before the app is readied (fixtures for plumbing tests) */
  extend?: (app: FastifyInstance) => void | Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ APEX_HOME: mkdtempSync(join(tmpdir(), 'apex-http-')), LOG_LEVEL: 'silent', ...env });
}

export async function testApp(opts: TestAppOptions): Promise<FastifyInstance> {
  // APEX_TEST_LOG=error (or any pino level) shows the app's log, e.g. the stack behind a 500.
  const level = process.env.APEX_TEST_LOG;
  const app = await buildApp({ config: testConfig(opts.env), database: opts.database, cacheStore: opts.cacheStore, dataChanges: opts.dataChanges, live: opts.live, logger: level ? { level } : false });
  if (opts.extend) await opts.extend(app);
  await app.ready();
  return app;
}
