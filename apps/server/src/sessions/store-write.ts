// Writing sessions: the state of a session's data (claim → progress → loaded | failed) and the one
// transaction that replaces everything a session holds.
//
// State writes are small single statements outside the data transaction, so a running load is
// visible (stage, percent) while its data is being built. The claim makes a second loader of the same
// session fail fast instead of running twice. A claim names the process holding it: one whose
// process is gone is released at once (releaseAbandonedClaims), one on another host once its
// heartbeat is older than STALE_AFTER_MS.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { announceSessionChange } from '../db/changes.js';
// breathe: the write pauses between statements so the API keeps answering meanwhile (db/client.ts).
import { breathe, type Db, type DbOrTx, type Tx } from '../db/client.js';
import { drivers, teamDrivers } from '../db/schema/people.js';
import { qualifying, results, sprintQualifying, sprintResults } from '../db/schema/results.js';
import {
  sessionDrivers, sessionLaps, sessionPitStops, sessionRaceControl, sessionResults, sessions, sessionStatusChanges,
  sessionStints, sessionTelemetry, sessionTrackStatus, sessionWeather,
} from '../db/schema/sessions.js';
import { thisProcess } from '../jobs/holder.js';
import type { CatalogEntry, SessionKey } from './catalog.js';
import type { ParsedSession, TelemetryBlob } from './parse.js';
import { abandonedReason, HEARTBEAT_MS, keyWhere, STALE_AFTER_MS, type StoredSession } from './store.js';
import {
  driverToRow, lapToRow, pitStopsOf, pitStopToRow, raceControlToRow, resultToRow, statusChangeToRow, stintsOf, stintToRow,
  trackStatusToRow, weatherToRow,
} from './store-rows.js';

export { HEARTBEAT_MS, STALE_AFTER_MS };

export class SessionBusyError extends Error {
  override readonly name = 'SessionBusyError';
  constructor(readonly key: SessionKey, readonly jobId: string | null) {
    super(`${key.year} round ${key.round} ${key.session} is already being loaded${jobId ? ` by job ${jobId}` : ''}`);
  }
}

/** The catalogue columns of the session row (what is known before any data is loaded). */
function catalogueColumns(entry: CatalogEntry) {
  const a = entry.archive;
  return {
    raceId: entry.raceId,
    archivePath: a.path,
    name: a.name,
    eventName: a.meetingName,
    meetingKey: a.meetingKey,
    sessionKey: a.key,
    startUtc: utcOf(a.startDate, a.gmtOffset),
    gmtOffset: a.gmtOffset,
  };
}

