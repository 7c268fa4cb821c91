// One process at a time on an embedded (PGlite) data folder: real `apex` processes against a running
// `apex serve`, a holder killed with SIGKILL, stale lock files, and what still opens side by side
// in one process (other folders, in memory, PostgreSQL).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/config.js';
import { openPglite, type Database } from '../../src/db/client.js';
import { EmbeddedDatabaseBusyError, lockPathFor } from '../../src/db/embedded-lock.js';
import { testDatabase } from '../helpers/db.js';
import { dumpDir } from '../helpers/history.js';
import { waitFor } from '../jobs/processes.js';

const apexBin = join(repoRoot, 'apps/server/bin/apex.js');
const execFileP = promisify(execFile);

/** A clean environment: no DATABASE_URL or REDIS_URL from the shell, so the embedded database is used. */
const cleanEnv = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', APEX_OFFLINE: 'true', ...env });

interface Finished {
  code: number;
  stdout: string;
  stderr: string;
  /** killed by the timeout: it hung */
  killed: boolean;
}

function apex(args: string[], env: Record<string, string>, timeoutMs = 90_000): Promise<Finished> {
  return execFileP(process.execPath, [apexBin, ...args], { cwd: repoRoot, env: cleanEnv(env), timeout: timeoutMs }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr, killed: false }),
    (e: { code: number; stdout: string; stderr: string; killed: boolean }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr, killed: e.killed }),
  );
}

interface Serving {
  proc: ChildProcess;
  url: string;
  output(): string;
}

