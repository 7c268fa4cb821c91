// The `session-load` job: load one session (year, round, session) into the database. The job id is
// the session's key (`session-2025-20-Q`), so a session is never queued or run twice at once.
import { parseSessionCode, sessionSlug, type SessionKey } from '../sessions/catalog.js';
import { isTransientLoadError, loadSession, type LoadDeps, type LoadSummary } from '../sessions/load.js';
import { markQueued, recordFailure, recordRetry } from '../sessions/store-write.js';
import type { JobDefinition } from './types.js';

export const SESSION_LOAD = 'session-load';

export class InvalidJobDataError extends Error {
  override readonly name = 'InvalidJobDataError';
}

export function sessionJobId(key: SessionKey): string {
  return `session-${sessionSlug(key)}`;
}

/** Parses `session-2025-20-Q` back into its key; null for other ids. */
export function sessionKeyOfJobId(id: string): SessionKey | null {
  const m = /^session-(\d{4})-(\d{1,2})-([A-Z0-9]+)$/.exec(id);
  const session = m ? parseSessionCode(m[3]!) : null;
  return m && session ? { year: Number(m[1]), round: Number(m[2]), session } : null;
}

function validate(data: unknown): SessionKey {
  const d = (data ?? {}) as Record<string, unknown>;
  const year = Number(d.year);
  const round = Number(d.round);
  const session = typeof d.session === 'string' ? parseSessionCode(d.session) : null;
  if (!Number.isInteger(year) || year < 2018 || year > 2100) throw new InvalidJobDataError(`year must be a season of the live-timing archive (2018 or later), got ${String(d.year)}`);
  if (!Number.isInteger(round) || round < 1 || round > 40) throw new InvalidJobDataError(`round must be a whole number 1–40, got ${String(d.round)}`);
  if (!session) throw new InvalidJobDataError(`session must be one of FP1, FP2, FP3, SQ, S, Q, R, got ${String(d.session)}`);
  return { year, round, session };
}

export const sessionLoadJob: JobDefinition<SessionKey, LoadSummary, LoadDeps> = {
  name: SESSION_LOAD,
  jobId: sessionJobId,
  validate,
  process: (key, deps, report, context) => loadSession(key, deps, report, context),
  isTransient: isTransientLoadError,
  onQueued: (key, deps, jobId, holder) => markQueued(deps.db, key, jobId, holder),
  onFailure: async (key, deps, _err, info) => {
    if (info.final) await recordFailure(deps.db, key, info.jobId, info.reason);
    else await recordRetry(deps.db, key, info.jobId, info.reason);
  },
  attempts: 4,
  backoff: { baseMs: 5_000, maxMs: 60_000 },
};
