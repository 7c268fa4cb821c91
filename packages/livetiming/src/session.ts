// The session facade: one session's topics fetched in parallel through the archive client, parsed
// by the topic parsers, and handed to the laps, results and telemetry builders. I/O stays in
// `Session.load`; `Session.fromTopics` does the processing on topics already in hand (recordings,
// live replay, tests) without touching any source.
import { ArchiveClient, type ArchiveClientOptions } from './archive/client.js';
import { SourceError } from './archive/errors.js';
import {
  driverNumbersOf, entrantsOf, ergastRaces, fetchErgastRace, FASTF1_SCHEDULE_URL, firstLapTimesOf, JOLPICA_URL, roundCandidates, sameEvent,
  type FirstLapTime, type JolpicaEntrant, type JolpicaRace, type ResultsKind,
} from './archive/jolpica.js';
import { normaliseSessionPath, parseSessionPath, type SessionPathParts } from './archive/paths.js';
import { bodyText, Source, type SourceOptions } from './archive/source.js';
import { EngineCriticalError, type LoadIssue } from './errors.js';
import { parseStream, type ParseReport, type StreamMessage } from './stream/index.js';
import { isStreamFile } from './stream/parse.js';
import { LapTimingCollector, lapTimingByDriver } from './topics/timing-data.js';
import { parseDriverList, type Driver } from './topics/driver-list.js';
import { parseLapCount, type LapCountUpdate } from './topics/lap-count.js';
import { parseRaceControl, type RaceControlMessage } from './topics/race-control.js';
import { parseSessionInfo, type SessionInfo } from './topics/session-info.js';
import { parseSessionStatus, sessionStartTime, type SessionStatusChange } from './topics/session-status.js';
import { parseTrackStatus, type TrackStatusChange } from './topics/track-status.js';
import { parseWeatherData, type WeatherSample } from './topics/weather.js';
import { readCarData, readPositionData } from './telemetry/build.js';
import { computeT0, SessionTelemetry } from './telemetry/session-telemetry.js';
import type { Telemetry } from './telemetry/telemetry.js';
import { microsToMillis } from './telemetry/iso-date.js';
import type { RawCarData } from './topics/car-data.js';
import type { Lap } from './timing/types.js';
import type { Laps } from './timing/collection.js';
import { buildLaps, type LapsBuild } from './timing/laps.js';
import { buildResults, officialResultsFromErgast, type SessionResult } from './timing/results.js';
import { sessionKind, type SessionKind } from './timing/types.js';

/** Topics the facade reads. Telemetry topics are fetched only when telemetry is wanted. */
export const SESSION_TOPICS = [
  'SessionInfo', 'DriverList', 'TimingData', 'TimingAppData', 'SessionStatus', 'TrackStatus', 'LapCount',
  'RaceControlMessages', 'WeatherData',
] as const;
export const TELEMETRY_TOPICS = ['CarData.z', 'Position.z'] as const;
/** Without any of these there is no session; failing to fetch one of them is critical. */
const CORE_TOPICS = ['SessionInfo', 'DriverList', 'TimingData', 'TimingAppData'];

export type LoadStage = 'fetch' | 'parse' | 'jolpica' | 'laps' | 'results' | 'telemetry' | 'done';

export interface LoadProgress {
  readonly stage: LoadStage;
  /** Overall progress of the load, 0–100. */
  readonly percent: number;
  readonly detail?: string;
}

/** A topic as handed to the processing step: the raw stream's bytes or text, or messages already decoded. */
export type TopicInput = string | Uint8Array | readonly StreamMessage[];

/** What Jolpica contributed (or could not). */
export interface JolpicaInfo {
  readonly round: number | null;
  /** The Ergast race object of the official classification (`results`, `qualifying` or `sprint`). */
  readonly results: { readonly kind: ResultsKind; readonly race: JolpicaRace; readonly data: Readonly<Record<string, unknown>> } | null;
  /** Race lap-1 times by racing number; empty when unavailable. */
  readonly firstLapTimes: readonly FirstLapTime[];
  /**
   * Who raced with which number, asked for only when the archive has no DriverList (2022 Spanish
   * and 2023 Canadian qualifying): the event's results, then the season's (see `loadEntrants`).
   */
  readonly entrants?: readonly JolpicaEntrant[];
}

