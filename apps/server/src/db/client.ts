// One database handle for both backends: embedded PGlite (no DATABASE_URL) or PostgreSQL (pg Pool).
// Both drizzle drivers produce a PgDatabase, so queries are written once against `Db`.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockEmbeddedDatabase } from './embedded-lock.js';
import { DEFAULT_PGLITE_SHARED_BUFFERS_MB, initdbInChildProcess, needsInitdb, pgliteStartParams } from './pglite-memory.js';
import * as schema from './schema/index.js';

export { schema };
export type Schema = typeof schema;
/** The drizzle database type shared by both drivers. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle, usable wherever a Db is (drizzle transactions expose the same query API). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  APEX_HOME: string;
  DATABASE_URL?: string | undefined;
  /** shared_buffers of the embedded database, MiB (default DEFAULT_PGLITE_SHARED_BUFFERS_MB). */
  APEX_PGLITE_SHARED_BUFFERS?: number | undefined;
}

/**
 * The migrations folder. Resolved from this module so that it is the same folder whether the code
 * runs from src/ (tsx, vitest) or from dist/ (tsc does not copy .sql files).
 */
export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'db', 'migrations');

const drizzleOptions = { schema, casing: 'snake_case' as const };

export interface PgliteOptions {
  sliceMs?: number;
  loadDataDir?: Blob;
  /** MiB; default DEFAULT_PGLITE_SHARED_BUFFERS_MB */
  sharedBuffersMb?: number;
}

/**
 * Open PGlite. `dataDir` undefined = in memory. A data folder is locked for this process until
 * close: another process gets EmbeddedDatabaseBusyError at once instead of a hang or lost rows.
 * `loadDataDir`: start from a `dumpDataDir()` tarball instead of an empty database. A new data
 * folder is created by a child process (see pglite-memory.ts: initdb's memory would stay here).
 */
export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<Database> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockEmbeddedDatabase(dataDir);
  }
  let client: PGlite;
  try {
    if (dataDir && !options.loadDataDir && needsInitdb(dataDir)) await initdbInChildProcess(dataDir);
    const startParams = pgliteStartParams(PGlite.defaultStartParams, options.sharedBuffersMb ?? DEFAULT_PGLITE_SHARED_BUFFERS_MB);
    const opts = { startParams, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) };
    // (The options are ignored when passed after an undefined dataDir.)
    client = dataDir ? new PGlite(dataDir, opts) : new PGlite(opts);
    await client.waitReady;
  } catch (err) {
    release();
    throw err;
  }
  yieldBetweenStatements(client, options.sliceMs ?? PGLITE_SLICE_MS);
  const db = drizzlePglite({ client, ...drizzleOptions });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}

/** Lets the event loop turn (timers, sockets) before the caller goes on. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A pause for long synchronous JavaScript (mapping or diffing tens of thousands of rows): awaited
 * often (per race, per row), it lets the event loop turn once the thread has been busy for sliceMs
 * since the last turn, and costs a clock read otherwise.
 */
export function slicer(sliceMs = PGLITE_SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await breathe();
    since = performance.now();
  };
}

/** How long PGlite may keep the thread before it lets the event loop turn (ms). */
export const PGLITE_SLICE_MS = 5;

/**
 * PGlite runs in this thread and answers without I/O: its promises settle as microtasks, so a chain
 * of statements (a history import's transaction: thousands of them) never lets timers or sockets
 * run, and the API stops answering until COMMIT (2.8–10 s for the Jolpica dump). Every protocol
 * message therefore first lets the event loop turn once the thread has been busy for PGLITE_SLICE_MS —
 * for every writer at once, the importers included, without a pause of their own. (Other queries
 * still wait for the COMMIT: PGlite runs one transaction at a time; requests that need no query,
 * cached ones and /health, are served meanwhile.)
 */
function yieldBetweenStatements(client: PGlite, sliceMs: number): void {
  // Infinity: never (the baseline of `npm run bench:import-stall`).
  if (sliceMs === Infinity) return;
  const run = client.execProtocolStream.bind(client);
  const pause = slicer(sliceMs);
  client.execProtocolStream = async (message, options) => {
    await pause();
    return run(message, options);
  };
}

/** Open a pg Pool on a PostgreSQL URL. */
export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, ...drizzleOptions });
  let closed = false;
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** The database the configuration points at: PostgreSQL when DATABASE_URL is set, else PGlite in $APEX_HOME/db. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  return openPglite(join(config.APEX_HOME, 'db'), { sharedBuffersMb: config.APEX_PGLITE_SHARED_BUFFERS });
}

/** Apply pending migrations with the migrator that matches the driver. Safe to run repeatedly. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder, migrationsSchema: 'drizzle' };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase<Schema>, config);
  } else {
    await migratePg(database.db as unknown as NodePgDatabase<Schema>, config);
  }
}

/** True when the history tables hold at least one season (used to decide on bootstrap). */
export async function hasHistory(db: DbOrTx): Promise<boolean> {
  const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${schema.seasons}`));
  return Number(rows[0]?.n ?? 0) > 0;
}

/** `db.execute` returns `{ rows }` on both drivers; this hides the result-type difference. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
