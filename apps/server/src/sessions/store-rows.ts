// Engine objects ↔ table rows, both ways, as pure functions. The reading side gives back the
// engine's own types (Lap, Driver, SessionResult, …) so the API can reuse the engine's collections
// and builders (Laps picks, lap telemetry) on stored data.
import type {
  Driver, Lap, RaceControlMessage, SessionResult, SessionStatusChange, TrackStatusChange, WeatherSample,
} from '@apexdata/livetiming';
import type {
  sessionDrivers, sessionLaps, sessionPitStops, sessionRaceControl, sessionResults, sessionStatusChanges, sessionStints,
  sessionTrackStatus, sessionWeather,
} from '../db/schema/sessions.js';

export type LapRow = typeof sessionLaps.$inferSelect;
export type DriverRow = typeof sessionDrivers.$inferSelect;
export type ResultRow = typeof sessionResults.$inferSelect;
export type StintRow = typeof sessionStints.$inferSelect;
export type PitStopRow = typeof sessionPitStops.$inferSelect;
export type WeatherRow = typeof sessionWeather.$inferSelect;
export type RaceControlRow = typeof sessionRaceControl.$inferSelect;
export type TrackStatusRow = typeof sessionTrackStatus.$inferSelect;
export type StatusChangeRow = typeof sessionStatusChanges.$inferSelect;

/** A stint of one driver as stored (derived from the laps). */
export interface Stint {
  readonly driverNumber: string;
  readonly stint: number;
  readonly compound: string | null;
  readonly freshTyre: boolean | null;
  readonly startLap: number;
  readonly endLap: number;
  readonly tyreAgeAtStart: number | null;
  readonly laps: number;
}

/** A pit stop: the in-lap and the out-lap that follows it. */
export interface PitStop {
  readonly driverNumber: string;
  readonly seq: number;
  readonly inLap: number | null;
  readonly outLap: number | null;
  readonly pitInTime: number | null;
  readonly pitOutTime: number | null;
  /** Out-lap PitOutTime − in-lap PitInTime (ms), when both are known. */
  readonly pitLaneTime: number | null;
}

// ── Laps ────────────────────────────────────────────────────────────────────────────────────────

export function lapToRow(sessionId: number, l: Lap): LapRow {
  return {
    sessionId,
    driverNumber: l.driverNumber,
    lapNumber: l.lapNumber,
    driver: l.driver,
    time: l.time,
    lapTime: l.lapTime,
    stint: l.stint,
    pitOutTime: l.pitOutTime,
    pitInTime: l.pitInTime,
    sector1Time: l.sector1Time,
    sector2Time: l.sector2Time,
    sector3Time: l.sector3Time,
    sector1SessionTime: l.sector1SessionTime,
    sector2SessionTime: l.sector2SessionTime,
    sector3SessionTime: l.sector3SessionTime,
    speedI1: l.speedI1,
    speedI2: l.speedI2,
    speedFl: l.speedFL,
    speedSt: l.speedST,
    isPersonalBest: l.isPersonalBest,
    compound: l.compound,
    tyreLife: l.tyreLife,
    freshTyre: l.freshTyre,
    team: l.team,
    lapStartTime: l.lapStartTime,
    lapStartDate: l.lapStartDate,
    trackStatus: l.trackStatus,
    position: l.position,
    deleted: l.deleted,
    deletedReason: l.deletedReason,
    fastF1Generated: l.fastF1Generated,
    isAccurate: l.isAccurate,
  };
}

