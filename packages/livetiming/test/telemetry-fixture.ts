// Shared inputs of the telemetry tests: the 2025 Mexico City qualifying streams (read from
// ../shared, never copied) and FastF1's outputs for the same session.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SessionTelemetry, parseCarDataStream, parsePositionStream, type RawCarData, type RawPositionData, type TelemetryLap } from '../src/index.js';
import { MEXICO_2025_Q, oracleDir, topicFile } from './paths.js';

export const MEXICO_ORACLE = resolve(oracleDir, 'fastf1-mexico-2025-q');
/** Drivers whose fastest-lap telemetry FastF1 wrote to the oracle. */
export const ORACLE_TELEMETRY_DRIVERS = ['ALB', 'PIA', 'RUS', 'SAI'] as const;

export const readTopic = (topic: string) => readFileSync(topicFile(MEXICO_2025_Q, topic), 'utf8');
export const readOracle = <T = unknown>(file: string): T => JSON.parse(readFileSync(resolve(MEXICO_ORACLE, file), 'utf8')) as T;

/** A row of FastF1's laps.json (seconds, null when missing). */
export interface OracleLapRow {
  Driver: string;
  DriverNumber: string;
  LapNumber: number;
  LapTime: number | null;
  Time: number | null;
  LapStartTime: number | null;
  PitInTime: number | null;
  PitOutTime: number | null;
  Sector1SessionTime: number | null;
  Sector2SessionTime: number | null;
  Sector3SessionTime: number | null;
  Sector1Time: number | null;
  Sector2Time: number | null;
  Sector3Time: number | null;
  Deleted: boolean | null;
}

const ms = (s: number | null) => (s === null ? null : Math.round(s * 1000));

export interface OracleLap extends TelemetryLap {
  readonly driver: string;
  readonly lapTime: number | null;
  readonly sector1Time: number | null;
  readonly sector2Time: number | null;
  readonly sector3Time: number | null;
  readonly row: OracleLapRow;
}

let cached: { car: RawCarData; pos: RawPositionData; laps: OracleLap[]; drivers: string[]; session: SessionTelemetry } | null = null;

/** The Mexico session with FastF1's own lap boundaries (so telemetry tests do not depend on ours). */
export function mexico() {
  if (cached) return cached;
  const car = parseCarDataStream(readTopic('CarData.z'));
  const pos = parsePositionStream(readTopic('Position.z'));
  const laps: OracleLap[] = readOracle<OracleLapRow[]>('laps.json').map((row) => ({
    driver: row.Driver, driverNumber: row.DriverNumber, lapNumber: row.LapNumber,
    lapStartTime: ms(row.LapStartTime), time: ms(row.Time), lapTime: ms(row.LapTime),
    sector1Time: ms(row.Sector1Time), sector2Time: ms(row.Sector2Time), sector3Time: ms(row.Sector3Time), row,
  }));
  // FastF1 walks session.drivers (its results order) when it looks for the car ahead.
  const drivers = readOracle<{ DriverNumber: string }[]>('results.json').map((r) => r.DriverNumber);
  const session = SessionTelemetry.fromRaw(car, pos, laps, { drivers });
  cached = { car, pos, laps, drivers, session };
  return cached;
}

/** FastF1's fastest-lap telemetry of a driver, columnar. */
export interface OracleTelemetry {
  Driver: string;
  DriverNumber: string;
  LapNumber: number;
  LapTime: number;
  LapStartTime: number;
  LapEndSessionTime: number;
  n: number;
  [column: string]: unknown;
}

export const oracleTelemetry = (tla: string) => readOracle<OracleTelemetry>(`telemetry/${tla}_fastest.json`);

export const secondsToMs = ms;
