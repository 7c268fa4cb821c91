// Race control and track status for the session page: the track-status timeline, the message list
// and its filters. Messages come from the API already on the session clock (`time`), the axis the
// track status and the laps use: the web never reconstructs the clock.
import type { RaceControlMessage, SessionDriver, SessionLap, TrackStatusChange } from '../api/session-types';

// ── track status ────────────────────────────────────────────────────────────────────────────────

export interface TrackStatusKind {
  code: string;
  label: string;
  /** What a timing screen prints on the band. */
  short: string;
  color: string;
}

/** The feed's codes (3 is unused), in the order a legend lists them; colours as on timing screens. */
export const TRACK_STATUS_KINDS: readonly TrackStatusKind[] = [
  { code: '1', label: 'Green', short: '', color: '#2bd576' },
  { code: '2', label: 'Yellow', short: 'Y', color: '#ffd400' },
  { code: '4', label: 'Safety car', short: 'SC', color: '#ff8a00' },
  { code: '6', label: 'Virtual safety car', short: 'VSC', color: '#ffb800' },
  { code: '7', label: 'VSC ending', short: 'VSC', color: '#ffe38a' },
  { code: '5', label: 'Red flag', short: 'RED', color: '#e8002d' },
];

const UNKNOWN_STATUS = (code: string): TrackStatusKind => ({ code, label: `Status ${code}`, short: code, color: '#9a9aa8' });

export function trackStatusKind(code: string): TrackStatusKind {
  return TRACK_STATUS_KINDS.find((k) => k.code === code) ?? UNKNOWN_STATUS(code);
}

/** A stretch of session time (ms). */
export interface TimeSpan {
  start: number;
  end: number;
}

export interface TrackStatusSegment extends TimeSpan {
  status: string;
}

/**
 * The track status as consecutive periods covering `span`. The feed sends changes only, so the time
 * before the first change counts as green; a change to the status already showing starts nothing new.
 */
export function trackStatusSegments(changes: readonly TrackStatusChange[], span: TimeSpan): TrackStatusSegment[] {
  const sorted = changes.filter((c): c is TrackStatusChange & { time: number; status: string } => c.time !== null && Boolean(c.status)).sort((a, b) => a.time - b.time);
  const out: TrackStatusSegment[] = [];
  let status = '1';
  let from = span.start;
  for (const c of sorted) {
    if (c.time <= span.start) {
      status = c.status;
      continue;
    }
    if (c.time >= span.end) break;
    if (c.status === status) continue;
    out.push({ status, start: from, end: c.time });
    status = c.status;
    from = c.time;
  }
  out.push({ status, start: from, end: span.end });
  return out.filter((s) => s.end > s.start);
}

/** Total time and number of periods of each status, in legend order (statuses that occur only). */
export function trackStatusTotals(segments: readonly TrackStatusSegment[]): { kind: TrackStatusKind; periods: number; duration: number }[] {
  const totals = new Map<string, { periods: number; duration: number }>();
  for (const s of segments) {
    const t = totals.get(s.status) ?? { periods: 0, duration: 0 };
    totals.set(s.status, { periods: t.periods + 1, duration: t.duration + s.end - s.start });
  }
  const known = TRACK_STATUS_KINDS.map((k) => k.code);
  return [...totals.entries()]
    .sort(([a], [b]) => (known.indexOf(a) + 1 || 99) - (known.indexOf(b) + 1 || 99))
    .map(([code, t]) => ({ kind: trackStatusKind(code), ...t }));
}

/** The timeline's stretch of session time, and its origin: the start, where the clock reads 0:00. */
export interface SessionSpan extends TimeSpan {
  origin: number;
}

/** How much of the lead-up is shown before the first pre-start incident. */
const LEAD_IN = 60_000;

/**
 * The session on the session-time axis: from the start (the API's sessionStartTime, else the first
 * lap's start) to the moment the last lap was completed. When the track was not green before the
 * start (a red flag during the start procedure, a car stopped before qualifying) the span reaches
 * back to a minute before that. Null without any timed lap.
 */
export function sessionSpan(laps: readonly SessionLap[], changes: readonly TrackStatusChange[], sessionStartTime?: number | null): SessionSpan | null {
  let first = Infinity;
  let last = -Infinity;
  for (const l of laps) {
    if (l.lapStartTime !== null) first = Math.min(first, l.lapStartTime);
    const end = l.time ?? (l.lapStartTime !== null && l.lapTime !== null ? l.lapStartTime + l.lapTime : l.lapStartTime);
    if (end !== null && end !== undefined) last = Math.max(last, end);
  }
  const origin = sessionStartTime ?? first;
  if (!Number.isFinite(origin) || !Number.isFinite(last) || last <= origin) return null;
  const before = changes.flatMap((c) => (c.time !== null && c.status && c.status !== '1' && c.time < origin ? [c.time] : []));
  const start = before.length ? Math.max(0, Math.min(...before) - LEAD_IN) : origin;
  return { start, end: last, origin };
}