export interface SessionLoadOptions {
  /** The archive: a client, or options for one (default: the official host with FastF1's mirror). */
  readonly archive?: ArchiveClient | ArchiveClientOptions;
  /** Jolpica source for lap-1 times and official results; `null` to not use Jolpica. Default api.jolpi.ca. */
  readonly jolpica?: Source | SourceOptions | null;
  /** FastF1 schedule files, used to find the round when Jolpica's season schedule cannot; `null` to skip. */
  readonly schedule?: Source | SourceOptions | null;
  /** Championship round, when known (skips the round lookup). */
  readonly round?: number;
  /** Fetch and keep CarData.z / Position.z. Default true (like FastF1). */
  readonly telemetry?: boolean;
  /** Throw `EngineCriticalError('strict')` when any issue was raised. */
  readonly strict?: boolean;
  /** Called as the load advances (stage + overall percent). */
  readonly onProgress?: (progress: LoadProgress) => void;
}

/** Per-topic load record: where it came from and how much of it could be read. */
export interface TopicLoad {
  readonly topic: string;
  readonly status: 'ok' | 'missing' | 'unavailable';
  readonly bytes: number;
  readonly lines: number;
  readonly corruptLines: number;
}

export interface FromTopicsOptions {
  readonly jolpica?: JolpicaInfo | null;
  readonly issues?: readonly LoadIssue[];
  readonly topicLoads?: readonly TopicLoad[];
  readonly strict?: boolean;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Percent range this step reports in (the load maps its own stages before it). */
  readonly progressRange?: readonly [number, number];
  /**
   * The topics' bytes are the caller's to give up (Session.load's own reads): each file's memory is
   * released as soon as it is parsed (its ArrayBuffer detached, see releaseBytes), and the buffers
   * are empty afterwards.
   */
  readonly consumeInputs?: boolean;
}

/**
 * One session: info, drivers, statuses, messages, weather, laps and results, plus the issues met
 * while loading. Immutable once built.
 *
 * @example
 * const session = await Session.load('2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-28_Qualifying/', {
 *   archive: { base: '../shared/f1data/livetiming' }, jolpica: { base: '../shared/f1data/jolpica' },
 * });
 * const fastest = session.laps?.pickDrivers('LEC').pickFastest();
 */
export class Session {
  readonly path: string;
  readonly parts: SessionPathParts;
  readonly info: SessionInfo | null;
  readonly drivers: readonly Driver[];
  readonly sessionStatus: readonly SessionStatusChange[] | null;
  readonly trackStatus: readonly TrackStatusChange[] | null;
  readonly raceControl: readonly RaceControlMessage[] | null;
  readonly lapCount: readonly LapCountUpdate[] | null;
  readonly weather: readonly WeatherSample[] | null;
  /** Laps with every FastF1 column; null when the session has no timing data. */
  readonly laps: Laps | null;
  /**
   * Classification: the driver list joined with the official results (Jolpica) when there are any,
   * otherwise classified from the laps as FastF1 does; ordered by position.
   */
  readonly results: readonly SessionResult[];
  /** The laps build's by-products: Q1/Q2/Q3 split times, session start, scheduled laps. */
  readonly lapsBuild: LapsBuild | null;
  readonly jolpica: JolpicaInfo | null;
  /**
   * UTC (epoch ms) of session time zero: max(Utc − session time) over every car and position
   * sample, as FastF1 computes it; null without telemetry topics.
   */
  readonly t0: number | null;
  /** Car and position data of every driver; null when the session has no CarData.z/Position.z (or telemetry was not loaded). */
  readonly telemetry: SessionTelemetry | null;
  readonly issues: readonly LoadIssue[];
  readonly topicLoads: readonly TopicLoad[];