export function lapFromRow(r: LapRow): Lap {
  return {
    time: r.time,
    driver: r.driver,
    driverNumber: r.driverNumber,
    lapTime: r.lapTime,
    lapNumber: r.lapNumber,
    stint: r.stint,
    pitOutTime: r.pitOutTime,
    pitInTime: r.pitInTime,
    sector1Time: r.sector1Time,
    sector2Time: r.sector2Time,
    sector3Time: r.sector3Time,
    sector1SessionTime: r.sector1SessionTime,
    sector2SessionTime: r.sector2SessionTime,
    sector3SessionTime: r.sector3SessionTime,
    speedI1: r.speedI1,
    speedI2: r.speedI2,
    speedFL: r.speedFl,
    speedST: r.speedSt,
    isPersonalBest: r.isPersonalBest,
    compound: r.compound,
    tyreLife: r.tyreLife,
    freshTyre: r.freshTyre,
    team: r.team,
    lapStartTime: r.lapStartTime,
    lapStartDate: r.lapStartDate,
    trackStatus: r.trackStatus,
    position: r.position,
    deleted: r.deleted,
    deletedReason: r.deletedReason,
    fastF1Generated: r.fastF1Generated,
    isAccurate: r.isAccurate,
  };
}

// ── Stints and pit stops, derived from a driver's laps ─────────────────────────────────────────

/** Groups each driver's laps by stint (laps without a stint belong to none). */
export function stintsOf(laps: readonly Lap[]): Stint[] {
  const out: Stint[] = [];
  for (const driverLaps of byDriver(laps).values()) {
    let current: { stint: number; first: Lap; last: Lap; count: number; compound: string | null } | null = null;
    const flush = () => {
      if (!current) return;
      const { first, last } = current;
      out.push({
        driverNumber: first.driverNumber,
        stint: current.stint,
        compound: current.compound,
        freshTyre: first.freshTyre,
        startLap: first.lapNumber,
        endLap: last.lapNumber,
        // TyreLife counts laps on the set at the end of a lap, so the age at the start is one less.
        tyreAgeAtStart: first.tyreLife === null ? null : first.tyreLife - 1,
        laps: current.count,
      });
    };
    for (const lap of driverLaps) {
      if (lap.stint === null) continue;
      if (current && current.stint === lap.stint) {
        current.last = lap;
        current.count++;
        // A compound learned later in the stint (a late TimingAppData update) is the stint's compound.
        current.compound ??= lap.compound;
        continue;
      }
      flush();
      current = { stint: lap.stint, first: lap, last: lap, count: 1, compound: lap.compound };
    }
    flush();
  }
  return out;
}

/** In-laps (PitInTime set) paired with the next lap when it is an out-lap (PitOutTime set). */
export function pitStopsOf(laps: readonly Lap[]): PitStop[] {
  const out: PitStop[] = [];
  for (const driverLaps of byDriver(laps).values()) {
    let seq = 0;
    for (let i = 0; i < driverLaps.length; i++) {
      const lap = driverLaps[i]!;
      if (lap.pitInTime === null) continue;
      const next = driverLaps[i + 1];
      const outLap = next && next.lapNumber === lap.lapNumber + 1 && next.pitOutTime !== null ? next : null;
      out.push({
        driverNumber: lap.driverNumber,
        seq: ++seq,
        inLap: lap.lapNumber,
        outLap: outLap?.lapNumber ?? null,
        pitInTime: lap.pitInTime,
        pitOutTime: outLap?.pitOutTime ?? null,
        pitLaneTime: outLap && outLap.pitOutTime !== null ? outLap.pitOutTime - lap.pitInTime : null,
      });
    }
  }
  return out;
}

function byDriver(laps: readonly Lap[]): Map<string, Lap[]> {
  const by = new Map<string, Lap[]>();
  for (const lap of laps) {
    let list = by.get(lap.driverNumber);
    if (!list) by.set(lap.driverNumber, (list = []));
    list.push(lap);
  }
  for (const list of by.values()) list.sort((a, b) => a.lapNumber - b.lapNumber);
  return by;
}

// ── Drivers and results ─────────────────────────────────────────────────────────────────────────

export function driverToRow(sessionId: number, d: Driver, driverId: number | null): DriverRow {
  return {
    sessionId,
    driverNumber: d.driverNumber,
    abbreviation: d.abbreviation,
    broadcastName: d.broadcastName,
    firstName: d.firstName,
    lastName: d.lastName,
    fullName: d.fullName,
    teamName: d.teamName,
    teamColour: d.teamColour,
    headshotUrl: d.headshotUrl,
    countryCode: d.countryCode,
    reference: d.reference,
    line: d.line,
    driverId,
  };
}