// ── the leader's laps ───────────────────────────────────────────────────────────────────────────

export interface LeaderLap {
  lap: number;
  /** Session time (ms) at which the first car began this lap. */
  start: number;
}

/**
 * When the leader began each lap: the earliest start of every lap number. A lap that seems to begin
 * before the previous one (a stray timestamp) is dropped, so the list is ordered in time.
 */
export function leaderLaps(laps: readonly SessionLap[]): LeaderLap[] {
  const first = new Map<number, number>();
  for (const l of laps) {
    if (l.lapStartTime === null) continue;
    const t = first.get(l.lapNumber);
    if (t === undefined || l.lapStartTime < t) first.set(l.lapNumber, l.lapStartTime);
  }
  const out: LeaderLap[] = [];
  for (const [lap, start] of [...first.entries()].sort(([a], [b]) => a - b)) {
    if (out.length && start < out[out.length - 1]!.start) continue;
    out.push({ lap, start });
  }
  return out;
}

/** The leader's lap at a session time (null before the first lap). */
export function leaderLapAt(leader: readonly LeaderLap[], time: number): number | null {
  let lo = 0;
  let hi = leader.length - 1;
  if (hi < 0 || time < leader[0]!.start) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (leader[mid]!.start <= time) lo = mid;
    else hi = mid - 1;
  }
  return leader[lo]!.lap;
}

// ── messages ────────────────────────────────────────────────────────────────────────────────────

/**
 * The feed's categories, with "Other" (most messages) split by what the stewards and the race
 * director actually say, so deleted laps and penalties can be filtered on.
 */
export const MESSAGE_KINDS = [
  { id: 'flag', label: 'Flag' },
  { id: 'safety-car', label: 'Safety car' },
  { id: 'stewards', label: 'Stewards' },
  { id: 'lap-deleted', label: 'Lap deleted' },
  { id: 'car-event', label: 'Car event' },
  { id: 'drs', label: 'DRS' },
  { id: 'other', label: 'Other' },
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number]['id'];

const text = (m: RaceControlMessage) => (m.message ?? '').toUpperCase();

export function messageKind(m: RaceControlMessage): MessageKind {
  switch (m.category) {
    case 'Flag':
      return 'flag';
    case 'SafetyCar':
      return 'safety-car';
    case 'Drs':
      return 'drs';
    case 'CarEvent':
      return 'car-event';
  }
  const t = text(m);
  if (/\bDELETED\b/.test(t)) return 'lap-deleted';
  if (/PENALTY|INVESTIGAT|STEWARDS|REPRIMAND|DISQUALIF|NO FURTHER ACTION|\bNOTED\b|BLACK AND (WHITE|ORANGE) FLAG|\bSUMMONED\b/.test(t)) return 'stewards';
  return 'other';
}

/** The feed's flag names, in the order the filter lists them. */
export const FLAGS = ['GREEN', 'YELLOW', 'DOUBLE YELLOW', 'RED', 'BLUE', 'CLEAR', 'CHEQUERED', 'BLACK AND WHITE', 'BLACK AND ORANGE', 'BLACK'] as const;

const FLAG_COLORS: Record<string, string> = {
  GREEN: '#2bd576',
  YELLOW: '#ffd400',
  'DOUBLE YELLOW': '#ffd400',
  RED: '#e8002d',
  BLUE: '#3b82f6',
  CLEAR: '#e5e5e5',
  CHEQUERED: '#f5f5f5',
  'BLACK AND WHITE': '#f5f5f5',
  'BLACK AND ORANGE': '#ff8a00',
  BLACK: '#111111',
};

// The patterned flags drawn as such (CSS backgrounds) where there is room for a swatch.
const FLAG_PATTERNS: Record<string, string> = {
  'DOUBLE YELLOW': 'linear-gradient(90deg, #ffd400 0 40%, transparent 40% 60%, #ffd400 60%)',
  CHEQUERED: 'repeating-conic-gradient(#f5f5f5 0 25%, #111 0 50%) 0 0 / 50% 50%',
  'BLACK AND WHITE': 'linear-gradient(135deg, #f5f5f5 0 50%, #111 50%)',
  'BLACK AND ORANGE': 'radial-gradient(circle, #ff8a00 0 35%, #111 36%)',
};

export const flagColor = (flag: string): string => FLAG_COLORS[flag] ?? '#9a9aa8';
export const flagSwatch = (flag: string): string => FLAG_PATTERNS[flag] ?? flagColor(flag);

