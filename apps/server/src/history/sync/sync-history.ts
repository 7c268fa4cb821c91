// Incremental sync of F1 history from the Jolpica API into the database.
//
// Order of work: each requested season's schedule (one transaction per season), then the rounds
// whose documents are missing or not yet settled (plan.ts), each round fetched completely and then
// written in ONE transaction together with the bookkeeping that says it was fetched. An interruption
// (network failure, crash, Ctrl-C) therefore loses at most the round in flight, and the next run
// resumes with exactly the rounds that are still missing. Rows are matched on natural keys, so
// nothing is ever duplicated. Where F1DB is imported, a round's answers follow the precedence rule of
// history/f1db/merge.ts exactly as the dump import's rows do: written over Jolpica's own rows (and
// F1DB's only for a race the answer brings rows for), then the F1DB merge of the season, in the same
// transaction, fills what Jolpica lacks and lists every disagreement. Standings are recomputed, with
// the same functions as the dump import (F1DB's own kept after the races it fills), for every season
// whose results changed; a marker written in the round's transaction makes sure a crash between the
// round and the recomputation still leads to the recomputation next time.
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { raiseHistoryGeneration } from '../../db/changes.js';
import type { Db, DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import type { RaceKey } from '../import/batch.js';
import { hasF1db, mergeF1db } from '../f1db/merge.js';
import type { TableReport } from '../import/write.js';
import { recomputeSeasonStandings } from '../standings/db.js';
import { SourceNotFoundError } from '../../sources/index.js';
import { createJolpicaClient, type JolpicaClient, type JolpicaClientOptions } from './jolpica-client.js';
import {
  circuitRow,
  entrantsOf,
  lapTimeRows,
  pitStopRows,
  qualifyingRow,
  raceRow,
  raceSessionRows,
  racesOfRound,
  resultRow,
} from './jolpica-rows.js';
import type { JolpicaRace } from './jolpica-types.js';
import { DOC_KINDS, docKey, planRound, planSchedule, scheduleKey, type DocKind, type PlanOptions } from './plan.js';
import { documentStates, ensureSeason, forgetDocuments, recordDocuments, storedKinds, writeRound, writeSchedule, type RoundWrite, type WriteCounts } from './store.js';

export interface SyncHistoryOptions {
  /** Seasons to sync (see plan.seasonsToSync for the CLI's --season/--from). */
  seasons: number[];
  /** Only these rounds (all when absent). */
  rounds?: number[];
  /** A ready client (its rate limiter is shared); otherwise one is created from baseUrl + clientOptions. */
  client?: JolpicaClient;
  baseUrl?: string;
  clientOptions?: Omit<JolpicaClientOptions, 'baseUrl' | 'source'>;
  /** Fetch everything again, settled or not. */
  force?: boolean;
  /** Days after a race during which its documents are re-fetched on every sync (default 7). */
  settleDays?: number;
  /** Kinds of round data to sync (all by default). */
  include?: Partial<Record<DocKind, boolean>>;
  now?: Date;
  signal?: AbortSignal;
  /** Test hook, run inside each round's transaction after its writes and before the commit. */
  beforeRoundCommit?: (key: RaceKey) => void | Promise<void>;
}

export interface SyncProgress {
  phase: 'schedule' | 'round' | 'standings' | 'done';
  season?: number;
  round?: number;
  /** Units done / planned: seasons in the schedule phase, rounds after. */
  done: number;
  total: number;
  requests: number;
  message: string;
}

export interface SyncSummary {
  seasons: number[];
  schedulesFetched: number;
  roundsPlanned: number;
  roundsWritten: number;
  documentsFetched: number;
  documentsUnchanged: number;
  /** HTTP attempts (retries included) and retries alone. */
  requests: number;
  retries: number;
  rows: WriteCounts;
  standingsRecomputed: number[];
}

export class SyncError extends Error {
  override name = 'SyncError';
}

const DEFAULT_SETTLE_DAYS = 7;
const standingsMarker = (season: number) => `apex/standings-pending/${season}`;
const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const rowsWritten = (report: Record<string, Pick<TableReport, 'inserted' | 'updated' | 'deleted'>>): WriteCounts =>
  Object.fromEntries(Object.entries(report).map(([table, r]) => [table, r.inserted + r.updated + r.deleted]));
/** Sum of two count maps, per table. */
const plus = (a: WriteCounts, b: WriteCounts): WriteCounts => {
  const out = { ...a };
  for (const [table, n] of Object.entries(b)) out[table] = (out[table] ?? 0) + n;
  return out;
};
/** The F1DB merge of one season, when F1DB is imported (history/f1db/merge.ts): rows it wrote per table. */
async function mergeSeason(tx: DbOrTx, season: number): Promise<WriteCounts> {
  return (await hasF1db(tx)) ? rowsWritten(await mergeF1db(tx, { seasons: [season] })) : {};
}

interface PlannedRound {
  key: RaceKey;
  raceId: number;
  kinds: DocKind[];
  stored: Set<DocKind>;
  hashes: Map<DocKind, string | null>;
}

export async function syncHistory(db: Db, options: SyncHistoryOptions, onProgress?: (p: SyncProgress) => void): Promise<SyncSummary> {
  const now = options.now ?? new Date();
  const ownClient = !options.client;
  const client = options.client ?? createJolpicaClient({ ...options.clientOptions, baseUrl: options.baseUrl });
  const include = Object.fromEntries(DOC_KINDS.map((k) => [k, options.include?.[k] ?? true])) as Record<DocKind, boolean>;
  const plan: PlanOptions = { now, settleDays: options.settleDays ?? DEFAULT_SETTLE_DAYS, force: options.force ?? false, include };
  const signal = options.signal;
  const statsAtStart = client.source.stats();
  const requests = () => client.source.stats().attempts - statsAtStart.attempts;
  const summary: SyncSummary = {
    seasons: [...options.seasons],
    schedulesFetched: 0,
    roundsPlanned: 0,
    roundsWritten: 0,
    documentsFetched: 0,
    documentsUnchanged: 0,
    requests: 0,
    retries: 0,
    rows: {},
    standingsRecomputed: [],
  };
  const addRows = (counts: WriteCounts) => {
    for (const [k, v] of Object.entries(counts)) summary.rows[k] = (summary.rows[k] ?? 0) + v;
  };
  const progress = (p: Omit<SyncProgress, 'requests'>) => onProgress?.({ ...p, requests: requests() });

  const [run] = await db.insert(t.dataImports).values({ kind: 'jolpica-sync', source: client.source.baseUrl }).returning({ id: t.dataImports.id });
  try {
    // 1. Schedules.
    let seasonUrls: Map<number, string | null> | undefined;
    for (const [i, season] of options.seasons.entries()) {
      progress({ phase: 'schedule', season, done: i, total: options.seasons.length, message: `${season}: schedule` });
      const races = await db.select({ date: t.races.date, time: t.races.time }).from(t.races).where(eq(t.races.season, season));
      const seen = (await documentStates(db, [scheduleKey(season)])).get(scheduleKey(season));
      if (!planSchedule(seen?.fetchedAt, races, plan)) continue;
      const schedule = (await unlessUnrecorded(client, () => client.races(season, { signal })))?.items ?? [];
      summary.schedulesFetched++;
      if (schedule.length === 0) continue; // Jolpica knows no race of this season (yet).
      const [known] = await db.select({ year: t.seasons.year }).from(t.seasons).where(eq(t.seasons.year, season));
      if (!known && !seasonUrls) {
        const list = await unlessUnrecorded(client, () => client.seasons({ signal }));
        seasonUrls = new Map((list?.items ?? []).map((s) => [Number(s.season), s.url ?? null]));
      }
      await db.transaction(async (tx) => {
        await ensureSeason(tx, season, seasonUrls?.get(season) ?? null);
        await writeSchedule(tx, season, schedule.map((r) => circuitRow(r.Circuit)), schedule.map(raceRow), schedule.flatMap(raceSessionRows));
        await recordDocuments(tx, [{ key: scheduleKey(season), contentHash: hashOf(schedule), status: 200 }], now);
        await raiseHistoryGeneration(tx);
      });
    }

    // 2. Plan the rounds from what is stored.
    const planned: PlannedRound[] = [];
    for (const season of options.seasons) planned.push(...(await planSeason(db, season, options.rounds, plan)));
    summary.roundsPlanned = planned.length;

    // 3. Rounds, one transaction each.
    for (const [i, r] of planned.entries()) {
      const { season, round } = r.key;
      progress({ phase: 'round', season, round, done: i, total: planned.length, message: `${season} round ${round}: ${r.kinds.join(', ')}` });
      let answers: Map<DocKind, JolpicaRace[]>;
      try {
        answers = await fetchRound(client, r, signal);
      } catch (err) {
        throw new SyncError(`${season} round ${round}: ${(err as Error).message} (${i} of ${planned.length} rounds done; run the sync again to resume)`, { cause: err });
      }
      summary.documentsFetched += answers.size;
      const write: RoundWrite = { key: r.key, raceId: r.raceId, drivers: [], constructors: [], teamDrivers: [] };
      const docs: { key: string; contentHash: string; status: number }[] = [];
      const entries = [];
      for (const [kind, races] of answers) {
        const hash = hashOf(races);
        docs.push({ key: docKey(season, round, kind), contentHash: hash, status: 200 });
        // Unchanged (unless forced), or an empty answer where rows exist (a gap upstream never deletes data).
        if ((!plan.force && r.hashes.get(kind) === hash) || (races.length === 0 && r.stored.has(kind))) {
          summary.documentsUnchanged++;
          continue;
        }
        const race = races[0];
        if (kind === 'results') write.results = (race?.Results ?? []).map((x) => resultRow(r.key, x));
        if (kind === 'sprint') write.sprintResults = (race?.SprintResults ?? []).map((x) => resultRow(r.key, x));
        if (kind === 'qualifying') write.qualifying = (race?.QualifyingResults ?? []).map((x) => qualifyingRow(r.key, x));
        if (kind === 'laps') write.lapTimes = races.flatMap(lapTimeRows);
        if (kind === 'pitstops') write.pitStops = races.flatMap(pitStopRows);
        entries.push(...(race?.Results ?? []), ...(race?.SprintResults ?? []), ...(race?.QualifyingResults ?? []));
      }
      Object.assign(write, entrantsOf(r.key, entries));
      const changed = [write.results, write.sprintResults, write.qualifying, write.lapTimes, write.pitStops].some((w) => w !== undefined);
      const written = await db.transaction(async (tx) => {
        const counts = changed ? plus(await writeRound(tx, write), await mergeSeason(tx, season)) : {};
        await recordDocuments(tx, docs, now);
        if ((counts.results ?? 0) + (counts.sprint_results ?? 0) > 0) {
          await recordDocuments(tx, [{ key: standingsMarker(season), contentHash: null, status: 0 }], now);
        }
        if (Object.values(counts).some((n) => n > 0)) await raiseHistoryGeneration(tx);
        await options.beforeRoundCommit?.(r.key);
        return counts;
      });
      addRows(written);
      if (Object.values(written).some((n) => n > 0)) summary.roundsWritten++;
    }

    // 4. Standings of every season whose results changed (now or in an interrupted earlier run).
    const pending = await documentStates(db, options.seasons.map(standingsMarker));
    for (const season of options.seasons) {
      if (!pending.has(standingsMarker(season))) continue;
      progress({ phase: 'standings', season, done: planned.length, total: planned.length, message: `${season}: standings` });
      await db.transaction(async (tx) => {
        // Then F1DB's own standings after the races it fills, as the dump import does.
        const counts = plus(rowsWritten(await recomputeSeasonStandings(tx, season)), await mergeSeason(tx, season));
        addRows(counts);
        await forgetDocuments(tx, [standingsMarker(season)]);
        if (Object.values(counts).some((n) => n > 0)) await raiseHistoryGeneration(tx);
      });
      summary.standingsRecomputed.push(season);
    }
  } finally {
    const stats = client.source.stats();
    summary.requests = stats.attempts - statsAtStart.attempts;
    summary.retries = stats.retries - statsAtStart.retries;
    await db
      .update(t.dataImports)
      .set({ finishedAt: new Date(), rows: summary.rows })
      .where(eq(t.dataImports.id, run!.id))
      .catch(() => undefined);
    if (ownClient) await client.close();
  }
  progress({ phase: 'done', done: summary.roundsPlanned, total: summary.roundsPlanned, message: 'done' });
  return summary;
}

async function planSeason(db: DbOrTx, season: number, rounds: number[] | undefined, plan: PlanOptions): Promise<PlannedRound[]> {
  let races = await db
    .select({ id: t.races.id, round: t.races.round, date: t.races.date, time: t.races.time })
    .from(t.races)
    .where(eq(t.races.season, season))
    .orderBy(t.races.round);
  if (rounds) races = races.filter((r) => rounds.includes(r.round));
  if (races.length === 0) return [];
  const ids = races.map((r) => r.id);
  const sprintRaces = new Set(
    (await db.selectDistinct({ raceId: t.raceSessions.raceId }).from(t.raceSessions).where(and(inArray(t.raceSessions.raceId, ids), eq(t.raceSessions.type, 'SR')))).map((r) => r.raceId),
  );
  const stored = await storedKinds(db, ids);
  const keys = races.flatMap((r) => DOC_KINDS.map((k) => docKey(season, r.round, k)));
  const seen = await documentStates(db, keys);
  const out: PlannedRound[] = [];
  for (const race of races) {
    const storedHere = (stored.get(race.id) ?? new Set()) as Set<DocKind>;
    const seenHere = new Map<DocKind, { fetchedAt: Date }>();
    const hashes = new Map<DocKind, string | null>();
    for (const kind of DOC_KINDS) {
      const doc = seen.get(docKey(season, race.round, kind));
      if (doc) {
        seenHere.set(kind, doc);
        hashes.set(kind, doc.contentHash);
      }
    }
    const kinds = planRound(
      { season, round: race.round, date: race.date, time: race.time, hasSprint: sprintRaces.has(race.id) || storedHere.has('sprint'), stored: storedHere, seen: seenHere },
      plan,
    );
    if (kinds.length > 0) out.push({ key: { season, round: race.round }, raceId: race.id, kinds, stored: storedHere, hashes });
  }
  return out;
}

/**
 * A directory of recorded answers (the offline stand-in for the API) holds only what was recorded:
 * there a missing file means "not recorded", and the document is skipped (and asked for again next
 * time). Over HTTP a 404 stays an error: Jolpica answers an empty list for a round without data.
 */
async function unlessUnrecorded<T>(client: JolpicaClient, fetch: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fetch();
  } catch (err) {
    if (client.source.kind === 'directory' && err instanceof SourceNotFoundError) return undefined;
    throw err;
  }
}

async function fetchRound(client: JolpicaClient, r: PlannedRound, signal?: AbortSignal): Promise<Map<DocKind, JolpicaRace[]>> {
  const { season, round } = r.key;
  const out = new Map<DocKind, JolpicaRace[]>();
  const fetchers: Record<DocKind, () => ReturnType<JolpicaClient['results']>> = {
    results: () => client.results(season, round, { signal }),
    qualifying: () => client.qualifying(season, round, { signal }),
    sprint: () => client.sprint(season, round, { signal }),
    laps: () => client.laps(season, round, { signal }),
    pitstops: () => client.pitStops(season, round, { signal }),
  };
  for (const kind of r.kinds) {
    const page = await unlessUnrecorded(client, fetchers[kind]);
    if (page) out.set(kind, racesOfRound(page.items, r.key));
  }
  return out;
}
