// Writes of the API sync, each scoped to what one answer covers: a season's schedule, or one round's
// results/qualifying/sprint/laps/pit stops. Rows are matched on natural keys (syncRows), so writing
// the same answer twice changes nothing and a changed answer updates rows in place. A round's rows
// replace what the dump import's would (f1db/merge.ts, jolpicaScope): Jolpica's own, and F1DB's only
// where the answer brings rows for the race; the caller then runs the F1DB merge for the season.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { syncRows } from '../../db/sync-rows.js';
import type {
  CircuitRow,
  ConstructorRow,
  DriverRow,
  LapTimeRow,
  PitStopRow,
  QualifyingRow,
  RaceKey,
  RaceRow,
  RaceSessionRow,
  ResultRow,
  TeamDriverRow,
} from '../import/batch.js';
import { assignStatusIds } from '../import/statuses.js';
import { JolpicaDataError } from './jolpica-rows.js';
import { adoptF1dbEntities, incomingCircuits, incomingConstructors, incomingDrivers } from '../f1db/adopt.js';
import { jolpicaScope } from '../f1db/merge.js';

type Row = Record<string, unknown>;

/**
 * Merge API rows over stored ones: the API omits what it does not know (country codes, altitude,
 * Jolpica's internal ids), and a dump import may have filled those in. Present values win.
 */
function overlay<T extends Row>(incoming: T, existing: Row | undefined): T {
  if (!existing) return incoming;
  const out: Row = { ...incoming };
  for (const [k, v] of Object.entries(incoming)) if (v === null && existing[k] !== undefined) out[k] = existing[k];
  return out as T;
}

async function upsertByRef(
  tx: DbOrTx,
  table: typeof t.circuits | typeof t.drivers | typeof t.constructors,
  refField: 'circuitRef' | 'driverRef' | 'constructorRef',
  rows: Row[],
): Promise<Map<string, number>> {
  const refs = [...new Set(rows.map((r) => r[refField] as string))];
  if (refs.length === 0) return new Map();
  // An entity F1DB created under an id we made up becomes this ref's row (history/f1db/adopt.ts).
  if (refField === 'driverRef') await adoptF1dbEntities(tx, 'driver', incomingDrivers(rows as never));
  else if (refField === 'constructorRef') await adoptF1dbEntities(tx, 'constructor', incomingConstructors(rows as never));
  else await adoptF1dbEntities(tx, 'circuit', incomingCircuits(rows as never));
  const refColumn = (table as unknown as Record<string, Parameters<typeof inArray>[0]>)[refField]!;
  const existing = new Map(((await tx.select().from(table).where(inArray(refColumn, refs))) as Row[]).map((r) => [r[refField] as string, r]));
  await syncRows(tx, {
    table,
    rows: rows.map((r) => {
      const { id: _id, ...rest } = overlay(r, existing.get(r[refField] as string));
      return rest;
    }),
    keyOf: (r) => r[refField] as string,
    scope: inArray(refColumn, refs),
    deleteMissing: false,
    identity: ['id'],
  });
  return refIds(tx, table, refField, refs);
}

async function refIds(
  tx: DbOrTx,
  table: typeof t.circuits | typeof t.drivers | typeof t.constructors,
  refField: 'circuitRef' | 'driverRef' | 'constructorRef',
  refs: string[],
): Promise<Map<string, number>> {
  if (refs.length === 0) return new Map();
  const refColumn = (table as unknown as Record<string, Parameters<typeof inArray>[0]>)[refField]!;
  const found = (await tx.select().from(table).where(inArray(refColumn, refs))) as Row[];
  return new Map(found.map((r) => [r[refField] as string, r.id as number]));
}

export const upsertCircuits = (tx: DbOrTx, rows: CircuitRow[]) => upsertByRef(tx, t.circuits, 'circuitRef', rows as unknown as Row[]);
export const upsertDrivers = (tx: DbOrTx, rows: DriverRow[]) => upsertByRef(tx, t.drivers, 'driverRef', rows as unknown as Row[]);
export const upsertConstructors = (tx: DbOrTx, rows: ConstructorRow[]) => upsertByRef(tx, t.constructors, 'constructorRef', rows as unknown as Row[]);
export const driverIds = (tx: DbOrTx, refs: string[]) => refIds(tx, t.drivers, 'driverRef', refs);

