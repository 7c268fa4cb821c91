// The timing tower, as the broadcast shows it, computed from the merged TimingData, TimingAppData,
// DriverList and (when present) CarData. Race rows show gap and interval; qualifying rows show the
// current part's best lap and gaps, who is knocked out, and where the cut-off line falls.
import type { JsonObject } from '../../stream/merge.js';
import { sessionKind, type SessionKind } from '../../timing/types.js';
import type { TopicStates } from '../types.js';
import { latestCarSamples } from './cars.js';
import { at, bool, items, ms, num, obj, str } from './read.js';

/** Broadcast colour of a time: purple = overall best, green = personal best, yellow = neither. */
export type TimeColour = 'purple' | 'green' | 'yellow' | 'none';
/** Mini-sector colour; `pit` when the car went through the pit lane there. */
export type SegmentColour = TimeColour | 'pit';

export interface TimedValue {
  /** As sent ("1:43.210", "31.456"). */
  readonly text: string;
  readonly ms: number | null;
  readonly colour: TimeColour;
}

export interface SectorCell {
  /** Current value; when the car has not reached the sector on this lap, the previous lap's. */
  readonly time: TimedValue | null;
  /** True when `time` is this lap's value. */
  readonly current: boolean;
  readonly stopped: boolean;
  readonly segments: readonly SegmentColour[];
}

export interface TyreInfo {
  /** SOFT, MEDIUM, HARD, INTERMEDIATE, WET, (older: ULTRASOFT…), or null while unknown. */
  readonly compound: string | null;
  readonly new: boolean | null;
  /** Laps on this set, including laps run before this stint. */
  readonly age: number | null;
  /** Stints so far (this one included). */
  readonly stints: number;
}

/** DRS from CarData channel 45: open (10/12/14), eligible (8: within a second in a detection zone), off. */
export type DrsState = 'open' | 'eligible' | 'off';

export interface TowerRow {
  readonly driverNumber: string;
  readonly abbreviation: string | null;
  readonly name: string | null;
  readonly team: string | null;
  /** Hex without `#`. */
  readonly teamColour: string | null;
  readonly position: number | null;
  /** Gap to the leader as sent ("+1.234", "1 L", "LAP 12" for the leader), qualifying: to the part's fastest. */
  readonly gap: string | null;
  /** Seconds behind the leader when the gap is a time; null for lapped cars and the leader. */
  readonly gapSeconds: number | null;
  readonly interval: string | null;
  readonly intervalSeconds: number | null;
  /** The car is closing on the one ahead (race). */
  readonly catching: boolean;
  readonly lastLap: TimedValue | null;
  /** Best lap (qualifying: of the current part) and the lap it was set on. */
  readonly bestLap: (TimedValue & { readonly lap: number | null }) | null;
  readonly sectors: readonly SectorCell[];
  readonly laps: number | null;
  readonly tyre: TyreInfo | null;
  readonly pitStops: number;
  readonly inPit: boolean;
  readonly pitOut: boolean;
  /** Null without car data (no F1TV token, or an archive without CarData.z). */
  readonly drs: DrsState | null;
  readonly retired: boolean;
  readonly stopped: boolean;
  /** Qualifying: eliminated in an earlier part. */
  readonly knockedOut: boolean;
}

export interface TimingTower {
  readonly kind: SessionKind;
  /** Qualifying part being run (1–3); null outside qualifying. */
  readonly part: number | null;
  /** Qualifying: the line is drawn after this position (cars below it drop out), in Q1 and Q2. */
  readonly cutoffAfter: number | null;
  readonly rows: readonly TowerRow[];
}

const NONE: TimeColour = 'none';

/** Colour of a time from the feed's flags. */
function colourOf(o: JsonObject | null): TimeColour {
  if (!o) return NONE;
  if (bool(o.OverallFastest)) return 'purple';
  if (bool(o.PersonalFastest)) return 'green';
  return str(o.Value) ? 'yellow' : NONE;
}

/**
 * Mini-sector status is a bit field: 2048 = segment completed, +1 personal best, +2 with +1 overall
 * best, +16 pit lane; 0 = not reached yet.
 */
