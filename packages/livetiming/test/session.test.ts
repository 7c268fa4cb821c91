import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineCriticalError, readRecording, recordingTopicStreams, Session, type LoadProgress, type SessionLoadOptions } from '../src/index.js';
import { startArchiveServer, type TestServer } from './archive-server.js';
import { buildOracleSession, compareWithOracle, oracleLaps, oracleMeta, resultsFor } from './oracle.js';
import { liveTimingDir, sharedDir, topicFile } from './paths.js';

const f1data = resolve(sharedDir, 'f1data');
const LOCAL: SessionLoadOptions = {
  archive: { base: liveTimingDir },
  jolpica: { base: resolve(f1data, 'jolpica') },
  schedule: { base: resolve(f1data, 'f1schedule') },
  telemetry: false,
};
const AZE_2018_R = oracleMeta('fastf1/2018_Azerbaijan_R').path;
const SAUDI_2022_Q = oracleMeta('fastf1/2022_Saudi_Arabian_Q').path;
const BAHRAIN_2023_R = '2023/2023-03-05_Bahrain_Grand_Prix/2023-03-05_Race/';
// Loads with the default local options are shared between tests (sessions are immutable).
const loaded = new Map<string, Promise<Session>>();
const loadLocal = (path: string) => {
  if (!loaded.has(path)) loaded.set(path, Session.load(path, LOCAL));
  return loaded.get(path)!;
};

