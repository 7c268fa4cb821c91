// The `history-sync` job: an incremental Jolpica sync (what `apex sync history` does) run in the
// background. The job id is the seasons asked for (`history-sync-2023`, `history-sync-2020-2023`,
// `history-sync-2023-r5`), so the same sync is never queued or run twice at once; different seasons
// may run one after the other (the queue runs one job at a time in-process).
import { existsSync } from 'node:fs';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { jolpicaClientFromConfig, seasonsToSync, SyncError, syncHistory, type JolpicaClientOptions, type SyncProgress, type SyncSummary } from '../history/sync/index.js';
import { isDatabaseUnavailable } from '../http/errors.js';
import { SourceError } from '../sources/index.js';
import { PermanentJobError, type JobDefinition, type ReportProgress } from './types.js';
import { InvalidJobDataError } from './session-load.js';

export const HISTORY_SYNC = 'history-sync';

/** What the history jobs need besides the database. */
export interface HistoryJobDeps {
  readonly db: Db;
  /** Absent where only session loads run (then history jobs fail permanently). */
  readonly history?: {
    readonly config: Pick<Config, 'JOLPICA_BASE_URL' | 'APEX_OFFLINE' | 'JOLPICA_DUMP_DIR'>;
    /** Client overrides (tests: no rate limit, short retries). */
    readonly clientOptions?: Omit<JolpicaClientOptions, 'source' | 'baseUrl'>;
    /**
     * Called after a history job changed the database: the API process re-reads the history
     * generation so its next answer is the new data. Worker processes need nothing here: the write
     * itself raised the generation and told every API process (src/db/changes.ts).
     */
    readonly onChanged?: () => Promise<void>;
    /**
     * Where the dump import reads and maps the dump: 'thread' (default) in a worker thread, so the
     * API keeps answering; 'main' on this thread (the baseline of `npm run bench:import-stall`).
     */
    readonly readIn?: 'thread' | 'main';
  };
}

export function historyDeps(deps: HistoryJobDeps): NonNullable<HistoryJobDeps['history']> {
  if (!deps.history) throw new PermanentJobError('history jobs are not configured in this process');
  return deps.history;
}

export interface HistorySyncData {
  season?: number;
  from?: number;
  to?: number;
  /** Only this round (with `season`). */
  round?: number;
  /** Lap-by-lap times (default true; the most requests). */
  laps?: boolean;
}

const FIRST_SEASON = 1950;
const LAST_SEASON = 2100;

function seasonField(d: Record<string, unknown>, name: string): number | undefined {
  const v = d[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < FIRST_SEASON || n > LAST_SEASON) throw new InvalidJobDataError(`${name} must be a season year ${FIRST_SEASON}–${LAST_SEASON}, got ${String(v)}`);
  return n;
}

export function validateHistorySync(data: unknown): HistorySyncData {
  const d = (data ?? {}) as Record<string, unknown>;
  const season = seasonField(d, 'season');
  const from = seasonField(d, 'from');
  const to = seasonField(d, 'to');
  if (season !== undefined && (from !== undefined || to !== undefined)) throw new InvalidJobDataError('give either season or from/to, not both');
  if (from !== undefined && to !== undefined && from > to) throw new InvalidJobDataError(`from (${from}) is after to (${to})`);
  let round: number | undefined;
  if (d.round !== undefined && d.round !== null && d.round !== '') {
    round = Number(d.round);
    if (!Number.isInteger(round) || round < 1 || round > 40) throw new InvalidJobDataError(`round must be a whole number 1–40, got ${String(d.round)}`);
    if (season === undefined) throw new InvalidJobDataError('round needs season');
  }
  if (d.laps !== undefined && typeof d.laps !== 'boolean') throw new InvalidJobDataError(`laps must be true or false, got ${String(d.laps)}`);
  const out: HistorySyncData = {};
  if (season !== undefined) out.season = season;
  if (from !== undefined) out.from = from;
  if (to !== undefined) out.to = to;
  if (round !== undefined) out.round = round;
  if (d.laps === false) out.laps = false;
  return out;
}

/**
 * `history-sync-<first>[-<last>][-r<round>]`. Open ranges are resolved to years when the id is made,
 * so "the current season" and an explicit `season: <this year>` share one id.
 */
export function historySyncJobId(data: HistorySyncData, now = new Date()): string {
  const seasons = seasonsToSync({ ...data, now });
  const first = seasons[0] ?? data.from ?? now.getUTCFullYear();
  const last = seasons[seasons.length - 1] ?? first;
  return `${HISTORY_SYNC}-${first}${last !== first ? `-${last}` : ''}${data.round !== undefined ? `-r${data.round}` : ''}${data.laps === false ? '-nolaps' : ''}`;
}

/** Stage and percent from the sync's own progress: schedules take the first 10 %, rounds up to 95 %. */
export function syncJobProgress(p: SyncProgress): Parameters<ReportProgress>[0] {
  const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const percent = p.phase === 'schedule' ? 10 * frac : p.phase === 'round' ? 10 + 85 * frac : p.phase === 'standings' ? 95 : 100;
  return { stage: p.phase, percent: Math.round(percent * 10) / 10, detail: p.message };
}

export function isTransientHistoryError(err: unknown): boolean {
  if (err instanceof PermanentJobError || err instanceof SyncError || err instanceof InvalidJobDataError) return false;
  // The client has already retried what it could; a sync resumes where it stopped, so one more
  // attempt later is cheap.
  if (err instanceof SourceError) return err.retryable;
  return isDatabaseUnavailable(err);
}

export const historySyncJob: JobDefinition<HistorySyncData, SyncSummary, HistoryJobDeps> = {
  name: HISTORY_SYNC,
  jobId: (data) => historySyncJobId(data),
  validate: validateHistorySync,
  async process(data, deps, report) {
    const now = new Date();
    const seasons = seasonsToSync({ ...data, now });
    if (seasons.length === 0) throw new PermanentJobError(`from ${String(data.from)} is after to ${String(data.to ?? now.getUTCFullYear())}`);
    const { config, clientOptions } = historyDeps(deps);
    if (!/^https?:/i.test(config.JOLPICA_BASE_URL) && !existsSync(config.JOLPICA_BASE_URL)) {
      throw new PermanentJobError(`JOLPICA_BASE_URL ${config.JOLPICA_BASE_URL} is neither a URL nor an existing directory`);
    }
    report({ stage: 'schedule', percent: 0 });
    const client = jolpicaClientFromConfig(config, clientOptions);
    try {
      const summary = await syncHistory(
        deps.db,
        { seasons, rounds: data.round !== undefined ? [data.round] : undefined, client, include: { laps: data.laps ?? true }, now },
        (p) => report(syncJobProgress(p)),
      );
      if (summary.roundsWritten > 0 || summary.schedulesFetched > 0 || summary.standingsRecomputed.length > 0) await deps.history?.onChanged?.();
      return summary;
    } finally {
      await client.close();
    }
  },
  isTransient: isTransientHistoryError,
  attempts: 3,
  backoff: { baseMs: 10_000, maxMs: 120_000 },
};