  private constructor(fields: Omit<Session, 'kind' | 'name' | 'year' | 'sessionStartTime' | 'lapTelemetry'>) {
    this.path = fields.path;
    this.parts = fields.parts;
    this.info = fields.info;
    this.drivers = fields.drivers;
    this.sessionStatus = fields.sessionStatus;
    this.trackStatus = fields.trackStatus;
    this.raceControl = fields.raceControl;
    this.lapCount = fields.lapCount;
    this.weather = fields.weather;
    this.laps = fields.laps;
    this.lapsBuild = fields.lapsBuild;
    this.results = fields.results;
    this.jolpica = fields.jolpica;
    this.t0 = fields.t0;
    this.issues = fields.issues;
    this.topicLoads = fields.topicLoads;
    this.telemetry = fields.telemetry;
  }

  /** Session name as FastF1 uses it ("Qualifying", "Sprint Shootout", "Practice 2", …). */
  get name(): string {
    return this.info?.name || this.parts.sessionName;
  }

  get year(): number {
    return this.parts.year;
  }

  /** race, qualifying or practice, by FastF1's rules for the session name and year. */
  get kind(): SessionKind {
    return sessionKind(this.name, this.year);
  }

  /** Session time (ms) of the first "Started"; null if the session never started. */
  get sessionStartTime(): number | null {
    return this.sessionStatus ? sessionStartTime(this.sessionStatus) : null;
  }

  /**
   * Merged car + position telemetry of a lap (or several laps of one driver), cut to the lap with
   * interpolated edges, with Distance and DriverAhead — FastF1's `Lap.get_telemetry()`.
   * Throws when the session has no telemetry.
   */
  lapTelemetry(laps: Lap | readonly Lap[]): Telemetry {
    if (!this.telemetry) throw new Error(`no telemetry for ${this.path} (CarData.z/Position.z not in the archive or not loaded)`);
    return this.telemetry.lapTelemetry(laps);
  }

  /**
   * Fetches one session's topics (in parallel), asks Jolpica for lap-1 times and results where
   * FastF1 does, and builds everything. Throws `EngineCriticalError` when there is no readable
   * session; anything less is collected in `issues`. The topic files read are the load's own: each
   * is released once parsed (see FromTopicsOptions.consumeInputs), so a Source must hand out
   * buffers it does not keep (Source's own reads and answers passed between threads do not).
   */
  static async load(sessionPath: string, options: SessionLoadOptions = {}): Promise<Session> {
    const progress = options.onProgress ?? (() => undefined);
    let path: string;
    try {
      path = normaliseSessionPath(sessionPath);
    } catch (err) {
      throw new EngineCriticalError('bad-path', (err as Error).message, [], { cause: err });
    }
    const archive = options.archive instanceof ArchiveClient ? options.archive : new ArchiveClient(options.archive ?? {});
    const wantTelemetry = options.telemetry ?? true;
    const topics = [...SESSION_TOPICS, ...(wantTelemetry ? TELEMETRY_TOPICS : [])];

    progress({ stage: 'fetch', percent: 0, detail: `fetching ${topics.length} topics from ${archive.source.label}` });
    const { bodies, errors } = await archive.topics(path, topics, {
      onTopic: (topic, done, total) => progress({ stage: 'fetch', percent: Math.round((done / total) * 50), detail: topic }),
    });

    const issues: LoadIssue[] = [];
    const inputs = new Map<string, TopicInput>();
    for (const topic of topics) {
      const error = errors.get(topic);
      const body = bodies.get(topic);
      if (error) issues.push({ code: 'topic-unavailable', topic, message: `${topic}: ${error.message}` });
      else if (!body?.bytes) issues.push({ code: 'topic-missing', topic, message: `${topic} is not in the archive for this session` });
      // Read from their bytes, never as one string per file (see StreamLineReader).
      else inputs.set(topic, body.bytes);
    }
    const unavailableCore = CORE_TOPICS.filter((t) => errors.has(t));
    if (unavailableCore.length > 0) {
      const first = errors.get(unavailableCore[0]!)!;
      throw new EngineCriticalError('source-unavailable', `cannot read ${path}: ${first.message}`, issues, { cause: first });
    }
    if (CORE_TOPICS.every((t) => !inputs.has(t))) {
      throw new EngineCriticalError('session-not-found', `no session at ${path} in ${archive.source.label} (none of ${CORE_TOPICS.join(', ')} exists)`, issues);
    }

    progress({ stage: 'jolpica', percent: 50, detail: 'lap-1 times and official results' });
    const info = inputs.has('SessionInfo') ? parseSessionInfo(messagesOf(inputs.get('SessionInfo')!, 'SessionInfo').messages) : null;
    const timing = inputs.get('TimingData');
    const entrantNumbers = !inputs.has('DriverList') && timing ? lapTimingOf(timing).timing.numbers : null;
    const jolpica = await loadJolpica(path, info, options, archive, issues, entrantNumbers);

    const topicLoads = topics.map((topic): TopicLoad => {
      const input = inputs.get(topic);
      return { topic, status: errors.has(topic) ? 'unavailable' : input === undefined ? 'missing' : 'ok', bytes: inputBytes(input), lines: 0, corruptLines: 0 };
    });
    return Session.fromTopics(path, inputs, { jolpica, issues, topicLoads, strict: options.strict, onProgress: options.onProgress, progressRange: [55, 100], consumeInputs: true });
  }

