// The job queue the configuration asks for: BullMQ when REDIS_URL is set (jobs run in `apex worker`
// processes), the in-process runner otherwise (jobs run in the API process).
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { sourcesFromConfig } from '../sessions/catalog.js';
import type { LoadDeps } from '../sessions/load.js';
import { BullJobQueue, startBullWorkers, type BullWorkerOptions, type BullWorkers } from './bullmq.js';
import { InProcessQueue } from './in-process.js';
import { sessionLoadJob } from './session-load.js';
import type { JobQueue } from './types.js';

export * from './types.js';
export { runToCompletion, runAttempt, AttemptFailedError } from './run.js';
export { InProcessQueue } from './in-process.js';
export { BullJobQueue, startBullWorkers, type BullWorkers, type WorkerEvent } from './bullmq.js';
export { sessionLoadJob, sessionJobId, sessionKeyOfJobId, SESSION_LOAD, InvalidJobDataError } from './session-load.js';

/** Every job the platform knows. */
export const jobDefinitions = [sessionLoadJob] as const;

export type JobDeps = LoadDeps;

export function jobDepsFromConfig(config: Config, db: Db): JobDeps {
  return { db, sources: sourcesFromConfig(config) };
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
