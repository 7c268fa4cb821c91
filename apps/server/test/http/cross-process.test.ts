// Cached answers when data changes in ANOTHER process, on PostgreSQL: two API apps (each with its own
// pool, as two processes would have) have cached history answers, then `apex sync history` runs as a
// child process, and a history sync job runs on an `apex worker` child (with Redis) or inside one of
// the apps (without): both apps answer the new data at once. Likewise a session reloaded by
// `apex session load` from an archive whose race-control stream changed is answered anew.
// Redis is a private redis-server (BullMQ queues must not be shared with other suites).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/config.js';
import { historyGeneration, type ChangedSession } from '../../src/db/changes.js';
import { openPostgres, type Database } from '../../src/db/client.js';
import { runToCompletion, sessionLoadJob, type JobView } from '../../src/jobs/index.js';
import { seasonCatalogue, type SessionKey } from '../../src/sessions/catalog.js';
import { apexBin } from '../helpers/cli-process.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { jolpicaRecordings, startJolpicaServer, type JolpicaServer } from '../helpers/jolpica-server.js';
import { PrivateRedis, startWorkerProcess, waitFor, type WorkerProcess } from '../jobs/processes.js';
import { archiveDir, f1data, recordedSources } from '../jobs/session-fixtures.js';
import { CHANGE_POLL_MS } from '../../src/http/plugins/data-changes.js';
import { testApp } from './app-helper.js';

const TOKEN = 'cross-process-test-token';

