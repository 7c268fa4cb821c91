// Race order per lap from the engine's laps: the position each driver crossed the line in on every
// lap (lap charts) and the time gap to the leader and to the car ahead at that line. Positions only
// exist for race-like sessions; other sessions give no rows.
import type { Lap } from '@apexdata/livetiming';

export interface LapPosition {
  readonly driver: string | null;
  readonly driverNumber: string;
  readonly lapNumber: number;
  readonly position: number;
}

export interface LapGap extends LapPosition {
  /** Session time (ms) at which the driver completed the lap. */
  readonly time: number | null;
  /** ms behind the leader of that lap at the line (the leader's own row is 0). */
  readonly gapToLeader: number | null;
  /** ms behind the car one position ahead on that lap. */
  readonly interval: number | null;
}

/** Laps that carry a position, grouped by lap number, each group in position order. */
function byLapInOrder(laps: readonly Lap[]): Map<number, Lap[]> {
  const out = new Map<number, Lap[]>();
  for (const l of laps) {
    if (l.position === null) continue;
    let list = out.get(l.lapNumber);
    if (!list) out.set(l.lapNumber, (list = []));
    list.push(l);
  }
  for (const list of out.values()) list.sort((a, b) => a.position! - b.position! || a.driverNumber.localeCompare(b.driverNumber));
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

/** Position per lap per driver, by lap then position. */
export function positionsPerLap(laps: readonly Lap[]): LapPosition[] {
  const out: LapPosition[] = [];
  for (const [lapNumber, list] of byLapInOrder(laps)) {
    for (const l of list) out.push({ driver: l.driver, driverNumber: l.driverNumber, lapNumber, position: l.position! });
  }
  return out;
}

/**
 * Gap to the leader and interval to the car ahead at the end of every lap: differences of the
 * session times at which each car completed that lap number. A lapped car's gap is therefore its
 * full time deficit (more than a lap time), as on the timing screen's "gap" column.
 */
export function gapsPerLap(laps: readonly Lap[]): LapGap[] {
  const out: LapGap[] = [];
  for (const [lapNumber, list] of byLapInOrder(laps)) {
    const leaderTime = list[0]!.time;
    let ahead: Lap | null = null;
    for (const l of list) {
      const gap = l.time !== null && leaderTime !== null ? l.time - leaderTime : null;
      const interval = ahead === null ? (l.time !== null ? 0 : null) : l.time !== null && ahead.time !== null ? l.time - ahead.time : null;
      out.push({ driver: l.driver, driverNumber: l.driverNumber, lapNumber, position: l.position!, time: l.time, gapToLeader: gap, interval });
      ahead = l;
    }
  }
  return out;
}
