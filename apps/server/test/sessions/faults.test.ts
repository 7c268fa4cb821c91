// Faults: nothing partial is ever stored and errors are clear.
//  - a corrupt stream (a temp copy of a session with broken TimingData lines) → a failed load with
//    the reason, the previous data intact (PGlite and PostgreSQL);
//  - an archive answering 503 → retried with backoff; a failure that persists ends in a clear
//    reason with the previous data intact; a fetch that recovers completes the load;
//  - `apex worker` SIGKILLed in the middle of a load → nothing stored; a restarted worker picks the
//    stalled job up and completes it (BullMQ on a private redis-server, PostgreSQL);
//  - Redis killed while the API serves requests → 503 with a clear message for queue operations,
//    job status still answered from the database, everything else up; back when Redis is.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { ArchiveClient } from '@apexdata/livetiming';
import { rowsOf } from '../../src/db/client.js';
import {
  AttemptFailedError, BullJobQueue, jobDefinitions, runToCompletion, SESSION_LOAD, sessionLoadJob, type JobView,
} from '../../src/jobs/index.js';
import type { LoadDeps } from '../../src/sessions/load.js';
import { sessionStore } from '../../src/sessions/store.js';
import { backends, testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';
import { archiveDir, engineSession, f1data, MEXICO_Q, recordedSources } from '../jobs/session-fixtures.js';
import { PrivateRedis, startArchiveServer, startWorkerProcess, waitFor, type ArchiveServer, type WorkerProcess } from '../jobs/processes.js';

const AZ_Q = { year: 2023, round: 4, session: 'Q' } as const;
const AZ_Q_PATH = '2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-28_Qualifying/';
// Short backoff so retries happen within the test; the real job waits 5 s, 10 s, 20 s (capped at 60 s).
const quickRetries = { ...sessionLoadJob, backoff: { baseMs: 20, maxMs: 50 } };

async function counts(db: TestDatabase['database']['db'], sessionId: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['session_laps', 'session_drivers', 'session_results', 'session_weather', 'session_telemetry']) {
    const [r] = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table} where session_id = ${sessionId}`)));
    out[table] = Number(r!.n);
  }
  return out;
}

describe.each(backends)('corrupt streams and a failing archive on %s', (kind) => {
  let tdb: TestDatabase;
  let deps: LoadDeps;
  let tmp: string;
  let server: ArchiveServer;

  beforeAll(async () => {
    tdb = await testDatabase(kind);
    deps = { db: tdb.database.db, sources: recordedSources() };
    tmp = mkdtempSync(join(tmpdir(), 'apex-corrupt-'));
    server = await startArchiveServer(archiveDir);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
    await tdb?.cleanup();
  });

  it('fails a load of a corrupt TimingData stream with the reason, keeping the previous data', async () => {
    const good = await runToCompletion(sessionLoadJob, AZ_Q, deps);
    const store = sessionStore(tdb.database.db);
    const lapsBefore = await store.laps(good.sessionId);
    const countsBefore = await counts(tdb.database.db, good.sessionId);

    // The same session in a temp archive, every 40th TimingData line cut short.
    const copy = join(tmp, 'livetiming', 'static', AZ_Q_PATH);
    cpSync(join(archiveDir, 'static', AZ_Q_PATH), copy, { recursive: true });
    const file = join(copy, 'TimingData.jsonStream');
    const lines = readFileSync(file, 'utf8').split('\r\n');
    let broken = 0;
    writeFileSync(file, lines.map((l, i) => (i > 0 && i % 40 === 0 && l.length > 30 ? (broken++, l.slice(0, l.length - 15)) : l)).join('\r\n'));
    expect(broken).toBeGreaterThan(10);
    const corruptDeps: LoadDeps = { ...deps, sources: recordedSources(join(tmp, 'livetiming')) };

    const retries: string[] = [];
    const err = await runToCompletion(quickRetries, AZ_Q, corruptDeps, { onRetry: (f) => retries.push(f.reason) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AttemptFailedError);
    expect((err as AttemptFailedError).failure.permanent).toBe(true);
    expect(retries).toEqual([]); // a corrupt file does not heal by retrying
    const reason = (err as Error).message;
    expect(reason).toMatch(new RegExp(`2023 round 4 Q \\(${AZ_Q_PATH}\\): corrupt stream: TimingData: ${broken} undecodable line\\(s\\) skipped \\(first at line \\d+`));

    const status = await store.status(AZ_Q);
    expect(status).toMatchObject({ state: 'failed', hasData: true, dataVersion: 1, error: reason });
    expect(await store.laps(good.sessionId)).toEqual(lapsBefore);
    expect(await counts(tdb.database.db, good.sessionId)).toEqual(countsBefore);

    // Asked explicitly, the readable part can be stored (the skipped lines are reported as issues).
    const lenient = await runToCompletion(sessionLoadJob, AZ_Q, { ...corruptDeps, allowCorruptLines: true });
    expect(lenient.dataVersion).toBe(2);
    expect(lenient.issues.some((i) => /TimingData: \d+ undecodable line/.test(i))).toBe(true);
  });

  it('retries an archive answering 503 with backoff, fails with a clear reason if it persists, and completes once it recovers', async () => {
    const key = { year: 2022, round: 2, session: 'Q' } as const;
    const httpDeps: LoadDeps = {
      ...deps,
      sources: { ...recordedSources(), archive: new ArchiveClient({ base: server.url, retry: { retries: 0 }, timeoutMs: 5000 }) },
    };
    const good = await runToCompletion(quickRetries, key, httpDeps);
    const store = sessionStore(tdb.database.db);
    const lapsBefore = await store.laps(good.sessionId);

    // A core topic unavailable: every attempt fails, the last one for good.
    server.failing = /TimingData\.jsonStream$/;
    const seen: { attempt: number; delay: number }[] = [];
    const err = await runToCompletion(quickRetries, key, httpDeps, { onRetry: (_f, attempt, delay) => seen.push({ attempt, delay }) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AttemptFailedError);
    expect((err as AttemptFailedError).failure).toMatchObject({ permanent: false, final: true });
    expect((err as Error).message).toMatch(/cannot read 2022\/.*TimingData.*503/);
    expect(seen).toEqual([{ attempt: 1, delay: 20 }, { attempt: 2, delay: 40 }, { attempt: 3, delay: 50 }]);
    expect(server.failures).toBe(4);
    expect(await store.status(key)).toMatchObject({ state: 'failed', hasData: true, dataVersion: 1 });
    expect(await store.laps(good.sessionId)).toEqual(lapsBefore);

    // A secondary topic unavailable is not stored as "no weather": the load waits for it too.
    server.failing = /WeatherData\.jsonStream$/;
    const weatherErr = await runToCompletion(quickRetries, key, httpDeps, { maxAttempts: 2 }).catch((e: unknown) => e);
    expect((weatherErr as Error).message).toMatch(/could not fetch WeatherData/);
    expect(await store.status(key)).toMatchObject({ state: 'failed', dataVersion: 1 });

    // The archive recovers after the second attempt: the third completes.
    server.failing = /TimingData\.jsonStream$/;
    const recovered = await runToCompletion(quickRetries, key, httpDeps, {
      onRetry: (_f, attempt) => {
        if (attempt === 2) server.failing = null;
      },
    });
    expect(recovered.dataVersion).toBe(2);
    expect(await store.laps(good.sessionId)).toEqual(lapsBefore);
  });
});

describe('apex worker killed mid-load, and Redis killed under the API (PostgreSQL, private redis-server)', () => {
  let tdb: TestDatabase;
  let redis: PrivateRedis;
  let home: string;
  const workers: WorkerProcess[] = [];
  let app: FastifyInstance | undefined;

  beforeAll(async () => {
    tdb = await testDatabase('postgres');
    redis = await PrivateRedis.start();
    home = mkdtempSync(join(tmpdir(), 'apex-worker-'));
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) await w.kill();
    await app?.close();
    await redis?.kill();
    await tdb?.cleanup();
    rmSync(home, { recursive: true, force: true });
  });

  const workerEnv = () => ({
    DATABASE_URL: tdb.url!, REDIS_URL: redis.url, APEX_HOME: home, APEX_OFFLINE: 'true',
    LIVETIMING_BASE_URL: archiveDir, JOLPICA_BASE_URL: join(f1data, 'jolpica'),
  });
  // Short lock and stalled-check intervals so a dead worker's job is noticed within seconds.
  const workerArgs = ['--lock-duration', '15000', '--stalled-interval', '2000'];

  it('a worker SIGKILLed in the middle of a load stores nothing; the restarted worker completes the job', async () => {
    const key = { year: 2025, round: 20, session: 'Q' } as const;
    const queue = new BullJobQueue(jobDefinitions, { db: tdb.database.db, sources: recordedSources() }, { url: redis.url });
    try {
      const first = startWorkerProcess(workerEnv(), workerArgs);
      workers.push(first);
      await first.ready();
      const { job } = await queue.enqueue(SESSION_LOAD, key);
      expect(job.id).toBe('session-2025-20-Q');

      // Wait until the load has claimed the session and started its work, then kill. The engine's
      // CPU-bound stages block the worker's event loop, so on a fast machine their progress rows may
      // never be written between 'fetch' and 'encode': any working stage counts as midway.
      const store = sessionStore(tdb.database.db);
      const midway = await waitFor('the load to be midway', async () => {
        const s = await store.status(key);
        return s.state === 'loading' && ['fetch', 'parse', 'telemetry', 'laps', 'results', 'encode'].includes(s.stage ?? '') ? s : null;
      }, 90_000, 10);
      await first.kill('SIGKILL');
      const row = (await store.get(key))!;
      expect(row).toMatchObject({ state: 'loading', loadedAt: null, dataVersion: 0 });
      expect(await counts(tdb.database.db, row.id)).toEqual({ session_laps: 0, session_drivers: 0, session_results: 0, session_weather: 0, session_telemetry: 0 });
      expect((await queue.get(job.id))!.state).toBe('running'); // still locked by the dead worker
      console.info(`killed the worker at stage ${midway.stage} (${midway.percent}%)`);

      const second = startWorkerProcess(workerEnv(), workerArgs);
      workers.push(second);
      await second.ready();
      const done = await waitFor('the job to complete on the restarted worker', async () => {
        const j = await queue.get(job.id);
        return j && (j.state === 'done' || j.state === 'failed') ? j : null;
      }, 180_000, 200) as JobView;
      expect(done.error).toBeNull();
      expect(done.state).toBe('done');
      expect(second.output()).toMatch(/session-2025-20-Q: done/);

      const engine = await engineSession(MEXICO_Q, 20);
      expect(await store.status(key)).toMatchObject({ state: 'loaded', hasData: true, dataVersion: 1, error: null });
      expect(await counts(tdb.database.db, row.id)).toMatchObject({ session_laps: engine.laps!.length, session_drivers: engine.drivers.length, session_telemetry: 40 });
      await second.kill('SIGTERM'); // graceful: no job running, exits
      expect(second.proc.exitCode === 0 || second.proc.signalCode === 'SIGTERM').toBe(true);
    } finally {
      // No worker may outlive this test: the next one needs jobs to stay queued.
      for (const w of workers) await w.kill();
      await queue.close();
    }
  }, 300_000);

  it('answers 503 for queue operations while Redis is down, keeps serving everything else, and recovers', async () => {
    app = await testApp({ database: tdb.database, env: { REDIS_URL: redis.url, APEX_ADMIN_TOKEN: 'secret', APEX_OFFLINE: 'true' } });
    const auth = { authorization: 'Bearer secret' };
    const load = (url = '/api/v1/sessions/2023/4/R/load') => app!.inject({ method: 'POST', url, headers: auth });

    const queued = await load();
    expect(queued.statusCode).toBe(202);
    expect(queued.json().jobId).toBe('session-2023-4-R');

    await redis.kill();
    const started = Date.now();
    const refused = await load('/api/v1/sessions/2023/4/FP1/load');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error).toMatchObject({ code: 'APX_ERR_UNAVAILABLE' });
    expect(refused.json().error.message).toMatch(/job queue unavailable/);

    // The job's state is still known from the session's row; unknown jobs cannot be answered.
    const fromDb = await app.inject({ method: 'GET', url: '/api/v1/jobs/session-2023-4-R' });
    expect(fromDb.statusCode).toBe(200);
    expect(fromDb.json(), JSON.stringify(fromDb.json())).toMatchObject({ id: 'session-2023-4-R', state: 'queued' });
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/jobs/other-job' });
    expect(unknown.statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const notFound = await app.inject({ method: 'POST', url: '/api/v1/sessions/2023/30/R/load', headers: auth });
    expect(notFound.statusCode).toBe(404);

    await redis.start();
    const back = await waitFor('the queue to come back', async () => {
      const res = await load('/api/v1/sessions/2023/4/FP1/load');
      return res.statusCode === 202 ? res : null;
    }, 30_000, 500);
    expect(back.json()).toMatchObject({ jobId: 'session-2023-4-FP1', created: true });
  }, 120_000);
});

