// The session parser in its worker thread (src/sessions/parse-thread.ts):
//  - it gives exactly what the same parse gives on this thread (every stored field, every telemetry
//    blob byte for byte), for a qualifying with telemetry and a race that needs Jolpica's lap-1 times;
//  - reads are relayed to this thread's sources, errors come back with their class (a corrupt
//    stream is rejected for good, an archive that cannot be read is retried);
//  - a parser thread that dies (out of memory under a heap limit) fails its job with the reason,
//    without retries, and the process — an API serving requests on the same database — carries on;
//    the next load of the same session completes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { InProcessQueue, jobDefinitions, SESSION_LOAD, type JobDeps } from '../../src/jobs/index.js';
import { LoadRejectedError, parseSession, type ParsedLoad, type ParseRequest } from '../../src/sessions/parse.js';
import { exclusive, parseInThread, ParserCrashedError } from '../../src/sessions/parse-thread.js';
import { sessionStore } from '../../src/sessions/store.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';
import { BAKU_2018_R, MEXICO_2025_Q } from './api-fixtures.js';
import { archiveDir, f1data, recordedSources } from '../jobs/session-fixtures.js';

const offlineEnv = { LIVETIMING_BASE_URL: archiveDir, JOLPICA_BASE_URL: `${f1data}/jolpica`, APEX_OFFLINE: 'true', APEX_ADMIN_TOKEN: 'secret' };
const MEXICO: ParseRequest = { path: MEXICO_2025_Q, round: 20, label: '2025 round 20 Q' };
const BAKU: ParseRequest = { path: BAKU_2018_R, round: 4, label: '2018 round 4 R' };

function expectSameLoad(thread: ParsedLoad, main: ParsedLoad): void {
  expect(thread.session).toEqual(main.session);
  expect(thread.telemetry.map(({ data: _d, ...b }) => b)).toEqual(main.telemetry.map(({ data: _d, ...b }) => b));
  thread.telemetry.forEach((b, i) => {
    expect(Buffer.isBuffer(b.data), `${b.driverNumber} ${b.kind}`).toBe(true);
    expect(b.data.equals(main.telemetry[i]!.data), `${b.driverNumber} ${b.kind} bytes`).toBe(true);
  });
}

