// The job queue the configuration asks for: BullMQ when REDIS_URL is set (jobs run in `apex worker`
// processes), the in-process runner otherwise (jobs run in the API process).
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
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
 * The queue for this configuration. Neither touches Redis or the database until used. Loads left
 * `loading` by a process that died need no clean-up here: without heartbeats they read as
 * interrupted after a minute and a new load takes their claim over (see store.ts, store-write.ts).
 */
export async function createJobQueue(config: Config, deps: JobDeps): Promise<JobQueue> {
  if (config.REDIS_URL) return new BullJobQueue(jobDefinitions, deps, { url: config.REDIS_URL });
  return new InProcessQueue(jobDefinitions, deps);
}

export function startWorkers(config: Config, deps: JobDeps, options: Omit<BullWorkerOptions, 'url'> = {}): BullWorkers {
  if (!config.REDIS_URL) throw new Error('apex worker needs REDIS_URL (without Redis, jobs run inside `apex serve`)');
  return startBullWorkers(jobDefinitions, deps, { url: config.REDIS_URL, ...options });
}
