// Reading stored sessions: the one read interface the session API (and the CLI, tests, bench) use.
// Everything comes back as the engine's own types — Lap, Laps, Driver, SessionResult, weather and
// status series, SessionTelemetry — so routes can reuse the engine's picks and lap telemetry on
// stored data instead of re-implementing them.
import { and, asc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  carTelemetry, Laps, positionTelemetry, sessionKind, SessionTelemetry, Telemetry,
  type Driver, type Lap, type RaceControlMessage, type SessionResult, type SessionStatusChange, type TrackStatusChange,
  type WeatherSample,
} from '@apexdata/livetiming';
import type { DbOrTx } from '../db/client.js';
import { holderGone, parseHolder } from '../jobs/holder.js';
import {
  sessionDrivers, sessionLaps, sessionPitStops, sessionRaceControl, sessionResults, sessions, sessionStatusChanges,
  sessionStints, sessionTelemetry, sessionTrackStatus, sessionWeather, type SessionState, type TelemetryKind,
} from '../db/schema/sessions.js';
import type { SessionKey } from './catalog.js';
import { decodeCarChannels, decodePositionChannels } from './telemetry-codec.js';
import {
  driverFromRow, lapFromRow, pitStopFromRow, raceControlFromRow, resultFromRow, statusChangeFromRow, stintFromRow,
  trackStatusFromRow, weatherFromRow, type PitStop, type Stint,
} from './store-rows.js';

export type { PitStop, Stint } from './store-rows.js';
export type { SessionState, TelemetryKind };

/** The `sessions` row: catalogue (archive path, names, schedule), state of the data, load metadata. */
export type StoredSession = typeof sessions.$inferSelect;

/** A driver of the session, linked to history (`driverId`) by racing number within the event. */
export type SessionDriver = Driver & { readonly driverId: number | null };

/** What clients see of a session's data state. */
export interface SessionStatusView {
  readonly state: SessionState;
  readonly jobId: string | null;
  /** Load stage while loading (fetch, parse, laps, telemetry, store, …). */
  readonly stage: string | null;
  /** 0–100 while loading. */
  readonly percent: number | null;
  /** Why the last load failed. */
  readonly error: string | null;
  /** True when data from a previous successful load can be served (also while reloading or after a failed reload). */
  readonly hasData: boolean;
  readonly loadedAt: string | null;
  readonly dataVersion: number;
  readonly updatedAt: string | null;
}

export interface StoredStatus {
  readonly row: StoredSession;
  readonly status: SessionStatusView;
}

export interface LapFilter {
  /** Racing numbers. */
  readonly drivers?: readonly string[];
  readonly fromLap?: number;
  readonly toLap?: number;
}

export interface TelemetryBlobInfo {
  readonly driverNumber: string;
  readonly kind: TelemetryKind;
  readonly codec: string;
  readonly samples: number;
  readonly rawBytes: number;
  readonly bytes: number;
}

export interface TelemetryOptions {
  /**
   * Drivers whose position data to decode (default: all). Car data of every driver is always
   * decoded: DriverAhead of one driver's lap needs every car's distance.
   */
  readonly posDrivers?: readonly string[];
}

export interface SessionStore {
  /** The session row, or null when the session was never requested. */
  get(key: SessionKey): Promise<StoredSession | null>;
  /** Sessions known to the platform (requested or loaded), by year/round when given. */
  list(filter?: { year?: number; round?: number }): Promise<StoredSession[]>;
  /** State of the session's data; `not_loaded` when never requested. */
  status(key: SessionKey): Promise<SessionStatusView>;
  /** Every session of a season the platform knows, with the state of its data, by `statusKey`. */
  statuses(year: number): Promise<Map<string, StoredStatus>>;
  drivers(sessionId: number): Promise<SessionDriver[]>;
  /** Classification in the engine's order (by position). */
  results(sessionId: number): Promise<SessionResult[]>;
  /** Laps ordered by driver number then lap number. */
  laps(sessionId: number, filter?: LapFilter): Promise<Lap[]>;
  /** The engine's Laps collection (pickQuickLaps, pickFastest, splitQualifyingSessions, …). */
  lapsCollection(session: StoredSession, filter?: LapFilter): Promise<Laps>;
  stints(sessionId: number): Promise<Stint[]>;
  pitStops(sessionId: number): Promise<PitStop[]>;
  weather(sessionId: number): Promise<WeatherSample[]>;
  raceControl(sessionId: number): Promise<RaceControlMessage[]>;
  trackStatus(sessionId: number): Promise<TrackStatusChange[]>;
  sessionStatus(sessionId: number): Promise<SessionStatusChange[]>;
  /** Stored telemetry blobs (sizes, no data). */
  telemetryBlobs(sessionId: number): Promise<TelemetryBlobInfo[]>;
  /**
   * The session's telemetry rebuilt from the stored blobs with the stored laps, ready for
   * `lapTelemetry(lap)`; null when the session has none. Immutable per `dataVersion`: cache it.
   */
  telemetry(session: StoredSession, options?: TelemetryOptions): Promise<SessionTelemetry | null>;
}

