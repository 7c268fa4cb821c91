// `apex live run --recording`: the ingester process starts by replaying a recording of the shared
// folder, and an API process on the same Redis installation serves it; a bad name, an unknown
// recording or a bad speed ends the command with one line and a non-zero exit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { repoRoot, sharedDir } from '../../src/config.js';
import { testApp } from '../http/app-helper.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { apexBin } from '../helpers/cli-process.js';
import { sleep } from './helpers.js';

const REDIS_URL = process.env.APEX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const recordings = resolve(sharedDir, 'f1data', 'recordings');
const QATAR = '2023-qatar-sprint-live-excerpt.txt';

/** Runs `apex live run …` until `until` matches its output or it exits. */
function liveRun(args: string[], env: Record<string, string>, until: RegExp | null, timeoutMs = 120_000) {
  const proc = spawn(process.execPath, [apexBin, 'live', 'run', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; out: string; err: string }>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`apex live run: nothing within ${timeoutMs} ms\n${out}${err}`)), timeoutMs);
    const check = () => {
      if (until && until.test(out)) {
        clearTimeout(timer);
        ok({ code: null, out, err });
      }
    };
    proc.stdout.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      ok({ code, out, err });
    });
  });
  return { proc, done };
}

describe('apex live run --recording', () => {
  let home: string;
  let db: TestDatabase;
  let app: FastifyInstance | null = null;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'apex-live-cli-'));
    db = await testDatabase('postgres');
  });

  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
    rmSync(home, { recursive: true, force: true });
  });

  it('refuses a bad or unknown recording and a bad speed in one line, exit ≠ 0', async () => {
    const env = { APEX_HOME: home, REDIS_URL, APEX_LIVE_RECORDINGS: recordings };
    const unknown = await liveRun(['--recording', 'nope.jsonl'], env, null).done;
    expect(unknown.code).not.toBe(0);
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
    expect(unknown.err).toContain("no recording 'nope.jsonl'");
    const path = await liveRun(['--recording', '../recordings/x'], env, null).done;
    expect(path.code).not.toBe(0);
    expect(path.err).toContain("'../recordings/x' is not a file name");
    const speed = await liveRun(['--recording', QATAR, '--speed', '500'], env, null).done;
    expect(speed.code).not.toBe(0);
    expect(speed.err).toMatch(/speed must be a number from 1 to 100/);
  }, 240_000); // three CLI processes one after another on a loaded 2-core machine

  it('replays the recording; an API process of the same installation serves it', async () => {
    // The installation is the database: the CLI and the API share DATABASE_URL, hence a Redis namespace.
    const env = { APEX_HOME: home, REDIS_URL, DATABASE_URL: db.url!, APEX_LIVE_RECORDINGS: recordings };
    const run = liveRun(['--recording', QATAR, '--speed', '10', '--from', '60'], env, /replaying recording/);
    try {
      const started = await run.done;
      expect(started.out).toContain(`▸ replaying recording ${QATAR} at ×10`);
      app = await testApp({ database: db.database, env });
      let status: { source: string; recording: { name: string } | null; replay: { positionMs: number } | null } | null = null;
      for (let i = 0; i < 100 && status?.source !== 'recording'; i++) {
        await sleep(100);
        status = (await app.inject('/api/v1/live/status')).json();
      }
      expect(status).toMatchObject({ source: 'recording', recording: { name: QATAR } });
      expect(status!.replay!.positionMs).toBeGreaterThanOrEqual(60_000);
    } finally {
      run.proc.kill('SIGTERM');
      await new Promise((r) => run.proc.once('exit', r));
    }
  }, 240_000);
});