/** The season row must exist before its races; the API's season URL only fills a gap. */
export async function ensureSeason(tx: DbOrTx, year: number, url: string | null): Promise<void> {
  await tx
    .insert(t.seasons)
    .values({ year, url })
    .onConflictDoUpdate({ target: t.seasons.year, set: { url: sql`coalesce(${t.seasons.url}, excluded.url)` } });
}

/**
 * A season's schedule: circuits, races (natural key season+round) and their sessions. Sessions are
 * matched on (race, type, number); a session the API no longer lists is kept, because the dump may
 * know sessions (e.g. old qualifying days) the API's timetable never shows.
 */
export async function writeSchedule(tx: DbOrTx, season: number, circuits: CircuitRow[], races: RaceRow[], sessions: RaceSessionRow[]): Promise<Map<number, number>> {
  const circuitIds = await upsertCircuits(tx, circuits);
  const existing = new Map(((await tx.select().from(t.races).where(eq(t.races.season, season))) as Row[]).map((r) => [r.round as number, r]));
  await syncRows(tx, {
    table: t.races,
    rows: races.map((r) => {
      const circuitId = circuitIds.get(r.circuitRef);
      if (circuitId === undefined) throw new JolpicaDataError(`race ${r.season}/${r.round}: unknown circuit ${r.circuitRef}`);
      const { circuitRef: _c, ...rest } = r;
      return overlay({ ...rest, circuitId } as Row, existing.get(r.round));
    }),
    keyOf: (r) => String(r.round),
    scope: eq(t.races.season, season),
    deleteMissing: false,
    identity: ['id'],
  });
  const raceIds = await raceIdsOf(tx, season);
  const ids = [...new Set(sessions.map((s) => raceIds.get(s.round)!))];
  if (ids.length > 0) {
    const stored = (await tx.select().from(t.raceSessions).where(inArray(t.raceSessions.raceId, ids))) as Row[];
    const byKey = new Map(stored.map((s) => [`${s.raceId}/${s.type}`, s]));
    await syncRows(tx, {
      table: t.raceSessions,
      rows: sessions.map(({ season: _s, round, pointSystemRef: _p, ...s }) => {
        const raceId = raceIds.get(round)!;
        const { pointSystemId, timezone, scheduledLaps, jolpicaApiId, number } = byKey.get(`${raceId}/${s.type}`) ?? {};
        // Keep what the dump knew about the session (scoring system, time zone); the API gives the time.
        return { ...s, raceId, number: number ?? s.number, pointSystemId: pointSystemId ?? null, timezone: timezone ?? null, scheduledLaps: scheduledLaps ?? null, jolpicaApiId: jolpicaApiId ?? null };
      }),
      keyOf: (r) => `${r.raceId}/${r.type}`,
      scope: inArray(t.raceSessions.raceId, ids),
      deleteMissing: false,
      identity: ['id'],
    });
  }
  return raceIds;
}

export async function raceIdsOf(tx: DbOrTx, season: number): Promise<Map<number, number>> {
  const rows = await tx.select({ id: t.races.id, round: t.races.round }).from(t.races).where(eq(t.races.season, season));
  return new Map(rows.map((r) => [r.round, r.id]));
}

/** Status ids for the given texts, inserting texts not seen before (Ergast's ids where it has one). */
export async function statusIds(tx: DbOrTx, texts: string[]): Promise<Map<string, number>> {
  const stored = await tx.select().from(t.statuses);
  const known = new Map(stored.map((s) => [s.status, s.id]));
  const missing = [...new Set(texts)].filter((x) => !known.has(x));
  if (missing.length > 0) {
    const assigned = assignStatusIds(missing, stored.length > 0 ? stored : undefined).filter((s) => missing.includes(s.status));
    await tx.insert(t.statuses).values(assigned).onConflictDoNothing();
    for (const s of await tx.select().from(t.statuses).where(inArray(t.statuses.status, missing))) known.set(s.status, s.id);
  }
  return known;
}