/** Local `YYYY-MM-DDTHH:MM:SS` + offset `[-]HH:MM:SS` → ISO UTC; null when either is missing. */
export function utcOf(local: string | null, offset: string | null): string | null {
  if (!local) return null;
  const m = offset ? /^(-)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(offset) : null;
  const base = Date.parse(`${local.slice(0, 19)}Z`);
  if (Number.isNaN(base)) return null;
  const off = m ? (m[1] ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000 : 0;
  return new Date(base - off).toISOString();
}

/**
 * Marks the session as loading by `jobId`, held by `holder` (this process), creating its row if
 * needed. Fails with SessionBusyError when another live loader holds it; the same job id (a retried or
 * recovered job) may re-claim, and so may anyone once the holder is gone (see releaseAbandonedClaims).
 */
export async function claimSession(db: Db, entry: CatalogEntry, jobId: string, holder = thisProcess(), staleAfterMs = STALE_AFTER_MS): Promise<StoredSession> {
  const { key } = entry;
  await releaseAbandonedClaims(db, { key, staleAfterMs });
  const catalogue = catalogueColumns(entry);
  const claim = {
    state: 'loading', jobId, claimHolder: holder, stage: 'resolve', percent: 0, error: null, stateUpdatedAt: sql`now()`,
  } as const;
  const rows = await db
    .insert(sessions)
    .values({ year: key.year, round: key.round, session: key.session, ...catalogue, ...claim })
    .onConflictDoUpdate({
      target: [sessions.year, sessions.round, sessions.session],
      set: { ...catalogue, ...claim },
      setWhere: or(sql`${sessions.state} <> 'loading'`, eq(sessions.jobId, jobId)),
    })
    .returning();
  if (rows[0]) return rows[0];
  const current = await db.select({ jobId: sessions.jobId }).from(sessions).where(keyWhere(key));
  throw new SessionBusyError(key, current[0]?.jobId ?? null);
}

/**
 * Records that a job for this session is queued (row created if needed, data untouched). `holder` is
 * the process whose memory holds the queued job (the in-process queue), null when Redis holds it.
 */
export async function markQueued(db: Db, key: SessionKey, jobId: string, holder: string | null = null): Promise<void> {
  await releaseAbandonedClaims(db, { key });
  await db
    .insert(sessions)
    .values({ year: key.year, round: key.round, session: key.session, state: 'loading', jobId, claimHolder: holder, stage: 'queued', percent: 0 })
    .onConflictDoUpdate({
      target: [sessions.year, sessions.round, sessions.session],
      set: { state: 'loading', jobId, claimHolder: holder, stage: 'queued', percent: 0, error: null, stateUpdatedAt: sql`now()` },
      // A different live job keeps its claim.
      setWhere: or(sql`${sessions.state} <> 'loading'`, eq(sessions.jobId, jobId)),
    });
}

export interface ReleaseOptions {
  /** Only this session (default: every session left `loading`). */
  readonly key?: SessionKey;
  /**
   * The embedded database, opened by this process: no other process can hold a claim on it (one
   * process at a time, db/embedded-lock.ts), so every claim not held by this process is abandoned.
   */
  readonly embedded?: boolean;
  readonly staleAfterMs?: number;
}

/**
 * Releases claims whose holder is gone — its process exited (SIGKILL, crash, a restarted server), its
 * heartbeat expired, its queue forgot it — marking the session `failed` with why (`interrupted: …`);
 * the previous data stays servable. Run at start-up by every process that loads sessions, and before
 * each claim. Returns how many were released. Each release is conditional on the row being unchanged,
 * so a holder that wrote a heartbeat meanwhile keeps its claim.
 */
export async function releaseAbandonedClaims(db: Db, options: ReleaseOptions = {}): Promise<number> {
  const me = thisProcess();
  const rows = await db
    .select({ id: sessions.id, jobId: sessions.jobId, stage: sessions.stage, claimHolder: sessions.claimHolder, ageMs: sql<number>`(extract(epoch from now() - ${sessions.stateUpdatedAt}) * 1000)::float8` })
    .from(sessions)
    .where(and(eq(sessions.state, 'loading'), options.key ? keyWhere(options.key) : undefined));
  let released = 0;
  for (const row of rows) {
    const age = Number(row.ageMs);
    const reason = options.embedded && row.claimHolder !== me
      ? `interrupted: job ${row.jobId ?? '?'} stopped with the process that ran it; start the load again`
      : abandonedReason(row, age, options.staleAfterMs);
    if (!reason) continue;
    const done = await db
      .update(sessions)
      .set({ state: 'failed', stage: null, percent: null, claimHolder: null, error: reason.slice(0, 2000), stateUpdatedAt: sql`now()` })
      // Unless it moved since it was read (a heartbeat, a new claim).
      .where(and(eq(sessions.id, row.id), eq(sessions.state, 'loading'), sql`${sessions.jobId} is not distinct from ${row.jobId}`,
        sql`${sessions.stateUpdatedAt} <= now() - make_interval(secs => ${Math.max(0, age / 1000 - 1)})`))
      .returning({ id: sessions.id });
    released += done.length;
  }
  return released;
}

/** Progress of the owning job (also the heartbeat). No-op when the job no longer owns the session. */
export async function recordProgress(db: Db, key: SessionKey, jobId: string, stage: string, percent: number): Promise<void> {
  await db
    .update(sessions)
    .set({ stage, percent, stateUpdatedAt: sql`now()` })
    .where(and(keyWhere(key), eq(sessions.jobId, jobId), eq(sessions.state, 'loading')));
}

/** The load failed for good: the reason is kept, the previous data stays. */
export async function recordFailure(db: Db, key: SessionKey, jobId: string, reason: string): Promise<void> {
  await db
    .update(sessions)
    .set({ state: 'failed', stage: null, percent: null, claimHolder: null, error: reason.slice(0, 2000), stateUpdatedAt: sql`now()` })
    .where(and(keyWhere(key), or(eq(sessions.jobId, jobId), sql`${sessions.jobId} is null`)));
}

/** The load will be retried: the session stays `loading`, the stage says why it waits. */
export async function recordRetry(db: Db, key: SessionKey, jobId: string, reason: string): Promise<void> {
  await db
    .update(sessions)
    .set({ stage: 'retrying', percent: 0, error: reason.slice(0, 2000), stateUpdatedAt: sql`now()` })
    .where(and(keyWhere(key), eq(sessions.jobId, jobId)));
}

// ── The data ─────────────────────────────────────────────────────────────────────────────────────

export type { TelemetryBlob };

export interface SessionData {
  readonly session: ParsedSession;
  readonly telemetry: readonly TelemetryBlob[];
  readonly loadMs: number;
}

export interface WriteSummary {
  readonly sessionId: number;
  readonly dataVersion: number;
  readonly rows: Record<string, number>;
  /** Bytes of the telemetry blobs as stored. */
  readonly telemetryBytes: number;
  /** Bytes of the relational rows (PostgreSQL's pg_column_size of each row). */
  readonly rowBytes: number;
}

/**
 * Bind parameters per insert statement (PostgreSQL allows 65 535). Kept small because one PGlite
 * statement runs without a pause in between: ~2000 parameters is some tens of milliseconds (the
 * laps of a session in one statement took up to a second), and on PostgreSQL the extra round trips
 * cost next to nothing.
 */
const PARAMS_PER_STATEMENT = 2000;

/** Insert in batches of at most PARAMS_PER_STATEMENT parameters, pausing between them. */
async function insertAll<T extends Record<string, unknown>>(tx: Tx, table: Parameters<Tx['insert']>[0], rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / perRow));
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as never);
    await breathe();
  }
}

