// Recordings of the live feed replayed through the API: the FastF1 recorder files of ../shared (the
// 2023 Qatar sprint excerpt and the deliberately corrupt 2021 Bahrain sample) and one of ours,
// recorded at test time by the engine's recorder from a loopback SignalR Core server fed from the
// 2025 Mexico City qualifying archive without a token. What the API shows is what the engine derives
// from the same file by itself; bad and unknown recordings are 4xx answers naming them; the circuit
// outline is served before cars have driven it, as long as F1DB says the circuit is.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { liveView, readAnyRecording, Replay, TOKEN_TOPICS } from '@apexdata/livetiming';
import { sharedDir } from '../../src/config.js';
import { MEXICO_2025_Q } from '../../../../packages/livetiming/test/live-fixtures.js';
import { recordLoopbackFeed } from '../../../../packages/livetiming/test/live-record-fixture.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';

const TOKEN = 'live-rec-token';
const shared = resolve(sharedDir, 'f1data', 'recordings');
const QATAR = '2023-qatar-sprint-live-excerpt.txt';
const BAHRAIN = '2021-bahrain-race-corrupt-sample.txt';
const OURS = 'mexico-2025-q-anonymous.jsonl';
const GARBAGE = 'not-a-recording.txt';

/** F1DB's course length (km) of a race: the independent check of an outline's length. */
const courseKm = (season: number, race: string) => Number(/courseLength: ([\d.]+)/.exec(readFileSync(resolve(sharedDir, 'f1db', 'data', 'seasons', String(season), 'races', race, 'race.yml'), 'utf8'))![1]);