/** A claim whose heartbeat is older than this belongs to a loader that died. */
export const STALE_AFTER_MS = 60_000;
/** How often a running load proves it is alive. */
export const HEARTBEAT_MS = 10_000;
/** A job queued this long without any worker taking it was lost (Redis emptied) or has no worker. */
export const QUEUED_STALE_AFTER_MS = 30 * 60_000;

/**
 * The status clients see. `ageMs` is the time since the row's last state change or heartbeat: a
 * load that stopped sending heartbeats (its process died) is reported as failed after a minute; a
 * queued job, which has no heartbeat yet, only after QUEUED_STALE_AFTER_MS without a worker.
 */
export function statusView(row: StoredSession | null, ageMs = 0): SessionStatusView {
  if (!row) {
    return { state: 'not_loaded', jobId: null, stage: null, percent: null, error: null, hasData: false, loadedAt: null, dataVersion: 0, updatedAt: null };
  }
  const abandoned = row.state === 'loading' ? abandonedReason(row, ageMs) : null;
  if (abandoned) {
    return {
      state: 'failed', jobId: row.jobId, stage: null, percent: null, error: abandoned,
      hasData: row.loadedAt !== null, loadedAt: row.loadedAt, dataVersion: row.dataVersion, updatedAt: row.stateUpdatedAt,
    };
  }
  return {
    state: row.state as SessionState,
    jobId: row.jobId,
    stage: row.state === 'loading' ? row.stage : null,
    percent: row.state === 'loading' ? row.percent : null,
    error: row.state === 'failed' ? row.error : null,
    hasData: row.loadedAt !== null,
    loadedAt: row.loadedAt,
    dataVersion: row.dataVersion,
    updatedAt: row.stateUpdatedAt,
  };
}

/**
 * Why a `loading` row's claim is abandoned, or null while its holder may still be working: the process
 * holding it is gone (checked on this host), its heartbeat expired, or it was queued long ago and no
 * worker took it. The row itself may still say `loading` until someone claims or sweeps it.
 */
export function abandonedReason(row: Pick<StoredSession, 'jobId' | 'stage' | 'claimHolder'>, ageMs: number, staleAfterMs = STALE_AFTER_MS): string | null {
  const job = row.jobId ?? '?';
  if (holderGone(row.claimHolder)) {
    return `interrupted: the process running job ${job} (pid ${parseHolder(row.claimHolder!)?.pid}) stopped; start the load again`;
  }
  if (row.stage === 'queued') {
    return ageMs > QUEUED_STALE_AFTER_MS
      ? `job ${job} was queued ${Math.round(ageMs / 60_000)} min ago and no worker took it (is \`apex worker\` running?); start the load again`
      : null;
  }
  return ageMs > staleAfterMs
    ? `interrupted: no progress from job ${job} for ${Math.round(ageMs / 1000)} s (its process stopped); it resumes when a worker picks it up again, or start the load again`
    : null;
}

/** Key of `statuses`: `round/session`. */
export const statusKey = (k: Pick<SessionKey, 'round' | 'session'>) => `${k.round}/${k.session}`;

