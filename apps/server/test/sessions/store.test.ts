// The storage side on PGlite and PostgreSQL: the state of a session's data through a load and a
// reload, the claim that keeps two loaders of one session apart, the single transaction that
// replaces a session (a failure inside it leaves the previous data), links to history by season,
// round and racing number, and the reasons given for sessions that do not exist.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client.js';
import * as t from '../../src/db/schema/index.js';
import { AttemptFailedError, runToCompletion, sessionJobId, sessionLoadJob } from '../../src/jobs/index.js';
import { CatalogError, resolveSession, seasonCatalogue, type SessionKey } from '../../src/sessions/catalog.js';
import type { LoadDeps } from '../../src/sessions/load.js';
import { parsedSession } from '../../src/sessions/parse.js';
import { sessionStore } from '../../src/sessions/store.js';
import { claimSession, markQueued, releaseAbandonedClaims, SessionBusyError, writeSessionData } from '../../src/sessions/store-write.js';
import { procStartOf } from '../../src/db/embedded-lock.js';
import { thisProcess } from '../../src/jobs/holder.js';
import { backends, testDatabase, type TestDatabase } from '../helpers/db.js';
import { engineSession, recordedSources } from '../jobs/session-fixtures.js';

const SHOOTOUT: SessionKey = { year: 2023, round: 4, session: 'SQ' };
const SHOOTOUT_PATH = '2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-29_Sprint_Shootout/';

