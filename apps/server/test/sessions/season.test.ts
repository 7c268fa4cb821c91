// GET /api/v1/sessions/{year}: a season's sessions from the recorded archive with the state of
// their data, on PGlite (rounds from the recorded Jolpica/FastF1 schedules) and PostgreSQL (the
// Jolpica dump imported: rounds from history). Checked against the archive itself — the 2023
// season index read here as plain JSON, the 2025 session folders on disk — and against the
// engine's SessionInfo for start times; the states follow the session rows through queued,
// loading with progress, loaded and failed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { runToCompletion, sessionLoadJob } from '../../src/jobs/index.js';
import { resolveSession, SESSION_CODES, type SessionKey } from '../../src/sessions/catalog.js';
import { claimSession, markQueued, recordFailure, recordProgress } from '../../src/sessions/store-write.js';
import { backends, importedDatabase, testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';
import { archiveDir, engineSession, f1data, MEXICO_2025_Q, recordedSources } from './api-fixtures.js';

const env = { LIVETIMING_BASE_URL: archiveDir, JOLPICA_BASE_URL: `${f1data}/jolpica`, APEX_OFFLINE: 'true' };
const AZ_2023_Q = '2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-28_Qualifying/';

interface Item {
  year: number; round: number; session: string; name: string; eventName: string; eventDate: string; kind: string;
  startUtc: string | null; archivePath: string; state: string; stage: string | null; percent: number | null;
  jobId: string | null; error: string | null; hasData: boolean; loadedAt: string | null; dataVersion: number;
}

/**
 * A season index as the archive publishes it: race weekends in calendar order (testing left out),
 * each with the paths of its archived sessions (placeholders without a key or path are not sessions).
 */
function indexedWeekends(year: number): { name: string; paths: string[] }[] {
  const index = JSON.parse(readFileSync(join(archiveDir, 'static', String(year), 'Index.json'), 'utf8').replace(/^\uFEFF/, '')) as {
    Meetings: { Name: string; Sessions: { Path?: string }[] }[];
  };
  return index.Meetings.filter((m) => !/test/i.test(m.Name))
    .map((m) => ({ name: m.Name, paths: m.Sessions.flatMap((s) => (s.Path ? [s.Path] : [])) }));
}

/** Race-weekend session folders of a season on disk (the 2025 recordings have no season index). */
function foldersOnDisk(year: number): string[] {
  const dirs = (p: string) => readdirSync(p, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const base = join(archiveDir, 'static', String(year));
  return dirs(base).flatMap((event) => dirs(join(base, event))
    .filter((s) => /_(Practice_[123]|Qualifying|Sprint|Sprint_Qualifying|Sprint_Shootout|Race)$/.test(s))
    .map((s) => `${year}/${event}/${s}/`));
}

describe.each(backends)('GET /api/v1/sessions/{year} on %s', (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const season = async (year: number | string, query = '') => app.inject({ url: `/api/v1/sessions/${year}${query}` });
  const items = async (year: number) => {
    const res = await season(year);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return (res.json() as { items: Item[] }).items;
  };

  beforeAll(async () => {
    t = kind === 'postgres' ? await importedDatabase(kind) : await testDatabase(kind);
    app = await testApp({ database: t.database, env });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('lists every race-weekend session of the 2023 season index, round by round, in session order, none loaded', async () => {
    const list = await items(2023);
    const weekends = indexedWeekends(2023);
    expect(weekends).toHaveLength(22);
    expect(list.map((i) => i.archivePath).sort()).toEqual(weekends.flatMap((w) => w.paths).sort());
    // 2023 ran every race weekend of its index: the n-th weekend is round n.
    for (const [n, w] of weekends.entries()) {
      const mine = list.filter((i) => w.paths.includes(i.archivePath));
      expect(new Set(mine.map((i) => i.round)), w.name).toEqual(new Set([n + 1]));
      expect(mine.every((i) => i.eventName === w.name && i.year === 2023)).toBe(true);
    }
    const order = list.map((i) => i.round * 10 + SESSION_CODES.indexOf(i.session as SessionKey['session']));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(list.filter((i) => i.round === 4).map((i) => i.session)).toEqual(['FP1', 'SQ', 'S', 'Q', 'R']);
    expect(list.every((i) => i.state === 'not_loaded' && !i.hasData && i.dataVersion === 0 && i.percent === null)).toBe(true);

    const az = list.find((i) => i.archivePath === AZ_2023_Q)!;
    expect(az).toMatchObject({ round: 4, session: 'Q', name: 'Qualifying', kind: 'qualifying', eventDate: '2023-04-30' });
    expect(az.startUtc).toBe(new Date((await engineSession(AZ_2023_Q)).info!.startDateUtc!).toISOString());
  });

  it('lists the recorded 2025 session folders (no season index), Mexico City as round 20', async () => {
    const list = await items(2025);
    expect(list.map((i) => i.archivePath).sort()).toEqual(foldersOnDisk(2025).sort());
    const mexico = list.find((i) => i.archivePath === MEXICO_2025_Q)!;
    expect(mexico).toMatchObject({ round: 20, session: 'Q', eventName: 'Mexico City Grand Prix', state: 'not_loaded' });
    expect(mexico.startUtc).toBe(new Date((await engineSession(MEXICO_2025_Q)).info!.startDateUtc!).toISOString());
  });

  it('follows each session\'s data: queued, loading with its stage and percent, loaded, failed with the reason', async () => {
    const db = t.database.db;
    const sources = recordedSources();
    const key = (round: number, session: SessionKey['session']): SessionKey => ({ year: 2023, round, session });
    const loaded = await runToCompletion(sessionLoadJob, key(4, 'SQ'), { db, sources });
    await markQueued(db, key(4, 'FP1'), 'session-2023-4-FP1');
    await claimSession(db, await resolveSession(db, sources, key(4, 'S')), 'session-2023-4-S');
    await recordProgress(db, key(4, 'S'), 'session-2023-4-S', 'laps', 40);
    await markQueued(db, key(4, 'R'), 'session-2023-4-R');
    await recordFailure(db, key(4, 'R'), 'session-2023-4-R', 'could not fetch TimingData: HTTP 503');

    const byCode = new Map((await items(2023)).filter((i) => i.round === 4).map((i) => [i.session, i]));
    expect(byCode.get('SQ')).toMatchObject({ state: 'loaded', hasData: true, dataVersion: loaded.dataVersion, error: null, stage: null, percent: null });
    expect(new Date(byCode.get('SQ')!.loadedAt!).toISOString()).toBe(byCode.get('SQ')!.loadedAt);
    expect(byCode.get('FP1')).toMatchObject({ state: 'loading', stage: 'queued', percent: 0, jobId: 'session-2023-4-FP1', hasData: false });
    expect(byCode.get('S')).toMatchObject({ state: 'loading', stage: 'laps', percent: 40, jobId: 'session-2023-4-S' });
    expect(byCode.get('R')).toMatchObject({ state: 'failed', error: 'could not fetch TimingData: HTTP 503', hasData: false });
    expect(byCode.get('Q')).toMatchObject({ state: 'not_loaded', jobId: null });
    // What the session endpoint says of each, the list says too.
    for (const [code, item] of byCode) {
      const one = (await app.inject({ url: `/api/v1/sessions/2023/4/${code}` })).json() as { status: Record<string, unknown>; archivePath: string };
      expect(one.archivePath).toBe(item.archivePath);
      expect({ state: item.state, stage: item.stage, percent: item.percent, error: item.error }).toEqual({
        state: one.status.state, stage: one.status.stage, percent: one.status.percent, error: one.status.error,
      });
    }
  }, 120_000);

  it('answers CSV with the same rows, and revalidates with its ETag', async () => {
    const json = await items(2025);
    const res = await season(2025, '?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]!.split(',')).toEqual(Object.keys(json[0]!));
    expect(lines).toHaveLength(json.length + 1);
    expect(lines.slice(1).map((l) => l.split(',')[8])).toEqual(json.map((i) => i.archivePath));

    const first = await season(2025);
    expect(first.headers['cache-control']).toMatch(/max-age=0/);
    const again = await app.inject({ url: '/api/v1/sessions/2025', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('400 for a year that is not one, 404 for a season the archive does not have', async () => {
    for (const bad of ['20x5', '1800', '3000', '2025.5']) {
      const res = await season(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('APX_ERR_VALIDATION');
    }
    for (const year of [2017, 2030]) {
      const res = await season(year);
      expect(res.statusCode, String(year)).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'APX_ERR_NOT_FOUND', message: expect.stringMatching(new RegExp(`^no season ${year} in the live-timing archive`)) });
    }
  });

  it('is documented in the OpenAPI document with its parameters and row schema', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, any>> };
    const op = doc.paths['/api/v1/sessions/{year}']?.get;
    expect(op.tags).toContain('sessions');
    expect((op.parameters as { name: string }[]).map((p) => p.name).sort()).toEqual(['format', 'year']);
    const schema = JSON.stringify(op.responses['200']);
    for (const field of ['round', 'session', 'eventName', 'startUtc', 'archivePath', 'state', 'percent', 'error']) expect(schema).toContain(`"${field}"`);
    expect(op.responses['4XX'] ?? op.responses['4xx']).toBeDefined();
  });
});
