// `apex sync history` as a user runs it: the built CLI, against the loopback Jolpica server, into a
// fresh PostgreSQL database (PGlite is covered by the library tests; here the process boundary is).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/config.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { startJolpicaServer, type JolpicaServer } from '../helpers/jolpica-server.js';
import { counts, snapshot } from './sync-snapshot.js';

const apex = join(repoRoot, 'apps/server/bin/apex.js');
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string>): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [apex, ...args], { env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('apex sync history', () => {
  let server: JolpicaServer;
  let database: TestDatabase;
  let home: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'apps/server/dist/cli/index.js'))) throw new Error('the CLI is not built: run `npm run build` (npm test does)');
    server = await startJolpicaServer();
    database = await testDatabase('postgres', { migrate: false });
    home = mkdtempSync(join(tmpdir(), 'apex-sync-cli-'));
    env = { APEX_HOME: home, DATABASE_URL: database.url!, APEX_OFFLINE: 'false' };
  });
  afterAll(async () => {
    await database?.cleanup();
    await server?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('migrates, syncs the requested rounds and prints a summary', async () => {
    const out = await cli(['sync', 'history', '--season', '2023', '--round', '1', '--round', '5', '--base-url', server.url], env);
    expect(out.stderr).not.toMatch(/apex:/);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`▸ syncing season 2023 from ${server.url}`);
    expect(out.stdout).toMatch(/✓ season 2023: 2 rounds checked, 2 changed; 8 documents fetched \(0 unchanged\) in 10 requests/);
    expect(out.stdout).toContain('standings recomputed: 2023');
    expect(counts(await snapshot(database.database.db))).toMatchObject({ races: 22, results: 40, lap_times: 100 });
  });

  it('a second run is up to date', async () => {
    const out = await cli(['sync', 'history', '--season', '2023', '--round', '1', '--round', '5', '--base-url', server.url], env);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('rows written: none (already up to date)');
  });

  it('fails with one line and a non-zero exit when the source answers 404', async () => {
    const strict = await startJolpicaServer({ missing: 'not-found' });
    try {
      const out = await cli(['sync', 'history', '--season', '2023', '--round', '2', '--force', '--base-url', strict.url], env);
      expect(out.code).toBe(1);
      const lines = out.stderr.trim().split('\n').filter((l) => l.startsWith('apex:'));
      expect(lines).toEqual([`apex: 2023 round 2: ${strict.url}/ergast/f1/2023/2/results.json?limit=100&offset=0: not found (404) (0 of 1 rounds done; run the sync again to resume)`]);
    } finally {
      await strict.close();
    }
  });

  it('rejects contradictory options', async () => {
    const out = await cli(['sync', 'history', '--season', '2023', '--from', '2020'], env);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/--season.*cannot be used with.*--from/);
  });
});
