// The load and job endpoints end to end: POST /api/v1/sessions/{year}/{round}/{session}/load (admin)
// queues a load (202 + job id from the session key; the same job while it runs), GET /api/v1/jobs/{id}
// follows it to `done` with the load summary, and the session's data is then served from the store.
// In-process queue on PGlite and PostgreSQL; BullMQ on a private redis-server with a worker in this
// process on PostgreSQL.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { jobDefinitions, jobDepsFromConfig, jobRunner, startBullWorkers, type BullWorkers, type JobView } from '../../src/jobs/index.js';
import { repoRoot } from '../../src/config.js';
import { sessionStore } from '../../src/sessions/store.js';
import { apexBin } from '../helpers/cli-process.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp, testConfig } from '../http/app-helper.js';
import { PrivateRedis, waitFor } from '../jobs/processes.js';

const run = promisify(execFile);
const TOKEN = 'test-admin-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const variants = [
  { name: 'in-process queue on pglite', db: 'pglite', redis: false },
  { name: 'in-process queue on postgres', db: 'postgres', redis: false },
  { name: 'BullMQ on postgres', db: 'postgres', redis: true },
  // No worker can open the embedded database (one process at a time): with REDIS_URL the jobs still
  // run in the API process, and Redis serves the cache and rate limit (issue 13: they queued for ever).
  { name: 'REDIS_URL with the embedded pglite: jobs run in the API process', db: 'pglite', redis: true },
] as const;

describe.each(variants)('load and job endpoints: $name', ({ db, redis: useRedis }) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let redis: PrivateRedis | undefined;
  let workers: BullWorkers | undefined;

  beforeAll(async () => {
    tdb = await testDatabase(db);
    redis = useRedis ? await PrivateRedis.start() : undefined;
    const env = { APEX_ADMIN_TOKEN: TOKEN, APEX_OFFLINE: 'true', ...(redis ? { REDIS_URL: redis.url } : {}) };
    app = await testApp({ database: tdb.database, env });
    expect(app.jobs.kind).toBe(jobRunner({ REDIS_URL: redis?.url }, tdb.database.kind));
    if (app.jobs.kind === 'bullmq') workers = startBullWorkers(jobDefinitions, jobDepsFromConfig(testConfig(env), tdb.database.db), { url: redis.url });
  }, 120_000);

  afterAll(async () => {
    await workers?.close();
    await app?.close();
    await redis?.kill();
    await tdb?.cleanup();
  });

  const job = async (id: string) => (await app.inject({ method: 'GET', url: `/api/v1/jobs/${id}` }));
  const finished = (id: string) => waitFor(`job ${id}`, async () => {
    const res = await job(id);
    const body = res.json() as JobView;
    return res.statusCode === 200 && (body.state === 'done' || body.state === 'failed') ? body : null;
  }, 120_000, 100);

  it('refuses without the admin token, bad session codes and sessions the archive does not have', async () => {
    const url = '/api/v1/sessions/2023/4/SQ/load';
    expect((await app.inject({ method: 'POST', url })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url, headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/sessions/2023/4/XQ/load', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('APX_ERR_VALIDATION');
    const missing = await app.inject({ method: 'POST', url: '/api/v1/sessions/2023/4/FP3/load', headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/has no FP3 session in the archive/);
    const unknown = await job('session-1999-1-R');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('APX_ERR_NOT_FOUND');
  });

  it('queues a load (202, id from the session), returns the same job while it runs, reports it to done, and reloads on request', async () => {
    const url = '/api/v1/sessions/2023/4/sq/load';
    const first = await app.inject({ method: 'POST', url, headers: auth });
    expect(first.statusCode).toBe(202);
    const body = first.json();
    expect(body).toMatchObject({ jobId: 'session-2023-4-SQ', created: true, job: { id: 'session-2023-4-SQ', name: 'session-load' } });
    expect(first.headers.location).toBe('/api/v1/jobs/session-2023-4-SQ');
    expect(body.status.state).toBe('loading');
    const second = await app.inject({ method: 'POST', url: '/api/v1/sessions/2023/4/SS/load', headers: auth });
    expect(second.statusCode).toBe(202);
    expect(second.json()).toMatchObject({ jobId: 'session-2023-4-SQ', created: false });

    const done = await finished('session-2023-4-SQ');
    expect(done).toMatchObject({ state: 'done', stage: 'done', percent: 100, error: null, data: { year: 2023, round: 4, session: 'SQ' } });
    const result = done.result as { rows: { laps: number }; dataVersion: number };
    expect(result.rows.laps).toBeGreaterThan(100);
    expect(result.dataVersion).toBe(1);

    const store = sessionStore(tdb.database.db);
    const status = await store.status({ year: 2023, round: 4, session: 'SQ' });
    expect(status).toMatchObject({ state: 'loaded', jobId: 'session-2023-4-SQ', hasData: true, dataVersion: 1 });
    const row = (await store.get({ year: 2023, round: 4, session: 'SQ' }))!;
    expect((await store.laps(row.id)).length).toBe(result.rows.laps);

    // A finished load asked for again is a reload: a new run of the same id, new data version.
    const again = await app.inject({ method: 'POST', url, headers: auth });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ jobId: 'session-2023-4-SQ', created: true });
    const reloaded = await finished('session-2023-4-SQ');
    expect((reloaded.result as { dataVersion: number }).dataVersion).toBe(2);
  });
});

