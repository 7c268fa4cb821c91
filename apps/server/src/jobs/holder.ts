// Who holds a claim: `host/pid/procStart` of the process running a job. A claim names its holder so
// that a claim left by a process that is gone (SIGKILL, a crash, a restarted server) can be released
// as soon as anyone looks at it, instead of after its heartbeat has expired. Only processes on this
// host can be checked; a holder on another host is judged by its heartbeat alone.
import { hostname } from 'node:os';
import { holderAlive, procStartOf } from '../db/embedded-lock.js';

let me: string | undefined;

/** This process as a claim holder. */
export function thisProcess(): string {
  me ??= `${hostname()}/${process.pid}/${procStartOf(process.pid) ?? '-'}`;
  return me;
}

export interface Holder {
  readonly host: string;
  readonly pid: number;
  readonly procStart: string | null;
}

export function parseHolder(holder: string): Holder | null {
  const m = /^(.+)\/(\d+)\/([^/]+)$/.exec(holder);
  return m ? { host: m[1]!, pid: Number(m[2]), procStart: m[3] === '-' ? null : m[3]! } : null;
}

/**
 * True when the holder certainly no longer runs: a process of this host that has exited (or whose
 * pid now belongs to a later process). False when it runs, or cannot be checked from here.
 */
export function holderGone(holder: string | null, host = hostname()): boolean {
  const h = holder ? parseHolder(holder) : null;
  if (!h || h.host !== host) return false;
  return !holderAlive(h);
}
