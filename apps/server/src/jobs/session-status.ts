// A session's status as it is right now. The session row holds its load's stage and percent only as
// the loader last wrote them (throttled to one write per 500 ms and per stage, and from another
// process under BullMQ), so a client polling the session saw `queued 0%` or `resolve` while the job
// was at `store 88%`. While a load runs, its job — the in-process record, or the BullMQ job in Redis
// that the worker updates on every step — says where it is; the row is the fallback when the queue
// does not know the job (a CLI load in another process) or cannot be asked (Redis down).
import type { SessionStatusView } from '../sessions/store.js';
import type { JobQueue, JobView } from './types.js';

/** The stage and percent of a running (or queued) job, laid over the row's status; the status as it is otherwise. */
export function withJobProgress(status: SessionStatusView, job: JobView | null): SessionStatusView {
  if (status.state !== 'loading' || !job || job.id !== status.jobId) return status;
  if (job.state !== 'running' && job.state !== 'queued') return status;
  if (job.stage === null) return status;
  return { ...status, stage: job.stage, percent: job.percent };
}

/**
 * `status` following its job live (see withJobProgress). A status still `loading` whose job has
 * finished was read before the load's commit (or from a cache): `reread` gives the row's state as it
 * is now. Never fails: without an answer from the queue, the row's status.
 */
export async function followJob(jobs: JobQueue, status: SessionStatusView, reread: () => Promise<SessionStatusView>): Promise<SessionStatusView> {
  if (status.state !== 'loading' || !status.jobId) return status;
  let job: JobView | null;
  try {
    job = await jobs.get(status.jobId);
  } catch {
    return status;
  }
  if (job?.id === status.jobId && (job.state === 'done' || job.state === 'failed')) return reread();
  return withJobProgress(status, job);
}
