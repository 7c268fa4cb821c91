// The CPU-bound half of a session load: the engine fetches and builds the session, the result is
// checked for anything that must not be stored, the telemetry is encoded, and what the store needs
// is kept as plain data. Nothing here touches the database, so it can run in a worker thread (see
// parse-thread.ts) while the process that owns the database keeps answering; the write happens
// back on that side (load.ts).
import {
  EngineCriticalError, Session, type Driver, type Lap, type LoadIssue, type RaceControlMessage, type SessionInfo,
  type SessionKind, type SessionResult, type SessionStatusChange, type Telemetry, type TopicLoad, type TrackStatusChange,
  type WeatherSample,
} from '@apexdata/livetiming';
import { PermanentJobError, type ReportProgress } from '../jobs/types.js';
import type { SessionSources } from './catalog.js';
import { encodeColumns, type Column, type Compression, type EncodedColumns } from './telemetry-codec.js';

/** The engine read the session, but what it got must not be stored (corrupt stream, failed step). */
export class LoadRejectedError extends PermanentJobError {
  override readonly name = 'LoadRejectedError';
}

/** A topic could not be fetched now; storing the session without it would lose data silently. */
export class TopicUnavailableError extends Error {
  override readonly name = 'TopicUnavailableError';
}

/** Issues that make the engine's result unfit to store, as one message; null when it is fine. */
export function rejectionOf(issues: readonly LoadIssue[], allowCorruptLines = false): { transient: boolean; message: string } | null {
  const unavailable = issues.filter((i) => i.code === 'topic-unavailable');
  if (unavailable.length) return { transient: true, message: `could not fetch ${unavailable.map((i) => i.topic).join(', ')}: ${unavailable[0]!.message}` };
  const failed = issues.filter((i) => i.code === 'step-failed');
  if (failed.length) return { transient: false, message: `processing failed: ${failed.map((i) => i.message).join('; ')}` };
  const corrupt = allowCorruptLines ? [] : issues.filter((i) => i.code === 'corrupt-lines');
  if (corrupt.length) return { transient: false, message: `corrupt stream: ${corrupt.map((i) => i.message).join('; ')}` };
  return null;
}

/** A driver's encoded telemetry, ready to write. */
export interface TelemetryBlob extends EncodedColumns {
  readonly driverNumber: string;
  readonly kind: 'car' | 'pos';
}

/**
 * What the store keeps of the engine's Session: plain data only (no class instances, no methods), so
 * it crosses a thread boundary by structured clone unchanged.
 */
export interface ParsedSession {
  readonly kind: SessionKind;
  readonly info: SessionInfo | null;
  readonly drivers: readonly Driver[];
  readonly results: readonly SessionResult[];
  readonly laps: readonly Lap[];
  readonly weather: readonly WeatherSample[] | null;
  readonly raceControl: readonly RaceControlMessage[] | null;
  readonly trackStatus: readonly TrackStatusChange[] | null;
  readonly sessionStatus: readonly SessionStatusChange[] | null;
  readonly t0: number | null;
  readonly sessionStartTime: number | null;
  readonly totalLaps: number | null;
  readonly splitTimes: readonly number[] | null;
  readonly jolpicaRound: number | null;
  /** The engine's driver order of the telemetry (DriverAhead breaks ties by it); null without telemetry. */
  readonly driverOrder: readonly string[] | null;
  readonly issues: readonly LoadIssue[];
  readonly topicLoads: readonly TopicLoad[];
}

export function parsedSession(s: Session): ParsedSession {
  return {
    kind: s.kind,
    info: s.info,
    drivers: s.drivers,
    results: s.results,
    laps: s.laps?.toArray() ?? [],
    weather: s.weather,
    raceControl: s.raceControl,
    trackStatus: s.trackStatus,
    sessionStatus: s.sessionStatus,
    t0: s.t0,
    sessionStartTime: s.sessionStartTime,
    totalLaps: s.lapsBuild?.totalLaps ?? null,
    splitTimes: s.lapsBuild ? [...s.lapsBuild.splitTimes] : null,
    jolpicaRound: s.jolpica?.round ?? null,
    driverOrder: s.telemetry ? [...s.telemetry.drivers] : null,
    issues: s.issues,
    topicLoads: s.topicLoads,
  };
}