  /**
   * Builds a session from topics already in hand (stream texts or decoded messages by topic name).
   * Pure apart from the progress callback.
   */
  static fromTopics(sessionPath: string, topics: ReadonlyMap<string, TopicInput>, options: FromTopicsOptions = {}): Session {
    const path = normaliseSessionPath(sessionPath);
    const parts = parseSessionPath(path);
    const [from, to] = options.progressRange ?? [0, 100];
    const progress = (stage: LoadStage, share: number, detail?: string) => options.onProgress?.({ stage, percent: Math.round(from + (to - from) * share), detail });
    const issues: LoadIssue[] = [...(options.issues ?? [])];
    const loads = new Map((options.topicLoads ?? []).map((l) => [l.topic, { ...l }]));
    const done = options.consumeInputs ? releaseBytes : () => undefined;

    progress('parse', 0, 'topics');
    const messages = new Map<string, readonly StreamMessage[]>();
    const telemetryTopics = new Map<string, TopicInput>();
    let timing: LapTimingCollector | null = null;
    for (const [topic, input] of topics) {
      if (isTelemetryTopic(topic)) {
        telemetryTopics.set(topic, input);
        continue;
      }
      let report: ParseReport;
      if (topic === 'TimingData') ({ timing, report } = lapTimingOf(input));
      else {
        const parsed = messagesOf(input, topic);
        messages.set(topic, parsed.messages);
        report = parsed.report;
      }
      done(input);
      const load = loads.get(topic) ?? { topic, status: 'ok' as const, bytes: inputBytes(input), lines: 0, corruptLines: 0 };
      loads.set(topic, { ...load, lines: report.lines, corruptLines: report.corrupt.length });
      if (report.corrupt.length > 0) {
        issues.push({ code: 'corrupt-lines', topic, count: report.corrupt.length, message: `${topic}: ${report.corrupt.length} undecodable line(s) skipped (first at line ${report.corrupt[0]!.line}: ${report.corrupt[0]!.reason})` });
      }
    }

    const step = <T>(name: string, fn: () => T): T | null => {
      try {
        return fn();
      } catch (err) {
        issues.push({ code: 'step-failed', message: `${name}: ${(err as Error).message}` });
        return null;
      }
    };
    const topic = (name: string) => messages.get(name) ?? null;
    const parsed = <T>(name: string, parse: (m: readonly StreamMessage[]) => T): T | null => {
      const m = topic(name);
      return m ? step(name, () => parse(m)) : null;
    };

    const info = parsed('SessionInfo', parseSessionInfo) ?? null;
    const jolpica = options.jolpica ?? null;
    const drivers = parsed('DriverList', parseDriverList) ?? entrantDrivers(timing?.numbers ?? null, jolpica, issues);
    const sessionStatus = parsed('SessionStatus', parseSessionStatus) ?? parsed('SessionData', statusFromSessionData);
    const trackStatus = parsed('TrackStatus', parseTrackStatus);
    const raceControl = parsed('RaceControlMessages', parseRaceControl);
    const lapCount = parsed('LapCount', parseLapCount);
    const weather = parsed('WeatherData', parseWeatherData);
    progress('parse', 0.3);

    const carInput = telemetryTopics.get('CarData.z');
    const posInput = telemetryTopics.get('Position.z');
    let car: RawCarData | null = null;
    let raw: { car: RawCarData; pos: ReturnType<typeof readPositionData> } | null = null;
    if (carInput !== undefined && posInput !== undefined) {
      progress('telemetry', 0.3, 'car and position data');
      raw = step('telemetry', () => {
        const car = readCarData(carInput);
        done(carInput);
        const pos = readPositionData(posInput);
        done(posInput);
        return { car, pos };
      });
      car = raw?.car ?? null;
      for (const [t, r] of raw ? ([['CarData.z', raw.car.report], ['Position.z', raw.pos.report]] as const) : []) {
        if (r.corrupt.length > 0) issues.push({ code: 'corrupt-lines', topic: t, count: r.corrupt.length, message: `${t}: ${r.corrupt.length} undecodable line(s) skipped (first at line ${r.corrupt[0]!.line}: ${r.corrupt[0]!.reason})` });
      }
    } else if (carInput !== undefined || posInput !== undefined) {
      issues.push({ code: 'step-failed', message: 'telemetry needs both CarData.z and Position.z; only one is in the archive' });
    }
    const t0Value = raw ? computeT0(raw.car, raw.pos) : NaN;
    const t0 = Number.isFinite(t0Value) ? t0Value : null;

    progress('laps', 0.5, 'building laps');
    // The laps and the results both take the drivers of the list's first hour: replayed once.
    let lapDriverList: Driver[] | null | undefined;
    const lapDriversOnce = () => (lapDriverList === undefined ? (lapDriverList = lapDrivers(topic('DriverList'))) : lapDriverList);
    const lapTiming = timing?.byDriver;
    const lapsBuild = lapTiming
      ? step('laps', () => buildLaps({
          sessionName: info?.name || parts.sessionName,
          year: parts.year,
          lapTiming,
          timingAppData: topic('TimingAppData') ?? undefined,
          sessionStatus: sessionStatus ?? undefined,
          trackStatus,
          raceControl,
          lapCount: lapCount ?? undefined,
          drivers: lapDriversOnce() ?? drivers,
          t0,
          firstLapTimes: new Map((jolpica?.firstLapTimes ?? []).map((f) => [f.driverNumber, f.lapTime])),
          notStarted: notStartedOf(jolpica),
          firstStopAfter: car && t0 !== null ? firstStopAfter(car, t0) : undefined,
        }))
      : null;
    for (const w of lapsBuild?.warnings ?? []) issues.push({ code: 'data-warning', message: w });

    progress('results', 0.75, 'classification');
    const kind = sessionKind(info?.name || parts.sessionName, parts.year);
    const results = step('results', () => buildResults({
      kind,
      drivers: lapDriversOnce() ?? drivers,
      official: jolpica?.results ? officialResultsFromErgast(jolpica.results.data) : null,
      laps: lapsBuild?.laps ?? null,
    })) ?? [];

    // DriverAhead breaks exact distance ties by the result order, as FastF1 does.
    const order = results.length ? results.map((r) => r.driverNumber) : drivers.map((d) => d.driverNumber);
    const telemetry = raw && t0 !== null
      // The raw columns were parsed here and are not used after this: their timestamps become the dates.
      ? step('telemetry', () => SessionTelemetry.fromRaw(raw.car, raw.pos, lapsBuild?.laps.toArray() ?? [], { drivers: order, consumeRaw: true }))
      : null;
    if (telemetry) progress('telemetry', 0.9);

    const session = new Session({
      path,
      parts,
      info,
      drivers,
      sessionStatus,
      trackStatus,
      raceControl,
      lapCount,
      weather,
      laps: lapsBuild?.laps ?? null,
      lapsBuild,
      results,
      jolpica,
      t0,
      telemetry,
      issues,
      topicLoads: [...loads.values()],
    });
    progress('done', 1);
    if (options.strict && issues.length > 0) {
      throw new EngineCriticalError('strict', `${issues.length} issue(s) while loading ${path}: ${issues[0]!.message}`, issues);
    }
    return session;
  }
}