/** `apex …` as an operator runs it beside the API. */
async function apex(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, [apexBin, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const [code] = (await once(proc, 'exit')) as [number | null];
  return { code, out };
}

interface ApiProcess {
  app: FastifyInstance;
  database: Database;
}

/** The recorded results of a 2023 round as [position, driverId]. */
function recordedResults(round: number): [string, string][] {
  const doc = JSON.parse(readFileSync(join(jolpicaRecordings, `ergast/f1/2023/${round}/results.json`), 'utf8'));
  return (doc.MRData.RaceTable.Races[0].Results as { position: string; Driver: { driverId: string } }[]).map((r) => [r.position, r.Driver.driverId]);
}

async function servedResults(app: FastifyInstance, round: number): Promise<{ cache: unknown; results: [string, string][] }> {
  const r = await app.inject(`/ergast/f1/2023/${round}/results.json?limit=100`);
  expect(r.statusCode).toBe(200);
  const results = (r.json().MRData.RaceTable.Races[0]?.Results ?? []) as { position: string; Driver: { driverId: string } }[];
  return { cache: r.headers['x-cache'], results: results.map((x) => [x.position, x.Driver.driverId]) };
}

async function racesOf2023(app: FastifyInstance): Promise<{ cache: unknown; total: number }> {
  const r = await app.inject('/api/v1/races?season=2023');
  expect(r.statusCode).toBe(200);
  return { cache: r.headers['x-cache'], total: r.json().total as number };
}

describe.each([
  ['with Redis: the job runs on an apex worker', true],
  ['without Redis: the job runs inside one API process', false],
] as const)('history changed by another process (PostgreSQL, %s)', (_label, withRedis) => {
  let tdb: TestDatabase;
  let jolpica: JolpicaServer;
  let redis: PrivateRedis | undefined;
  let worker: WorkerProcess | undefined;
  let home: string;
  let env: Record<string, string>;
  const api: ApiProcess[] = [];

  beforeAll(async () => {
    tdb = await testDatabase('postgres');
    jolpica = await startJolpicaServer();
    if (withRedis) redis = await PrivateRedis.start();
    home = mkdtempSync(join(tmpdir(), 'apex-cross-'));
    env = {
      DATABASE_URL: tdb.url!, APEX_HOME: home, APEX_ADMIN_TOKEN: TOKEN, JOLPICA_BASE_URL: jolpica.url, APEX_OFFLINE: 'false',
      ...(redis ? { REDIS_URL: redis.url } : {}),
    };
    for (let i = 0; i < 2; i++) {
      const database = openPostgres(tdb.url!, { max: 4 });
      api.push({ database, app: await testApp({ database, env }) });
    }
  }, 120_000);
  afterAll(async () => {
    await worker?.kill();
    for (const p of api) {
      await p.app.close();
      await p.database.close();
    }
    await redis?.kill();
    await jolpica?.close();
    await tdb?.cleanup();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  /** Both apps know the generation the database has now (they heard the commit). */
  async function heard(): Promise<number> {
    const generation = await historyGeneration(tdb.database.db);
    // Within the safety poll's interval: it is the notification that tells them.
    for (const { app } of api) await waitFor(`generation ${generation}`, () => app.dataChanges.history === generation, CHANGE_POLL_MS / 2, 5);
    return generation;
  }

  it('`apex sync history` beside the API: both apps answer the synced round, not their cached empty answers', async () => {
    const [a, b] = api.map((p) => p.app) as [FastifyInstance, FastifyInstance];
    for (const app of [a, b]) {
      // With Redis, b is answered what a stored there.
      const cache = withRedis && app === b ? 'HIT' : 'MISS';
      expect(await racesOf2023(app)).toEqual({ cache, total: 0 });
      expect(await servedResults(app, 1)).toEqual({ cache, results: [] });
    }
    // Cached (for a day: 2023 is a finished season).
    for (const app of [b, a]) expect(await racesOf2023(app)).toEqual({ cache: 'HIT', total: 0 });
    expect((await servedResults(b, 1)).cache).toBe('HIT');

    const out = await apex(['sync', 'history', '--season', '2023', '--round', '1', '--no-laps', '--base-url', jolpica.url], { DATABASE_URL: tdb.url!, APEX_HOME: home, APEX_OFFLINE: 'false' });
    expect(out.code, out.out).toBe(0);
    expect(await heard()).toBeGreaterThan(0);

    const expected = recordedResults(1);
    expect(expected).toHaveLength(20);
    for (const app of [b, a]) {
      expect(await racesOf2023(app)).toEqual({ cache: withRedis && app === a ? 'HIT' : 'MISS', total: 22 });
      expect((await servedResults(app, 1)).results).toEqual(expected);
    }
  });

  it('a history sync job (POST through one app): the other app answers the new round', async () => {
    const [a, b] = api.map((p) => p.app) as [FastifyInstance, FastifyInstance];
    expect((await servedResults(b, 5)).results).toEqual([]);
    expect(await servedResults(b, 5)).toEqual({ cache: 'HIT', results: [] });
    if (withRedis) {
      worker = startWorkerProcess({ ...env, LOG_LEVEL: 'silent' });
      await worker.ready();
    }
    const before = b.dataChanges.history;
    const res = await a.inject({ method: 'POST', url: '/api/v1/history/sync?season=2023&round=5&laps=false', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().jobId as string;
    const job = await waitFor('the sync job', async () => {
      const j = (await a.inject(`/api/v1/jobs/${id}`)).json<JobView>();
      return j.state === 'done' || j.state === 'failed' ? j : null;
    }, 90_000, 50);
    expect(job).toMatchObject({ state: 'done', error: null });
    // The worker prints its line after BullMQ has recorded the completion the API reads: wait for it.
    if (withRedis) await waitFor(`the worker's '${id}: done' line`, () => worker!.output().includes(`${id}: done`), 10_000, 20);
    expect(await heard()).toBeGreaterThan(before);
    expect(await servedResults(b, 5)).toEqual({ cache: 'MISS', results: recordedResults(5) });
  });
});

/**
 * A copy of the recorded archive made of links, except one session's race-control stream, which
 * loses its last message: an upstream correction as a reload would meet it.
 */
function archiveWithoutLastMessage(sessionPath: string): string {
  const root = mkdtempSync(join(tmpdir(), 'apex-archive-'));
  symlinkSync(join(f1data, 'f1schedule'), join(root, 'f1schedule'));
  const parts = ['static', ...sessionPath.split('/').filter(Boolean)];
  let from = archiveDir;
  let to = join(root, 'livetiming');
  mkdirSync(to);
  for (const part of parts) {
    for (const entry of readdirSync(from)) if (entry !== part) symlinkSync(join(from, entry), join(to, entry));
    from = join(from, part);
    to = join(to, part);
    mkdirSync(to);
  }
  for (const entry of readdirSync(from)) {
    if (entry !== 'RaceControlMessages.jsonStream') symlinkSync(join(from, entry), join(to, entry));
  }
  const lines = readFileSync(join(from, 'RaceControlMessages.jsonStream'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(to, 'RaceControlMessages.jsonStream'), `${lines.slice(0, -1).join('\n')}\n`);
  return root;
}

describe('a session reloaded by another process (PostgreSQL, Redis)', () => {
  const HUNGARY_2020_FP2 = '2020/2020-07-19_Hungarian_Grand_Prix/2020-07-17_Practice_2/';
  let tdb: TestDatabase;
  let redis: PrivateRedis;
  let home: string;
  let changedArchive: string;
  let key: SessionKey;
  const api: ApiProcess[] = [];

  beforeAll(async () => {
    tdb = await testDatabase('postgres');
    redis = await PrivateRedis.start();
    home = mkdtempSync(join(tmpdir(), 'apex-cross-'));
    changedArchive = archiveWithoutLastMessage(HUNGARY_2020_FP2);
    key = (await seasonCatalogue(tdb.database.db, recordedSources(), 2020)).find((e) => e.archive.path === HUNGARY_2020_FP2)!.key;
    const env = { DATABASE_URL: tdb.url!, REDIS_URL: redis.url, APEX_HOME: home, APEX_OFFLINE: 'true', LIVETIMING_BASE_URL: archiveDir, JOLPICA_BASE_URL: join(f1data, 'jolpica') };
    for (let i = 0; i < 2; i++) {
      const database = openPostgres(tdb.url!, { max: 4 });
      api.push({ database, app: await testApp({ database, env }) });
    }
  }, 120_000);
  afterAll(async () => {
    for (const p of api) {
      await p.app.close();
      await p.database.close();
    }
    await redis?.kill();
    await tdb?.cleanup();
    for (const dir of [home, changedArchive]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers the reloaded data in both apps as soon as the load commits', async () => {
    const [a, b] = api.map((p) => p.app) as [FastifyInstance, FastifyInstance];
    await runToCompletion(sessionLoadJob, key, { db: tdb.database.db, sources: recordedSources() });
    const url = `/api/v1/sessions/${key.year}/${key.round}/${key.session}/race-control`;
    const messages = async (app: FastifyInstance) => {
      const r = await app.inject(url);
      expect(r.statusCode, r.body).toBe(200);
      return { cache: r.headers['x-cache'], messages: (r.json().items as { message: string }[]).map((m) => m.message) };
    };
    const first = await messages(a);
    expect(first.messages).toHaveLength(13);
    expect(first.messages.at(-1)).toBe('RISK OF RAIN FOR F2 QUALIFYING SESSION IS 100%');
    expect(await messages(b)).toEqual({ ...first, cache: 'HIT' }); // from Redis
    expect(await messages(b)).toEqual({ ...first, cache: 'HIT' });

    const heard: ChangedSession[] = [];
    b.dataChanges.onSession((k) => heard.push(k));
    // b keeps being asked while the reload runs, so its session row is always fresh in memory (it is
    // re-read at most once a second): only the announcement can make it look again at once.
    let asking = true;
    const keepAsking = (async () => {
      while (asking) {
        await b.inject(url);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const out = await apex(['session', 'load', String(key.year), String(key.round), key.session], {
      DATABASE_URL: tdb.url!, APEX_HOME: home, APEX_OFFLINE: 'true', LIVETIMING_BASE_URL: join(changedArchive, 'livetiming'), JOLPICA_BASE_URL: join(f1data, 'jolpica'),
    });
    await waitFor('the reload to be announced', () => heard.length > 0, 10_000, 1).finally(() => (asking = false));
    expect(out.code, out.out).toBe(0);
    expect(heard).toEqual([{ year: key.year, round: key.round, session: key.session }]);

    const reloaded = (await messages(b)).messages;
    expect(reloaded).toEqual(first.messages.slice(0, -1));
    await keepAsking;
    expect((await messages(a)).messages).toEqual(reloaded);
  }, 240_000);
});
