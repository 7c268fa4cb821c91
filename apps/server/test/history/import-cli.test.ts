// `apex db migrate` and `apex import jolpica-dump` as a user runs them (built CLI, own APEX_HOME),
// and a full public dump whose standings tables are used instead of computed ones.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/config.js';
import { openPglite } from '../../src/db/client.js';
import * as s from '../../src/db/schema/index.js';
import { importJolpicaDump, readDump } from '../../src/history/import/index.js';
import { backends, importedDatabase, testDatabase } from '../helpers/db.js';
import { dumpDir } from '../helpers/history.js';

const apex = join(repoRoot, 'apps/server/bin/apex.js');
const run = promisify(execFile);

describe('apex import jolpica-dump (CLI)', () => {
  let home: string;
  beforeAll(() => {
    if (!existsSync(join(repoRoot, 'apps/server/dist/cli/index.js'))) throw new Error('the CLI is not built: run `npm run build` (npm test does)');
    home = mkdtempSync(join(tmpdir(), 'apex-home-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  const env = () => ({ ...process.env, APEX_HOME: home, DATABASE_URL: '' });

  it('migrates, then imports into $APEX_HOME/db', { timeout: 300_000 }, async () => {
    const migrated = await run(process.execPath, [apex, 'db', 'migrate'], { env: env() });
    expect(migrated.stdout).toMatch(/migrations applied \(PGlite in /);
    const first = await run(process.execPath, [apex, 'import', 'jolpica-dump', dumpDir], { env: env(), timeout: 300_000 });
    expect(first.stdout).toMatch(/results\s+3160 new\s+0 changed\s+0 removed\s+0 unchanged/);
    const database = await openPglite(join(home, 'db'));
    try {
      const [n] = await database.db.select({ n: s.driverStandings.points }).from(s.driverStandings).innerJoin(s.drivers, eq(s.drivers.id, s.driverStandings.driverId)).where(and(eq(s.drivers.driverRef, 'max_verstappen'), eq(s.driverStandings.season, 2023), eq(s.driverStandings.round, 22)));
      expect(n!.n).toBe(575);
    } finally {
      await database.close();
    }
  });

  it('fails with one line and exit code 1 on a missing directory or a malformed row', { timeout: 120_000 }, async () => {
    const missing = await run(process.execPath, [apex, 'import', 'jolpica-dump', join(home, 'nope')], { env: env() }).catch((e) => e);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n').filter((l: string) => l.startsWith('apex:'))).toHaveLength(1);
    expect(missing.stderr).toMatch(/apex: dump directory not found/);

    const dir = mkdtempSync(join(tmpdir(), 'apex-dump-'));
    cpSync(dumpDir, dir, { recursive: true });
    const file = join(dir, 'formula_one_lap.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(15479,lap_m6yR5fPg,,f,)t,/m, '$1maybe,'));
    const bad = await run(process.execPath, [apex, 'import', 'jolpica-dump', dir], { env: env() }).catch((e) => e);
    rmSync(dir, { recursive: true, force: true });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^apex: formula_one_lap\.csv line 3, column "is_entry_fastest_lap": expected a boolean \(t\/f\) \(got "maybe"\)$/m);
  });
});

describe.each(backends)('a full dump with standings tables on %s', (kind) => {
  it('takes standings from driverchampionship/teamchampionship instead of computing them', { timeout: 300_000 }, async () => {
    // Build the two files a full public dump carries, from standings computed for this dump, with one
    // value changed so that the import can only have taken it from the file.
    const computed = await importedDatabase(kind);
    const dir = mkdtempSync(join(tmpdir(), 'apex-dump-'));
    try {
      const dump = await readDump(dumpDir);
      const driverId = new Map(dump.driver.rows.map((r) => [r.text('reference'), r.int('id')]));
      const teamId = new Map(dump.team.rows.map((r) => [r.text('reference'), r.int('id')]));
      const seasonId = new Map(dump.season.rows.map((r) => [r.int('year'), r.int('id')]));
      const roundId = new Map(dump.round.rows.map((r) => [`${[...seasonId].find(([, id]) => id === r.int('season_id'))![0]}/${r.int('number')}`, r.int('id')]));
      const db = computed.database.db;
      const ds = await db.select({ st: s.driverStandings, ref: s.drivers.driverRef }).from(s.driverStandings).innerJoin(s.drivers, eq(s.drivers.id, s.driverStandings.driverId));
      const cs = await db.select({ st: s.constructorStandings, ref: s.constructors.constructorRef }).from(s.constructorStandings).innerJoin(s.constructors, eq(s.constructors.id, s.constructorStandings.constructorId));
      type Standing = { season: number; round: number; points: number; position: number | null; positionText: string; wins: number; isEligible: boolean };
      const line = (st: Standing, key: number, i: number) =>
        [i + 1, st.positionText === 'D' ? 101 : st.positionText === 'E' ? 102 : 0, key, st.isEligible ? 't' : 'f', st.points === 575 ? 576 : st.points, st.position ?? '', roundId.get(`${st.season}/${st.round}`), st.wins, seasonId.get(st.season), st.season].join(',');
      cpSync(dumpDir, dir, { recursive: true });
      writeFileSync(join(dir, 'formula_one_driverchampionship.csv'), ['id,adjustment_type,driver_id,is_eligible,points,position,round_id,win_count,season_id,year', ...ds.map((r, i) => line(r.st, driverId.get(r.ref)!, i))].join('\n') + '\n');
      writeFileSync(join(dir, 'formula_one_teamchampionship.csv'), ['id,adjustment_type,team_id,is_eligible,points,position,round_id,win_count,season_id,year', ...cs.map((r, i) => line(r.st, teamId.get(r.ref)!, i))].join('\n') + '\n');
    } finally {
      await computed.cleanup();
    }
    const t = await testDatabase(kind);
    try {
      const report = await importJolpicaDump(t.database.db, dir);
      expect(report.read.driverchampionship).toBeGreaterThan(3000);
      const [ver] = await t.database.db.select({ st: s.driverStandings }).from(s.driverStandings).innerJoin(s.drivers, eq(s.drivers.id, s.driverStandings.driverId)).where(and(eq(s.drivers.driverRef, 'max_verstappen'), eq(s.driverStandings.season, 2023), eq(s.driverStandings.round, 22)));
      expect(ver!.st).toMatchObject({ points: 576, position: 1, wins: 19 });
      expect(report.written.driver_standings!.inserted).toBe(report.read.driverchampionship);
      expect(report.written.constructor_standings!.inserted).toBe(report.read.teamchampionship);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await t.cleanup();
    }
  });
});