/** Racing number → history driver id for the event: its entries first, the season's permanent numbers next. */
export async function driverLinks(db: DbOrTx, raceId: number | null, year: number, numbers: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const nums = numbers.map(Number).filter((n) => Number.isInteger(n));
  if (nums.length === 0) return out;
  if (raceId !== null) {
    for (const table of [results, qualifying, sprintResults, sprintQualifying]) {
      const rows = await db.select({ number: table.number, driverId: table.driverId }).from(table).where(and(eq(table.raceId, raceId), inArray(table.number, nums)));
      for (const r of rows) if (!out.has(String(r.number))) out.set(String(r.number), r.driverId);
    }
  }
  const missing = nums.filter((n) => !out.has(String(n)));
  if (missing.length > 0) {
    const rows = await db
      .selectDistinct({ number: drivers.permanentNumber, driverId: drivers.id })
      .from(teamDrivers)
      .innerJoin(drivers, eq(drivers.id, teamDrivers.driverId))
      .where(and(eq(teamDrivers.season, year), inArray(drivers.permanentNumber, missing)));
    // A number two drivers of the season carry (one replaced the other) is ambiguous: leave it unlinked.
    const count = new Map<number, number>();
    for (const r of rows) count.set(r.number!, (count.get(r.number!) ?? 0) + 1);
    for (const r of rows) if (count.get(r.number!) === 1) out.set(String(r.number), r.driverId);
  }
  return out;
}

/**
 * Replaces the session's data with `data` in one transaction and marks it loaded. The row is locked
 * first, so two writers of the same session queue up; a writer that lost its claim (another job took
 * a stale claim over) writes nothing.
 */