export function segmentColour(status: number | null): SegmentColour {
  if (!status) return NONE;
  if (status & 16) return 'pit';
  if ((status & 3) === 3) return 'purple';
  if ((status & 3) === 1) return 'green';
  return status & 2048 ? 'yellow' : NONE;
}

function timed(o: JsonObject | null, field = 'Value'): TimedValue | null {
  const text = o ? str(o[field]) : null;
  if (!text) return null;
  return { text, ms: ms(text), colour: colourOf(o) };
}

/** "+1.234" → 1.234; "1 L", "LAP 5", "" → null. */
export function gapSeconds(text: string | null): number | null {
  if (!text || !/^[+-]?\d+(\.\d+)?$/.test(text.trim())) return null;
  return Number(text);
}

function sector(o: JsonObject | null): SectorCell {
  const value = timed(o);
  const previous = o && str(o.PreviousValue) ? { text: str(o.PreviousValue)!, ms: ms(o.PreviousValue), colour: 'yellow' as const } : null;
  return {
    time: value ?? previous,
    current: value !== null,
    stopped: bool(o?.Stopped),
    segments: items(o?.Segments).map((s) => segmentColour(num(obj(s)?.Status ?? null))),
  };
}

// Qualifying: the best lap of the part being run; a car knocked out earlier keeps showing the best
// lap of the last part it ran, as the broadcast does.
function partBest(line: JsonObject | null, partIndex: number): JsonObject | null {
  for (let i = partIndex; i >= 0; i--) {
    const best = obj(at(line?.BestLapTimes, i));
    if (str(best?.Value ?? null)) return best;
    if (!bool(line?.KnockedOut)) return best;
  }
  return null;
}

function tyre(app: JsonObject | null): TyreInfo | null {
  const stints = items(app?.Stints);
  const last = obj(stints[stints.length - 1]);
  if (!last) return null;
  const isNew = last.New;
  return {
    compound: str(last.Compound) && str(last.Compound) !== 'UNKNOWN' ? str(last.Compound) : null,
    new: isNew === undefined || isNew === null ? null : bool(isNew),
    age: num(last.TotalLaps),
    stints: stints.length,
  };
}

function drsOf(channels: JsonObject | null): DrsState | null {
  const v = num(channels?.['45'] ?? null);
  if (v === null) return null;
  if (v >= 10) return 'open';
  if (v === 8) return 'eligible';
  return 'off';
}

/** Session kind from SessionInfo (name and year), as the laps engine decides it. */
export function sessionKindOf(topics: Readonly<TopicStates>): SessionKind {
  const info = obj(topics.SessionInfo);
  const name = str(info?.Name ?? null) ?? '';
  const year = Number((str(info?.StartDate ?? null) ?? str(info?.Path ?? null) ?? '').slice(0, 4));
  if (!name) {
    const type = str(info?.Type ?? null);
    if (type === 'Race') return 'race';
    if (type === 'Qualifying') return 'qualifying';
    if (type) return 'practice';
    // No SessionInfo (a recording started mid-session): only races count laps, only qualifying has parts.
    if (num(obj(topics.TimingData)?.SessionPart ?? null) !== null) return 'qualifying';
    if (topics.LapCount !== undefined) return 'race';
    return 'practice';
  }
  return sessionKind(name, Number.isFinite(year) && year > 0 ? year : new Date().getUTCFullYear());
}