export function keyWhere(key: SessionKey): SQL {
  return and(eq(sessions.year, key.year), eq(sessions.round, key.round), eq(sessions.session, key.session))!;
}

/** The store on a database handle (or inside a transaction). */
export function sessionStore(db: DbOrTx): SessionStore {
  return new DbSessionStore(db);
}

class DbSessionStore implements SessionStore {
  constructor(private readonly db: DbOrTx) {}

  async get(key: SessionKey): Promise<StoredSession | null> {
    const rows = await this.db.select().from(sessions).where(keyWhere(key)).limit(1);
    return rows[0] ?? null;
  }

  async list(filter: { year?: number; round?: number } = {}): Promise<StoredSession[]> {
    const where = and(
      filter.year !== undefined ? eq(sessions.year, filter.year) : undefined,
      filter.round !== undefined ? eq(sessions.round, filter.round) : undefined,
    );
    return this.db.select().from(sessions).where(where).orderBy(asc(sessions.year), asc(sessions.round), asc(sessions.startUtc), asc(sessions.id));
  }

  async status(key: SessionKey): Promise<SessionStatusView> {
    const rows = await this.withAge(keyWhere(key)).limit(1);
    return rows[0] ? statusView(rows[0].row, Number(rows[0].ageMs)) : statusView(null);
  }

  async statuses(year: number): Promise<Map<string, StoredStatus>> {
    const rows = await this.withAge(eq(sessions.year, year));
    return new Map(rows.map(({ row, ageMs }) => [statusKey({ round: row.round, session: row.session as SessionKey['session'] }), { row, status: statusView(row, Number(ageMs)) }]));
  }

  /** Rows with the time since their last state change or heartbeat, by the database's clock (the one that stamped them). */
  private withAge(where: SQL) {
    return this.db
      .select({ row: sessions, ageMs: sql<number>`(extract(epoch from now() - ${sessions.stateUpdatedAt}) * 1000)::float8` })
      .from(sessions).where(where);
  }

  async drivers(sessionId: number): Promise<SessionDriver[]> {
    const rows = await this.db.select().from(sessionDrivers).where(eq(sessionDrivers.sessionId, sessionId))
      .orderBy(asc(sessionDrivers.line), asc(sessionDrivers.driverNumber));
    return rows.map(driverFromRow);
  }

  async results(sessionId: number): Promise<SessionResult[]> {
    const rows = await this.db.select().from(sessionResults).where(eq(sessionResults.sessionId, sessionId)).orderBy(asc(sessionResults.ord));
    return rows.map(resultFromRow);
  }

  async laps(sessionId: number, filter: LapFilter = {}): Promise<Lap[]> {
    const where = and(
      eq(sessionLaps.sessionId, sessionId),
      filter.drivers ? inArray(sessionLaps.driverNumber, [...filter.drivers]) : undefined,
      filter.fromLap !== undefined ? gte(sessionLaps.lapNumber, filter.fromLap) : undefined,
      filter.toLap !== undefined ? lte(sessionLaps.lapNumber, filter.toLap) : undefined,
    );
    const rows = await this.db.select().from(sessionLaps).where(where).orderBy(asc(sessionLaps.driverNumber), asc(sessionLaps.lapNumber));
    return rows.map(lapFromRow);
  }

  async lapsCollection(session: StoredSession, filter?: LapFilter): Promise<Laps> {
    const [laps, status] = await Promise.all([this.laps(session.id, filter), this.sessionStatus(session.id)]);
    const kind = session.kind === 'race' || session.kind === 'qualifying' || session.kind === 'practice'
      ? session.kind
      : sessionKind(session.name ?? '', session.year);
    return new Laps(laps, { kind, splitTimes: session.splitTimes ?? [], sessionStatus: status });
  }

  async stints(sessionId: number): Promise<Stint[]> {
    const rows = await this.db.select().from(sessionStints).where(eq(sessionStints.sessionId, sessionId))
      .orderBy(asc(sessionStints.driverNumber), asc(sessionStints.stint));
    return rows.map(stintFromRow);
  }

