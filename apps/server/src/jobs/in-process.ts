// The in-process queue (no Redis): jobs run in this process, one at a time by default (loads are
// CPU-bound and the machine is small), with the same retries and progress as under BullMQ. Job
// records live in memory: after a restart they are gone, and the domain state (e.g. a session's
// row, claimed by this process) tells what happened. Closing the queue interrupts running jobs
// (their signal aborts) and fails queued ones, so a stopping server leaves no job claimed.
import { thisProcess } from './holder.js';
import { AttemptFailedError, runAttempt } from './run.js';
import {
  backoffDelay, JobInterruptedError, reasonOf, type EnqueueResult, type JobDefinition, type JobProgress, type JobQueue, type JobView,
} from './types.js';

interface JobRecord {
  id: string;
  name: string;
  data: unknown;
  state: JobView['state'];
  progress: JobProgress | null;
  error: string | null;
  attempts: number;
  maxAttempts: number;
  result: unknown;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface InProcessQueueOptions {
  /** Jobs running at once (default 1). */
  concurrency?: number;
  /** Finished jobs kept for GET /jobs/{id} (oldest forgotten first). Default 500. */
  keepFinished?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDefinition<Deps> = JobDefinition<any, any, Deps>;

export class InProcessQueue<Deps> implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly defs: Map<string, AnyDefinition<Deps>>;
  private readonly jobs = new Map<string, JobRecord>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private closed = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly stop = new AbortController();

  constructor(definitions: readonly AnyDefinition<Deps>[], private readonly deps: Deps, private readonly options: InProcessQueueOptions = {}) {
    this.defs = new Map(definitions.map((d) => [d.name, d]));
  }

  async enqueue<D>(name: string, input: D): Promise<EnqueueResult> {
    if (this.closed) throw new Error('job queue is closed');
    const def = this.defs.get(name);
    if (!def) throw new Error(`unknown job '${name}'`);
    const data = def.validate ? def.validate(input) : input;
    const id = def.jobId(data);
    const existing = this.jobs.get(id);
    if (existing && (existing.state === 'queued' || existing.state === 'running')) return { job: view(existing), created: false };
    const record: JobRecord = {
      id, name, data, state: 'queued', progress: null, error: null, attempts: 0, maxAttempts: def.attempts, result: null,
      createdAt: new Date(), finishedAt: null,
    };
    this.jobs.delete(id);
    this.jobs.set(id, record);
    this.trim();
    await def.onQueued?.(data, this.deps, id, thisProcess());
    this.schedule(def, record, 0);
    return { job: view(record), created: true };
  }

  async get(id: string): Promise<JobView | null> {
    const r = this.jobs.get(id);
    return r ? view(r) : null;
  }

  /**
   * Stops taking jobs, interrupts running ones (`reason`), fails queued ones and pending retries, and
   * waits for running attempts to end — each tells its definition why, so nothing stays claimed.
   */
  async close(reason = 'the server stopped'): Promise<void> {
    if (this.closed) return this.drain();
    this.closed = true;
    this.stop.abort(new Error(`interrupted: ${reason}`));
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const wake of this.waiting.splice(0)) wake();
    const cancelled = [...this.jobs.values()].filter((r) => r.state === 'queued');
    await Promise.allSettled(cancelled.map((r) => this.cancel(r, `interrupted: ${reason} before job ${r.id} ran; start it again`)));
    await this.drain();
  }

  private async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async cancel(record: JobRecord, reason: string): Promise<void> {
    Object.assign(record, { state: 'failed', error: reason, finishedAt: new Date() });
    const def = this.defs.get(record.name)!;
    try {
      await def.onFailure?.(record.data, this.deps, new JobInterruptedError(reason), { jobId: record.id, attempt: record.attempts, final: true, reason });
    } catch {
      // best effort, as in runAttempt
    }
  }

  /** Resolves when no job is queued or running (tests, CLI). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      await Promise.allSettled([...this.inFlight]);
      if (this.timers.size > 0) await new Promise((r) => setTimeout(r, 20));
    }
  }

  private schedule(def: AnyDefinition<Deps>, record: JobRecord, delayMs: number): void {
    const start = () => {
      const p = this.run(def, record).finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    };
    if (delayMs <= 0) return start();
    const t = setTimeout(() => { this.timers.delete(t); start(); }, delayMs);
    this.timers.add(t);
  }

  private async slot(): Promise<boolean> {
    const limit = Math.max(1, this.options.concurrency ?? 1);
    while (this.running >= limit && !this.closed) await new Promise<void>((r) => this.waiting.push(r));
    if (this.closed) return false;
    this.running++;
    return true;
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }

  private async run(def: AnyDefinition<Deps>, record: JobRecord): Promise<void> {
    // Closed while waiting for a slot: close() has failed the record already.
    if (!(await this.slot())) return;
    record.state = 'running';
    record.attempts++;
    try {
      record.result = await runAttempt(def, record.data, this.deps, (p) => { record.progress = p; }, {
        jobId: record.id, attempt: record.attempts, maxAttempts: record.maxAttempts, signal: this.stop.signal,
      });
      Object.assign(record, { state: 'done', error: null, finishedAt: new Date(), progress: { stage: 'done', percent: 100 } });
    } catch (err) {
      const failure = err instanceof AttemptFailedError ? err.failure : { final: true, reason: reasonOf(err) };
      record.error = failure.reason;
      if (failure.final || this.closed) {
        Object.assign(record, { state: 'failed', finishedAt: new Date() });
      } else {
        record.state = 'queued';
        // Progress starts again with the next attempt (as the session row says: retrying).
        record.progress = { stage: 'retrying', percent: 0, detail: failure.reason };
        this.schedule(def, record, backoffDelay(record.attempts, def.backoff));
      }
    } finally {
      this.release();
    }
  }

  private trim(): void {
    const keep = this.options.keepFinished ?? 500;
    const finished = [...this.jobs.values()].filter((r) => r.state === 'done' || r.state === 'failed');
    for (const r of finished.slice(0, Math.max(0, finished.length - keep))) this.jobs.delete(r.id);
  }
}

function view(r: JobRecord): JobView {
  return {
    id: r.id,
    name: r.name,
    state: r.state,
    stage: r.progress?.stage ?? (r.state === 'queued' ? 'queued' : null),
    percent: r.progress?.percent ?? (r.state === 'queued' ? 0 : null),
    detail: r.progress?.detail ?? null,
    error: r.error,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    result: r.result ?? null,
    data: r.data,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