/** The timing tower of the current state, ordered as the timing screen orders it (`Line`). */
export function timingTower(topics: Readonly<TopicStates>): TimingTower {
  const kind = sessionKindOf(topics);
  const timing = obj(topics.TimingData);
  const lines = obj(timing?.Lines ?? null) ?? {};
  const appLines = obj(obj(topics.TimingAppData)?.Lines ?? null) ?? {};
  const drivers = obj(topics.DriverList) ?? {};
  const cars = latestCarSamples(topics);
  const part = kind === 'qualifying' ? num(timing?.SessionPart ?? null) : null;
  const partIndex = part !== null && part >= 1 ? part - 1 : null;

  const numbers = new Set([...Object.keys(lines), ...Object.keys(drivers).filter((k) => k !== '_kf' && obj(drivers[k]))]);
  const rows: (TowerRow & { line: number })[] = [];
  for (const n of numbers) {
    const l = obj(lines[n]);
    const d = obj(drivers[n]);
    const stats = partIndex !== null ? obj(at(l?.Stats, partIndex)) : null;
    const gap = stats ? str(stats.TimeDiffToFastest) : (str(l?.GapToLeader) ?? str(l?.TimeDiffToFastest));
    const interval = stats ? str(stats.TimeDifftoPositionAhead ?? stats.TimeDiffToPositionAhead) : (str(obj(l?.IntervalToPositionAhead)?.Value) ?? str(l?.TimeDiffToPositionAhead));
    const best = partIndex !== null ? partBest(l, partIndex) : obj(l?.BestLapTime);
    const bestTimed = timed(best);
    const lastLap = timed(obj(l?.LastLapTime));
    rows.push({
      line: num(l?.Line) ?? num(d?.Line) ?? Infinity,
      driverNumber: n,
      abbreviation: str(d?.Tla),
      name: str(d?.BroadcastName) ?? str(d?.FullName),
      team: str(d?.TeamName),
      teamColour: str(d?.TeamColour),
      position: num(l?.Position),
      gap: gap || null,
      gapSeconds: gapSeconds(gap),
      interval: interval || null,
      intervalSeconds: gapSeconds(interval),
      catching: bool(obj(l?.IntervalToPositionAhead)?.Catching),
      lastLap,
      // The best-lap entry has no flags of its own: purple when it is the overall best, else green.
      bestLap: bestTimed ? { ...bestTimed, colour: 'green', lap: num(best?.Lap) } : null,
      sectors: [0, 1, 2].map((i) => sector(obj(at(l?.Sectors, i)))),
      laps: num(l?.NumberOfLaps),
      tyre: tyre(obj(appLines[n])),
      pitStops: num(l?.NumberOfPitStops) ?? 0,
      inPit: bool(l?.InPit),
      pitOut: bool(l?.PitOut),
      drs: drsOf(cars.get(n)?.channels ?? null),
      retired: bool(l?.Retired),
      stopped: bool(l?.Stopped),
      knockedOut: bool(l?.KnockedOut),
    });
  }
  rows.sort((a, b) => a.line - b.line || (a.position ?? Infinity) - (b.position ?? Infinity) || Number(a.driverNumber) - Number(b.driverNumber));
  markOverallBest(rows);
  const entries = items(timing?.NoEntries).map((v) => num(v));
  const cutoffAfter = part !== null && part < 3 ? (entries[part] ?? null) : null;
  return { kind, part, cutoffAfter, rows: rows.map(({ line: _line, ...row }) => row) };
}

// Purple for the quickest best lap of the field (the feed flags last laps, not best laps).
function markOverallBest(rows: { bestLap: (TimedValue & { lap: number | null }) | null }[]): void {
  let best: { bestLap: (TimedValue & { lap: number | null }) | null } | null = null;
  for (const r of rows) if (r.bestLap?.ms != null && (best === null || r.bestLap.ms < best.bestLap!.ms!)) best = r;
  if (best?.bestLap) best.bestLap = { ...best.bestLap, colour: 'purple' };
}

/**
 * Gap (s) from driver `a` back to driver `b` (negative when `b` is ahead), from their gaps to the
 * leader; null when either is lapped or has no timed gap. The leader counts as 0.
 */
export function gapBetween(tower: TimingTower, a: string, b: string): number | null {
  const toLeader = (n: string): number | null => {
    const row = tower.rows.find((r) => r.driverNumber === n);
    if (!row) return null;
    if (row.position === 1) return 0;
    return row.gapSeconds;
  };
  const ga = toLeader(a);
  const gb = toLeader(b);
  return ga === null || gb === null ? null : Math.round((gb - ga) * 1000) / 1000;
}
