import type { StreamMessage } from '../stream/index.js';
import { parseUtc } from '../timing/time.js';

/** A race-control message. `date` is its UTC wall clock (epoch ms): the feed gives no session time. */
export interface RaceControlMessage {
  readonly utc: string;
  readonly date: number;
  readonly category: string | null;
  readonly message: string | null;
  readonly status: string | null;
  readonly flag: string | null;
  readonly scope: string | null;
  readonly sector: number | null;
  readonly racingNumber: string | null;
  readonly lap: number | null;
}

/** `Messages` is a list in the first line and a dict keyed by index in later patches. */
export function parseRaceControl(messages: readonly StreamMessage[]): RaceControlMessage[] {
  const out: RaceControlMessage[] = [];
  for (const m of messages) {
    const d = m.data as { Messages?: unknown } | null;
    let list = d && typeof d === 'object' ? d.Messages : undefined;
    if (list && typeof list === 'object' && !Array.isArray(list)) list = Object.values(list);
    if (!Array.isArray(list)) continue;
    for (const e of list as Record<string, unknown>[]) {
      if (!e || typeof e !== 'object') continue;
      const utc = typeof e.Utc === 'string' ? e.Utc : '';
      out.push({
        utc,
        date: parseUtc(utc),
        category: text(e.Category),
        message: text(e.Message),
        status: text(e.Status),
        flag: text(e.Flag),
        scope: text(e.Scope),
        sector: int(e.Sector),
        racingNumber: text(e.RacingNumber),
        lap: int(e.Lap),
      });
    }
  }
  return out;
}

const text = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));
function int(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number(v);
  return null;
}
