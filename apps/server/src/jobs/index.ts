// The job queue the configuration asks for: BullMQ when REDIS_URL is set (jobs run in `apex worker`
// processes), the in-process runner otherwise (jobs run in the API process).
import type { Config } from '../config.js';
import type { Db, DatabaseKind } from '../db/client.js';
import { sourcesFromConfig } from '../sessions/catalog.js';
import type { LoadDeps } from '../sessions/load.js';
import { BullJobQueue, startBullWorkers, type BullWorkerOptions, type BullWorkers } from './bullmq.js';
import { InProcessQueue } from './in-process.js';
import { historyImportJob } from './history-import.js';
import { historySyncJob, type HistoryJobDeps } from './history-sync.js';
import { sessionLoadJob } from './session-load.js';
import type { JobDefinition, JobQueue } from './types.js';

export * from './types.js';
export { runToCompletion, runAttempt, AttemptFailedError } from './run.js';
export { InProcessQueue } from './in-process.js';
export { BullJobQueue, startBullWorkers, type BullWorkers, type WorkerEvent } from './bullmq.js';
export { sessionLoadJob, sessionJobId, sessionKeyOfJobId, SESSION_LOAD, InvalidJobDataError } from './session-load.js';
export { historySyncJob, historySyncJobId, HISTORY_SYNC, type HistoryJobDeps, type HistorySyncData } from './history-sync.js';
export { historyImportJob, HISTORY_IMPORT, type HistoryImportData } from './history-import.js';

/** Every job the platform knows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const jobDefinitions: readonly JobDefinition<any, any, JobDeps>[] = [sessionLoadJob, historySyncJob, historyImportJob];

export type JobDeps = LoadDeps & HistoryJobDeps;

/** `onHistoryChanged`: what to do after a history job changed the database (the API re-reads the history generation). */
export function jobDepsFromConfig(config: Config, db: Db, onHistoryChanged?: () => Promise<void>): JobDeps {
  return { db, sources: sourcesFromConfig(config), history: { config, onChanged: onHistoryChanged } };
}

/**
 * Where jobs run: in BullMQ workers (`apex worker`) with Redis and PostgreSQL; in this process
 * otherwise. With Redis and the embedded database no worker could run them — PGlite is opened by
 * one process only (the server) — so they run in the server, and Redis serves the cache and rate
 * limit alone.
 */
export function jobRunner(config: Pick<Config, 'REDIS_URL'>, database: DatabaseKind): 'bullmq' | 'in-process' {
  return config.REDIS_URL && database === 'postgres' ? 'bullmq' : 'in-process';
}

/**
 * The queue for this configuration and database. Neither touches Redis or the database until used.
 * Loads left `loading` by a process that died are released by releaseAbandonedClaims (store-write.ts).
 */
export async function createJobQueue(config: Config, deps: JobDeps, database: DatabaseKind): Promise<JobQueue> {
  if (jobRunner(config, database) === 'bullmq') return new BullJobQueue(jobDefinitions, deps, { url: config.REDIS_URL! });
  return new InProcessQueue(jobDefinitions, deps);
}

/** One line saying why `apex worker` cannot run with this configuration, or null. */
export function workerRefusal(config: Pick<Config, 'REDIS_URL' | 'DATABASE_URL'>): string | null {
  if (!config.REDIS_URL) return 'REDIS_URL is not set: without Redis, jobs run inside `apex serve` and no worker is needed';
  if (!config.DATABASE_URL) return 'apex worker needs DATABASE_URL (PostgreSQL): with the embedded database, jobs run inside `apex serve` (the only process that can open it), so no worker is needed';
  return null;
}

export function startWorkers(config: Config, deps: JobDeps, options: Omit<BullWorkerOptions, 'url'> = {}): BullWorkers {
  if (!config.REDIS_URL) throw new Error(workerRefusal(config)!);
  return startBullWorkers(jobDefinitions, deps, { url: config.REDIS_URL, ...options });
}
