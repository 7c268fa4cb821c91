// `apex start` / `apex serve` as a user runs them: a real process on a real port, bootstrapping an
// empty database (from the dump, or by syncing from the recorded Jolpica answers), answering, and
// closing cleanly on SIGTERM. Runs the TypeScript sources through tsx, so no build is needed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/config.js';
import { startCli, stopCli } from '../helpers/cli-process.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';

/** Resident memory of a process (MiB), from /proc. */
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

const json = async (url: string) => (await fetch(url)).json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('apex start / apex serve', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.cleanup();
  });

  it('bootstraps an empty database from F1DB then the Jolpica dump, serves it, and stops cleanly on SIGTERM', { timeout: 900_000 }, async () => {
    const tdb = await testDatabase('postgres', { migrate: false });
    dbs.push(tdb);
    const env = {
      APEX_HOME: mkdtempSync(join(tmpdir(), 'apex-start-')),
      DATABASE_URL: tdb.url!,
      F1DB_DIR: join(sharedDir, 'f1db'),
      JOLPICA_DUMP_DIR: join(sharedDir, 'jolpica-dump'),
    };
    const first = await startCli(['start', '--no-web'], env, 800_000);
    const out = first.output();
    expect(out).toContain('importing F1 history 1950–today from F1DB');
    expect(out.indexOf('from F1DB')).toBeLessThan(out.indexOf('importing F1 history from the Jolpica dump'));
    expect(out).toMatch(/driver\s+0\s+\d+\s+0/); // every F1DB driver new on an empty database
    expect(out).toMatch(/API docs\s+http:\/\/127\.0\.0\.1:\d+\/docs/);
    // Listening on loopback only: sessions load on request, no token to set or find.
    expect(out).toMatch(/Session loads\s+on request, no token/);
    const seasons = await json(`${first.apiUrl}/api/v1/seasons?limit=1`);
    expect(seasons.total).toBe(77);
    expect((await fetch(`${first.apiUrl}/ready`)).status).toBe(200);
    const firstRss = rssMiB(first.proc.pid!);
    expect(await stopCli(first)).toBe(0);

    // second start: the data is there, nothing is imported again
    const second = await startCli(['start', '--no-web'], env);
    expect(second.output()).not.toContain('importing');
    await json(`${second.apiUrl}/api/v1/seasons?limit=1`);
    // The imports ran in a child process: the API that served after them holds about what an API
    // that never imported holds (in-process imports left it hundreds of MiB larger).
    const secondRss = rssMiB(second.proc.pid!);
    console.log(`[start-cli] API RSS after the first start's imports ${firstRss.toFixed(0)} MiB, on the second start ${secondRss.toFixed(0)} MiB`);
    expect(firstRss).toBeLessThan(secondRss + 80);
    expect((await json(`${second.apiUrl}/api/v1/races/2023/1`)).results.length).toBeGreaterThan(0);
    expect(await stopCli(second)).toBe(0);
  });

  it('without a dump, syncs recent seasons from the Jolpica source with progress', { timeout: 300_000 }, async () => {
    const tdb = await testDatabase('postgres', { migrate: false });
    dbs.push(tdb);
    const env = {
      APEX_HOME: mkdtempSync(join(tmpdir(), 'apex-start-')),
      DATABASE_URL: tdb.url!,
      JOLPICA_DUMP_DIR: join(tmpdir(), 'no-dump-here'),
      F1DB_DIR: join(tmpdir(), 'no-f1db-here'), // and offline: no release download either
      JOLPICA_BASE_URL: join(sharedDir, 'f1data', 'jolpica'),
      APEX_OFFLINE: 'true',
    };
    const run = await startCli(['start', '--no-web', '--sync-from', '2023'], env);
    expect(run.output()).toContain('syncing seasons 2023');
    expect(run.output()).toMatch(/2023 round \d+/);
    const season = await json(`${run.apiUrl}/api/v1/seasons/2023`);
    expect(season.races).toHaveLength(22);
    expect(season.races.some((r: { winner: unknown }) => r.winner !== null)).toBe(true);
    expect(await stopCli(run)).toBe(0);
  });

  it('apex serve migrates an empty embedded database and serves it', { timeout: 300_000 }, async () => {
    const run = await startCli(['serve', '--port', '0'], { APEX_HOME: mkdtempSync(join(tmpdir(), 'apex-serve-')) });
    expect(run.output()).toContain('embedded PGlite');
    const ready = await json(`${run.apiUrl}/ready`);
    expect(ready).toMatchObject({ status: 'ready', database: 'pglite' });
    expect((await json(`${run.apiUrl}/api/v1/seasons`)).total).toBe(0);
    expect(await stopCli(run)).toBe(0);
  });
});
