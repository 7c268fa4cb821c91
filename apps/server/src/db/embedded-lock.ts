// A PGlite data folder can be open in one process only. A second process opening it does not fail by
// itself: it hangs, or writes rows the first never sees. So whoever opens the folder takes
// `<folder>.lock` first, and anyone else is told at once who holds it and what to do instead.
//
// The lock file names its holder (pid, command, start). It is created complete and atomically (a
// hard link of a written temp file fails when the name exists), removed on close and on any exit
// (signal-exit also covers fatal signals), and a lock whose process is gone — SIGKILL, a crash, a
// container restarted — is taken over: a pid that no longer exists, or (Linux) one now owned by a
// process that started at another time, holds nothing.
import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { onExit } from 'signal-exit';

export interface LockHolder {
  pid: number;
  /** how the holder was started, e.g. `apex serve --port 8000` */
  command: string;
  /** ISO time the lock was taken */
  startedAt: string;
  /** the kernel's start time of `pid` (Linux /proc), to tell the holder from a later process given the same pid */
  procStart: string | null;
  /** tells this holder's file from a later one, so a release never removes someone else's lock */
  token: string;
}

/** The folder is open in another process (or already in this one). */
export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(busyMessage(dataDir, holder));
    this.name = 'EmbeddedDatabaseBusyError';
  }
}

export function lockPathFor(dataDir: string): string {
  return `${resolve(dataDir)}.lock`;
}

/** `apex …` for the CLI however it was launched (bin/apex.js, dist or sources through tsx). */
export function describeCommand(argv: readonly string[]): string {
  const [runtime = 'node', script = '', ...args] = argv;
  const isApex = /(?:bin\/apex\.js|cli\/index\.[jt]s)$/.test(script.replaceAll('\\', '/'));
  return [isApex ? 'apex' : basename(script || runtime), ...args].join(' ');
}

const serverCommand = /^apex (?:serve|start)\b/;

/** One line: the folder, who holds it, and what to do instead. */
export function busyMessage(dataDir: string, holder: LockHolder): string {
  const folder = resolve(dataDir);
  if (holder.pid === process.pid) {
    return `the embedded database ${folder} is already open in this process (${holder.command}); close it before opening it again`;
  }
  const instead = serverCommand.test(holder.command)
    ? 'while that server runs, ask it instead (POST /api/v1/sessions/{year}/{round}/{session}/load, POST /api/v1/history/import or /api/v1/history/sync, with Authorization: Bearer $APEX_ADMIN_TOKEN) or stop it first'
    : 'wait until it has finished or stop it';
  return `the embedded database ${folder} is in use by pid ${holder.pid} (${holder.command}, since ${holder.startedAt}) and PGlite allows one process at a time: ${instead}, or set DATABASE_URL to use PostgreSQL, which has no such limit`;
}

/** Field 22 of /proc/PID/stat (start time in clock ticks since boot); null where there is no /proc. */
export function procStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    return stat.slice(stat.lastIndexOf(')') + 1).trim().split(/\s+/)[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process named in a lock file (or a load's claim) still runs, as the same process that wrote it. */
export function holderAlive(holder: Pick<LockHolder, 'pid' | 'procStart'>): boolean {
  const now = procStartOf(holder.pid);
  // This process's own pid: another thread of it (its locks are not in this thread's `held`), or an
  // earlier process given the same pid, such as a restarted container's pid 1.
  if (holder.pid === process.pid) return now !== null && now === holder.procStart;
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return holder.procStart === null || now === null || now === holder.procStart;
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const h = JSON.parse(raw) as Partial<LockHolder>;
    if (!Number.isInteger(h.pid) || typeof h.token !== 'string') return null;
    return { pid: h.pid!, command: String(h.command ?? '?'), startedAt: String(h.startedAt ?? '?'), procStart: h.procStart ?? null, token: h.token };
  } catch {
    return null;
  }
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * Remove a dead holder's lock file, unless it was replaced since it was read: two processes taking
 * over the same stale lock must not remove each other's fresh one. Moving the file away is atomic,
 * so the one that moved a fresh lock by mistake sees it and puts it back.
 */
function removeStale(path: string, staleRaw: string): void {
  const aside = `${path}.${process.pid}.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (readOrNull(aside) !== staleRaw) {
    try {
      linkSync(aside, path);
    } catch {
      // another lock is already back in place
    }
  }
  unlinkQuietly(aside);
}

/** `path` with the content of `temp`, or EEXIST. */
function createExclusive(temp: string, path: string, raw: string): void {
  try {
    linkSync(temp, path);
  } catch (err) {
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
    // A filesystem without hard links: O_EXCL, the content following in the same call.
    writeFileSync(path, raw, { flag: 'wx' });
  }
}

/** Locks taken by this process: path → release. */
const held = new Map<string, () => void>();
let exitHookInstalled = false;

/** Release whatever is still held when the process ends, however it ends. */
function releaseAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  onExit(() => {
    for (const release of [...held.values()]) release();
  });
}

/**
 * Take the lock on a PGlite data folder, or throw EmbeddedDatabaseBusyError naming the holder.
 * Returns the release function (idempotent; also runs on process exit).
 */
export function lockEmbeddedDatabase(dataDir: string, argv: readonly string[] = process.argv): () => void {
  const path = lockPathFor(dataDir);
  if (held.has(path)) {
    throw new EmbeddedDatabaseBusyError(dataDir, parseHolder(readOrNull(path) ?? '') ?? ownHolder(argv, ''));
  }
  const me = ownHolder(argv, randomUUID());
  const raw = `${JSON.stringify(me)}\n`;
  const temp = `${path}.${process.pid}.${me.token}`;
  writeFileSync(temp, raw);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        createExclusive(temp, path, raw);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const current = readOrNull(path);
        if (current === null) continue;
        const holder = parseHolder(current);
        if (holder && holderAlive(holder)) throw new EmbeddedDatabaseBusyError(dataDir, holder);
        removeStale(path, current);
        continue;
      }
      const release = () => {
        if (held.get(path) !== release) return;
        held.delete(path);
        if (readOrNull(path) === raw) unlinkQuietly(path);
      };
      held.set(path, release);
      releaseAllOnExit();
      return release;
    }
    throw new Error(`could not take the lock ${path}: it keeps changing hands`);
  } finally {
    unlinkQuietly(temp);
  }
}

function ownHolder(argv: readonly string[], token: string): LockHolder {
  return { pid: process.pid, command: describeCommand(argv), startedAt: new Date().toISOString(), procStart: procStartOf(process.pid), token };
}