/**
 * Session status changes carried by SessionData's StatusSeries, for captures that joined after the
 * SessionStatus snapshot (a live recording rarely holds one). Each entry is timed by its message.
 */
function statusFromSessionData(messages: readonly StreamMessage[]): SessionStatusChange[] | null {
  const out: SessionStatusChange[] = [];
  for (const m of messages) {
    const series = (m.data as { StatusSeries?: unknown } | null)?.StatusSeries;
    const entries = Array.isArray(series) ? series : typeof series === 'object' && series !== null ? Object.values(series) : [];
    for (const e of entries) {
      const status = (e as { SessionStatus?: unknown } | null)?.SessionStatus;
      if (typeof status === 'string') out.push({ time: m.time, status });
    }
  }
  return out.length > 0 ? out : null;
}

/**
 * For a car that retired on track: the session time (ms) of its first car sample at zero speed after
 * a given time (FastF1 ends the retirement lap there).
 */
function firstStopAfter(car: RawCarData, t0: number): (driverNumber: string, afterMs: number) => number | null {
  return (driverNumber, afterMs) => {
    const c = car.drivers.get(driverNumber);
    if (!c) return null;
    for (let i = 0; i < c.speed.length; i++) {
      if (c.speed[i] !== 0) continue;
      const t = microsToMillis(c.utcMicros[i]!) - t0;
      if (t > afterMs) return t;
    }
    return null;
  };
}

