// The read side of the session API: stored sessions through the loading side's SessionStore, with
// the engine's own objects (Laps, SessionTelemetry) kept in memory per load. A load is immutable —
// a reload bumps `dataVersion` — so everything cached here is keyed by (session id, data version)
// and never needs invalidating; only the session row itself (state, version) is re-read, at most
// once a second per session.
import { inArray } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Lap, Laps, SessionTelemetry, Telemetry } from '@apexdata/livetiming';
import type { DbOrTx } from '../../db/client.js';
import { drivers as historyDrivers } from '../../db/schema/people.js';
import type { SessionKey } from '../catalog.js';
import { sessionStore, statusView, type SessionStore, type SessionStatusView, type StoredSession } from '../store.js';
import type { DriverRow } from '../shape/tables.js';

export interface ReaderOptions {
  /** How long a session row is reused before it is read again (ms). */
  readonly rowTtlMs?: number;
  /** Sessions whose decoded telemetry stays in memory (each is tens of MB for a full session). */
  readonly telemetrySessions?: number;
  /** Sessions whose laps and drivers stay in memory. */
  readonly lapSessions?: number;
}

/** A session whose data can be served (a previous load may be served while a reload runs). */
export interface ServableSession {
  readonly row: StoredSession;
  /** Cache identity of this load's data. */
  readonly version: string;
}

export type DriverResolution = { readonly driverNumber: string; readonly driver: DriverRow } | null;

const versionOf = (row: StoredSession) => `${row.id}.${row.dataVersion}`;

export class SessionReader {
  readonly store: SessionStore;
  private readonly rowTtlMs: number;
  private readonly rows = new Map<string, { at: number; row: Promise<StoredSession | null>; settled?: StoredSession | null }>();
  private readonly laps: LRUCache<string, Promise<Laps>>;
  private readonly drivers: LRUCache<string, Promise<DriverRow[]>>;
  private readonly telemetry: LRUCache<string, Promise<SessionTelemetry | null>>;
  private readonly lapTel = new LRUCache<string, Telemetry>({ max: 200 });

  constructor(private readonly db: DbOrTx, options: ReaderOptions = {}) {
    this.store = sessionStore(db);
    this.rowTtlMs = options.rowTtlMs ?? 1000;
    this.laps = new LRUCache({ max: options.lapSessions ?? 16 });
    this.drivers = new LRUCache({ max: options.lapSessions ?? 16 });
    this.telemetry = new LRUCache({ max: options.telemetrySessions ?? 2 });
  }

  /** The session row (null when the session was never requested), re-read at most every rowTtlMs. */
  async row(key: SessionKey): Promise<StoredSession | null> {
    const k = `${key.year}/${key.round}/${key.session}`;
    const now = Date.now();
    const hit = this.rows.get(k);
    if (hit && now - hit.at < this.rowTtlMs) return hit.row;
    const row = this.store.get(key);
    const entry: { at: number; row: Promise<StoredSession | null>; settled?: StoredSession | null } = { at: now, row };
    this.rows.set(k, entry);
    row.then(
      (r) => (entry.settled = r),
      // A failed read must not be remembered.
      () => this.rows.delete(k),
    );
    if (this.rows.size > 1000) this.rows.delete(this.rows.keys().next().value!);
    return row;
  }

  /**
   * The servable session as last read, without waiting: undefined when the remembered row is stale,
   * still being read, or not servable (callers then take the normal path).
   */
  servableNow(key: SessionKey): ServableSession | undefined {
    const hit = this.rows.get(`${key.year}/${key.round}/${key.session}`);
    if (!hit || !hit.settled || Date.now() - hit.at >= this.rowTtlMs) return undefined;
    return this.servable(hit.settled) ?? undefined;
  }

  /** Forget the remembered row of a session (after starting a load, so its state shows at once). */
  forget(key: SessionKey): void {
    this.rows.delete(`${key.year}/${key.round}/${key.session}`);
  }

  status(row: StoredSession | null): SessionStatusView {
    return statusView(row);
  }

  servable(row: StoredSession | null): ServableSession | null {
    return row && row.loadedAt !== null ? { row, version: versionOf(row) } : null;
  }

  /** Memoised per load; a rejected promise is dropped so the next request retries. */
  private memo<T>(cache: LRUCache<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    let p = cache.get(key);
    if (!p) {
      p = make();
      cache.set(key, p);
      p.catch(() => cache.delete(key));
    }
    return p;
  }

  /** The engine's Laps collection of the whole session. */
  lapsOf(s: ServableSession): Promise<Laps> {
    return this.memo(this.laps, s.version, () => this.store.lapsCollection(s.row));
  }

  /** Drivers in timing-screen order, with the public id of the history driver they are linked to. */
  driversOf(s: ServableSession): Promise<DriverRow[]> {
    return this.memo(this.drivers, s.version, async () => {
      const list = await this.store.drivers(s.row.id);
      const ids = [...new Set(list.map((d) => d.driverId).filter((id): id is number => id !== null))];
      const refs = ids.length
        ? new Map((await this.db.select({ id: historyDrivers.id, ref: historyDrivers.driverRef }).from(historyDrivers).where(inArray(historyDrivers.id, ids))).map((r) => [r.id, r.ref]))
        : new Map<number, string>();
      return list.map(({ driverId, ...d }) => ({ ...d, driverRef: driverId === null ? null : refs.get(driverId) ?? null }));
    });
  }

  /** A racing number or an abbreviation (any case) to the session's driver. */
  async resolveDriver(s: ServableSession, id: string): Promise<DriverResolution> {
    const list = await this.driversOf(s);
    const want = id.trim().toUpperCase();
    const d = /^\d+$/.test(want)
      ? list.find((x) => x.driverNumber === String(Number(want)))
      : list.find((x) => x.abbreviation?.toUpperCase() === want);
    return d ? { driverNumber: d.driverNumber, driver: d } : null;
  }

  /** The session's telemetry rebuilt from the stored blobs (null when it has none). */
  telemetryOf(s: ServableSession): Promise<SessionTelemetry | null> {
    return this.memo(this.telemetry, s.version, () => this.store.telemetry(s.row));
  }

  /** The engine's merged telemetry of one lap (FastF1's Lap.get_telemetry()). */
  async lapTelemetry(s: ServableSession, lap: Lap): Promise<Telemetry | null> {
    const key = `${s.version}/${lap.driverNumber}/${lap.lapNumber}`;
    const hit = this.lapTel.get(key);
    if (hit) return hit;
    const tel = await this.telemetryOf(s);
    if (!tel) return null;
    const out = tel.lapTelemetry(lap);
    this.lapTel.set(key, out);
    return out;
  }
}