export function driverFromRow(r: DriverRow): Driver & { readonly driverId: number | null } {
  return {
    driverNumber: r.driverNumber,
    abbreviation: r.abbreviation,
    broadcastName: r.broadcastName,
    firstName: r.firstName,
    lastName: r.lastName,
    fullName: r.fullName,
    teamName: r.teamName,
    teamColour: r.teamColour,
    headshotUrl: r.headshotUrl,
    countryCode: r.countryCode,
    reference: r.reference,
    line: r.line,
    driverId: r.driverId,
  };
}

export function resultToRow(sessionId: number, r: SessionResult, ord: number): ResultRow {
  return {
    sessionId,
    driverNumber: r.driverNumber,
    ord,
    abbreviation: r.abbreviation,
    broadcastName: r.broadcastName,
    firstName: r.firstName,
    lastName: r.lastName,
    fullName: r.fullName,
    teamName: r.teamName,
    teamColor: r.teamColor,
    headshotUrl: r.headshotUrl,
    countryCode: r.countryCode,
    position: r.position,
    classifiedPosition: r.classifiedPosition,
    gridPosition: r.gridPosition,
    q1: r.q1,
    q2: r.q2,
    q3: r.q3,
    time: r.time,
    status: r.status,
    points: r.points,
    laps: r.laps,
    driverRef: r.driverId,
    teamRef: r.teamId,
    source: r.source,
  };
}

export function resultFromRow(r: ResultRow): SessionResult {
  return {
    driverNumber: r.driverNumber,
    broadcastName: r.broadcastName,
    abbreviation: r.abbreviation,
    driverId: r.driverRef,
    teamName: r.teamName,
    teamColor: r.teamColor,
    teamId: r.teamRef,
    firstName: r.firstName,
    lastName: r.lastName,
    fullName: r.fullName,
    headshotUrl: r.headshotUrl,
    countryCode: r.countryCode,
    position: r.position,
    classifiedPosition: r.classifiedPosition,
    gridPosition: r.gridPosition,
    q1: r.q1,
    q2: r.q2,
    q3: r.q3,
    time: r.time,
    status: r.status,
    points: r.points,
    laps: r.laps,
    source: r.source as SessionResult['source'],
  };
}

// ── Time series ─────────────────────────────────────────────────────────────────────────────────

export const weatherToRow = (sessionId: number, w: WeatherSample, seq: number): WeatherRow => ({ sessionId, seq, ...w });
export const weatherFromRow = ({ sessionId: _s, seq: _q, ...w }: WeatherRow): WeatherSample => w;

export const raceControlToRow = (sessionId: number, m: RaceControlMessage, seq: number): RaceControlRow => ({ sessionId, seq, ...m });
export const raceControlFromRow = ({ sessionId: _s, seq: _q, ...m }: RaceControlRow): RaceControlMessage => m;

export const trackStatusToRow = (sessionId: number, t: TrackStatusChange, seq: number): TrackStatusRow => ({ sessionId, seq, ...t });
export const trackStatusFromRow = ({ sessionId: _s, seq: _q, ...t }: TrackStatusRow): TrackStatusChange => t;

export const statusChangeToRow = (sessionId: number, s: SessionStatusChange, seq: number): StatusChangeRow => ({ sessionId, seq, ...s });
export const statusChangeFromRow = ({ sessionId: _s, seq: _q, ...s }: StatusChangeRow): SessionStatusChange => s;

export const stintToRow = (sessionId: number, s: Stint): StintRow => ({ sessionId, ...s });
export const stintFromRow = ({ sessionId: _s, ...s }: StintRow): Stint => s;
export const pitStopToRow = (sessionId: number, p: PitStop): PitStopRow => ({ sessionId, ...p });
export const pitStopFromRow = ({ sessionId: _s, ...p }: PitStopRow): PitStop => p;
