// The job abstraction: a job is a pure processor `process(data, deps, reportProgress, context)` plus
// how to name it (the id comes from the domain key, so the same work is never queued twice) and
// how to treat its failures. Two queues run the same definitions: BullMQ on Redis (separate worker
// processes, survives restarts) and an in-process runner (single node, no Redis).
import { backoffDelay as platformBackoff } from '@apexdata/livetiming';

/** Progress as a job reports it and as clients read it. */
export interface JobProgress {
  readonly stage: string;
  /** 0–100. */
  readonly percent: number;
  readonly detail?: string;
}

export type ReportProgress = (progress: JobProgress) => void;

export interface JobContext {
  readonly jobId: string;
  /** 1 on the first run, 2 on the first retry, … (a run after a crash counts as a new attempt). */
  readonly attempt: number;
  readonly maxAttempts: number;
  /**
   * Aborted when the job must stop now (the server shuts down, Ctrl-C in the CLI): processors stop
   * their work and throw JobInterruptedError, so the job ends `failed: interrupted` instead of
   * leaving its claim behind.
   */
  readonly signal?: AbortSignal;
}

export interface FailureInfo {
  readonly jobId: string;
  readonly attempt: number;
  /** No further attempt will be made (permanent error or attempts exhausted). */
  readonly final: boolean;
  /** The message clients see. */
  readonly reason: string;
}

export interface JobDefinition<D, R, Deps> {
  /** Queue name (BullMQ queue, job name). */
  readonly name: string;
  /** Id derived from the data's domain key. Must not contain ':' (BullMQ). */
  jobId(data: D): string;
  /** Rejects data that cannot be a job (thrown before anything is queued). */
  validate?(data: unknown): D;
  process(data: D, deps: Deps, report: ReportProgress, context: JobContext): Promise<R>;
  /** True when retrying may succeed (network, database connection, a busy resource). */
  isTransient(err: unknown): boolean;
  /** Called after every failed attempt (before a retry is scheduled, or for good). Must not throw. */
  onFailure?(data: D, deps: Deps, err: unknown, info: FailureInfo): Promise<void>;
  /**
   * Called when a job has been queued (e.g. to record it next to the domain data). `holder` is the
   * process whose memory holds the queued job (in-process queue), null when Redis holds it.
   */
  onQueued?(data: D, deps: Deps, jobId: string, holder: string | null): Promise<void>;
  readonly attempts: number;
  /** Capped exponential backoff between attempts. */
  readonly backoff: { readonly baseMs: number; readonly maxMs: number };
}

/** What clients see of a job (GET /api/v1/jobs/{id}). */
export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobView<R = unknown> {
  readonly id: string;
  readonly name: string;
  readonly state: JobState;
  readonly stage: string | null;
  readonly percent: number | null;
  readonly detail: string | null;
  /** Why the job failed (final), or why the last attempt failed while a retry is pending. */
  readonly error: string | null;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly result: R | null;
  readonly data: unknown;
  readonly createdAt: string | null;
  readonly finishedAt: string | null;
}

export interface EnqueueResult<R = unknown> {
  readonly job: JobView<R>;
  /** False when a job with the same id was already queued or running (it is returned instead). */
  readonly created: boolean;
}

export interface JobQueue {
  readonly kind: 'bullmq' | 'in-process';
  enqueue<D>(definition: string, data: D): Promise<EnqueueResult>;
  get(id: string): Promise<JobView | null>;
  close(): Promise<void>;
}

/** The queue backend cannot be reached (Redis down): callers answer 503. */
export class JobQueueUnavailableError extends Error {
  override readonly name = 'JobQueueUnavailableError';
}

/** A failure that retrying cannot fix; the message is the reason shown to clients. */
export class PermanentJobError extends Error {
  override readonly name: string = 'PermanentJobError';
}

/** The job was stopped from outside (shutdown, Ctrl-C): not retried; the message says why. */
export class JobInterruptedError extends PermanentJobError {
  override readonly name = 'JobInterruptedError';
}

/** Throws JobInterruptedError (`interrupted: <reason>`) once `signal` is aborted. */
export function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw interruption(signal);
}

export function interruption(signal: AbortSignal): JobInterruptedError {
  const why = signal.reason instanceof Error ? signal.reason.message : String(signal.reason ?? 'stopped');
  return new JobInterruptedError(why.startsWith('interrupted') ? why : `interrupted: ${why}`);
}

/** Delay before attempt `attempt + 1` after `attempt` failed: base·2^(attempt−1), capped. */
export function backoffDelay(attempt: number, backoff: { baseMs: number; maxMs: number }): number {
  // The platform's one backoff, without jitter: a job retries alone, not in a crowd of clients.
  return platformBackoff({ baseDelayMs: backoff.baseMs, maxDelayMs: backoff.maxMs, factor: 2, random: () => 1 }, attempt);
}

/** First line of an error's message, for clients. */
export function reasonOf(err: unknown): string {
  // Drizzle wraps driver errors as "Failed query: <sql>"; the database's own message is the reason.
  for (let depth = 0; depth < 5 && err instanceof Error && /^Failed query:/.test(err.message) && err.cause; depth++) {
    const cause = err.cause;
    err = cause instanceof Error ? new Error(`database: ${cause.message}`) : cause;
  }
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 1000) || (err instanceof Error ? err.name : 'unknown error');
}
