// Databases built once and copied, instead of built again by every test file.
// On our 2-core machines an in-memory PGlite costs 12–16 s to initdb and 2–5 s to migrate under
// load, and importing the Jolpica dump 30–90 s per database; copying a PGlite data-directory tarball
// (loadDataDir) takes ~2.5 s and a PostgreSQL CREATE DATABASE … TEMPLATE about one.
//
// A template is named by a hash of what decides its content (the server's code — migrations,
// schema, import — the lockfile and the dump's files), so any change builds a new one and a stale
// copy is never used. Builders are serialised across processes (vitest workers, other checkouts):
// a PostgreSQL advisory lock, and a lock file for PGlite tarballs, kept in $APEX_TEST_FIXTURES
// (default <tmpdir>/apex-test-fixtures).
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { repoRoot } from '../../src/config.js';
import { openPglite, openPostgres, type Database } from '../../src/db/client.js';
import { dumpDir } from './history.js';

/** Admin URL of the test server; override with APEX_TEST_PG_URL. */
export const testPgUrl = process.env.APEX_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPgUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the test server. */
export function pgDatabaseUrl(name: string): string {
  const url = new URL(testPgUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const fixturesDir = process.env.APEX_TEST_FIXTURES ?? join(tmpdir(), 'apex-test-fixtures');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

let key: string | undefined;
/** Hash of everything that decides what a template holds. */
export function templateKey(): string {
  if (key) return key;
  const h = createHash('sha256');
  for (const f of filesUnder(join(repoRoot, 'apps', 'server', 'src')).sort()) h.update(f.slice(repoRoot.length)).update(readFileSync(f));
  h.update(readFileSync(join(repoRoot, 'package-lock.json')));
  for (const f of readdirSync(dumpDir).sort()) {
    const s = statSync(join(dumpDir, f));
    h.update(`${f}:${s.size}:${s.mtimeMs}`);
  }
  return (key = h.digest('hex').slice(0, 12));
}

/** What goes into a template, on an open database of either kind. */
export type TemplateBuild = (database: Database) => Promise<void>;

// Any constant: the advisory lock that serialises template builds on the test server.
const BUILD_LOCK = 4_242_017;
// Templates of other code versions unused for this long are deleted when a new one is built.
const STALE_MS = 12 * 3600_000;

/** The name of a PostgreSQL template database holding what `build` writes (built on first use). */
export async function postgresTemplate(name: string, build: TemplateBuild): Promise<string> {
  const db = `apex_tpl_${name}_${templateKey()}`;
  await admin(async (c) => {
    await c.query('select pg_advisory_lock($1)', [BUILD_LOCK]);
    try {
      if ((await c.query('select 1 from pg_database where datname = $1', [db])).rowCount) return;
      const building = `${db}_building`;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building}`);
      const database = openPostgres(pgDatabaseUrl(building), { max: 4 });
      try {
        await build(database);
      } finally {
        await database.close();
      }
      await c.query(`ALTER DATABASE ${building} RENAME TO ${db}`);
      // No connections: one would make CREATE DATABASE … TEMPLATE fail.
      await c.query(`ALTER DATABASE ${db} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      await c.query(`COMMENT ON DATABASE ${db} IS '${Date.now()}'`);
      const stale = await c.query<{ datname: string }>(
        `select datname from pg_database where datname like 'apex\\_tpl\\_%' and datname not like '%\\_${templateKey()}'
           and coalesce(nullif(shobj_description(oid, 'pg_database'), '')::bigint, 0) < $1`,
        [Date.now() - STALE_MS],
      );
      for (const { datname } of stale.rows) {
        await c.query(`ALTER DATABASE ${datname} WITH IS_TEMPLATE false`);
        await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      }
    } finally {
      await c.query('select pg_advisory_unlock($1)', [BUILD_LOCK]);
    }
  });
  return db;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The tarball (a file) of a PGlite data directory holding what `build` writes (built on first use). */
export async function pgliteTemplateFile(name: string, build: TemplateBuild): Promise<string> {
  mkdirSync(fixturesDir, { recursive: true });
  const file = join(fixturesDir, `${name}-${templateKey()}.tar`);
  const lock = `${file}.lock`;
  for (;;) {
    if (existsSync(file)) return file;
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Another process is building it: wait, or take over if that process is gone.
      const holder = Number(readFileSync(lock, 'utf8').trim() || 0);
      if (holder && !alive(holder)) rmSync(lock, { force: true });
      else await sleep(250);
      continue;
    }
    try {
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      const database = await openPglite();
      try {
        await build(database);
        const client = (database.db as unknown as { $client: PGlite }).$client;
        // dumpDataDir copies the files: write out what is still in shared buffers first.
        await client.query('CHECKPOINT');
        const tar = await client.dumpDataDir('none');
        const part = `${file}.${randomBytes(4).toString('hex')}.part`;
        writeFileSync(part, Buffer.from(await tar.arrayBuffer()));
        renameSync(part, file);
      } finally {
        await database.close();
      }
      for (const old of readdirSync(fixturesDir)) {
        const p = join(fixturesDir, old);
        if (!old.includes(templateKey()) && Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { force: true });
      }
      return file;
    } finally {
      rmSync(lock, { force: true });
    }
  }
}

const tarballs = new Map<string, Promise<Blob>>();
/** The PGlite template as a Blob for `openPglite(…, { loadDataDir })` (read once per process). */
export function pgliteTemplate(name: string, build: TemplateBuild): Promise<Blob> {
  let blob = tarballs.get(name);
  if (!blob) {
    blob = pgliteTemplateFile(name, build).then((f) => new Blob([readFileSync(f)]));
    blob.catch(() => tarballs.delete(name));
    tarballs.set(name, blob);
  }
  return blob;
}