// FastF1 takes the Driver/Team columns of laps from the driver list as it stood within the first
// hour of the stream (later patches are not applied); matching it keeps those columns at parity.
const DRIVER_LIST_WINDOW = 3_600_000;
function lapDrivers(messages: readonly StreamMessage[] | null): Driver[] | null {
  return messages ? parseDriverList(messages.filter((m) => m.time <= DRIVER_LIST_WINDOW)) : null;
}

function messagesOf(input: TopicInput, topic: string): { messages: readonly StreamMessage[]; report: ParseReport } {
  if (!isStreamFile(input)) return { messages: input, report: { lines: input.length, corrupt: [] } };
  return parseStream(input, { compressed: topic.endsWith('.z') });
}

/**
 * TimingData as the laps builder reads it. A stream file is reduced line by line as it is parsed
 * (no message is kept: see LapTimingCollector); messages already decoded are reduced the same way.
 */
function lapTimingOf(input: TopicInput): { timing: LapTimingCollector; report: ParseReport } {
  if (!isStreamFile(input)) return { timing: lapTimingByDriver(input), report: { lines: input.length, corrupt: [] } };
  const timing = new LapTimingCollector();
  const { report } = parseStream(input, { reduce: (data, time) => { timing.add(time, data); return undefined; } });
  return { timing, report };
}

/** Files smaller than this are left to the garbage collector (and may share Node's buffer pool). */
const RELEASE_MIN_BYTES = 64 * 1024;