  async pitStops(sessionId: number): Promise<PitStop[]> {
    const rows = await this.db.select().from(sessionPitStops).where(eq(sessionPitStops.sessionId, sessionId))
      .orderBy(asc(sessionPitStops.driverNumber), asc(sessionPitStops.seq));
    return rows.map(pitStopFromRow);
  }

  async weather(sessionId: number): Promise<WeatherSample[]> {
    const rows = await this.db.select().from(sessionWeather).where(eq(sessionWeather.sessionId, sessionId)).orderBy(asc(sessionWeather.seq));
    return rows.map(weatherFromRow);
  }

  async raceControl(sessionId: number): Promise<RaceControlMessage[]> {
    const rows = await this.db.select().from(sessionRaceControl).where(eq(sessionRaceControl.sessionId, sessionId)).orderBy(asc(sessionRaceControl.seq));
    return rows.map(raceControlFromRow);
  }

  async trackStatus(sessionId: number): Promise<TrackStatusChange[]> {
    const rows = await this.db.select().from(sessionTrackStatus).where(eq(sessionTrackStatus.sessionId, sessionId)).orderBy(asc(sessionTrackStatus.seq));
    return rows.map(trackStatusFromRow);
  }

  async sessionStatus(sessionId: number): Promise<SessionStatusChange[]> {
    const rows = await this.db.select().from(sessionStatusChanges).where(eq(sessionStatusChanges.sessionId, sessionId)).orderBy(asc(sessionStatusChanges.seq));
    return rows.map(statusChangeFromRow);
  }

  async telemetryBlobs(sessionId: number): Promise<TelemetryBlobInfo[]> {
    const rows = await this.db
      .select({
        driverNumber: sessionTelemetry.driverNumber, kind: sessionTelemetry.kind, codec: sessionTelemetry.codec,
        samples: sessionTelemetry.samples, rawBytes: sessionTelemetry.rawBytes, bytes: sql<number>`octet_length(${sessionTelemetry.data})`,
      })
      .from(sessionTelemetry).where(eq(sessionTelemetry.sessionId, sessionId))
      .orderBy(asc(sessionTelemetry.driverNumber), asc(sessionTelemetry.kind));
    return rows.map((r) => ({ ...r, kind: r.kind as TelemetryKind, bytes: Number(r.bytes) }));
  }

  async telemetry(session: StoredSession, options: TelemetryOptions = {}): Promise<SessionTelemetry | null> {
    if (!session.hasTelemetry || session.t0 === null) return null;
    const t0 = session.t0;
    const posFilter = options.posDrivers ? new Set(options.posDrivers) : null;
    const [blobs, laps] = await Promise.all([
      // Read as base64 text: PGlite parses bytea results many times slower than text.
      this.db.select({
        driverNumber: sessionTelemetry.driverNumber, kind: sessionTelemetry.kind, codec: sessionTelemetry.codec,
        data64: sql<string>`encode(${sessionTelemetry.data}, 'base64')`,
      }).from(sessionTelemetry).where(and(
        eq(sessionTelemetry.sessionId, session.id),
        posFilter ? or(eq(sessionTelemetry.kind, 'car'), inArray(sessionTelemetry.driverNumber, [...posFilter])) : undefined,
      )),
      this.db.select({
        driverNumber: sessionLaps.driverNumber, lapNumber: sessionLaps.lapNumber, lapStartTime: sessionLaps.lapStartTime, time: sessionLaps.time,
      }).from(sessionLaps).where(eq(sessionLaps.sessionId, session.id)),
    ]);
    const car = new Map<string, Telemetry>();
    const pos = new Map<string, Telemetry>();
    for (const { data64, ...b } of blobs) {
      const data = Buffer.from(data64, 'base64');
      if (b.kind === 'car') car.set(b.driverNumber, carTelemetry(b.driverNumber, decodeCarChannels(data, b.codec), t0));
      else pos.set(b.driverNumber, positionTelemetry(b.driverNumber, decodePositionChannels(data, b.codec), t0));
    }
    // The engine's driver order, verbatim: DriverAhead only considers these drivers and breaks exact
    // ties by their order.
    const drivers = session.driverOrder ?? [...car.keys()];
    return new SessionTelemetry({ t0, car, pos, laps, drivers });
  }
}
