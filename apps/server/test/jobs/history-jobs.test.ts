// History writes over HTTP as background jobs on the in-process queue (PGlite): the admin token is
// required, bad input is a 400 before anything is queued, a sync of one recorded round (served by the
// loopback Jolpica server) stores what a direct syncHistory run stores and the Ergast surface then
// answers with the recorded results (the response cache is cleared by the job), and the real dump
// imports over HTTP exactly as the direct importer does.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncHistory } from '../../src/history/sync/index.js';
import type { JobView } from '../../src/jobs/index.js';
import { importedDatabase, testDatabase, type TestDatabase } from '../helpers/db.js';
import { dumpDir, fingerprint } from '../helpers/history.js';
import { jolpicaRecordings, startJolpicaServer, type JolpicaServer } from '../helpers/jolpica-server.js';
import { testApp } from '../http/app-helper.js';
import { snapshot } from '../history/sync-snapshot.js';

const TOKEN = 'history-jobs-test-token';
const auth = { authorization: `Bearer ${TOKEN}` };

async function waitForJob(app: FastifyInstance, id: string, seen: JobView[] = []): Promise<JobView> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/jobs/${id}` });
    expect(res.statusCode).toBe(200);
    const job = res.json<JobView>();
    seen.push(job);
    if (job.state === 'done' || job.state === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.state} (${job.stage} ${job.percent}%)`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('history jobs over HTTP (in-process queue, PGlite)', () => {
  let server: JolpicaServer;
  let tdb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    if (!existsSync(dumpDir)) throw new Error(`Jolpica dump not found at ${dumpDir}`);
    server = await startJolpicaServer();
    tdb = await testDatabase('pglite');
    app = await testApp({ database: tdb.database, env: { APEX_ADMIN_TOKEN: TOKEN, JOLPICA_BASE_URL: server.url, JOLPICA_DUMP_DIR: dumpDir } });
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.cleanup();
    await server?.close();
  });

  it('requires the admin token', async () => {
    for (const url of ['/api/v1/history/sync?season=2023', '/api/v1/history/import']) {
      const res = await app.inject({ method: 'POST', url });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('APX_ERR_UNAUTHORIZED');
      expect((await app.inject({ method: 'POST', url, headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    }
  });

  it('answers 400 with the JSON error for input that cannot be a job', async () => {
    const bad = [
      { url: '/api/v1/history/sync?season=1800' },
      { url: '/api/v1/history/sync?season=abc' },
      { url: '/api/v1/history/sync', payload: { season: 2023, from: 2020 } },
      { url: '/api/v1/history/sync', payload: { from: 2023, to: 2021 } },
      { url: '/api/v1/history/sync', payload: { round: 3 } },
      { url: '/api/v1/history/sync', payload: { season: 2023, laps: 'sometimes' } },
      { url: '/api/v1/history/import', payload: { dir: '' } },
    ];
    for (const b of bad) {
      const res = await app.inject({ method: 'POST', headers: auth, ...b });
      expect(res.statusCode, JSON.stringify(b)).toBe(400);
      expect(res.json().error.code, JSON.stringify(b)).toMatch(/^APX_ERR_(VALIDATION|BAD_REQUEST)$/);
      expect(typeof res.json().error.message).toBe('string');
    }
    // Nothing was queued by a rejected request.
    expect((await app.inject({ method: 'GET', url: '/api/v1/jobs/history-sync-2023' })).statusCode).toBe(404);
  });

  it('syncs a recorded round in the background: progress, completion, the rows a direct sync stores', async () => {
    // Before: the Ergast surface knows nothing of 2023 round 1 (and may cache that answer).
    const before = await app.inject({ method: 'GET', url: '/ergast/f1/2023/1/results.json' });
    const resultsBefore = before.statusCode === 200 ? (before.json().MRData.RaceTable.Races[0]?.Results ?? []) : [];
    expect(resultsBefore).toHaveLength(0);
    const scheduleBefore = await app.inject({ method: 'GET', url: '/ergast/f1/2023.json' });
    const racesBefore = scheduleBefore.statusCode === 200 ? scheduleBefore.json().MRData.RaceTable.Races : [];
    expect(racesBefore).toHaveLength(0);

    const res = await app.inject({ method: 'POST', url: '/api/v1/history/sync?season=2023&round=1', headers: auth });
    expect(res.statusCode).toBe(202);
    const body = res.json<{ jobId: string; created: boolean; job: JobView }>();
    expect(body).toMatchObject({ jobId: 'history-sync-2023-r1', created: true, job: { id: 'history-sync-2023-r1', name: 'history-sync' } });
    expect(res.headers.location).toBe('/api/v1/jobs/history-sync-2023-r1');
    // The same work asked for again (body instead of query) is the same job, not a second run.
    const again = await app.inject({ method: 'POST', url: '/api/v1/history/sync', headers: auth, payload: { season: 2023, round: 1 } });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ jobId: 'history-sync-2023-r1', created: false });

    const seen: JobView[] = [];
    const done = await waitForJob(app, body.jobId, seen);
    expect(done).toMatchObject({ state: 'done', stage: 'done', percent: 100, error: null, attempts: 1 });
    expect(done.result).toMatchObject({ seasons: [2023], roundsPlanned: 1, roundsWritten: 1, schedulesFetched: 1 });
    const percents = seen.map((j) => j.percent ?? 0);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));

    // The same sync run directly into an empty database stores the same rows.
    const direct = await testDatabase('pglite');
    try {
      await syncHistory(direct.database.db, { seasons: [2023], rounds: [1], baseUrl: server.url, clientOptions: { rateLimit: false } });
      const expected = await snapshot(direct.database.db);
      expect(expected.results!.length).toBe(20);
      expect(await snapshot(tdb.database.db)).toEqual(expected);
    } finally {
      await direct.cleanup();
    }

    // The Ergast surface answers the recorded results (a stale cached answer would have none).
    const recorded = JSON.parse(readFileSync(join(jolpicaRecordings, 'ergast/f1/2023/1/results.json'), 'utf8')).MRData.RaceTable.Races[0].Results as {
      position: string; points: string; Driver: { driverId: string };
    }[];
    const after = await app.inject({ method: 'GET', url: '/ergast/f1/2023/1/results.json?limit=100' });
    expect(after.statusCode).toBe(200);
    const served = after.json().MRData.RaceTable.Races[0].Results as typeof recorded;
    expect(served.map((r) => [r.position, r.points, r.Driver.driverId])).toEqual(recorded.map((r) => [r.position, r.points, r.Driver.driverId]));
    // The schedule asked for before the sync is answered anew, not from the response cache.
    const scheduleAfter = await app.inject({ method: 'GET', url: '/ergast/f1/2023.json?limit=100' });
    expect(scheduleAfter.json().MRData.RaceTable.Races).toHaveLength(22);
    const scheduleSameUrl = await app.inject({ method: 'GET', url: '/ergast/f1/2023.json' });
    expect(scheduleSameUrl.json().MRData.total).toBe('22');
  });

  it('fails an import of a directory that does not exist at once, without retrying', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/history/import', headers: auth, payload: { dir: '/nonexistent/apex-dump' } });
    expect(res.statusCode).toBe(202);
    expect(res.json().jobId).toBe('history-import');
    const job = await waitForJob(app, 'history-import');
    expect(job).toMatchObject({ state: 'failed', attempts: 1 });
    expect(job.error).toMatch(/\/nonexistent\/apex-dump does not exist/);
  });
});