/**
 * Frees a file read whole into its own ArrayBuffer, now: the buffer is detached by transferring
 * its memory to a new, unreferenced ArrayBuffer, which the next scavenge frees. Left alone, a file
 * read at the start of the load has been promoted to the old generation by the time it is parsed,
 * and its memory stays resident until the next full GC (on the 2025 Mexico City qualifying ~7 MiB of
 * topic files through the whole load and often the whole job). Views of part of a buffer and small
 * files are left as they are.
 */
function releaseBytes(input: TopicInput): void {
  if (!(input instanceof Uint8Array)) return;
  const ab = input.buffer;
  if (!(ab instanceof ArrayBuffer) || input.byteOffset !== 0 || input.byteLength !== ab.byteLength || ab.byteLength < RELEASE_MIN_BYTES) return;
  structuredClone(ab, { transfer: [ab] });
}

const isTelemetryTopic = (topic: string) => (TELEMETRY_TOPICS as readonly string[]).includes(topic);

/** Size of a topic as fetched (0 for decoded messages). */
function inputBytes(input: TopicInput | undefined): number {
  if (typeof input === 'string') return Buffer.byteLength(input);
  return input instanceof Uint8Array ? input.byteLength : 0;
}

// Ergast's status for a car that was entered but never took the start.
function notStartedOf(jolpica: JolpicaInfo | null): string[] {
  const rows = (jolpica?.results?.data.Results ?? []) as { number?: string; status?: string }[];
  return rows.filter((r) => typeof r.status === 'string' && /^(did not start|withdrew)$/i.test(r.status)).map((r) => String(r.number));
}

function toSource(value: Source | SourceOptions | null | undefined, fallbackBase: string, offline: boolean): Source | null {
  if (value === null) return null;
  if (value instanceof Source) return value;
  return new Source({ offline, ...(value ?? { base: fallbackBase }) });
}

/**
 * Which Ergast resource holds the official classification of a session, as FastF1 asks for it.
 * Sprint shootouts and 2024+ sprint qualifying have none.
 */
export function resultsKindOf(sessionName: string, year: number): ResultsKind | null {
  // Practice: FastF1 takes driver identities (DriverId, TeamId) from the race's results.
  if (sessionName === 'Race' || sessionKind(sessionName, year) === 'practice') return 'results';
  if (sessionName === 'Qualifying') return 'qualifying';
  if (sessionName === 'Sprint' || (sessionName === 'Sprint Qualifying' && year <= 2023)) return 'sprint';
  return null;
}

async function loadJolpica(path: string, info: SessionInfo | null, options: SessionLoadOptions, archive: ArchiveClient, issues: LoadIssue[], entrantNumbers: ReadonlySet<string> | null): Promise<JolpicaInfo | null> {
  const parts = parseSessionPath(path);
  const name = info?.name || parts.sessionName;
  const kind = resultsKindOf(name, parts.year);
  if (!kind) return null;
  const jolpica = toSource(options.jolpica, JOLPICA_URL, archive.source.offline);
  if (!jolpica) return null;
  const schedule = toSource(options.schedule, FASTF1_SCHEDULE_URL, archive.source.offline);

  const soft = (message: string) => issues.push({ code: 'jolpica-unavailable', message });
  try {
    const candidates = await roundCandidates({ year: parts.year, eventDate: parts.eventDate, jolpica, schedule, round: options.round, meetingNumber: info?.meeting.number, onProblem: soft });
    // A candidate round is only trusted when Jolpica's answer is about this event (same race day).
    for (const { round } of candidates) {
      const results = await fetchErgastRace(jolpica, parts.year, round, kind);
      if (results && !sameEvent(results.race, parts.year, parts.eventDate)) continue;
      let firstLapTimes: FirstLapTime[] = [];
      if (name === 'Race') {
        const laps = await fetchErgastRace(jolpica, parts.year, round, 'laps/1');
        if (!laps || !sameEvent(laps.race, parts.year, parts.eventDate)) soft(`no lap-1 times from Jolpica for ${parts.year} round ${round}; lap 1 has no LapTime`);
        else if (!results) soft(`no Jolpica results for ${parts.year} round ${round} to map lap-1 drivers to numbers; lap 1 has no LapTime`);
        else {
          const mapped = firstLapTimesOf(laps.data, driverNumbersOf(results.data));
          firstLapTimes = mapped.times;
          if (mapped.unmapped.length) soft(`lap-1 times of ${mapped.unmapped.join(', ')} could not be matched to a racing number`);
        }
      }
      if (!results) soft(`no official ${kind} from Jolpica for ${parts.year} round ${round}`);
      const entrants = entrantNumbers ? await loadEntrants(jolpica, parts.year, round, results?.data ?? null, kind, entrantNumbers) : undefined;
      return { round, results: results ? { kind, race: results.race, data: results.data } : null, firstLapTimes, entrants };
    }
    soft(candidates.length ? `Jolpica has no ${kind} for ${path} (rounds tried: ${candidates.map((c) => c.round).join(', ')})` : `could not find the championship round of ${path}`);
  } catch (err) {
    if (!(err instanceof SourceError) && !(err instanceof Error && /not valid JSON/.test(err.message))) throw err;
    soft(`Jolpica: ${err.message}`);
  }
  return { round: null, results: null, firstLapTimes: [] };
}