export interface ParseRequest {
  /** Archive path of the session. */
  readonly path: string;
  readonly round: number;
  /** How the session is named in messages (`2025 round 20 Q`). */
  readonly label: string;
  readonly compression?: Compression;
  readonly allowCorruptLines?: boolean;
}

export interface ParsedLoad {
  readonly session: ParsedSession;
  readonly telemetry: readonly TelemetryBlob[];
  readonly engineMs: number;
  readonly encodeMs: number;
}

// Overall percent of the load: resolve 0–2, engine 2–80, encode 80–88 (store 88–100 is load.ts's).
const ENGINE_FROM = 2;
const ENGINE_TO = 80;
export const STORE_PERCENT = 88;

/** Fetches, builds, checks and encodes one session. Throws LoadRejectedError for what must not be stored. */
export async function parseSession(sources: SessionSources, request: ParseRequest, progress: ReportProgress): Promise<ParsedLoad> {
  const started = performance.now();
  const { path, label } = request;
  progress({ stage: 'fetch', percent: ENGINE_FROM, detail: path });
  let session: Session;
  try {
    session = await Session.load(path, {
      archive: sources.archive,
      jolpica: sources.jolpica,
      schedule: sources.schedule,
      round: request.round,
      telemetry: true,
      onProgress: (p) => progress({
        stage: p.stage === 'done' ? 'telemetry' : p.stage,
        percent: Math.round(ENGINE_FROM + ((ENGINE_TO - ENGINE_FROM) * p.percent) / 100),
        ...(p.detail ? { detail: p.detail } : {}),
      }),
    });
  } catch (err) {
    if (err instanceof EngineCriticalError && err.code !== 'source-unavailable') {
      throw new LoadRejectedError(`${label}: ${err.message}`, { cause: err });
    }
    throw err;
  }
  const engineMs = performance.now() - started;
  const rejected = rejectionOf(session.issues, request.allowCorruptLines);
  if (rejected) {
    const message = `${label} (${path}): ${rejected.message}`;
    throw rejected.transient ? new TopicUnavailableError(message) : new LoadRejectedError(message);
  }

  progress({ stage: 'encode', percent: ENGINE_TO, detail: 'compressing telemetry' });
  const encodeStart = performance.now();
  const telemetry = encodeTelemetry(session, request.compression, (done, total) =>
    progress({ stage: 'encode', percent: Math.round(ENGINE_TO + ((STORE_PERCENT - ENGINE_TO) * done) / Math.max(1, total)), detail: `${done}/${total} telemetry blobs` }));
  return { session: parsedSession(session), telemetry, engineMs, encodeMs: performance.now() - encodeStart };
}

/**
 * Every driver's car and position samples as blobs. The engine keeps sample dates in whole
 * milliseconds; they are stored as such and come back through the engine's own constructors, so the
 * rebuilt telemetry is the same (see store.ts).
 */
export function encodeTelemetry(session: Session, compression?: Compression, onBlob?: (done: number, total: number) => void): TelemetryBlob[] {
  const tel = session.telemetry;
  if (!tel) return [];
  const jobs: [string, 'car' | 'pos', Telemetry][] = [
    ...[...tel.car].map(([d, t]) => [d, 'car', t] as [string, 'car', Telemetry]),
    ...[...tel.pos].map(([d, t]) => [d, 'pos', t] as [string, 'pos', Telemetry]),
  ];
  const out: TelemetryBlob[] = [];
  for (const [driverNumber, kind, t] of jobs) {
    const c = t.channels;
    const columns: Record<string, Column> = kind === 'car'
      ? { date: t.date, rpm: c.rpm!, speed: c.speed!, nGear: c.nGear!, throttle: c.throttle!, brake: c.brake!, drs: c.drs! }
      : { date: t.date, x: c.x!, y: c.y!, z: c.z!, status: c.status! };
    out.push({ driverNumber, kind, ...encodeColumns(columns, compression) });
    onBlob?.(out.length, jobs.length);
  }
  return out;
}