describe('live replay of recordings through the API', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apex-live-recordings-'));
    symlinkSync(join(shared, QATAR), join(dir, QATAR));
    symlinkSync(join(shared, BAHRAIN), join(dir, BAHRAIN));
    writeFileSync(join(dir, GARBAGE), 'hello\nthis is not a feed\n');
    // Ours: three minutes of the Mexico qualifying feed, recorded anonymously (the server holds
    // CarData.z and Position.z back without its token, as F1 does since 2025).
    await recordLoopbackFeed(join(dir, OURS), MEXICO_2025_Q, 25, 28);
    db = await testDatabase('postgres');
    app = await testApp({ database: db.database, env: { APEX_ADMIN_TOKEN: TOKEN, APEX_LIVE_RECORDINGS: dir }, live: { historySeconds: 60 } });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url: `/api/v1/live${url}`, payload, headers: { authorization: `Bearer ${TOKEN}` } });
  const state = async () => (await app.inject('/api/v1/live/state')).json().view;
  /** The engine on its own: the recording read, replayed to `ms` after its start, the view there. */
  const engineAt = (name: string, ms: number) => {
    const read = readAnyRecording(readFileSync(join(dir, name), 'utf8'), name);
    const replay = new Replay(read.timeline);
    return { read, view: JSON.parse(JSON.stringify(liveView(replay.stateAt(replay.startAt + ms).topics, replay.startAt + ms))) };
  };

  it('lists the recordings folder with each file’s format', async () => {
    const res = await app.inject('/api/v1/live/recordings');
    expect(res.statusCode).toBe(200);
    const byName = Object.fromEntries(res.json().recordings.map((r: { name: string; format: string; bytes: number }) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual([BAHRAIN, QATAR, OURS, GARBAGE].sort());
    expect(byName[QATAR]).toMatchObject({ format: 'fastf1', bytes: readFileSync(join(shared, QATAR)).length });
    expect(byName[OURS].format).toBe('apexdata');
  });

  it('replays a FastF1 recorder file: the view is the engine’s at the same point, with the circuit outline from its positions', async () => {
    const res = await post('/replay', { recording: QATAR, from: 120, paused: true });
    expect(res.statusCode, res.body).toBe(200);
    const { read, view: want } = engineAt(QATAR, 120_000);
    expect(res.json().status).toMatchObject({
      source: 'recording',
      session: { year: null, round: null, path: null },
      recording: { name: QATAR, format: 'fastf1', lines: read.report.lines, corruptLines: read.report.corrupt.length },
      replay: { paused: true, positionMs: 120_000 },
    });
    const view = await state();
    expect(view.tower.rows.length).toBeGreaterThan(15);
    expect(view.tower).toEqual(want.tower);
    expect(view.positions).toEqual(want.positions);
    // The outline is one full lap of one car from the recording's own Position.z; its length is the
    // circuit's (F1DB) to within 4 % (samples are chords of the racing line).
    expect(view.track.source).toBe('session');
    expect(view.track.points.length).toBeGreaterThan(100);
    expect(view.track.points[0]).toEqual(view.track.points.at(-1));
    expect(Math.abs(view.track.lengthM / 1000 - courseKm(2023, '17-qatar')) / courseKm(2023, '17-qatar')).toBeLessThan(0.04);
  });

  it('seeks in a recording like in an archived session', async () => {
    const res = await post('/control', { action: 'seek', to: 240 });
    expect(res.json().status.replay.positionMs).toBe(240_000);
    expect((await state()).tower).toEqual(engineAt(QATAR, 240_000).view.tower);
  });

  it('replays the corrupt recording: bad lines counted and said, the rest played', async () => {
    const res = await post('/replay', { recording: BAHRAIN, paused: true, from: 10_000 });
    expect(res.statusCode, res.body).toBe(200);
    const { read, view: want } = engineAt(BAHRAIN, Number.MAX_SAFE_INTEGER);
    const status = res.json().status;
    expect(read.report.corrupt.length).toBeGreaterThan(10);
    expect(status.recording).toMatchObject({ format: 'fastf1', corruptLines: read.report.corrupt.length, lines: read.report.lines });
    expect(status.message).toContain(`${read.report.corrupt.length} of ${read.report.lines} lines of the recording could not be read`);
    const view = await state();
    expect(view.weather).toEqual(want.weather);
    expect(view.weather.airTemp).toBe(20.5);
    // A message whose Utc the corruption cut ('2021-:06') has no date: NaN in the engine, which JSON
    // has no word for (null over SSE, 0 from the serializer here); everything else is the engine's.
    const undated = (list: { date: number | null }[]) => list.map(({ date, ...m }) => ({ ...m, dated: Boolean(date) }));
    expect(undated(view.raceControl)).toEqual(undated(want.raceControl));
    expect(view.raceControl.length).toBe(want.raceControl.length);
  });

  it('replays our own recording; what the anonymous recorder never got is said as missing', async () => {
    const res = await post('/replay', { recording: OURS, paused: true, from: 60 });
    expect(res.statusCode, res.body).toBe(200);
    const status = res.json().status;
    expect(status.recording).toMatchObject({ format: 'apexdata', corruptLines: 0 });
    expect(status.topicsMissing).toEqual(expect.arrayContaining(['CarData.z', 'Position.z']));
    expect(status.topicsMissing.every((t: string) => (TOKEN_TOPICS as readonly string[]).includes(t))).toBe(true);
    expect(status.message).toMatch(/recorded without .*Position\.z/);
    expect(status.session.name).toMatch(/Mexico City Grand Prix · Qualifying \(recording mexico-2025-q-anonymous\.jsonl\)/);
    const view = await state();
    expect(view.tower).toEqual(engineAt(OURS, 60_000).view.tower);
    expect(view.positions).toEqual([]);
    // No positions in the recording: the outline comes from the archived session of the same circuit.
    expect(view.track.source).toBe(MEXICO_2025_Q);
    expect(Math.abs(view.track.lengthM / 1000 - courseKm(2025, '20-mexico')) / courseKm(2025, '20-mexico')).toBeLessThan(0.04);
  });

  it('answers bad and unknown recordings with 4xx naming them, and keeps playing what played', async () => {
    const unknown = await post('/replay', { recording: 'nope.jsonl' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'APX_ERR_NOT_FOUND' });
    expect(unknown.json().error.message).toContain("'nope.jsonl'");
    const escape = await post('/replay', { recording: '../../etc/passwd' });
    expect(escape.statusCode).toBe(400);
    expect(escape.json().error.message).toContain("'../../etc/passwd' is not a file name");
    const garbage = await post('/replay', { recording: GARBAGE });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.message).toMatch(/not-a-recording\.txt' holds no readable feed message \(2 lines, 2 unreadable/);
    const both = await post('/replay', { recording: QATAR, year: 2025, round: 20, session: 'Q' });
    expect(both.statusCode).toBe(400);
    const neither = await post('/replay', { speed: 5 });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.message).toMatch(/year, round, session required/);
    // The refusals left the running replay alone.
    expect((await app.inject('/api/v1/live/status')).json().recording.name).toBe(OURS);
  });
});