describe('apex session load / status (CLI, embedded PGlite)', () => {
  const home = mkdtempSync(join(tmpdir(), 'apex-session-cli-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  const apex = (...args: string[]) => run(process.execPath, [apexBin, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', APEX_HOME: home, APEX_OFFLINE: 'true', LOG_LEVEL: 'silent' },
  }).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);

  it('loads a session with progress and a summary, reports its status, and fails in one line for a session the archive lacks', async () => {
    const ok = await apex('session', 'load', '2023', '4', 'SS');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/✓ 2023 round 4 SQ loaded \(2023\/2023-04-30_Azerbaijan_Grand_Prix\/2023-04-29_Sprint_Shootout\/\) in [\d.]+ s/);
    expect(ok.stdout).toMatch(/20 drivers, 2\d\d laps/);
    // Not a terminal: progress comes as one line per stage on stderr.
    expect(ok.stderr).toMatch(/fetch \(\d+%\)[\s\S]*laps \(\d+%\)[\s\S]*store \(\d+%\)/);

    const status = await apex('session', 'status', '2023', '4', 'SQ');
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'loaded', hasData: true, dataVersion: 1 });

    const missing = await apex('session', 'load', '2023', '4', 'FP3');
    expect(missing.code).toBe(1);
    // After the first progress line, the error: one line, no stack.
    const errors = missing.stderr.trim().split('\n').filter((l) => !/^\s*resolve \(0%\)$/.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^apex: 2023 round 4 \(Azerbaijan Grand Prix\) has no FP3 session in the archive \(it has: FP1, SQ, S, Q, R\)$/);
    const bad = await apex('session', 'load', '2023', '4', 'XX');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/must be one of FP1, FP2, FP3, SQ/);
    // A usage error is one line and a hint, not the whole help; a session the archive lacks fails
    // before any progress is printed.
    const word = await apex('session', 'load', 'abc', '1', 'R');
    expect(word.code).toBe(1);
    expect(word.stderr.trim().split('\n')).toEqual([
      "error: command-argument value 'abc' is invalid for argument 'year'. must be a season year (2018 or later: the live-timing archive)",
      '(run with --help for usage)',
    ]);
    const noRound = await apex('session', 'load', '2023', '99', 'Q');
    expect(noRound.code).toBe(1);
    expect(noRound.stdout).toBe('');
    expect(noRound.stderr.trim().split('\n')).toHaveLength(1);
    expect(noRound.stderr).toMatch(/^apex: .*(2023.*99|99.*2023)/);

    // `apex worker` with Redis but the embedded database refuses in one line.
    const worker = await run(process.execPath, [apexBin, 'worker'], {
      cwd: repoRoot, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', APEX_HOME: home, REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'silent' },
    }).then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
    expect(worker.code).toBe(1);
    expect(worker.stderr).toMatch(/^apex: apex worker needs DATABASE_URL \(PostgreSQL\): with the embedded database, jobs run inside `apex serve`[^\n]*\n$/);
  }, 600_000);
});
