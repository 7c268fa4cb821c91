// Lap selection for the laps endpoint. Every filter is one of the engine's own picks on its Laps
// collection (pickDrivers, pickQuickLaps, pickTyre, pickTrackStatus, …), so the API selects exactly
// what a FastF1-style script on the engine would.
import { classifyLaps, LAP_COLUMNS, type Lap, type Laps, type TrackStatusMatch } from '@apexdata/livetiming';
import { computed, type Column } from './table.js';

export { LAP_COLUMNS };

export type QualifyingPart = 'Q1' | 'Q2' | 'Q3';

export interface LapFilter {
  /** Racing numbers or three-letter abbreviations, mixed. */
  readonly drivers?: readonly string[];
  readonly fromLap?: number;
  readonly toLap?: number;
  /** Compounds (SOFT, MEDIUM, …), case-insensitive. */
  readonly compounds?: readonly string[];
  readonly stints?: readonly number[];
  /** true: only laps the engine marks accurate; false: only the others. */
  readonly accurate?: boolean;
  /** false: laps whose time stands; true: deleted laps. */
  readonly deleted?: boolean;
  readonly personalBest?: boolean;
  /** true: laps within 107% of the session's fastest lap (the engine's pickQuickLaps on the whole session). */
  readonly quick?: boolean;
  /** false: leave out in-laps and out-laps. */
  readonly pitInOut?: boolean;
  readonly trackStatus?: string;
  readonly trackStatusMatch?: TrackStatusMatch;
  /** Qualifying part (qualifying-like sessions only). */
  readonly part?: QualifyingPart;
}

/** A filter the data cannot answer (e.g. deletions unknown); the route turns it into a 400. */
export class LapFilterError extends Error {}

const keyOf = (l: Lap) => `${l.driverNumber}/${l.lapNumber}`;

/** `laps` minus `picked` (for the `false` side of a boolean filter). */
function without(laps: Laps, picked: Laps): Laps {
  const keys = new Set(picked.laps.map(keyOf));
  return laps.filter((l) => !keys.has(keyOf(l)));
}

function keep(laps: Laps, picked: Laps): Laps {
  const keys = new Set(picked.laps.map(keyOf));
  return laps.filter((l) => keys.has(keyOf(l)));
}

/**
 * Applies a filter to a session's laps. The 107% rule and the qualifying parts are decided on the
 * whole session (like the timing screen), then intersected with the other filters.
 */
export function filterLaps(session: Laps, f: LapFilter): Laps {
  let laps = session;
  if (f.drivers?.length) laps = laps.pickDrivers(f.drivers);
  if (f.fromLap !== undefined || f.toLap !== undefined) {
    const from = f.fromLap ?? -Infinity;
    const to = f.toLap ?? Infinity;
    laps = laps.filter((l) => l.lapNumber >= from && l.lapNumber <= to);
  }
  if (f.compounds?.length) laps = laps.pickTyre(f.compounds);
  if (f.stints?.length) {
    const set = new Set(f.stints);
    laps = laps.filter((l) => l.stint !== null && set.has(l.stint));
  }
  if (f.accurate !== undefined) laps = f.accurate ? laps.pickAccurate() : without(laps, laps.pickAccurate());
  if (f.personalBest !== undefined) laps = laps.filter((l) => l.isPersonalBest === f.personalBest);
  if (f.deleted !== undefined) {
    let standing: Laps;
    try {
      standing = laps.pickNotDeleted();
    } catch (err) {
      throw new LapFilterError(`cannot filter by 'deleted': ${(err as Error).message}`);
    }
    laps = f.deleted ? without(laps, standing) : standing;
  }
  if (f.pitInOut !== undefined) laps = f.pitInOut ? laps.pickBoxLaps('both') : laps.pickWoPitInOut();
  if (f.trackStatus !== undefined) laps = laps.pickTrackStatus(f.trackStatus, f.trackStatusMatch ?? 'equals');
  if (f.quick !== undefined) {
    const quick = session.pickQuickLaps();
    laps = f.quick ? keep(laps, quick) : without(laps, quick);
  }
  if (f.part !== undefined) {
    let parts: ReturnType<Laps['splitQualifyingSessions']>;
    try {
      parts = session.splitQualifyingSessions();
    } catch (err) {
      throw new LapFilterError(`cannot filter by 'part': ${(err as Error).message}`);
    }
    const part = parts[Number(f.part[1]) - 1];
    laps = part ? keep(laps, part) : laps.filter(() => false);
  }
  return laps;
}

/** A lap with the session-wide flags clients filter on (so no client re-implements the rules). */
export type FlaggedLap = Lap & {
  /** Within 107% of the session's fastest lap (the engine's pickQuickLaps on the whole session). */
  readonly isQuick: boolean;
  /**
   * The engine's clean-lap verdict (classifyLaps with its defaults, on the whole session): the same
   * laps the analytics use, so the laps table and /analytics/clean-laps never disagree.
   */
  readonly isClean: boolean;
};

/** `laps` (a selection of `session`) with their quick and clean flags. */
export function flagLaps(session: Laps, laps: readonly Lap[]): FlaggedLap[] {
  const quick = new Set(session.pickQuickLaps().laps.map(keyOf));
  const clean = new Set(classifyLaps(session.laps).filter((v) => v.clean).map((v) => keyOf(v.lap)));
  return laps.map((l) => ({ ...l, isQuick: quick.has(keyOf(l)), isClean: clean.has(keyOf(l)) }));
}

/** The laps endpoint's columns: every column of the engine's Lap (FastF1's Laps), in its order, then the flags. */
export const lapColumns: readonly Column<FlaggedLap>[] = [
  ...LAP_COLUMNS,
  computed('isQuick', 'bool', (l) => l.isQuick),
  computed('isClean', 'bool', (l) => l.isClean),
];
