// Domain types of the timing engine. Durations and session times are milliseconds (numbers),
// missing values are null. Lap and sector times are exactly as the feed sent them (or, for race
// lap 1, as Jolpica has them): the engine never alters them, it only re-derives timestamps.

/** One lap of one driver, with every column FastF1's `Laps` has (camelCased). */
export interface Lap {
  /** Session time (ms) at which the lap ended. */
  readonly time: number | null;
  /** Three-letter abbreviation from the driver list; null when the driver is not listed. */
  readonly driver: string | null;
  readonly driverNumber: string;
  readonly lapTime: number | null;
  readonly lapNumber: number;
  /** 1-based stint; null when no tyre information covers this lap. */
  readonly stint: number | null;
  readonly pitOutTime: number | null;
  readonly pitInTime: number | null;
  readonly sector1Time: number | null;
  readonly sector2Time: number | null;
  readonly sector3Time: number | null;
  readonly sector1SessionTime: number | null;
  readonly sector2SessionTime: number | null;
  readonly sector3SessionTime: number | null;
  /** Speed traps (km/h): intermediate 1 and 2, finish line, longest straight. */
  readonly speedI1: number | null;
  readonly speedI2: number | null;
  readonly speedFL: number | null;
  readonly speedST: number | null;
  readonly isPersonalBest: boolean;
  readonly compound: string | null;
  /** Laps driven on this set of tyres at the end of this lap (includes laps from earlier sessions). */
  readonly tyreLife: number | null;
  readonly freshTyre: boolean;
  readonly team: string | null;
  readonly lapStartTime: number | null;
  /** UTC of the lap start (epoch ms); needs t0, null without it. */
  readonly lapStartDate: number | null;
  /** Concatenated track-status codes active during the lap, e.g. "126"; "" when unknown. */
  readonly trackStatus: string;
  /** Race-like sessions: order of crossing the line on this lap number. */
  readonly position: number | null;
  /** null when race-control messages were not available to decide. */
  readonly deleted: boolean | null;
  readonly deletedReason: string | null;
  /** The lap was inferred (lap-1 crash or retirement on track), not timed. */
  readonly fastF1Generated: boolean;
  readonly isAccurate: boolean;
}

/** What the laps builder needs to know about a driver. */
export interface DriverRef {
  readonly driverNumber: string;
  readonly abbreviation?: string | null;
  readonly teamName?: string | null;
}

export type SessionKind = 'race' | 'qualifying' | 'practice';

/**
 * Race-like and qualifying-like sessions as FastF1 names them. "Sprint Qualifying" was a race-like
 * sprint in 2021–2023 naming and is the sprint's qualifying from 2024.
 */
export function sessionKind(sessionName: string, year: number): SessionKind {
  const race = year <= 2023 ? ['Race', 'Sprint', 'Sprint Qualifying'] : ['Race', 'Sprint'];
  const quali = year <= 2023 ? ['Qualifying', 'Sprint Shootout'] : ['Qualifying', 'Sprint Qualifying'];
  if (race.includes(sessionName)) return 'race';
  if (quali.includes(sessionName)) return 'qualifying';
  return 'practice';
}