describe('history import over HTTP (in-process queue, PGlite)', () => {
  it('imports the real dump exactly as the direct importer does', async () => {
    const tdb = await testDatabase('pglite');
    const app = await testApp({ database: tdb.database, env: { APEX_ADMIN_TOKEN: TOKEN, JOLPICA_DUMP_DIR: dumpDir } });
    // The direct importer's result (a copy of a direct import, see helpers/db.ts).
    const direct = await importedDatabase('pglite');
    try {
      // No dir: JOLPICA_DUMP_DIR.
      const res = await app.inject({ method: 'POST', url: '/api/v1/history/import', headers: auth });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({ jobId: 'history-import', created: true });
      const seen: JobView[] = [];
      const done = await waitForJob(app, 'history-import', seen);
      expect(done).toMatchObject({ state: 'done', percent: 100, error: null });
      expect((done.result as { dir: string }).dir).toBe(dumpDir);
      const percents = seen.map((j) => j.percent ?? 0);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));

      const expected = await fingerprint(direct.database.db);
      expect(Number(expected.results!.split(':')[0])).toBeGreaterThan(0);
      expect(await fingerprint(tdb.database.db)).toEqual(expected);
    } finally {
      await app.close();
      await tdb.cleanup();
      await direct.cleanup();
    }
  }, 300_000);
});
