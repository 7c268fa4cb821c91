import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveClient, makeSessionPath, normaliseSessionPath, parseSeasonIndex, parseSessionPath, Source, SourceError, type SourceEvent } from '../src/index.js';
import { startArchiveServer, type TestServer } from './archive-server.js';
import { liveTimingDir, MEXICO_2025_Q, topicFile } from './paths.js';

const AZE_2023_Q = '2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-28_Qualifying/';
const SAUDI_2022_Q = '2022/2022-03-27_Saudi_Arabian_Grand_Prix/2022-03-26_Qualifying/';
const FAST = { retry: { retries: 2, baseDelayMs: 5 }, timeoutMs: 250 };

describe('session paths', () => {
  it('rebuilds the archive path of every session of the 2019–2023 season indexes from names and dates', async () => {
    let checked = 0;
    for (const year of [2019, 2020, 2021, 2022, 2023]) {
      const raw = JSON.parse((await readFile(join(liveTimingDir, 'static', String(year), 'Index.json'), 'utf8')).replace(/^\ufeff/, ''));
      const index = parseSeasonIndex(raw, year);
      for (const meeting of index.meetings) {
        // The event date in the path is race day (or the last day of a test).
        const race = meeting.sessions.find((s) => s.type === 'Race' && s.name === 'Race');
        const eventDate = (race ?? meeting.sessions.reduce((a, b) => ((a.startDate ?? '') > (b.startDate ?? '') ? a : b))).startDate!.slice(0, 10);
        for (const s of meeting.sessions) {
          if (!s.path || s.key === -1 || !s.path.startsWith(`${year}/`)) continue; // cancelled, or test-server paths
          expect(makeSessionPath({ eventDate, eventName: meeting.name, sessionDate: s.startDate!.slice(0, 10), sessionName: s.name })).toBe(s.path);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('normalises user input and rejects paths that are not session paths', () => {
    expect(normaliseSessionPath(`/static/${AZE_2023_Q.slice(0, -1)}`)).toBe(AZE_2023_Q);
    expect(normaliseSessionPath(`https://livetiming.formula1.com/static/${AZE_2023_Q}`)).toBe(AZE_2023_Q);
    expect(parseSessionPath(AZE_2023_Q)).toEqual({ year: 2023, eventDate: '2023-04-30', eventName: 'Azerbaijan Grand Prix', sessionDate: '2023-04-28', sessionName: 'Qualifying' });
    expect(() => normaliseSessionPath('2023/Azerbaijan/Qualifying')).toThrow(/invalid session path/);
    expect(() => normaliseSessionPath('2023/2023-04-30_Azerbaijan_Grand_Prix')).toThrow(/2 segments/);
  });
});

describe('archive client on a local directory', () => {
  const archive = new ArchiveClient({ base: liveTimingDir });

  it('lists sessions from the directory with their topics and SessionInfo details', async () => {
    const sessions = await archive.listSessions();
    const mexico = sessions.find((s) => s.path === MEXICO_2025_Q)!;
    expect(mexico).toMatchObject({ year: 2025, name: 'Qualifying', type: 'Qualifying', meetingName: 'Mexico City Grand Prix', gmtOffset: '-06:00:00', foundBy: 'directory' });
    expect(mexico.topics).toEqual(expect.arrayContaining(['CarData.z', 'Position.z', 'TimingData', 'WeatherData']));
    // The README: the 2022 Saudi Arabian qualifying has no RaceControlMessages.
    expect(sessions.find((s) => s.path === SAUDI_2022_Q)!.topics).not.toContain('RaceControlMessages');
    const only2018 = await archive.listSessions({ year: 2018 });
    expect(only2018.length).toBeGreaterThan(0);
    expect(only2018.every((s) => s.year === 2018)).toBe(true);
  });

  it('finds every recorded 2019–2023 session in its season index too', async () => {
    const onDisk = (await archive.listSessions()).filter((s) => s.year >= 2019 && s.year <= 2023 && s.topics!.includes('TimingData'));
    expect(onDisk.length).toBeGreaterThan(5);
    for (const year of new Set(onDisk.map((s) => s.year))) {
      const indexed = new Set((await archive.listSessions({ year, from: 'index' })).map((s) => s.path));
      for (const s of onDisk.filter((d) => d.year === year)) expect(indexed, s.path).toContain(s.path);
    }
  });

  it('reads topics byte for byte and answers null for a topic the session does not have', async () => {
    const body = await archive.topicText(AZE_2023_Q, 'TimingData');
    expect(body.text).toBe(await readFile(topicFile(AZE_2023_Q, 'TimingData'), 'utf8'));
    expect(body.from).toBe('directory');
    expect(await archive.topic(AZE_2023_Q, 'CarData.z')).toBeNull();
    expect(await archive.topic(SAUDI_2022_Q, 'RaceControlMessages')).toBeNull();
    expect(await archive.seasonIndex(2026)).toBeNull();
    await expect(archive.listSessions({ year: 2026, from: 'index' })).rejects.toThrow(/no season index for 2026/);
  });

  it('fetches every topic of a session in parallel', async () => {
    const { bodies, errors } = await archive.fetchSession(MEXICO_2025_Q);
    const files = (await readdir(join(liveTimingDir, 'static', MEXICO_2025_Q))).filter((f) => f.endsWith('.jsonStream'));
    expect(errors.size).toBe(0);
    expect([...bodies.keys()].sort()).toEqual(files.map((f) => f.replace(/\.jsonStream$/, '')).sort());
    expect([...bodies.values()].every((b) => b.text !== null && b.text.length > 0)).toBe(true);
  });

  it('refuses paths that escape the base directory', async () => {
    const source = new Source({ base: liveTimingDir });
    await expect(source.get('/static/../../etc/passwd')).rejects.toMatchObject({ code: 'bad-path' });
  });
});

describe('archive client over HTTP (loopback server serving the recorded archive)', () => {
  let primary: TestServer;
  let mirror: TestServer;
  const dirs: string[] = [];
  const tempDir = async () => {
    const d = await mkdtemp(join(tmpdir(), 'apex-archive-'));
    dirs.push(d);
    return d;
  };

  beforeAll(async () => {
    primary = await startArchiveServer(liveTimingDir);
    mirror = await startArchiveServer(liveTimingDir);
  });
  afterEach(() => {
    primary.rules.length = 0;
    mirror.rules.length = 0;
    primary.requests.length = 0;
    mirror.requests.length = 0;
  });
  afterAll(async () => {
    await primary.close();
    await mirror.close();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('serves exactly what the directory holds (BOM included) and maps 403/404 to "missing"', async () => {
    const archive = new ArchiveClient({ base: primary.url, ...FAST });
    const sessionInfo = await archive.topicText(AZE_2023_Q, 'SessionInfo');
    expect(sessionInfo.text).toBe(await readFile(topicFile(AZE_2023_Q, 'SessionInfo'), 'utf8'));
    expect(sessionInfo.text!.charCodeAt(0)).toBe(0xfeff);
    expect(await archive.topic(AZE_2023_Q, 'Position.z')).toBeNull();
    const index = await archive.listSessions({ year: 2023 });
    expect(index.map((s) => s.path)).toContain(AZE_2023_Q);
    expect(index.every((s) => s.foundBy === 'index')).toBe(true);
  });

  it.each([404, 500, 'hang', 'reset'] as const)('falls back to the mirror when the primary answers %s', async (fault) => {
    const events: SourceEvent[] = [];
    const archive = new ArchiveClient({ base: primary.url, mirrors: [mirror.url], ...FAST, onEvent: (e) => events.push(e) });
    primary.rules.push({ match: (p) => p.endsWith('/TimingAppData.jsonStream'), fault });
    const body = await archive.topicText(AZE_2023_Q, 'TimingAppData');
    expect(body.text).toBe(await readFile(topicFile(AZE_2023_Q, 'TimingAppData'), 'utf8'));
    expect(mirror.requests).toEqual([`/static/${AZE_2023_Q}TimingAppData.jsonStream`]);
    // 404 is an answer (no retry); 500, a hang and a reset are retried on the primary first.
    expect(primary.requests.length).toBe(fault === 404 ? 1 : 1 + FAST.retry.retries);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(fault === 404 ? 0 : 2);
    expect(events.some((e) => e.type === 'fallback' && e.to === mirror.url)).toBe(true);
  });

  it('retries transient failures with the platform backoff (base 40 ms doubled, jitter off) and succeeds on the same base', async () => {
    const events: SourceEvent[] = [];
    const archive = new ArchiveClient({ base: primary.url, mirrors: [mirror.url], retry: { retries: 2, baseDelayMs: 40, random: () => 1 }, timeoutMs: 500, onEvent: (e) => events.push(e) });
    primary.rules.push({ match: (p) => p.endsWith('/TrackStatus.jsonStream'), fault: 503, times: 2 });
    const started = performance.now();
    const body = await archive.topicText(AZE_2023_Q, 'TrackStatus');
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(body.text).toBe(await readFile(topicFile(AZE_2023_Q, 'TrackStatus'), 'utf8'));
    expect(primary.requests).toHaveLength(3);
    expect(mirror.requests).toHaveLength(0);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e as { delayMs: number }).delayMs)).toEqual([40, 80]);
  });

  it('answers null only when every base says the topic does not exist, and fails loudly otherwise', async () => {
    const archive = new ArchiveClient({ base: primary.url, mirrors: [mirror.url], ...FAST });
    expect(await archive.topic(AZE_2023_Q, 'CarData.z')).toBeNull();
    expect(mirror.requests).toEqual([`/static/${AZE_2023_Q}CarData.z.jsonStream`]);

    primary.rules.push({ match: () => true, fault: 500 });
    mirror.rules.push({ match: () => true, fault: 'hang' });
    const err = await archive.topicText(AZE_2023_Q, 'LapCount').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect(err).toMatchObject({ code: 'unavailable' });
    expect((err as SourceError).attempts.map((a) => a.base)).toEqual([...Array(3).fill(primary.url), ...Array(3).fill(mirror.url)]);
    expect((err as SourceError).message).toMatch(/timed out/);
  });

  it('caches raw responses on disk: a second load is served from the cache with the server down', async () => {
    const cacheDir = await tempDir();
    const topics = ['SessionInfo', 'DriverList', 'TimingData', 'CarData.z'];
    const server = await startArchiveServer(liveTimingDir);
    const first = await new ArchiveClient({ base: server.url, cacheDir, ...FAST }).topics(AZE_2023_Q, topics);
    expect(first.errors.size).toBe(0);
    expect([...first.bodies.values()].map((b) => b.from)).toEqual(expect.arrayContaining(['network']));
    await server.close();

    // The cache has the upstream's layout, so it is itself a valid local source.
    expect(await readFile(join(cacheDir, 'static', AZE_2023_Q, 'TimingData.jsonStream'), 'utf8')).toBe(await readFile(topicFile(AZE_2023_Q, 'TimingData'), 'utf8'));

    const calls: string[] = [];
    const offline = new ArchiveClient({ base: server.url, cacheDir, ...FAST, fetch: async (u) => { calls.push(String(u)); throw new Error('network used'); } });
    const second = await offline.topics(AZE_2023_Q, topics);
    expect(second.errors.size).toBe(0);
    expect(calls).toEqual([]);
    for (const t of topics) expect(second.bodies.get(t)!.text).toBe(first.bodies.get(t)!.text);
    expect(second.bodies.get('CarData.z')!.text).toBeNull(); // remembered as missing, not an error
    expect(second.bodies.get('TimingData')!.from).toBe('cache');
  });

  it('offline mode never touches the network and says clearly what is missing', async () => {
    const cacheDir = await tempDir();
    const archive = new ArchiveClient({ base: primary.url, cacheDir, offline: true, ...FAST });
    const err = await archive.topicText(AZE_2023_Q, 'TimingData').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'offline-miss' });
    expect((err as Error).message).toMatch(/^offline: .*TimingData\.jsonStream is not in the cache/);
    expect(primary.requests).toEqual([]);
    // A local directory is not the network: offline mode still reads it.
    const local = new ArchiveClient({ base: liveTimingDir, offline: true });
    expect((await local.topicText(AZE_2023_Q, 'TimingData')).text).not.toBeNull();
  });

  it('serves a stale season index when the network fails, and refreshes it when it can', async () => {
    const cacheDir = await tempDir();
    let now = 0;
    const archive = new ArchiveClient({ base: primary.url, cacheDir, ...FAST, cacheMaxAgeMs: () => now });
    expect((await archive.seasonIndex(2022))!.meetings.length).toBeGreaterThan(20);
    expect(primary.requests).toHaveLength(1);
    now = -1; // everything is stale now
    primary.rules.push({ match: () => true, fault: 500 });
    expect((await archive.seasonIndex(2022))!.year).toBe(2022);
    primary.rules.length = 0;
    await archive.seasonIndex(2022);
    expect(primary.requests).toHaveLength(1 + 3 + 1);
  });
});