export async function writeSessionData(db: Db, entry: CatalogEntry, jobId: string, data: SessionData): Promise<WriteSummary> {
  const s = data.session;
  const laps = s.laps;
  const telemetryBytes = data.telemetry.reduce((n, b) => n + b.data.length, 0);
  return db.transaction(async (tx) => {
    const locked = await tx.select().from(sessions).where(keyWhere(entry.key)).for('update');
    const row = locked[0];
    if (!row) throw new Error(`session row of ${entry.key.year}/${entry.key.round}/${entry.key.session} disappeared`);
    if (row.jobId !== jobId) throw new SessionBusyError(entry.key, row.jobId);
    const id = row.id;

    for (const table of [sessionDrivers, sessionResults, sessionLaps, sessionStints, sessionPitStops, sessionWeather,
      sessionRaceControl, sessionTrackStatus, sessionStatusChanges, sessionTelemetry]) {
      await tx.delete(table).where(eq(table.sessionId, id));
      await breathe();
    }

    const links = await driverLinks(tx, entry.raceId, entry.key.year, s.drivers.map((d) => d.driverNumber));
    const rows = {
      drivers: s.drivers.map((d) => driverToRow(id, d, links.get(d.driverNumber) ?? null)),
      results: s.results.map((r, i) => resultToRow(id, r, i)),
      laps: laps.map((l) => lapToRow(id, l)),
      stints: stintsOf(laps).map((x) => stintToRow(id, x)),
      pitStops: pitStopsOf(laps).map((p) => pitStopToRow(id, p)),
      weather: (s.weather ?? []).map((w, i) => weatherToRow(id, w, i)),
      raceControl: (s.raceControl ?? []).map((m, i) => raceControlToRow(id, m, i)),
      trackStatus: (s.trackStatus ?? []).map((t, i) => trackStatusToRow(id, t, i)),
      sessionStatus: (s.sessionStatus ?? []).map((c, i) => statusChangeToRow(id, c, i)),
    };
    await insertAll(tx, sessionDrivers, rows.drivers);
    await insertAll(tx, sessionResults, rows.results);
    await insertAll(tx, sessionLaps, rows.laps);
    await insertAll(tx, sessionStints, rows.stints);
    await insertAll(tx, sessionPitStops, rows.pitStops);
    await insertAll(tx, sessionWeather, rows.weather);
    await insertAll(tx, sessionRaceControl, rows.raceControl);
    await insertAll(tx, sessionTrackStatus, rows.trackStatus);
    await insertAll(tx, sessionStatusChanges, rows.sessionStatus);
    // Blobs one at a time (a statement carrying every driver's telemetry would be needlessly large),
    // sent as base64 text: PGlite converts bytea parameters many times slower than text.
    for (const b of data.telemetry) {
      await tx.insert(sessionTelemetry).values({
        sessionId: id, driverNumber: b.driverNumber, kind: b.kind, codec: b.codec, samples: b.samples, rawBytes: b.rawBytes,
        data: sql`decode(${b.data.toString('base64')}, 'base64')`,
      });
      await breathe();
    }

    const info = s.info;
    const sizes = await tx.execute(sql`
      select (select coalesce(sum(pg_column_size(t.*)), 0) from ${sessionLaps} t where t.session_id = ${id})
           + (select coalesce(sum(pg_column_size(t.*)), 0) from ${sessionDrivers} t where t.session_id = ${id})
           + (select coalesce(sum(pg_column_size(t.*)), 0) from ${sessionResults} t where t.session_id = ${id})
           + (select coalesce(sum(pg_column_size(t.*)), 0) from ${sessionStints} t where t.session_id = ${id})
           + (select coalesce(sum(pg_column_size(t.*)), 0) from ${sessionPitStops} t where t.session_id = ${id})
           + (select coalesce(sum(pg_column_size(t.*)), 0) from ${sessionWeather} t where t.session_id = ${id})
           + (select coalesce(sum(pg_column_size(t.*)), 0) from ${sessionRaceControl} t where t.session_id = ${id})
           + (select coalesce(sum(pg_column_size(t.*)), 0) from ${sessionTrackStatus} t where t.session_id = ${id})
           + (select coalesce(sum(pg_column_size(t.*)), 0) from ${sessionStatusChanges} t where t.session_id = ${id}) as bytes`);
    const rowBytes = Number(((sizes as { rows?: { bytes: unknown }[] }).rows ?? (sizes as unknown as { bytes: unknown }[]))[0]?.bytes ?? 0);

    const updated = await tx
      .update(sessions)
      .set({
        ...catalogueColumns(entry),
        name: info?.name || entry.archive.name,
        eventName: info?.meeting.name || entry.archive.meetingName,
        kind: s.kind,
        meetingKey: info?.meeting.key ?? entry.archive.meetingKey,
        sessionKey: info?.key ?? entry.archive.key,
        startUtc: info?.startDateUtc ?? catalogueColumns(entry).startUtc,
        endUtc: info?.endDateUtc ?? null,
        gmtOffset: info?.gmtOffset ?? entry.archive.gmtOffset,
        state: 'loaded',
        claimHolder: null,
        stage: null,
        percent: null,
        error: null,
        stateUpdatedAt: sql`now()`,
        loadedAt: sql`now()`,
        dataVersion: sql`${sessions.dataVersion} + 1`,
        t0: s.t0,
        sessionStartTime: s.sessionStartTime,
        totalLaps: s.totalLaps,
        splitTimes: s.splitTimes ? [...s.splitTimes] : null,
        infoStatus: info?.sessionStatus ?? null,
        jolpicaRound: s.jolpicaRound,
        driverOrder: s.driverOrder ? [...s.driverOrder] : null,
        hasTelemetry: data.telemetry.length > 0,
        issues: s.issues.map((i) => ({ code: i.code, message: i.message, ...(i.topic ? { topic: i.topic } : {}), ...(i.count !== undefined ? { count: i.count } : {}) })),
        topicLoads: s.topicLoads.map((t) => ({ ...t })),
        telemetryBytes,
        sourceBytes: s.topicLoads.reduce((n, t) => n + t.bytes, 0),
        loadMs: Math.round(data.loadMs),
      })
      .where(eq(sessions.id, id))
      .returning({ dataVersion: sessions.dataVersion });
    await announceSessionChange(tx, entry.key);

    return {
      sessionId: id,
      dataVersion: updated[0]!.dataVersion,
      rows: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length])),
      telemetryBytes,
      rowBytes,
    };
  });
}
