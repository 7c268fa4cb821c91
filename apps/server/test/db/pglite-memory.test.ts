// The embedded database's memory, as a user meets it: `apex serve` (the built CLI) on an empty
// APEX_HOME, its resident memory once it listens, against the same API on PostgreSQL measured in the
// same run (the API's own memory, without a database inside it). Before initdb moved to a child
// process and shared_buffers came down, PGlite's API held 510–850 MiB after a first start and peaked
// ~920 MiB, vs ~145 MiB on PostgreSQL; now ~240–300 MiB. Memory, not time: load does not move it much.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/config.js';
import { apexBin, startCli, stopCli } from '../helpers/cli-process.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';

interface Memory {
  /** resident now, MiB */
  rss: number;
  /** the most it was resident, MiB */
  peak: number;
}

function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field: string) => Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) / 1024);
  return { rss: mib('VmRSS'), peak: mib('VmHWM') };
}

/** `apex serve` with `env` until it listens, its memory then, and a clean stop. */
async function serveMemory(env: Record<string, string>): Promise<Memory> {
  const running = await startCli(['serve'], env);
  try {
    // Let the start-up's last allocations settle before reading.
    await new Promise((r) => setTimeout(r, 1000));
    return memoryOf(running.proc.pid!);
  } finally {
    expect(await stopCli(running)).toBe(0);
  }
}

describe('embedded database memory', () => {
  const homes: string[] = [];
  const dbs: TestDatabase[] = [];
  const home = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'apex-pgmem-'));
    homes.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const d of dbs) await d.cleanup();
    for (const dir of homes) await rm(dir, { recursive: true, force: true });
  });

  it('an API on a new PGlite database stays within 250 MiB of the same API on PostgreSQL, reopened within 200', { timeout: 600_000 }, async () => {
    const tdb = await testDatabase('postgres', { migrate: false });
    dbs.push(tdb);
    const postgres = await serveMemory({ APEX_HOME: await home(), DATABASE_URL: tdb.url! });
    const apexHome = await home();
    const fresh = await serveMemory({ APEX_HOME: apexHome });
    const reopened = await serveMemory({ APEX_HOME: apexHome });
    console.log(`apex serve RSS / peak MiB: PostgreSQL ${postgres.rss} / ${postgres.peak}, new PGlite ${fresh.rss} / ${fresh.peak}, reopened ${reopened.rss} / ${reopened.peak}`);
    // initdb's ~600 MiB never enter the API process, not even as its peak (before: 510–850 MiB,
    // peak ~900; now 260–300). Reopened, PGlite's 128 MiB shared_buffers were the gap (before:
    // 377–383 MiB; now 240–256).
    expect(fresh.peak).toBeLessThan(postgres.peak + 250);
    expect(fresh.rss).toBeLessThan(postgres.rss + 250);
    expect(reopened.rss).toBeLessThan(postgres.rss + 200);
  });

  it('APEX_PGLITE_SHARED_BUFFERS sizes the database page cache the API holds', { timeout: 600_000 }, async () => {
    // One migrated database opened with PGlite's own 128 MiB, then with the default: on a reopened
    // folder the RSS varies by a few MiB from start to start, a new one's by tens.
    const apexHome = await home();
    const migrated = spawnSync(process.execPath, [apexBin, 'db', 'migrate'], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', APEX_HOME: apexHome }, encoding: 'utf8' });
    expect(migrated.status, migrated.stderr).toBe(0);
    const pgliteDefault = await serveMemory({ APEX_HOME: apexHome, APEX_PGLITE_SHARED_BUFFERS: '128' });
    const ours = await serveMemory({ APEX_HOME: apexHome });
    console.log(`apex serve RSS MiB, reopened database: shared_buffers 128 MiB ${pgliteDefault.rss}, default ${ours.rss}`);
    expect(ours.rss).toBeLessThan(pgliteDefault.rss - 60);
  });

  it('a bad APEX_PGLITE_SHARED_BUFFERS stops the CLI with one line naming it', () => {
    for (const bad of ['lots', '0', '4096']) {
      const r = spawnSync(process.execPath, [apexBin, 'serve'], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', APEX_HOME: tmpdir(), APEX_PGLITE_SHARED_BUFFERS: bad },
        encoding: 'utf8',
        // Accepted, it would serve until stopped.
        timeout: 60_000,
      });
      expect(r.status, bad).not.toBe(0);
      expect(r.stderr.trim().split('\n'), bad).toHaveLength(1);
      expect(r.stderr, bad).toMatch(/^apex: invalid configuration: APEX_PGLITE_SHARED_BUFFERS /);
    }
  });
});