export interface RoundWrite {
  key: RaceKey;
  raceId: number;
  results?: ResultRow[];
  sprintResults?: ResultRow[];
  qualifying?: QualifyingRow[];
  lapTimes?: LapTimeRow[];
  pitStops?: PitStopRow[];
  drivers: DriverRow[];
  constructors: ConstructorRow[];
  teamDrivers: TeamDriverRow[];
}

/** Rows written per table, for the run summary. */
export type WriteCounts = Record<string, number>;

/** One round's answers. Kinds left undefined are not touched. */
export async function writeRound(tx: DbOrTx, w: RoundWrite): Promise<WriteCounts> {
  const counts: WriteCounts = {};
  const add = (table: string, r: { inserted: number; updated: number; deleted: number }) => {
    counts[table] = (counts[table] ?? 0) + r.inserted + r.updated + r.deleted;
  };
  const drivers = await upsertDrivers(tx, w.drivers);
  const constructors = await upsertConstructors(tx, w.constructors);
  const where = `${w.key.season}/${w.key.round}`;

  // Laps and pit stops name drivers only by id: they must be known from this round or before.
  const otherRefs = [...(w.lapTimes ?? []), ...(w.pitStops ?? [])].map((r) => r.driverRef).filter((r) => !drivers.has(r));
  for (const [ref, id] of await driverIds(tx, [...new Set(otherRefs)])) drivers.set(ref, id);
  const driverId = (ref: string) => {
    const id = drivers.get(ref);
    if (id === undefined) throw new JolpicaDataError(`${where}: driver "${ref}" is not known (no result or entry names them)`);
    return id;
  };
  const constructorId = (ref: string) => {
    const id = constructors.get(ref);
    if (id === undefined) throw new JolpicaDataError(`${where}: constructor "${ref}" is not known`);
    return id;
  };

  // Per season one source gives the team drivers (f1db/merge.ts). One round's entrants are not a
  // season's: added to a season F1DB lists, they would make it Jolpica's and the merge would drop
  // F1DB's whole list for them. So a season F1DB gives keeps F1DB's.
  if (w.teamDrivers.length > 0 && !(await f1dbTeamSeason(tx, w.key.season))) {
    const values = w.teamDrivers.map((td) => ({ season: td.season, driverId: driverId(td.driverRef), constructorId: constructorId(td.constructorRef), role: td.role, source: 'jolpica' }));
    await tx.insert(t.teamDrivers).values(values).onConflictDoNothing();
  }

  const entryKey = (r: Row) => `${r.driverId}/${r.constructorId}/${r.number}`;
  const entry = <R extends { driverRef: string; constructorRef: string; season: number; round: number }>(r: R) => {
    const { driverRef, constructorRef, season: _s, round: _r, ...rest } = r;
    return { ...rest, raceId: w.raceId, driverId: driverId(driverRef), constructorId: constructorId(constructorRef), source: 'jolpica' };
  };
  const statusTexts = [...(w.results ?? []), ...(w.sprintResults ?? [])].map((r) => r.status).filter((s): s is string => s !== null);
  const statuses = await statusIds(tx, statusTexts);
  const result = (r: ResultRow) => {
    const { status, ...rest } = entry(r);
    return { ...rest, statusId: status === null ? null : statuses.get(status)! };
  };

  const sourced = async (name: string, table: typeof t.results | typeof t.sprintResults | typeof t.qualifying | typeof t.pitStops, rows: Row[], keyOf: (r: Row) => string, identity: string[]) =>
    add(name, await syncRows(tx, { table, rows, keyOf, scope: jolpicaScope(table, eq(table.raceId, w.raceId), rows), identity }));
  if (w.results) await sourced('results', t.results, w.results.map(result), entryKey, ['id']);
  if (w.sprintResults) await sourced('sprint_results', t.sprintResults, w.sprintResults.map(result), entryKey, ['id']);
  if (w.qualifying) await sourced('qualifying', t.qualifying, w.qualifying.map(entry), entryKey, ['id']);
  if (w.lapTimes) {
    const rows = w.lapTimes.map(({ driverRef, season: _s, round: _r, ...rest }) => ({ ...rest, raceId: w.raceId, driverId: driverId(driverRef) }));
    add('lap_times', await syncRows(tx, { table: t.lapTimes, rows, keyOf: (r) => `${r.driverId}/${r.lap}`, scope: eq(t.lapTimes.raceId, w.raceId), identity: ['raceId', 'driverId', 'lap'] }));
  }
  if (w.pitStops) {
    const rows = w.pitStops.map(({ driverRef, season: _s, round: _r, ...rest }) => ({ ...rest, raceId: w.raceId, driverId: driverId(driverRef), source: 'jolpica' }));
    await sourced('pit_stops', t.pitStops, rows, (r) => `${r.driverId}/${r.stop}`, ['raceId', 'driverId', 'stop']);
  }
  return counts;
}