describe('Session.load from the recorded archive', () => {
  it.each(['fastf1/2018_Azerbaijan_R', 'fastf1/2019_Italian_Q', 'fastf1/2022_Saudi_Arabian_Q'])('%s: same laps as the laps builder fed directly', async (name) => {
    const meta = oracleMeta(name);
    const session = await loadLocal(meta.path);
    const direct = buildOracleSession(name);
    expect(session.laps!.toArray()).toEqual(direct.laps.toArray());
    expect(session.results).toEqual(resultsFor(name, direct));
    expect(session.info!.path).toBe(meta.path);
    expect(session.name).toBe(meta.name);
    expect(session.drivers).toHaveLength(20);
    expect(session.issues.filter((i) => i.code === 'corrupt-lines' || i.code === 'step-failed' || i.code === 'topic-unavailable')).toEqual([]);
  });

  it('2018 Azerbaijan race: finds round 4 in FastF1\'s schedule (Jolpica has no 2018 season file) and takes lap-1 times from Jolpica laps/1', async () => {
    const session = await loadLocal(AZE_2018_R);
    expect(session.jolpica!.round).toBe(4);
    expect(session.jolpica!.results!.race).toMatchObject({ season: 2018, round: 4, raceName: 'Azerbaijan Grand Prix' });
    const ff1Lap1 = oracleLaps('fastf1/2018_Azerbaijan_R').filter((l) => l.LapNumber === 1 && l.LapTime !== null);
    expect(ff1Lap1.length).toBeGreaterThan(10);
    for (const l of ff1Lap1) {
      const ours = session.laps!.pickDrivers(String(l.DriverNumber)).pickLaps(1).at(0)!;
      expect(ours.lapTime! / 1000, `#${l.DriverNumber}`).toBeCloseTo(l.LapTime as number, 3);
    }
  });

  it('leaves race lap-1 times empty without Jolpica, saying why', async () => {
    const without = await Session.load(AZE_2018_R, { ...LOCAL, jolpica: null });
    expect(without.laps!.pickLaps(1).toArray().every((l) => l.lapTime === null)).toBe(true);
    expect(without.jolpica).toBeNull();

    const empty = await mkdtemp(join(tmpdir(), 'apex-jolpica-'));
    try {
      const unknown = await Session.load(AZE_2018_R, { ...LOCAL, jolpica: { base: empty }, schedule: null });
      expect(unknown.laps!.pickLaps(1).toArray().every((l) => l.lapTime === null)).toBe(true);
      expect(unknown.issues).toContainEqual(expect.objectContaining({ code: 'jolpica-unavailable', message: expect.stringMatching(/could not find the championship round/) }));
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('does not trust a round whose Jolpica answer is about another race', async () => {
    // 2023/5 is Miami; asking it for the Bahrain race must not attach Miami's results.
    const session = await Session.load(BAHRAIN_2023_R, { ...LOCAL, round: 5 });
    expect(session.jolpica!.results).toBeNull();
    expect(session.issues).toContainEqual(expect.objectContaining({ code: 'jolpica-unavailable', message: expect.stringMatching(/rounds tried: 5/) }));
    const right = await Session.load(BAHRAIN_2023_R, LOCAL);
    expect(right.jolpica!.round).toBe(1); // from Jolpica's 2023 season schedule
    expect(right.jolpica!.results!.race.raceName).toBe('Bahrain Grand Prix');
    // Timing data was not recorded for this race: the rest of the session still loads.
    expect(right.laps).toBeNull();
    expect(right.issues).toContainEqual(expect.objectContaining({ code: 'topic-missing', topic: 'TimingData' }));
    expect(right.raceControl!.length).toBeGreaterThan(0);
    expect(right.lapCount!.length).toBeGreaterThan(0);
  });

  it('2025 Mexico City Q: wires telemetry in — t0, LapStartDate and merged lap telemetry as FastF1 has them', async () => {
    const session = await Session.load(oracleMeta('fastf1-mexico-2025-q').path, { ...LOCAL, telemetry: true });
    const t0 = JSON.parse(await readFile(resolve(sharedDir, 'oracle', 'fastf1-mexico-2025-q', 't0.json'), 'utf8'));
    expect(new Date(session.t0!).toISOString()).toBe(`${t0.t0_date}Z`);
    const lapStartDate = compareWithOracle('fastf1-mexico-2025-q', session.laps!.toArray(), { lapStartDate: true }).columns.find((c) => c.column === 'LapStartDate')!;
    expect(lapStartDate.examples).toEqual([]);
    expect(lapStartDate.equal).toBe(lapStartDate.total);
    const oracleTel = JSON.parse(await readFile(resolve(sharedDir, 'oracle', 'fastf1-mexico-2025-q', 'telemetry', 'RUS_fastest.json'), 'utf8'));
    const lap = session.laps!.pickDrivers('RUS').pickFastest()!;
    expect(lap.lapNumber).toBe(oracleTel.LapNumber);
    const tel = session.lapTelemetry(lap);
    expect(tel.length).toBe(oracleTel.n);
    expect(Array.from(tel.date.slice(0, 3), (d) => new Date(d).toISOString().slice(0, 23))).toEqual(oracleTel.Date.slice(0, 3));
    expect(session.issues.filter((i) => i.code !== 'topic-missing' && i.code !== 'jolpica-unavailable')).toEqual([]);
  });

  it('reports progress by stage, monotonic, ending at 100', async () => {
    const seen: LoadProgress[] = [];
    await Session.load(SAUDI_2022_Q, { ...LOCAL, onProgress: (p) => seen.push(p) });
    const stages = [...new Set(seen.map((p) => p.stage))];
    expect(stages).toEqual(['fetch', 'jolpica', 'parse', 'laps', 'results', 'done']);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.percent).toBeGreaterThanOrEqual(seen[i - 1]!.percent);
    expect(seen.at(-1)).toMatchObject({ stage: 'done', percent: 100 });
  });

  it('raises critical errors only when there is no session to speak of', async () => {
    await expect(Session.load('2023/Azerbaijan/Qualifying', LOCAL)).rejects.toMatchObject({ name: 'EngineCriticalError', code: 'bad-path' });
    await expect(Session.load('2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-29_Race/', LOCAL)).rejects.toMatchObject({ code: 'session-not-found' });
    const missing = await Session.load('2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-29_Race/', LOCAL).catch((e: EngineCriticalError) => e);
    expect(missing.transient).toBe(false);
    const strict = Session.load(SAUDI_2022_Q, { ...LOCAL, strict: true });
    await expect(strict).rejects.toBeInstanceOf(EngineCriticalError);
    await expect(strict).rejects.toMatchObject({ code: 'strict', issues: expect.arrayContaining([expect.objectContaining({ topic: 'RaceControlMessages' })]) });
  });

  it('skips and reports corrupt lines without losing the session', async () => {
    const topics = new Map<string, string>();
    for (const t of ['SessionInfo', 'DriverList', 'TimingData', 'TimingAppData', 'SessionStatus', 'TrackStatus']) topics.set(t, await readFile(topicFile(SAUDI_2022_Q, t), 'utf8'));
    const clean = Session.fromTopics(SAUDI_2022_Q, topics);
    topics.set('TrackStatus', topics.get('TrackStatus')!.replace(/\r\n/, '\r\n00:00:01.000{"Status":\r\ngarbage\r\n'));
    const damaged = Session.fromTopics(SAUDI_2022_Q, topics);
    expect(damaged.issues).toContainEqual(expect.objectContaining({ code: 'corrupt-lines', topic: 'TrackStatus', count: 2 }));
    expect(damaged.trackStatus).toEqual(clean.trackStatus);
    expect(damaged.laps!.length).toBe(clean.laps!.length);
  });

  it('releases topic bytes once parsed only when told they are its to consume (Session.load\'s own reads)', async () => {
    const read = async () => {
      const topics = new Map<string, Buffer>();
      for (const t of ['SessionInfo', 'DriverList', 'TimingData', 'TimingAppData', 'SessionStatus', 'TrackStatus']) topics.set(t, await readFile(topicFile(SAUDI_2022_Q, t)));
      return topics;
    };
    const kept = await read();
    const sizes = [...kept.values()].map((b) => b.length);
    const a = Session.fromTopics(SAUDI_2022_Q, kept);
    expect([...kept.values()].map((b) => b.length)).toEqual(sizes);
    const given = await read();
    const b = Session.fromTopics(SAUDI_2022_Q, given, { consumeInputs: true });
    expect(given.get('TimingData')!.length).toBe(0); // released (detached)
    expect(given.get('SessionInfo')!.length).toBe(sizes[0]); // small files are left to the GC
    expect(b.laps!.toArray()).toEqual(a.laps!.toArray());
  });

  it('builds a session from a live recording (the path for live replay)', async () => {
    const rec = readRecording(await readFile(resolve(f1data, 'recordings', '2023-qatar-sprint-live-excerpt.txt'), 'utf8'));
    const session = Session.fromTopics('2023/2023-10-08_Qatar_Grand_Prix/2023-10-07_Sprint/', recordingTopicStreams(rec));
    expect(session.kind).toBe('race');
    expect(session.sessionStartTime).toBe(0); // time zero of a recording is the "Started" entry
    expect(session.sessionStatus!.map((s) => s.status)).toEqual(['Started']); // from SessionData's StatusSeries
    // The capture joined mid-session (no snapshots): timing is partial, but every topic is usable.
    expect(session.laps).not.toBeNull();
    expect(session.drivers.length).toBeGreaterThan(10);
    expect(session.weather).toHaveLength(5);
    expect(session.raceControl!.length).toBeGreaterThan(0);
  });
});

// FastF1 cannot build these two (no DriverList, no TimingAppData in the archive); we build laps
// from TimingData's racing numbers and name the cars from the Jolpica result rows we hold.
describe('sessions with TimingData but no DriverList', () => {
  const SPAIN_2022_Q = '2022/2022-05-22_Spanish_Grand_Prix/2022-05-21_Qualifying/';
  const CANADA_2023_Q = '2023/2023-06-18_Canadian_Grand_Prix/2023-06-17_Qualifying/';
  /**
   * Every best lap time the feed showed per car (BestLapTime patches; it restarts with each part of
   * qualifying and takes back deleted laps), independent of how laps are built.
   */
  async function feedBest(path: string): Promise<Map<string, number[]>> {
    const best = new Map<string, number[]>();
    const { parseStream, parseDuration } = await import('../src/index.js');
    for (const m of parseStream(await readFile(topicFile(path, 'TimingData'), 'utf8')).messages) {
      for (const [n, line] of Object.entries((m.data as { Lines?: Record<string, { BestLapTime?: { Value?: string } }> }).Lines ?? {})) {
        const v = parseDuration(line?.BestLapTime?.Value ?? '');
        if (Number.isFinite(v) && v > 0) best.set(n, [...(best.get(n) ?? []), v]);
      }
    }
    return best;
  }

  it('2022 Spanish Q: laps for all 20 cars, named from the season\'s result rows; Leclerc on pole in 1:18.750', async () => {
    const session = await loadLocal(SPAIN_2022_Q);
    const byNumber = new Map(session.drivers.map((d) => [d.driverNumber, d]));
    const best = await feedBest(SPAIN_2022_Q);
    expect([...byNumber.keys()].sort()).toEqual([...best.keys()].sort());
    expect(byNumber.size).toBe(20);
    for (const n of byNumber.keys()) expect(session.laps!.pickDrivers(n).length, n).toBeGreaterThan(0);
    expect([byNumber.get('1')!.abbreviation, byNumber.get('16')!.abbreviation, byNumber.get('16')!.teamName]).toEqual(['VER', 'LEC', 'Ferrari']);
    // Vettel raced as 5 here but missed rounds 1–2, the only 2022 result rows recorded: unnamed, and said so.
    expect(byNumber.get('5')!.abbreviation).toBeNull();
    expect(session.issues.find((i) => i.message.startsWith('no DriverList'))!.message).toMatch(/no entrant known for number\(s\) 5$/);
    const fastest = session.laps!.pickFastest()!;
    expect([fastest.driver, fastest.lapTime]).toEqual(['LEC', 78_750]);
    // Each car's fastest lap is one the feed called its best, and no slower than its last best.
    for (const [n, times] of best) {
      const own = session.laps!.pickDrivers(n).pickFastest()!.lapTime!;
      expect(times, n).toContain(own);
      expect(own, n).toBeLessThanOrEqual(times[times.length - 1]!);
    }
  });

  it('2023 Canadian Q: every car named from earlier rounds\' results; without Jolpica, numbers only', async () => {
    const session = await loadLocal(CANADA_2023_Q);
    const best = await feedBest(CANADA_2023_Q);
    expect(session.drivers.map((d) => d.driverNumber).sort()).toEqual([...best.keys()].sort());
    expect(session.drivers.every((d) => d.abbreviation !== null)).toBe(true);
    expect(session.drivers.find((d) => d.driverNumber === '1')!.abbreviation).toBe('VER');
    expect(session.drivers.find((d) => d.driverNumber === '4')!.abbreviation).toBe('NOR');
    for (const [n, times] of best) expect(times, n).toContain(session.laps!.pickDrivers(n).pickFastest()!.lapTime!);
    expect(session.issues.some((i) => /No tyre data \(no TimingAppData\)/.test(i.message))).toBe(true);

    const bare = await Session.load(CANADA_2023_Q, { ...LOCAL, jolpica: null });
    expect(bare.laps!.length).toBe(session.laps!.length);
    expect(bare.drivers.every((d) => d.abbreviation === null)).toBe(true);
  });
});

describe('Session.load over HTTP, then from the cache with the server down', () => {
  let livetiming: TestServer;
  let jolpica: TestServer;
  let cacheDir: string;
  beforeAll(async () => {
    livetiming = await startArchiveServer(liveTimingDir);
    jolpica = await startArchiveServer(resolve(f1data, 'jolpica'));
    cacheDir = await mkdtemp(join(tmpdir(), 'apex-session-cache-'));
  });
  afterAll(async () => {
    await livetiming.close();
    await jolpica.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('a core topic the source cannot deliver is critical but transient (worth retrying)', async () => {
    livetiming.rules.push({ match: (p) => p.endsWith('/TimingData.jsonStream'), fault: 500, times: 3 });
    const err = await Session.load(SAUDI_2022_Q, { ...LOCAL, archive: { base: livetiming.url, retry: { retries: 2, baseDelayMs: 5 }, timeoutMs: 1000 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineCriticalError);
    expect(err).toMatchObject({ code: 'source-unavailable', transient: true });
    expect((err as Error).message).toMatch(/TimingData\.jsonStream: HTTP 500/);
    livetiming.rules.length = 0;
  });

  it('loads the same session as from the directory, and again offline from the cache', async () => {
    // No fault is injected here: the timeout only bounds a loopback read (2.4 MB TimingData), generous
    // enough for a loaded 2-core machine (1 s timed out there).
    const viaHttp: SessionLoadOptions = {
      archive: { base: livetiming.url, cacheDir: join(cacheDir, 'livetiming'), retry: { retries: 1, baseDelayMs: 5 }, timeoutMs: 15_000 },
      jolpica: { base: jolpica.url, cacheDir: join(cacheDir, 'jolpica'), retry: { retries: 1, baseDelayMs: 5 }, timeoutMs: 15_000 },
      schedule: { base: resolve(f1data, 'f1schedule') },
      telemetry: false,
    };
    const fromDir = await loadLocal(AZE_2018_R);
    const fromHttp = await Session.load(AZE_2018_R, viaHttp);
    expect(fromHttp.laps!.toArray()).toEqual(fromDir.laps!.toArray());
    expect(jolpica.requests).toEqual(expect.arrayContaining(['/ergast/f1/2018/4/results.json', '/ergast/f1/2018/4/laps/1.json']));

    await livetiming.close();
    await jolpica.close();
    const offline = await Session.load(AZE_2018_R, {
      ...viaHttp,
      archive: { ...(viaHttp.archive as object), base: livetiming.url, offline: true },
      jolpica: { ...(viaHttp.jolpica as object), base: jolpica.url, offline: true },
    } as SessionLoadOptions);
    expect(offline.laps!.toArray()).toEqual(fromDir.laps!.toArray());
    expect(offline.jolpica!.firstLapTimes).toEqual(fromDir.jolpica!.firstLapTimes);
    expect(offline.issues.map((i) => i.code)).toEqual(fromDir.issues.map((i) => i.code));
  });
});