async function startServe(home: string): Promise<Serving> {
  const proc = spawn(process.execPath, [apexBin, 'serve', '--port', '0', '--host', '127.0.0.1'], { cwd: repoRoot, env: cleanEnv({ APEX_HOME: home }), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const url = await waitFor('apex serve to print its URL', () => {
    if (proc.exitCode !== null) throw new Error(`apex serve exited ${proc.exitCode}: ${out}`);
    return /ApexData API\s+(http:\/\/\S+)\/api\/v1/.exec(out)?.[1];
  }, 180_000);
  return { proc, url, output: () => out };
}

async function stop(proc: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
  proc.kill(signal);
  const [code] = await once(proc, 'exit');
  return code as number | null;
}

/** The lines of stderr that are the CLI's own messages. */
const apexLines = (stderr: string) => stderr.split('\n').filter((l) => l.trim() !== '');
/** Field 22 of /proc/PID/stat: when the process started (Linux). */
const procStartOf = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]!;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('apex processes on one APEX_HOME', () => {
  let home: string;
  const running: ChildProcess[] = [];
  beforeAll(() => {
    if (!existsSync(join(repoRoot, 'apps/server/dist/cli/index.js'))) throw new Error('the CLI is not built: run `npm run build` (npm test does)');
    home = mkdtempSync(join(tmpdir(), 'apex-dblock-'));
  });
  afterAll(async () => {
    for (const p of running) await stop(p, 'SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('a CLI against a running server fails at once with one line naming the folder, the server and what to do; the server keeps answering', { timeout: 400_000 }, async () => {
    const server = await startServe(home);
    running.push(server.proc);
    const holder = JSON.parse(readFileSync(join(home, 'db.lock'), 'utf8'));
    expect(holder).toMatchObject({ pid: server.proc.pid, command: 'apex serve --port 0 --host 127.0.0.1' });

    const busy = new RegExp(
      `^apex: the embedded database ${escape(join(home, 'db'))} is in use by pid ${server.proc.pid} \\(apex serve --port 0 --host 127\\.0\\.0\\.1, since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\) and PGlite allows one process at a time: ` +
        `while that server runs, ask it instead \\(POST /api/v1/sessions/\\{year\\}/\\{round\\}/\\{session\\}/load, POST /api/v1/history/import or /api/v1/history/sync, with Authorization: Bearer \\$APEX_ADMIN_TOKEN\\) or stop it first, ` +
        'or set DATABASE_URL to use PostgreSQL, which has no such limit$',
    );
    for (const args of [['session', 'load', '2025', '20', 'Q'], ['import', 'jolpica-dump', dumpDir]]) {
      const r = await apex(args, { APEX_HOME: home });
      expect(r.killed, `apex ${args.join(' ')} hung`).toBe(false);
      expect(r.code, r.stderr).toBe(1);
      expect(apexLines(r.stderr)).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(busy);
      expect(r.stdout).toBe('');
    }

    // The server never noticed: it answers, from the same (still empty) database.
    expect(await (await fetch(`${server.url}/ready`)).json()).toMatchObject({ status: 'ready', database: 'pglite' });
    expect(((await (await fetch(`${server.url}/api/v1/seasons`)).json()) as { total: number }).total).toBe(0);

    // With DATABASE_URL the embedded folder is not involved: no lock, no refusal.
    const pg = await testDatabase('postgres', { migrate: false });
    try {
      const r = await apex(['db', 'migrate'], { APEX_HOME: home, DATABASE_URL: pg.url! });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/migrations applied \(PostgreSQL\)/);
    } finally {
      await pg.cleanup();
    }

    expect(await stop(server.proc, 'SIGTERM')).toBe(0);
    expect(existsSync(join(home, 'db.lock'))).toBe(false);
  });

  it('a holder killed with SIGKILL leaves its lock behind, and the next process takes it over', { timeout: 400_000 }, async () => {
    const killed = await startServe(home);
    running.push(killed.proc);
    await stop(killed.proc, 'SIGKILL');
    expect(JSON.parse(readFileSync(join(home, 'db.lock'), 'utf8')).pid).toBe(killed.proc.pid);

    const migrated = await apex(['db', 'migrate'], { APEX_HOME: home });
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/migrations applied \(PGlite in /);
    expect(existsSync(join(home, 'db.lock'))).toBe(false);

    const next = await startServe(home);
    running.push(next.proc);
    expect(JSON.parse(readFileSync(join(home, 'db.lock'), 'utf8')).pid).toBe(next.proc.pid);
    expect((await fetch(`${next.url}/ready`)).status).toBe(200);
    expect(await stop(next.proc, 'SIGTERM')).toBe(0);
  });
});

describe('the lock within one process', () => {
  let dir: string;
  const open: Database[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apex-dblock-lite-'));
  });
  afterAll(async () => {
    for (const d of open) await d.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const opened = async (dataDir?: string) => {
    const d = await openPglite(dataDir);
    open.push(d);
    return d;
  };

  it('opens different folders and in-memory databases side by side, refuses the same folder twice until it is closed', { timeout: 120_000 }, async () => {
    const a = await opened(join(dir, 'a'));
    const b = await opened(join(dir, 'b'));
    const memory = await opened();
    const memory2 = await opened();
    for (const d of [a, b, memory, memory2]) await d.ping();

    const again = await openPglite(join(dir, 'a')).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(EmbeddedDatabaseBusyError);
    expect((again as Error).message).toBe(`the embedded database ${join(dir, 'a')} is already open in this process (${(again as EmbeddedDatabaseBusyError).holder.command}); close it before opening it again`);

    await a.close();
    const reopened = await opened(join(dir, 'a'));
    await reopened.ping();
  });

  it('a CLI started while this process holds the folder is refused, naming this process and telling to wait', { timeout: 120_000 }, async () => {
    const home = join(dir, 'home');
    const held = await opened(join(home, 'db'));
    const r = await apex(['db', 'migrate'], { APEX_HOME: home });
    expect(r.code).toBe(1);
    expect(apexLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^apex: the embedded database ${escape(join(home, 'db'))} is in use by pid ${process.pid} \\(.+\\) and PGlite allows one process at a time: wait until it has finished or stop it, or set DATABASE_URL`));
    await held.close();
    expect((await apex(['db', 'migrate'], { APEX_HOME: home })).code).toBe(0);
  });

  it('takes over a lock whose pid no longer exists or now belongs to a later process (this one included)', { timeout: 120_000 }, async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await once(gone, 'exit');
    const folder = join(dir, 'stale');
    const lockFile = lockPathFor(folder);
    const lockOf = (pid: number, procStart: string | null) => JSON.stringify({ pid, command: 'apex serve', startedAt: '2025-01-01T00:00:00.000Z', procStart, token: 'left-behind' });

    writeFileSync(lockFile, lockOf(gone.pid!, null));
    const first = await openPglite(folder);
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
    await first.close();
    expect(existsSync(lockFile)).toBe(false);

    // A live process with that pid, but started after the lock was written: pid reuse (Linux /proc).
    const sleeper = spawn('sleep', ['60']);
    try {
      const procStart = procStartOf(sleeper.pid!);
      writeFileSync(lockFile, lockOf(sleeper.pid!, String(Number(procStart) - 1)));
      const second = await openPglite(folder);
      await second.close();

      // The same process as recorded: a live holder.
      writeFileSync(lockFile, lockOf(sleeper.pid!, procStart));
      const refused = await openPglite(folder).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(EmbeddedDatabaseBusyError);
      expect((refused as Error).message).toMatch(new RegExp(`is in use by pid ${sleeper.pid} \\(apex serve, since 2025-01-01T00:00:00\\.000Z\\) and PGlite allows one process at a time: while that server runs`));
      expect(JSON.parse(readFileSync(lockFile, 'utf8')).token).toBe('left-behind');

      // This process's own pid: written by it (another thread) holds; written by an earlier process
      // given the same pid (a restarted container) does not.
      const ownStart = procStartOf(process.pid);
      writeFileSync(lockFile, lockOf(process.pid, ownStart));
      expect((await openPglite(folder).catch((e: unknown) => e) as Error).message).toMatch(/is already open in this process \(apex serve\)/);
      writeFileSync(lockFile, lockOf(process.pid, String(Number(ownStart) - 1)));
      await (await openPglite(folder)).close();
      expect(existsSync(lockFile)).toBe(false);
    } finally {
      await stop(sleeper, 'SIGKILL');
    }
  });
});
