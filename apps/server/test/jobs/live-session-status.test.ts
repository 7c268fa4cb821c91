// A session's status follows its load job live (issue 13): the session endpoint used to show the
// progress the loader last wrote to the session row — throttled, and under BullMQ written from the
// worker process — so it said `queued 0%` or an old stage while the job was at `store 88%`.
//
// A real load of a recorded session with telemetry, polled as fast as the API answers: each poll
// reads the job, then the session, then the job again. The session's stage and percent must lie
// between the two job readings (equal to them when the job did not move), and successive session
// readings must only move forward. The in-process queue on PGlite, and BullMQ on PostgreSQL with a
// real `apex worker` process and Redis.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../src/jobs/index.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';
import { PrivateRedis, startWorkerProcess, type WorkerProcess } from './processes.js';
import { archiveDir, f1data } from './session-fixtures.js';

const TOKEN = 'live-status-token';
const KEY = { year: 2023, round: 4, session: 'SQ' } as const;
const JOB = 'session-2023-4-SQ';
const SESSION_URL = `/api/v1/sessions/${KEY.year}/${KEY.round}/${KEY.session}`;

interface Status { state: string; jobId: string | null; stage: string | null; percent: number | null }
interface Poll { before: JobView; session: Status; after: JobView }

/** Load progress as one number: a job that is done is past every stage. */
const position = (p: { state: string; percent: number | null }) => (p.state === 'done' || p.state === 'loaded' ? 100 : p.percent ?? 0);

async function pollLoad(app: FastifyInstance): Promise<Poll[]> {
  const get = async <T>(url: string): Promise<T> => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const res = await app.inject({ method: 'POST', url: `${SESSION_URL}/load`, headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().jobId).toBe(JOB);
  const polls: Poll[] = [];
  const deadline = Date.now() + 240_000;
  for (;;) {
    const before = await get<JobView>(`/api/v1/jobs/${JOB}`);
    const session = (await get<{ status: Status }>(SESSION_URL)).status;
    const after = await get<JobView>(`/api/v1/jobs/${JOB}`);
    polls.push({ before, session, after });
    if (after.state === 'done' || after.state === 'failed') return polls;
    if (Date.now() > deadline) throw new Error(`the load did not finish: ${JSON.stringify(after)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function checkFollows(polls: Poll[]): void {
  const last = polls.at(-1)!.after;
  expect(last.state, last.error ?? '').toBe('done');
  const seen = new Set<string>();
  let previous = -1;
  const stages: string[] = [];
  for (const [i, { before, session, after }] of polls.entries()) {
    const where = `poll ${i}: job ${before.stage} ${before.percent} → session ${session.state} ${session.stage} ${session.percent} → job ${after.stage} ${after.percent}`;
    if (session.state === 'loading') {
      expect(session.jobId, where).toBe(JOB);
      // Between the two readings of the job…
      expect(position(session), where).toBeGreaterThanOrEqual(position(before));
      expect(position(session), where).toBeLessThanOrEqual(position(after));
      // …and the same as the job when it did not move in between.
      if (before.stage === after.stage && before.percent === after.percent && after.state !== 'done') {
        expect({ stage: session.stage, percent: session.percent }, where).toEqual({ stage: before.stage, percent: before.percent });
      }
      seen.add(`${session.stage} ${session.percent}`);
      if (stages.at(-1) !== session.stage) stages.push(session.stage!);
    } else {
      expect(session.state, where).toBe('loaded');
    }
    // Forward only.
    expect(position(session), where).toBeGreaterThanOrEqual(previous);
    previous = position(session);
  }
  // A stage never comes back once another followed it.
  expect(new Set(stages).size, stages.join(' → ')).toBe(stages.length);
  // The session showed the load's work as it happened, not one stale reading.
  expect(seen.size, [...seen].join(', ')).toBeGreaterThanOrEqual(5);
  expect(stages, stages.join(' → ')).toContain('store');
  console.log(`${polls.length} polls, ${seen.size} distinct session progress readings; stages ${stages.join(' → ')}`);
}

const sources = { APEX_OFFLINE: 'true', LIVETIMING_BASE_URL: archiveDir, JOLPICA_BASE_URL: join(f1data, 'jolpica') };

describe('session status follows its load job live', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it('in-process queue on PGlite', async () => {
    const tdb: TestDatabase = await testDatabase('pglite');
    cleanups.push(() => tdb.cleanup());
    const app = await testApp({ database: tdb.database, env: { APEX_ADMIN_TOKEN: TOKEN, APEX_AUTOLOAD: 'false', ...sources } });
    cleanups.push(() => app.close());
    expect(app.jobs.kind).toBe('in-process');
    checkFollows(await pollLoad(app));
  }, 300_000);

  it('BullMQ on PostgreSQL + Redis, the load in an `apex worker` process', async () => {
    const tdb = await testDatabase('postgres');
    cleanups.push(() => tdb.cleanup());
    const redis = await PrivateRedis.start();
    cleanups.push(() => redis.kill());
    const env = { DATABASE_URL: tdb.url!, REDIS_URL: redis.url, APEX_HOME: mkdtempSync(join(tmpdir(), 'apex-live-status-')), ...sources };
    const app = await testApp({ database: tdb.database, env: { ...env, APEX_ADMIN_TOKEN: TOKEN, APEX_AUTOLOAD: 'false' } });
    cleanups.push(() => app.close());
    expect(app.jobs.kind).toBe('bullmq');
    const worker: WorkerProcess = startWorkerProcess(env);
    cleanups.push(() => worker.kill('SIGKILL'));
    await worker.ready();
    checkFollows(await pollLoad(app));
  }, 300_000);
});
