import type { StreamMessage } from '../stream/index.js';
import { parseDuration } from '../timing/time.js';

/**
 * One stint update of TimingAppData as sent (before any correction). Most updates carry only a few
 * fields; a missing field is null.
 */
export interface StintMessage {
  /** Session time (ms) of the line. */
  readonly time: number;
  readonly driver: string;
  /** 0-based stint index as keyed by the feed. */
  readonly stint: number;
  readonly compound: string | null;
  /** `New` ("true"/"false") as a boolean; null when absent. */
  readonly new: boolean | null;
  readonly startLaps: number | null;
  readonly totalLaps: number | null;
  readonly tyresNotChanged: string | null;
  readonly lapNumber: number | null;
  /** LapTime carried by the update (ms), NaN-free: null when absent or unparseable. */
  readonly lapTime: number | null;
}

/** `Stints` is a list at session start (index = stint) and a dict of partial updates afterwards. */
export function parseStintMessages(messages: readonly StreamMessage[]): StintMessage[] {
  const out: StintMessage[] = [];
  for (const m of messages) {
    const lines = (m.data as { Lines?: unknown } | null)?.Lines;
    if (!lines || typeof lines !== 'object') continue;
    for (const [driver, line] of Object.entries(lines as Record<string, unknown>)) {
      const stints = (line as { Stints?: unknown } | null)?.Stints;
      if (!stints || typeof stints !== 'object') continue;
      const entries: [number, unknown][] = Array.isArray(stints)
        ? stints.map((s, i) => [i, s] as [number, unknown])
        : Object.entries(stints).map(([k, s]) => [Number.parseInt(k, 10), s] as [number, unknown]);
      if (entries.length === 0) continue;
      for (const [stint, raw] of entries) {
        if (!Number.isInteger(stint)) continue;
        const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
        const lt = 'LapTime' in s ? parseDuration(s.LapTime) : NaN;
        out.push({
          time: m.time,
          driver,
          stint,
          compound: s.Compound === undefined || s.Compound === null ? null : String(s.Compound),
          new: 'New' in s && s.New !== null ? s.New === 'true' || s.New === true : null,
          startLaps: num(s.StartLaps),
          totalLaps: num(s.TotalLaps),
          tyresNotChanged: s.TyresNotChanged === undefined || s.TyresNotChanged === null ? null : String(s.TyresNotChanged),
          lapNumber: num(s.LapNumber),
          lapTime: Number.isNaN(lt) ? null : lt,
        });
      }
    }
  }
  return out;
}

function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}