describe('the parser thread', () => {
  it.each([['Mexico City 2025 Q (telemetry)', MEXICO], ['Baku 2018 R (Jolpica lap-1 times)', BAKU]])(
    '%s: the same session and telemetry bytes as a parse on this thread, with progress through the stages',
    async (_name, request) => {
      const stages: string[] = [];
      const thread = await parseInThread(recordedSources(), request, (p) => {
        if (stages.at(-1) !== p.stage) stages.push(p.stage);
      });
      const main = await parseSession(recordedSources(), request, () => {});
      expectSameLoad(thread, main);
      expect(thread.session.laps.length).toBeGreaterThan(250);
      expect(stages[0]).toBe('fetch');
      expect(stages).toEqual(expect.arrayContaining(['parse', 'laps', 'telemetry', 'encode']));
      if (request === MEXICO) expect(thread.telemetry).toHaveLength(40);
      if (request === BAKU) expect(thread.session.laps.filter((l) => l.lapNumber === 1 && l.lapTime !== null).length).toBeGreaterThan(10);
    },
    120_000,
  );

  it('brings errors back with their class: a corrupt stream is rejected, a session the archive lacks is named with the archive it was looked for in', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'apex-parse-thread-'));
    try {
      const path = '2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-28_Qualifying/';
      const copy = join(tmp, 'livetiming', 'static', path);
      cpSync(join(archiveDir, 'static', path), copy, { recursive: true });
      const file = join(copy, 'TimingData.jsonStream');
      writeFileSync(file, readFileSync(file, 'utf8').split('\r\n').map((l, i) => (i % 25 === 24 ? l.slice(0, 20) : l)).join('\r\n'));
      const corrupt = await parseInThread(recordedSources(join(tmp, 'livetiming')), { path, round: 4, label: '2023 round 4 Q' }, () => {}).catch((e: unknown) => e);
      expect(corrupt).toBeInstanceOf(LoadRejectedError);
      expect((corrupt as Error).message).toMatch(/^2023 round 4 Q \(2023\/.*\): corrupt stream: TimingData: \d+ undecodable line/);

      const missing = await parseInThread(recordedSources(join(tmp, 'nothing-here')), MEXICO, () => {}).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(LoadRejectedError);
      expect((missing as Error).message).toMatch(/^2025 round 20 Q: no session at 2025\/.* in .*nothing-here/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('transfers only buffers a view owns whole; bytes that share a buffer are copied first', () => {
    const whole = new Uint8Array([1, 2, 3]);
    expect(exclusive(whole)).toBe(whole);
    const shared = Buffer.from('telemetry bytes').subarray(2, 9);
    const copy = exclusive(shared);
    expect(copy).not.toBe(shared);
    expect(copy.byteLength).toBe(copy.buffer.byteLength);
    expect(Buffer.from(copy).toString()).toBe('lemetry');
  });
});

describe('a parser thread that dies, under an API on the same PGlite database', () => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let queue: InProcessQueue<JobDeps>;
  const key = { year: 2025, round: 20, session: 'Q' } as const;

  beforeAll(async () => {
    tdb = await testDatabase('pglite');
    app = await testApp({ database: tdb.database, env: offlineEnv });
    // The app's queue with a heap limit its parser cannot live with (the Mexico City parse fits in
    // 16 MB of old generation since the engine's memory work; it dies at 8 and 4).
    queue = new InProcessQueue(jobDefinitions, { ...app.jobDeps, parserMemoryMb: 4 });
  }, 120_000);
  afterAll(async () => {
    await queue?.close();
    await app?.close();
    await tdb?.cleanup();
  });

  it('fails the job with the reason, once; the API keeps answering; the next load completes', async () => {
    const { job } = await queue.enqueue(SESSION_LOAD, key);
    expect(job.id).toBe('session-2025-20-Q');
    // The API answers while the load runs and after its parser died.
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    await queue.idle();

    const failed = (await queue.get(job.id))!;
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.error).toBe('2025 round 20 Q: the parser thread ran out of memory (limit 4 MB)');
    expect(await sessionStore(tdb.database.db).status(key)).toMatchObject({ state: 'failed', hasData: false, error: failed.error });
    const session = await app.inject({ method: 'GET', url: '/api/v1/sessions/2025/20/Q' });
    expect(session.statusCode).toBe(200);
    expect(session.json().status).toMatchObject({ state: 'failed', error: failed.error });
    expect((await app.inject({ method: 'GET', url: '/api/v1/sessions/2025/20/Q/laps' })).json().error.message).toMatch(/its last load failed \(.*ran out of memory/);

    // The app's own queue (no heap limit) loads the session.
    const load = await app.inject({ method: 'POST', url: '/api/v1/sessions/2025/20/Q/load', headers: { authorization: 'Bearer secret' } });
    expect(load.statusCode).toBe(202);
    await (app.jobs as InProcessQueue<JobDeps>).idle();
    expect(await app.jobs.get(job.id)).toMatchObject({ state: 'done', error: null });
    const laps = await app.inject({ method: 'GET', url: '/api/v1/sessions/2025/20/Q/laps?driver=NOR&fromLap=1&toLap=3' });
    expect(laps.statusCode).toBe(200);
    expect(laps.json().items.length).toBeGreaterThan(0);
  }, 120_000);

  it('ParserCrashedError is permanent: retrying the same data under the same limit would not help', () => {
    const def = jobDefinitions.find((d) => d.name === SESSION_LOAD)!;
    expect(def.isTransient(new ParserCrashedError('x'))).toBe(false);
  });
});