async function count(db: TestDatabase['database']['db'], table: string, sessionId: number): Promise<number> {
  const [r] = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table} where session_id = ${sessionId}`)));
  return Number(r!.n);
}

/** A sliver of history: 2023 round 4 with an entry for #1 (results) and #11 (qualifying), the season's team drivers for #16 and two #55s. */
async function seedHistory(db: TestDatabase['database']['db']): Promise<Record<string, number>> {
  await db.insert(t.seasons).values({ year: 2023 });
  const [circuit] = await db.insert(t.circuits).values({ circuitRef: 'baku', name: 'Baku City Circuit' }).returning();
  const [race] = await db.insert(t.races).values({ season: 2023, round: 4, circuitId: circuit!.id, name: 'Azerbaijan Grand Prix', date: '2023-04-30' }).returning();
  const [team] = await db.insert(t.constructors).values({ constructorRef: 'red_bull', name: 'Red Bull' }).returning();
  const drivers = await db.insert(t.drivers).values([
    { driverRef: 'max_verstappen', givenName: 'Max', familyName: 'Verstappen', permanentNumber: 33 },
    { driverRef: 'perez', givenName: 'Sergio', familyName: 'Pérez', permanentNumber: 11 },
    { driverRef: 'leclerc', givenName: 'Charles', familyName: 'Leclerc', permanentNumber: 16 },
    { driverRef: 'sainz', givenName: 'Carlos', familyName: 'Sainz', permanentNumber: 55 },
    { driverRef: 'someone_else', givenName: 'Some', familyName: 'One', permanentNumber: 55 },
  ]).returning();
  const id = Object.fromEntries(drivers.map((d) => [d.driverRef, d.id]));
  await db.insert(t.results).values({ raceId: race!.id, driverId: id.max_verstappen!, constructorId: team!.id, number: 1, position: 1, positionText: '1' });
  await db.insert(t.qualifying).values({ raceId: race!.id, driverId: id.perez!, constructorId: team!.id, number: 11, position: 2 });
  await db.insert(t.teamDrivers).values(['leclerc', 'sainz', 'someone_else'].map((ref) => ({ season: 2023, driverId: id[ref]!, constructorId: team!.id })));
  return { ...id, race: race!.id };
}

describe.each(backends)('session storage on %s', (kind) => {
  let tdb: TestDatabase;
  let deps: LoadDeps;
  let history: Record<string, number>;

  beforeAll(async () => {
    tdb = await testDatabase(kind);
    deps = { db: tdb.database.db, sources: recordedSources() };
    history = await seedHistory(tdb.database.db);
  }, 120_000);
  afterAll(async () => tdb?.cleanup());

  it('links the session to the history race (season + round, by race day) and drivers by racing number within the event', async () => {
    const entry = await resolveSession(tdb.database.db, deps.sources, SHOOTOUT);
    expect(entry).toMatchObject({ archive: { path: SHOOTOUT_PATH, name: 'Sprint Shootout' }, raceId: history.race, roundFrom: 'history' });
    // Events history does not know take their round from the recorded Jolpica schedule.
    const season = await seasonCatalogue(tdb.database.db, deps.sources, 2023);
    expect(season.find((e) => e.archive.path.includes('Miami') && e.key.session === 'R')).toMatchObject({ key: { round: 5 }, raceId: null, roundFrom: 'jolpica-schedule' });

    await runToCompletion(sessionLoadJob, SHOOTOUT, deps);
    const store = sessionStore(tdb.database.db);
    const row = (await store.get(SHOOTOUT))!;
    expect(row.raceId).toBe(history.race);
    const links = Object.fromEntries((await store.drivers(row.id)).map((d) => [d.driverNumber, d.driverId]));
    expect(links['1']).toBe(history.max_verstappen); // the event's results, not his permanent 33
    expect(links['11']).toBe(history.perez); // the event's qualifying
    expect(links['16']).toBe(history.leclerc); // permanent number of a 2023 team driver
    expect(links['55']).toBeNull(); // two of the season's drivers carry 55: ambiguous, left unlinked
    expect(links['44']).toBeNull(); // not in this sliver of history
  });

  it('goes not_loaded → loading (queued, then stages) → loaded, and a reload replaces everything (new data version, no duplicates)', async () => {
    const key: SessionKey = { year: 2019, round: 14, session: 'Q' };
    const store = sessionStore(tdb.database.db);
    expect(await store.status(key)).toMatchObject({ state: 'not_loaded', hasData: false, dataVersion: 0 });
    await markQueued(tdb.database.db, key, sessionJobId(key));
    expect(await store.status(key)).toMatchObject({ state: 'loading', stage: 'queued', percent: 0, jobId: 'session-2019-14-Q', hasData: false });

    const seen: string[] = [];
    const first = await runToCompletion(sessionLoadJob, key, deps, {
      report: (p) => {
        if (seen.at(-1) !== p.stage) seen.push(p.stage);
      },
    });
    expect(seen[0]).toBe('resolve');
    expect(seen).toEqual(expect.arrayContaining(['fetch', 'laps', 'store', 'done']));
    const loaded = (await store.get(key))!;
    expect(await store.status(key)).toMatchObject({ state: 'loaded', hasData: true, dataVersion: 1, error: null, stage: null });
    const laps = await store.laps(loaded.id);
    expect(laps.length).toBe(first.rows.laps);

    const second = await runToCompletion(sessionLoadJob, key, deps);
    expect(second.dataVersion).toBe(2);
    expect(await count(tdb.database.db, 'session_laps', loaded.id)).toBe(laps.length);
    expect(await count(tdb.database.db, 'session_drivers', loaded.id)).toBe(first.rows.drivers);
    expect(await count(tdb.database.db, 'session_weather', loaded.id)).toBe(first.rows.weather);
    expect(await store.laps(loaded.id)).toEqual(laps);
    expect((await store.list({ year: 2019 })).map((s) => s.session)).toEqual(['Q']);
  });

  it('keeps two loaders of one session apart; takes a dead loader\'s claim over; a writer that lost its claim writes nothing', async () => {
    const key: SessionKey = { year: 2021, round: 18, session: 'Q' };
    const db = tdb.database.db;
    const entry = await resolveSession(db, deps.sources, key);
    await claimSession(db, entry, 'job-a');
    await expect(claimSession(db, entry, 'job-b')).rejects.toThrow(SessionBusyError);
    await expect(claimSession(db, entry, 'job-b')).rejects.toThrow(/already being loaded by job job-a/);
    await claimSession(db, entry, 'job-a'); // a retried or recovered job re-claims its own session

    // job-a stops sending heartbeats: after a minute its claim is up for grabs.
    await db.update(t.sessions).set({ stateUpdatedAt: sql`now() - interval '2 minutes'` }).where(eq(t.sessions.archivePath, entry.archive.path));
    await claimSession(db, entry, 'job-b');
    const session = parsedSession(await engineSession(entry.archive.path, key.round));
    await expect(writeSessionData(db, entry, 'job-a', { session, telemetry: [], loadMs: 0 })).rejects.toThrow(SessionBusyError);
    const row = (await sessionStore(db).get(key))!;
    expect(row).toMatchObject({ state: 'loading', jobId: 'job-b', loadedAt: null });
    expect(await count(db, 'session_laps', row.id)).toBe(0);
    await writeSessionData(db, entry, 'job-b', { session, telemetry: [], loadMs: 0 });
    expect(await sessionStore(db).status(key)).toMatchObject({ state: 'loaded', dataVersion: 1 });
  });

  it('a failure inside the write transaction leaves the previous data and records the reason', async () => {
    const key: SessionKey = { year: 2020, round: 5, session: 'FP2' };
    const db = tdb.database.db;
    const store = sessionStore(db);
    const first = await runToCompletion(sessionLoadJob, key, deps);
    const before = await store.laps(first.sessionId);
    const weatherBefore = await store.weather(first.sessionId);
    expect(weatherBefore.length).toBeGreaterThan(0);

    // The database refuses the weather rows (written after drivers, results and laps) of this load only.
    await db.execute(sql.raw(`create function apex_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'injected: disk full'; end $$`));
    await db.execute(sql.raw(`create trigger apex_test_refuse before insert on session_weather for each row execute function apex_test_refuse()`));
    try {
      const err = await runToCompletion(sessionLoadJob, key, deps, { maxAttempts: 1 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AttemptFailedError);
      expect((err as AttemptFailedError).failure).toMatchObject({ final: true });
      expect((err as Error).message).toMatch(/injected: disk full/);
    } finally {
      await db.execute(sql.raw('drop trigger apex_test_refuse on session_weather'));
      await db.execute(sql.raw('drop function apex_test_refuse()'));
    }
    const status = await store.status(key);
    expect(status).toMatchObject({ state: 'failed', hasData: true, dataVersion: 1 });
    expect(status.error).toMatch(/injected: disk full/);
    expect(await store.laps(first.sessionId)).toEqual(before);
    expect(await store.weather(first.sessionId)).toEqual(weatherBefore);
    expect(await count(db, 'session_drivers', first.sessionId)).toBe(first.rows.drivers);
  });

  it('reports a load whose process died as interrupted, and releaseAbandonedClaims frees it', async () => {
    const key: SessionKey = { year: 2022, round: 10, session: 'FP1' };
    const db = tdb.database.db;
    const entry = await resolveSession(db, deps.sources, key);
    await claimSession(db, entry, 'job-dead');
    await db.update(t.sessions).set({ stage: 'laps', percent: 60 }).where(eq(t.sessions.archivePath, entry.archive.path));
    const store = sessionStore(db);
    expect(await store.status(key)).toMatchObject({ state: 'loading', stage: 'laps', percent: 60 });
    expect(await releaseAbandonedClaims(db, { key })).toBe(0);
    await db.update(t.sessions).set({ stateUpdatedAt: sql`now() - interval '5 minutes'` }).where(eq(t.sessions.archivePath, entry.archive.path));
    const stale = await store.status(key);
    expect(stale.state).toBe('failed');
    expect(stale.error).toMatch(/interrupted: no progress from job job-dead/);
    expect(await releaseAbandonedClaims(db, { key })).toBe(1);
    expect(await store.status(key)).toMatchObject({ state: 'failed', error: expect.stringMatching(/interrupted: no progress from job job-dead/) });
    expect(await sessionStore(db).get(key)).toMatchObject({ state: 'failed', claimHolder: null });
    // A queued job waiting for a worker is not stale, however long it waits.
    await markQueued(db, key, 'job-waiting');
    await db.update(t.sessions).set({ stateUpdatedAt: sql`now() - interval '5 minutes'` }).where(eq(t.sessions.archivePath, entry.archive.path));
    expect(await store.status(key)).toMatchObject({ state: 'loading', stage: 'queued' });
    // … unless no worker took it for half an hour (Redis lost it, or no `apex worker` runs).
    await db.update(t.sessions).set({ stateUpdatedAt: sql`now() - interval '31 minutes'` }).where(eq(t.sessions.archivePath, entry.archive.path));
    const lost = await store.status(key);
    expect(lost.state).toBe('failed');
    expect(lost.error).toMatch(/job job-waiting was queued 31 min ago and no worker took it/);
  });

  it('releases a claim at once when the process holding it is gone, whatever its heartbeat; a live holder keeps it', async () => {
    const key: SessionKey = { year: 2022, round: 10, session: 'FP2' };
    const db = tdb.database.db;
    const entry = await resolveSession(db, deps.sources, key);
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    await once(holder, 'spawn');
    const holderId = `${hostname()}/${holder.pid}/${procStartOf(holder.pid!) ?? '-'}`;
    await claimSession(db, entry, 'job-of-sleep', holderId);
    await expect(claimSession(db, entry, 'job-b')).rejects.toThrow(SessionBusyError);
    expect(await sessionStore(db).status(key)).toMatchObject({ state: 'loading' });

    holder.kill('SIGKILL');
    await once(holder, 'exit');
    // Fresh heartbeat, dead process: reported interrupted at once, and the claim is free.
    const status = await sessionStore(db).status(key);
    expect(status).toMatchObject({ state: 'failed', jobId: 'job-of-sleep' });
    expect(status.error).toBe(`interrupted: the process running job job-of-sleep (pid ${holder.pid}) stopped; start the load again`);
    await claimSession(db, entry, 'job-b');
    expect(await sessionStore(db).get(key)).toMatchObject({ state: 'loading', jobId: 'job-b', claimHolder: thisProcess() });

    // The embedded database at start-up: only this process can hold claims, so any other is abandoned.
    await db.update(t.sessions).set({ claimHolder: 'elsewhere/1/1' }).where(eq(t.sessions.archivePath, entry.archive.path));
    expect(await releaseAbandonedClaims(db, { key })).toBe(0);
    expect(await releaseAbandonedClaims(db, { key, embedded: true })).toBe(1);
    expect((await sessionStore(db).status(key)).error).toMatch(/^interrupted: job job-b stopped with the process that ran it/);
  });

  it('refuses sessions the archive does not have, with the reason, after one attempt', async () => {
    const db = tdb.database.db;
    await expect(resolveSession(db, deps.sources, { year: 2023, round: 30, session: 'R' })).rejects.toThrow(/no event of round 30 in 2023/);
    const err = await resolveSession(db, deps.sources, { year: 2023, round: 4, session: 'FP3' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CatalogError);
    expect((err as Error).message).toMatch(/round 4 \(Azerbaijan Grand Prix\) has no FP3 session in the archive \(it has: FP1, SQ, S, Q, R\)/);

    const failures: boolean[] = [];
    const key: SessionKey = { year: 2023, round: 4, session: 'FP3' };
    await expect(runToCompletion(sessionLoadJob, key, deps, { onRetry: () => failures.push(true) })).rejects.toThrow(/has no FP3 session/);
    expect(failures).toEqual([]);
    // Nothing was claimed for a session that does not exist.
    expect(await sessionStore(db).status(key)).toMatchObject({ state: 'not_loaded' });
  });
});