/** Whether a season's team drivers are F1DB's (f1db/merge.ts fills seasons Jolpica has none for). */
async function f1dbTeamSeason(tx: DbOrTx, season: number): Promise<boolean> {
  const sources = await tx.selectDistinct({ source: t.teamDrivers.source }).from(t.teamDrivers).where(eq(t.teamDrivers.season, season));
  return sources.length > 0 && sources.every((r) => r.source === 'f1db');
}

/** Rows already stored for a race, per kind (used to tell "missing" from "present"). */
export async function storedKinds(tx: DbOrTx, raceIds: number[]): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  if (raceIds.length === 0) return out;
  const tables = [
    ['results', t.results],
    ['sprint', t.sprintResults],
    ['qualifying', t.qualifying],
    ['laps', t.lapTimes],
    ['pitstops', t.pitStops],
  ] as const;
  for (const [kind, table] of tables) {
    // Rows F1DB filled in (source 'f1db') do not count: Jolpica's own are still to be fetched.
    const own = 'source' in table ? and(inArray(table.raceId, raceIds), eq(table.source, 'jolpica')) : inArray(table.raceId, raceIds);
    const rows = await tx.selectDistinct({ raceId: table.raceId }).from(table).where(own);
    for (const { raceId } of rows) {
      const set = out.get(raceId) ?? new Set<string>();
      set.add(kind);
      out.set(raceId, set);
    }
  }
  return out;
}

export const SOURCE = 'jolpica';

export interface DocumentState {
  key: string;
  contentHash: string | null;
  fetchedAt: Date;
}

export async function documentStates(tx: DbOrTx, keys: string[]): Promise<Map<string, DocumentState>> {
  if (keys.length === 0) return new Map();
  const rows = await tx
    .select({ key: t.sourceDocuments.key, contentHash: t.sourceDocuments.contentHash, fetchedAt: t.sourceDocuments.fetchedAt })
    .from(t.sourceDocuments)
    .where(and(eq(t.sourceDocuments.source, SOURCE), inArray(t.sourceDocuments.key, keys)));
  return new Map(rows.map((r) => [r.key, r]));
}

export async function recordDocuments(tx: DbOrTx, docs: { key: string; contentHash: string | null; status: number }[], fetchedAt: Date): Promise<void> {
  if (docs.length === 0) return;
  await tx
    .insert(t.sourceDocuments)
    .values(docs.map((d) => ({ source: SOURCE, key: d.key, contentHash: d.contentHash, status: d.status, fetchedAt })))
    .onConflictDoUpdate({
      target: [t.sourceDocuments.source, t.sourceDocuments.key],
      set: { contentHash: sql`excluded.content_hash`, status: sql`excluded.status`, fetchedAt: sql`excluded.fetched_at` },
    });
}

export async function forgetDocuments(tx: DbOrTx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.delete(t.sourceDocuments).where(and(eq(t.sourceDocuments.source, SOURCE), inArray(t.sourceDocuments.key, keys)));
}
