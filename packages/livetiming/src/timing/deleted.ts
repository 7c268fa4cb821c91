// Lap-time deletions are only announced as race-control text, e.g.
// "CAR 44 (HAM) TIME 1:29.123 DELETED - TRACK LIMITS AT TURN 4 LAP 7 14:02:11".
import type { RaceControlMessage } from '../topics/race-control.js';
import { parseDurationMicros } from './time.js';

const DELETED = /^CAR (\d{1,2}) .* TIME (\d:\d\d\.\d\d\d) DELETED - (.*)/;
const REINSTATED = /^CAR (\d{1,2}) .* TIME (\d:\d\d\.\d\d\d) .*REINSTATED.*/;
// the reason carries the local time of day at the track, which is not useful and confusing
const CLOCK = /\d\d:\d\d:\d\d/g;

export interface LapDeletion {
  readonly driverNumber: string;
  /** Deleted lap time (ms). */
  readonly lapTime: number;
  readonly reason: string;
}

/** Deletions announced by race control, minus those reinstated by any (later or earlier) message. */
export function lapDeletions(messages: readonly RaceControlMessage[]): LapDeletion[] {
  const reinstated = new Set<string>();
  for (const m of messages) {
    const r = REINSTATED.exec(firstLine(m.message));
    if (r) reinstated.add(`${r[1]}|${parseDurationMicros(r[2])}`);
  }
  const out: LapDeletion[] = [];
  for (const m of messages) {
    const d = DELETED.exec(firstLine(m.message));
    if (!d) continue;
    const us = parseDurationMicros(d[2]);
    if (reinstated.has(`${d[1]}|${us}`)) continue;
    out.push({ driverNumber: d[1]!, lapTime: us / 1000, reason: d[3]!.replace(CLOCK, '') });
  }
  return out;
}

// Python's `.` stops at a newline; match only the first line like `re.match` does.
const firstLine = (s: string | null) => (s ?? '').split('\n')[0]!;

interface DeletableRow {
  driverNumber: string;
  lapTime: number; // µs
  deleted: boolean | null;
  deletedReason: string | null;
  isPersonalBest: boolean | null;
}

/** Marks rows whose lap time was deleted; a deleted lap is no personal best. */
export function markDeletedLaps(rows: DeletableRow[], messages: readonly RaceControlMessage[]): void {
  for (const del of lapDeletions(messages)) {
    const us = Math.round(del.lapTime * 1000);
    for (const r of rows) {
      if (r.driverNumber === del.driverNumber && r.lapTime === us) {
        r.deleted = true;
        r.isPersonalBest = false;
        r.deletedReason = del.reason;
      }
    }
  }
}
