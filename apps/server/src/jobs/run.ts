// One attempt of a job, the same for every queue: run the processor, classify a failure as
// transient or permanent, tell the definition (so it can record the reason next to its data), and
// rethrow for the queue to retry or give up.
import { backoffDelay, PermanentJobError, reasonOf, type JobContext, type JobDefinition, type ReportProgress } from './types.js';

export interface AttemptFailure {
  readonly error: unknown;
  readonly permanent: boolean;
  readonly final: boolean;
  readonly reason: string;
}

export class AttemptFailedError extends Error {
  override readonly name = 'AttemptFailedError';
  constructor(readonly failure: AttemptFailure) {
    super(failure.reason, { cause: failure.error });
  }
}

export async function runAttempt<D, R, Deps>(
  def: JobDefinition<D, R, Deps>, data: D, deps: Deps, report: ReportProgress, context: JobContext,
): Promise<R> {
  try {
    return await def.process(data, deps, report, context);
  } catch (error) {
    const permanent = error instanceof PermanentJobError || !def.isTransient(error);
    const final = permanent || context.attempt >= context.maxAttempts;
    const reason = reasonOf(error);
    try {
      await def.onFailure?.(data, deps, error, { jobId: context.jobId, attempt: context.attempt, final, reason });
    } catch {
      // Recording the failure is best effort (the database may be what failed).
    }
    throw new AttemptFailedError({ error, permanent, final, reason });
  }
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); reject(signal.reason); }, { once: true });
});

/**
 * Runs a job to the end in this process, retrying transient failures with the definition's capped
 * backoff (the CLI and the in-process queue). Resolves with the result, rejects with the last
 * AttemptFailedError.
 */
export async function runToCompletion<D, R, Deps>(
  def: JobDefinition<D, R, Deps>, data: D, deps: Deps,
  options: { jobId?: string; report?: ReportProgress; onRetry?: (failure: AttemptFailure, attempt: number, delayMs: number) => void; signal?: AbortSignal; maxAttempts?: number } = {},
): Promise<R> {
  const jobId = options.jobId ?? def.jobId(data);
  const maxAttempts = options.maxAttempts ?? def.attempts;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runAttempt(def, data, deps, options.report ?? (() => {}), { jobId, attempt, maxAttempts, signal: options.signal });
    } catch (err) {
      if (!(err instanceof AttemptFailedError) || err.failure.final) throw err;
      const delay = backoffDelay(attempt, def.backoff);
      options.onRetry?.(err.failure, attempt, delay);
      await sleep(delay, options.signal);
    }
  }
}