/** A kind's colour where a message has no flag (the timeline's message ticks). */
export const KIND_COLORS: Record<MessageKind, string> = {
  flag: '#e5e5e5',
  'safety-car': '#ff8a00',
  stewards: '#b86cff',
  'lap-deleted': '#ff5c8a',
  'car-event': '#64c4ff',
  drs: '#2bd5c4',
  other: '#9a9aa8',
};

/** `DOUBLE YELLOW` → `Double yellow`. */
export function flagLabel(flag: string): string {
  const lower = flag.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

const CAR = /(\d{1,3})\s*\(([A-Z]{3})\)/g;
const CAR_LIST = /\bCARS?\s+(\d{1,3}\s*\([A-Z]{3}\)(?:(?:\s*,\s*|\s+AND\s+)\d{1,3}\s*\([A-Z]{3}\))*)/g;

/** Cars a message names: its racing number, and every `CAR 5 (BOR)` / `CARS 81 (PIA), 27 (HUL)` in the text. */
export function messageDrivers(m: RaceControlMessage, abbreviationOf: ReadonlyMap<string, string>): string[] {
  const out = new Set<string>();
  if (m.racingNumber) out.add(abbreviationOf.get(m.racingNumber) ?? m.racingNumber);
  // Only in a `CAR…` list: the text also has times like `15:16:30 (PIT)`.
  for (const [, list] of (m.message ?? '').matchAll(CAR_LIST)) {
    for (const [, num, tla] of list!.matchAll(CAR)) out.add(abbreviationOf.get(num!) ?? tla!);
  }
  return [...out];
}

export interface MessageRow {
  /** Position in the feed: a stable key. */
  index: number;
  /** UTC, epoch ms (null when the feed had none). */
  utc: number | null;
  /** Session time (ms) as the API placed it; null when the session has no clock. */
  sessionTime: number | null;
  /** The leader's lap: the feed's, else derived from the leader's laps at `sessionTime`. */
  lap: number | null;
  kind: MessageKind;
  category: string | null;
  flag: string | null;
  scope: string | null;
  sector: number | null;
  drivers: string[];
  message: string;
}

export function messageRows(
  messages: readonly RaceControlMessage[],
  { drivers, leader }: { drivers: readonly SessionDriver[]; leader?: readonly LeaderLap[] },
): MessageRow[] {
  const abbreviationOf = new Map(drivers.map((d) => [d.driverNumber, d.abbreviation]));
  return messages.map((m, index) => {
    const parsed = m.date ? Date.parse(m.date) : NaN;
    const sessionTime = m.time;
    return {
      index,
      utc: Number.isFinite(parsed) ? parsed : null,
      sessionTime,
      lap: m.lap ?? (sessionTime !== null && leader?.length ? leaderLapAt(leader, sessionTime) : null),
      kind: messageKind(m),
      category: m.category,
      flag: m.flag,
      scope: m.scope,
      sector: m.sector,
      drivers: messageDrivers(m, abbreviationOf),
      message: (m.message ?? '').trim(),
    };
  });
}

export interface MessageFilter {
  kinds: readonly string[];
  flags: readonly string[];
  drivers: readonly string[];
}

/** Filters combine (AND); within one, any value matches (OR); an empty filter keeps everything. */
export function filterMessages(rows: readonly MessageRow[], f: MessageFilter): MessageRow[] {
  return rows.filter(
    (r) =>
      (f.kinds.length === 0 || f.kinds.includes(r.kind)) &&
      (f.flags.length === 0 || (r.flag !== null && f.flags.includes(r.flag))) &&
      (f.drivers.length === 0 || r.drivers.some((d) => f.drivers.includes(d))),
  );
}

/** How many messages each filter value would keep, for the values that occur (known order first). */
export function messageFacets(rows: readonly MessageRow[]): { kinds: [MessageKind, number][]; flags: [string, number][]; drivers: [string, number][] } {
  const count = <T>(values: T[]) => {
    const m = new Map<T, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return m;
  };
  const kinds = count(rows.map((r) => r.kind));
  const flags = count(rows.flatMap((r) => (r.flag ? [r.flag] : [])));
  const drivers = count(rows.flatMap((r) => r.drivers));
  const rank = (order: readonly string[]) => (a: string, b: string) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b);
  return {
    kinds: MESSAGE_KINDS.filter((k) => kinds.has(k.id)).map((k) => [k.id, kinds.get(k.id)!]),
    flags: [...flags.keys()].sort(rank(FLAGS)).map((f) => [f, flags.get(f)!]),
    drivers: [...drivers.keys()].sort((a, b) => a.localeCompare(b)).map((d) => [d, drivers.get(d)!]),
  };
}

/** Session time relative to the start as a clock, to the nearest second: `1:05:09`, `8:31`, `−6:32` before the start. */
export function formatSessionClock(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const sign = ms < 0 && s > 0 ? '−' : '';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${sign}${h}:${String(m).padStart(2, '0')}:${sec}` : `${sign}${m}:${sec}`;
}
