import type { StreamMessage } from '../stream/index.js';

/** A driver's raw TimingData patch (`Lines[n]`) at a session time. Not cloned: treat as read-only. */
export interface DriverPatch {
  readonly time: number;
  readonly data: Record<string, unknown>;
}

/**
 * Splits TimingData into per-driver patch sequences, in feed order. Patches are referenced, not
 * copied, so this stays one cheap pass over the stream.
 */
export function timingDataByDriver(messages: readonly StreamMessage[]): Map<string, DriverPatch[]> {
  const out = new Map<string, DriverPatch[]>();
  for (const m of messages) {
    const lines = (m.data as { Lines?: unknown } | null)?.Lines;
    if (!lines || typeof lines !== 'object' || Array.isArray(lines)) continue;
    for (const drv in lines as Record<string, unknown>) {
      const patch = (lines as Record<string, unknown>)[drv];
      if (!patch || typeof patch !== 'object' || Array.isArray(patch)) continue;
      let list = out.get(drv);
      if (!list) out.set(drv, (list = []));
      list.push({ time: m.time, data: patch as Record<string, unknown> });
    }
  }
  return out;
}
