// BullMQ on Redis: the API process only queues (BullJobQueue), `apex worker` processes
// (startBullWorker). Job ids come from the domain key, so a second request for the same work
// returns the job already queued or running. A worker that dies mid-job loses its lock; another
// (or the restarted) worker's stalled-job check puts the job back in the queue and it runs again
// from the start — processors replace their output in one transaction, so a re-run is clean.
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { AttemptFailedError, runAttempt } from './run.js';
import {
  backoffDelay, JobQueueUnavailableError, reasonOf, type EnqueueResult, type JobDefinition, type JobProgress, type JobQueue,
  type JobState, type JobView,
} from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDefinition<Deps> = JobDefinition<any, any, Deps>;

export const DEFAULT_PREFIX = 'apex';
const KEEP_COMPLETED = { age: 7 * 86_400, count: 1000 };
const KEEP_FAILED = { age: 30 * 86_400, count: 1000 };

export interface BullQueueOptions {
  readonly url: string;
  /** Redis key prefix (installations sharing a Redis use different prefixes). */
  readonly prefix?: string;
  /** How long a queue operation may take before Redis counts as down. Default 3 s. */
  readonly timeoutMs?: number;
}

/** Producer side: queue jobs and read them. Fails fast (JobQueueUnavailableError) while Redis is down. */
export class BullJobQueue<Deps> implements JobQueue {
  readonly kind = 'bullmq' as const;
  private connection: Redis | null = null;
  private readonly queues = new Map<string, Queue>();
  private readonly defs: Map<string, AnyDefinition<Deps>>;
  private readonly timeoutMs: number;

  constructor(definitions: readonly AnyDefinition<Deps>[], private readonly deps: Deps, private readonly options: BullQueueOptions) {
    this.defs = new Map(definitions.map((d) => [d.name, d]));
    this.timeoutMs = options.timeoutMs ?? 3000;
  }

  /**
   * The Redis connection, opened on first use (an API that never queues a job never connects).
   * Commands never wait in an offline queue: with Redis down a request fails at once (or, while the
   * first connection is being made, after at most `timeoutMs`), never after minutes.
   */
  private async redis(): Promise<Redis> {
    if (!this.connection) {
      this.connection = new Redis(this.options.url, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        connectTimeout: 2000,
        retryStrategy: (times) => Math.min(times * 250, 5000),
      });
      this.connection.on('error', () => {});
    }
    const c = this.connection;
    if (c.status === 'ready') return c;
    if (c.status === 'connecting' || c.status === 'connect' || c.status === 'wait') {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => { cleanup(); reject(new JobQueueUnavailableError(`job queue unavailable (no answer from Redis within ${this.timeoutMs} ms); retry later`)); }, this.timeoutMs);
        const onReady = () => { cleanup(); resolve(); };
        const onEnd = () => { cleanup(); reject(new JobQueueUnavailableError('job queue unavailable (Redis connection closed); retry later')); };
        const cleanup = () => { clearTimeout(timer); c.off('ready', onReady); c.off('end', onEnd); };
        c.once('ready', onReady);
        c.once('end', onEnd);
      });
      return c;
    }
    throw new JobQueueUnavailableError(`job queue unavailable (Redis ${c.status}); retry later`);
  }

  private async queueOf(name: string): Promise<Queue> {
    const connection = await this.redis();
    let q = this.queues.get(name);
    if (!q) {
      if (!this.defs.has(name)) throw new Error(`unknown job '${name}'`);
      q = new Queue(name, { connection, prefix: this.options.prefix ?? DEFAULT_PREFIX });
      q.on('error', () => {});
      this.queues.set(name, q);
    }
    return q;
  }

  private async guarded<T>(what: string, fn: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        fn(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new JobQueueUnavailableError(`job queue unavailable (Redis did not answer ${what} within ${this.timeoutMs} ms)`)), this.timeoutMs);
        }),
      ]);
    } catch (err) {
      if (err instanceof JobQueueUnavailableError) throw err;
      if (isConnectionError(err)) throw new JobQueueUnavailableError(`job queue unavailable: ${reasonOf(err)}`, { cause: err });
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async enqueue<D>(name: string, input: D): Promise<EnqueueResult> {
    const def = this.defs.get(name);
    if (!def) throw new Error(`unknown job '${name}'`);
    const data = def.validate ? def.validate(input) : input;
    const id = def.jobId(data);
    const { job, created } = await this.guarded('enqueue', async () => {
      const queue = await this.queueOf(name);
      const existing = await queue.getJob(id);
      if (existing) {
        const state = await existing.getState();
        if (mapState(state) === 'queued' || mapState(state) === 'running') return { job: existing as Job, created: false };
        // A finished job of the same key: the new request is a new run (a reload).
        await existing.remove().catch(() => {});
      }
      const added = await queue.add(name, data, {
        jobId: id,
        attempts: def.attempts,
        backoff: { type: 'capped' },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      });
      return { job: added, created: true };
    });
    if (created) await def.onQueued?.(data, this.deps, id, null);
    return { job: await this.viewOf(job), created };
  }

  async get(id: string): Promise<JobView | null> {
    for (const name of this.defs.keys()) {
      const job = await this.guarded('get', async () => (await this.queueOf(name)).getJob(id));
      if (job) return this.viewOf(job as Job);
    }
    return null;
  }

  private async viewOf(job: Job): Promise<JobView> {
    let state = await this.guarded('getState', () => job.getState());
    // The job may have finished between reading it and reading its state: read it again so the
    // result or the failure reason is in the view.
    if ((state === 'completed' || state === 'failed') && !job.finishedOn) {
      const fresh = await this.guarded('get', async () => (await this.queueOf(job.name)).getJob(job.id!));
      if (fresh) {
        job = fresh as Job;
        state = await this.guarded('getState', () => job.getState());
      }
    }
    return jobView(job, state, this.defs.get(job.name)?.attempts ?? job.opts.attempts ?? 1);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection?.disconnect();
  }
}

