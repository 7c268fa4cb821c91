// The feed time of a Subscribe snapshot, the same for the live feed and for recordings read later, so
// a recording replays on the feed's clock like the feed itself.
import type { JsonValue } from '../../stream/merge.js';
import { parseUtc } from '../../timing/time.js';

/** Feed time of a snapshot: its Heartbeat when there is one (the feed's clock), else the receive time. */
export function snapshotTime(snapshot: Readonly<Record<string, JsonValue>>, receivedAt: number): number {
  const hb = snapshot.Heartbeat;
  const utc = hb && typeof hb === 'object' && !Array.isArray(hb) ? parseUtc(hb.Utc) : NaN;
  return Number.isNaN(utc) ? receivedAt : utc;
}
