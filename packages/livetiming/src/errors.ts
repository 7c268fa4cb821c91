// Two tiers of failure, as in FastF1: a critical error means there is no session to speak of (the
// path is wrong, nothing could be read); everything else degrades the result and is reported as an
// issue next to the data, never swallowed. `strict` loading turns issues into errors.

export type CriticalCode =
  /** The session path is not a session path. */
  | 'bad-path'
  /** The archive has none of the session's core topics. */
  | 'session-not-found'
  /** A core topic exists but could not be fetched (network, offline cache miss). */
  | 'source-unavailable'
  /** `strict` loading and at least one issue was raised. */
  | 'strict';

export class EngineCriticalError extends Error {
  override readonly name = 'EngineCriticalError';
  constructor(
    readonly code: CriticalCode,
    message: string,
    readonly issues: readonly LoadIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /**
   * True when trying again later may succeed (the source failed, the session may well exist): a job
   * runner should retry these and give up on the others.
   */
  get transient(): boolean {
    return this.code === 'source-unavailable';
  }
}

export type LoadIssueCode =
  /** The archive does not have this topic for the session (normal for many sessions). */
  | 'topic-missing'
  /** The topic exists or may exist but could not be fetched. */
  | 'topic-unavailable'
  /** Lines of a topic were skipped because they could not be decoded. */
  | 'corrupt-lines'
  /** A processing step failed; its output is missing. */
  | 'step-failed'
  /** A processing step reported a data problem it worked around (FastF1's warnings). */
  | 'data-warning'
  /** Jolpica could not be asked or did not know the race (lap-1 times, official results). */
  | 'jolpica-unavailable';

/** A soft problem met while loading; the data is still usable, with what the message says missing. */
export interface LoadIssue {
  readonly code: LoadIssueCode;
  readonly message: string;
  readonly topic?: string;
  /** Number of items concerned (e.g. corrupt lines). */
  readonly count?: number;
}