function isConnectionError(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /ECONNREFUSED|ECONNRESET|EPIPE|Connection is closed|Stream isn't writeable|enableOfflineQueue|max retries per request|ETIMEDOUT/i.test(message);
}

function mapState(state: string): JobState | null {
  switch (state) {
    case 'waiting': case 'delayed': case 'prioritized': case 'waiting-children': case 'wait': case 'paused': return 'queued';
    case 'active': return 'running';
    case 'completed': return 'done';
    case 'failed': return 'failed';
    default: return null;
  }
}

function jobView(job: Job, state: string, maxAttempts: number): JobView {
  const mapped = mapState(state) ?? 'queued';
  // Queued again after a failed attempt, the last attempt's progress is stale: the next one starts over.
  const progress = mapped === 'queued'
    ? { stage: (job.attemptsMade ?? 0) > 0 ? 'retrying' : 'queued', percent: 0, detail: job.failedReason || undefined }
    : (typeof job.progress === 'object' && job.progress !== null ? job.progress : null) as JobProgress | null;
  return {
    id: job.id!,
    name: job.name,
    state: mapped,
    stage: mapped === 'done' ? 'done' : progress?.stage ?? null,
    percent: mapped === 'done' ? 100 : progress?.percent ?? null,
    detail: progress?.detail ?? null,
    error: job.failedReason || null,
    attempts: Math.max(job.attemptsStarted ?? 0, job.attemptsMade ?? 0),
    maxAttempts,
    result: mapped === 'done' ? (job.returnvalue ?? null) : null,
    data: job.data,
    createdAt: job.timestamp ? new Date(job.timestamp).toISOString() : null,
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

export interface BullWorkerOptions {
  readonly url: string;
  readonly prefix?: string;
  /** Jobs processed at once by this worker. Default 1. */
  readonly concurrency?: number;
  /** Lock duration (ms): how long a dead worker's job stays locked before it counts as stalled. Default 30 s. */
  readonly lockDurationMs?: number;
  /** How often this worker looks for stalled jobs. Default 30 s. */
  readonly stalledIntervalMs?: number;
  readonly onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'active'; jobId: string; name: string; attempt: number }
  | { type: 'progress'; jobId: string; progress: JobProgress }
  | { type: 'completed'; jobId: string; result: unknown }
  | { type: 'failed'; jobId: string; reason: string; final: boolean }
  | { type: 'stalled'; jobId: string }
  | { type: 'error'; message: string };

export interface BullWorkers {
  readonly workers: readonly Worker[];
  /** Finishes running jobs, then disconnects. */
  close(): Promise<void>;
}

/** Consumer side: one BullMQ worker per job definition, in this process. */
export function startBullWorkers<Deps>(definitions: readonly AnyDefinition<Deps>[], deps: Deps, options: BullWorkerOptions): BullWorkers {
  const emit = options.onEvent ?? (() => {});
  // Workers block on Redis; their connection must retry forever (BullMQ requires null here).
  const connection = new Redis(options.url, { maxRetriesPerRequest: null });
  connection.on('error', (err: Error) => emit({ type: 'error', message: err.message }));
  const workers = definitions.map((def) => {
    const worker = new Worker(
      def.name,
      async (job: Job) => {
        const attempt = job.attemptsMade + 1;
        emit({ type: 'active', jobId: job.id!, name: job.name, attempt });
        const report = (progress: JobProgress) => {
          emit({ type: 'progress', jobId: job.id!, progress });
          void job.updateProgress({ ...progress }).catch(() => {});
        };
        try {
          return await runAttempt(def, job.data, deps, report, { jobId: job.id!, attempt, maxAttempts: job.opts.attempts ?? def.attempts });
        } catch (err) {
          if (err instanceof AttemptFailedError && err.failure.permanent) throw new UnrecoverableError(err.failure.reason);
          throw err instanceof AttemptFailedError ? new Error(err.failure.reason, { cause: err.failure.error }) : err;
        }
      },
      {
        connection,
        prefix: options.prefix ?? DEFAULT_PREFIX,
        concurrency: options.concurrency ?? 1,
        lockDuration: options.lockDurationMs ?? 30_000,
        stalledInterval: options.stalledIntervalMs ?? 30_000,
        // A job whose worker died twice is retried once more, then fails (a job that kills workers).
        maxStalledCount: 2,
        settings: { backoffStrategy: (attemptsMade: number) => backoffDelay(attemptsMade, def.backoff) },
      },
    );
    worker.on('completed', (job, result) => emit({ type: 'completed', jobId: job.id!, result }));
    worker.on('failed', (job, err) => {
      if (!job) return;
      const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
      emit({ type: 'failed', jobId: job.id!, reason: err.message, final });
    });
    worker.on('stalled', (jobId) => emit({ type: 'stalled', jobId }));
    worker.on('error', (err) => emit({ type: 'error', message: err.message }));
    return worker;
  });
  return {
    workers,
    close: async () => {
      await Promise.allSettled(workers.map((w) => w.close()));
      connection.disconnect();
    },
  };
}