/**
 * Entrants when the archive has no DriverList, until every racing number of TimingData is named:
 * the event's own classification and race results, the season's results page, then the results of
 * each earlier round (numbers belong to one driver for a whole season). Missing answers are normal.
 */
async function loadEntrants(jolpica: Source, year: number, round: number, own: Record<string, unknown> | null, kind: ResultsKind, numbers: ReadonlySet<string>): Promise<JolpicaEntrant[]> {
  const races: Record<string, unknown>[] = own ? [own] : [];
  const named = () => { const e = entrantsOf(races); return [...numbers].every((n) => e.has(n)); };
  if (kind !== 'results') {
    const race = await fetchErgastRace(jolpica, year, round, 'results');
    if (race) races.push(race.data);
  }
  if (!named()) races.push(...ergastRaces(await getJsonOrNull(jolpica, `/ergast/f1/${year}/results.json`)).reverse());
  for (let r = round - 1; r >= 1 && !named(); r--) {
    const race = await fetchErgastRace(jolpica, year, r, 'results');
    if (race) races.push(race.data);
  }
  return [...entrantsOf(races).values()];
}

async function getJsonOrNull(source: Source, path: string): Promise<unknown | null> {
  const res = await source.get(path);
  return res ? JSON.parse(bodyText(res.body)) : null;
}

/**
 * Drivers of a session without a DriverList: every racing number in TimingData, named from
 * Jolpica's entrants where they say who raced with it. Unmatched numbers keep only the number.
 */
function entrantDrivers(numbers: ReadonlySet<string> | null, jolpica: JolpicaInfo | null, issues: LoadIssue[]): Driver[] {
  if (!numbers) return [];
  const byNumber = new Map((jolpica?.entrants ?? []).map((e) => [e.driverNumber, e]));
  const sorted = [...numbers].sort((a, b) => Number(a) - Number(b));
  const unmatched = sorted.filter((n) => !byNumber.has(n));
  issues.push({
    code: 'data-warning',
    message: `no DriverList: ${sorted.length} drivers from TimingData's racing numbers, named from Jolpica's entrants` +
      (unmatched.length ? `; no entrant known for number(s) ${unmatched.join(', ')}` : ''),
  });
  return sorted.map((n) => {
    const e = byNumber.get(n);
    const fullName = e && (e.givenName || e.familyName) ? [e.givenName, e.familyName].filter((x) => x).join(' ') : null;
    return {
      driverNumber: n, abbreviation: e?.code ?? null, broadcastName: null, firstName: e?.givenName ?? null, lastName: e?.familyName ?? null,
      fullName, teamName: e?.constructorName ?? null, teamColour: null, headshotUrl: null, countryCode: null, reference: null, line: null,
    };
  });
}
