// Loads interrupted from outside, with real processes (issue 13, finding 1): `apex serve` SIGKILLed
// or SIGTERMed in the middle of a session load, `apex session load` SIGKILLed or stopped with
// Ctrl-C (SIGINT). Afterwards nothing may say `loading` for a process that is gone: the session
// says `failed: interrupted…`, its job is not a phantom `running` one, a new load is accepted, and
// the data of an earlier load is untouched. On the embedded PGlite and on PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/config.js';
import { apexBin } from '../helpers/cli-process.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { waitFor } from './processes.js';
import { archiveDir, f1data } from './session-fixtures.js';

const TOKEN = 'kill-test-token';
const KEY = { year: 2023, round: 4, session: 'SQ' } as const;
const JOB = 'session-2023-4-SQ';

interface Child {
  readonly proc: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function apex(args: string[], env: Record<string, string>): Child {
  const proc = spawn(process.execPath, [apexBin, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = once(proc, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  return { proc, output: () => out, exited };
}

async function serve(env: Record<string, string>): Promise<{ child: Child; url: string }> {
  const child = apex(['serve', '--port', '0'], env);
  const url = await waitFor('the API URL', () => {
    if (child.proc.exitCode !== null) throw new Error(`apex serve exited: ${child.output()}`);
    return /ApexData API\s+(http:\/\/\S+)\/api\/v1/.exec(child.output())?.[1];
  }, 120_000, 100);
  return { child, url };
}

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

/** The load is past its claim and into the engine's work (so a kill lands mid-load). */
const midLoad = (url: string) => waitFor('the load to be under way', async () => {
  const { body } = await get(`${url}/api/v1/jobs/${JOB}`);
  if (body.state === 'done' || body.state === 'failed') throw new Error(`the load ended before it could be interrupted: ${JSON.stringify(body)}`);
  return body.state === 'running' && body.stage !== 'resolve' ? body : null;
}, 60_000, 50);

describe.each(['pglite', 'postgres'] as const)('interrupted session loads on %s', (kind) => {
  let tdb: TestDatabase | undefined;
  let home: string;
  let env: Record<string, string>;
  const children: Child[] = [];
  const track = <T extends { child: Child } | Child>(c: T): T => (children.push('child' in c ? c.child : c), c);

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), `apex-kill-${kind}-`));
    if (kind === 'postgres') tdb = await testDatabase('postgres', { migrate: false });
    env = {
      APEX_HOME: home, APEX_ADMIN_TOKEN: TOKEN, APEX_OFFLINE: 'true', LIVETIMING_BASE_URL: archiveDir,
      JOLPICA_BASE_URL: join(f1data, 'jolpica'), APEX_RATE_LIMIT: '0',
      ...(tdb ? { DATABASE_URL: tdb.url! } : {}),
    };
  }, 60_000);

  afterAll(async () => {
    for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    await tdb?.cleanup();
    rmSync(home, { recursive: true, force: true });
  });

  const load = (url: string) => fetch(`${url}/api/v1/sessions/${KEY.year}/${KEY.round}/${KEY.session}/load`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });

  it('a server SIGKILLed mid-load: after a restart the session says failed: interrupted, the job is no phantom, and a new load is accepted', async () => {
    const first = track(await serve(env));
    expect((await load(first.url)).status).toBe(202);
    await midLoad(first.url);
    first.child.proc.kill('SIGKILL');
    await first.child.exited;

    const second = track(await serve(env));
    const session = await get(`${second.url}/api/v1/sessions/${KEY.year}/${KEY.round}/${KEY.session}`);
    expect(session.body.status).toMatchObject({ state: 'failed', hasData: false });
    expect(session.body.status.error).toMatch(/^interrupted: /);
    const job = await get(`${second.url}/api/v1/jobs/${JOB}`);
    expect(job.body).toMatchObject({ state: 'failed' });
    const laps = await get(`${second.url}/api/v1/sessions/${KEY.year}/${KEY.round}/${KEY.session}/laps`);
    expect(laps.status).toBe(404);
    expect(laps.body.error.message).not.toMatch(/being loaded/);

    // A new load is taken, not refused as "already being loaded"; SIGTERM stops it promptly and it
    // is recorded as interrupted by the stopping server.
    const again = await load(second.url);
    expect(again.status).toBe(202);
    expect((await again.json()).created).toBe(true);
    await midLoad(second.url);
    const stopAt = Date.now();
    second.child.proc.kill('SIGTERM');
    const { code } = await second.child.exited;
    expect(code).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(8000);

    const third = track(await serve(env));
    const after = await get(`${third.url}/api/v1/sessions/${KEY.year}/${KEY.round}/${KEY.session}`);
    expect(after.body.status).toMatchObject({ state: 'failed', hasData: false });
    expect(after.body.status.error).toMatch(/^interrupted: the server stopped/);
    third.child.proc.kill('SIGTERM');
    await third.child.exited;
  }, 300_000);

  it('apex session load SIGKILLed, then stopped with Ctrl-C: the next load is not refused, Ctrl-C exits 130 in one line and writes nothing', async () => {
    const killed = track(apex(['session', 'load', String(KEY.year), String(KEY.round), KEY.session], env));
    await waitFor('the CLI load to be under way', () => {
      if (killed.proc.exitCode !== null) throw new Error(`exited: ${killed.output()}`);
      return /\b(fetch|parse|laps|telemetry) \(\d+%\)/.test(killed.output());
    }, 60_000, 50);
    killed.proc.kill('SIGKILL');
    await killed.exited;

    const interrupted = track(apex(['session', 'load', String(KEY.year), String(KEY.round), KEY.session], env));
    await waitFor('the second CLI load to be under way', () => {
      if (interrupted.proc.exitCode !== null) throw new Error(`exited: ${interrupted.output()}`);
      return /\b(fetch|parse|laps|telemetry) \(\d+%\)/.test(interrupted.output());
    }, 60_000, 50);
    expect(interrupted.output()).not.toMatch(/already being loaded/);
    interrupted.proc.kill('SIGINT');
    const { code } = await interrupted.exited;
    expect(code).toBe(130);
    const errors = interrupted.output().split('\n').filter((l) => l.startsWith('apex:'));
    expect(errors).toEqual([expect.stringMatching(/^apex: interrupted \(SIGINT\); nothing was written$/)]);

    const status = apex(['session', 'status', String(KEY.year), String(KEY.round), KEY.session], env);
    await status.exited;
    expect(JSON.parse(status.output())).toMatchObject({ state: 'failed', hasData: false, error: 'interrupted (SIGINT); nothing was written' });
  }, 300_000);
});
