// The `apex archive …` contract, tested by spawning the built binary (run `npm run build` first;
// `npm test` does). Output is compared with FastF1's own tables where one exists.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startArchiveServer, type TestServer } from './archive-server.js';
import { liveTimingDir, oracleDir } from './paths.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..');
const bin = resolve(repoRoot, 'apps', 'server', 'bin', 'apex.js');
if (!existsSync(resolve(repoRoot, 'apps', 'server', 'dist', 'cli', 'index.js'))) throw new Error('the apex binary is not built: run `npm run build`');

interface Run { code: number; stdout: string; stderr: string }
function apex(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}
// Spawns are slow on a shared 2-core machine (each loads the whole apex program).
const SLOW = { timeout: 240_000 };
const oracle = async (session: string, file: string) => JSON.parse(await readFile(resolve(oracleDir, session, file), 'utf8'));

const AZE_SS = '2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-29_Sprint_Shootout/';
const AZE_2018_R = '2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/';
const MEXICO_Q = '2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/';

/** FastF1 representation of a missing value: null, "" for text, "nan" for a compound without tyre data. */
const missing = (v: unknown) => v === null || v === '' || v === 'nan' || v === 'None';
function sameValue(ours: unknown, theirs: unknown): boolean {
  if (missing(theirs)) return ours === null || (ours === false && theirs === null);
  if (typeof theirs === 'number') return typeof ours === 'number' && Math.abs(ours - theirs) <= Math.max(1e-6 * Math.abs(theirs), 0.0005 + 1e-9);
  if (typeof theirs === 'string' && /^\d+\.0$/.test(theirs)) return ours === theirs.slice(0, -2); // pandas "1.0"
  return ours === theirs;
}

// Each spawn loads the whole apex program; independent runs go in parallel to keep wall time down.
describe.concurrent('apex archive: help and failures', SLOW, () => {
  it('has --help on every command, naming its options', async () => {
    const cases = [
      [[], ['sessions', 'laps', 'telemetry', 'results']],
      [['sessions'], ['--year', '--source', '--from', '--format']],
      [['laps'], ['<session-path>', '--format', '--driver', '--offline', '--cache']],
      [['telemetry'], ['--driver', '--lap <n|fastest>', '--format']],
      [['results'], ['--format', '"json", "fastf1"']],
    ] as const;
    const runs = await Promise.all(cases.map(([cmd]) => apex(['archive', ...cmd, '--help'])));
    runs.forEach((r, i) => {
      expect(r.code, cases[i]![0].join(' ')).toBe(0);
      for (const e of cases[i]![1]) expect(r.stdout).toContain(e);
    });
  });

  it.each([
    [['laps', '2023/Azerbaijan/Qualifying'], /^apex: invalid session path/],
    [['laps', '2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-29_Race/'], /^apex: no session at/],
    [['laps', AZE_SS, '--driver', 'XYZ'], /^apex: unknown driver "XYZ" in .* \(drivers: /],
    [['laps', AZE_SS, '--format', 'xml'], /^error: option '--format <format>' argument 'xml' is invalid/],
    [['telemetry', AZE_SS, '--driver', 'LEC', '--lap', 'best'], /^error: option '--lap <n\|fastest>' argument 'best' is invalid/],
    [['telemetry', AZE_SS, '--driver', 'LEC', '--lap', '3'], /^apex: no telemetry for .*CarData\.z is not in the archive/],
    [['telemetry', MEXICO_Q, '--driver', 'NOR', '--lap', '99'], /^apex: driver NOR has no lap 99/],
    [['laps', AZE_SS, '--source', '/nonexistent/archive'], /^apex: source directory not found/],
    [['results', AZE_SS, '--format', 'csv'], /^error: option '--format <format>' argument 'csv' is invalid/],
  ])('%j fails with one line and a non-zero exit', async (args, message) => {
    const r = await apex(['archive', ...args]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe.concurrent('apex archive sessions', SLOW, () => {
  it('lists the local archive (the default source) with paths', async () => {
    const r = await apex(['archive', 'sessions', '--year', '2023']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.some((l) => l.startsWith(AZE_SS) && l.includes('Sprint Shootout'))).toBe(true);
    expect(lines.every((l) => l.startsWith('2023/'))).toBe(true);
  });

  it('reads the season index with --from index, as JSON or CSV', async () => {
    const json = await apex(['archive', 'sessions', '--year', '2019', '--from', 'index', '--format', 'json']);
    const sessions = JSON.parse(json.stdout) as { path: string; name: string; type: string }[];
    const index = JSON.parse((await readFile(join(liveTimingDir, 'static', '2019', 'Index.json'), 'utf8')).replace(/^\ufeff/, ''));
    const withPath = index.Meetings.flatMap((m: { Sessions: { Path?: string; Key: number }[] }) => m.Sessions).filter((s: { Path?: string; Key: number }) => s.Path && s.Key !== -1);
    expect(sessions).toHaveLength(withPath.length);
    expect(sessions).toContainEqual(expect.objectContaining({ path: '2019/2019-09-08_Italian_Grand_Prix/2019-09-07_Qualifying/', name: 'Qualifying', type: 'Qualifying' }));
    const csv = await apex(['archive', 'sessions', '--year', '2019', '--from', 'index', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('path,year,eventDate,sessionDate,meetingName,name,type,key,startDate,gmtOffset,topics');
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(withPath.length + 1);
  });
});

describe.concurrent('apex archive laps', SLOW, () => {
  it('--format fastf1 reproduces FastF1\'s laps table (2023 Azerbaijan sprint shootout): same columns, order, rows and values', async () => {
    const r = await apex(['archive', 'laps', AZE_SS, '--format', 'fastf1']);
    expect(r.code).toBe(0);
    const ours = JSON.parse(r.stdout) as Record<string, unknown>[];
    const theirs = (await oracle('fastf1/2023_Azerbaijan_SS', 'laps.json')) as Record<string, unknown>[];
    expect(ours).toHaveLength(theirs.length);
    expect(Object.keys(ours[0]!)).toEqual(Object.keys(theirs[0]!));
    const byKey = new Map(ours.map((l) => [`${l.DriverNumber}#${l.LapNumber}`, l]));
    const mismatches: string[] = [];
    for (const t of theirs) {
      const o = byKey.get(`${t.DriverNumber}#${t.LapNumber}`)!;
      for (const [col, v] of Object.entries(t)) if (!sameValue(o[col], v)) mismatches.push(`${t.DriverNumber}#${t.LapNumber} ${col}: ${JSON.stringify(o[col])} vs ${JSON.stringify(v)}`);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('json keeps camelCase domain records with durations in ms; csv has the same values', async () => {
    const [fastf1, json, csv] = await Promise.all(['fastf1', 'json', 'csv'].map((f) => apex(['archive', 'laps', AZE_SS, '--driver', 'LEC', '--format', f])));
    const f = JSON.parse(fastf1!.stdout) as Record<string, unknown>[];
    const j = JSON.parse(json!.stdout) as Record<string, unknown>[];
    expect(j.length).toBeGreaterThan(3);
    expect(j.every((l) => l.driver === 'LEC')).toBe(true);
    j.forEach((l, i) => {
      expect(l.lapTime === null ? null : (l.lapTime as number) / 1000).toBeCloseTo((f[i]!.LapTime as number) ?? null, 3);
      expect(l.sector2SessionTime === null ? null : Math.round(l.sector2SessionTime as number) / 1000).toBe(f[i]!.Sector2SessionTime);
    });
    const rows = csv!.stdout.trimEnd().split('\r\n');
    expect(rows[0]!.split(',').slice(0, 4)).toEqual(['time', 'driver', 'driverNumber', 'lapTime']);
    expect(rows).toHaveLength(j.length + 1);
    expect(rows[2]!.split(',')[3]).toBe(j[1]!.lapTime === null ? '' : String(j[1]!.lapTime));
  });

  it('2018 Azerbaijan race: lap-1 times from the recorded Jolpica answers beside the archive', async () => {
    const r = await apex(['archive', 'laps', AZE_2018_R, '--driver', 'VET,HAM', '--format', 'fastf1']);
    const lap1 = (JSON.parse(r.stdout) as Record<string, unknown>[]).filter((l) => l.LapNumber === 1);
    const theirs = ((await oracle('fastf1/2018_Azerbaijan_R', 'laps.json')) as Record<string, unknown>[]).filter((l) => l.LapNumber === 1 && (l.Driver === 'VET' || l.Driver === 'HAM'));
    const byDriver = (rows: Record<string, unknown>[]) => rows.map((l) => [l.Driver, l.LapTime]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byDriver(lap1)).toEqual(byDriver(theirs));
    expect(lap1.every((l) => typeof l.LapTime === 'number')).toBe(true);
  });

  describe('over HTTP', () => {
    let server: TestServer;
    let cache: string;
    beforeAll(async () => {
      server = await startArchiveServer(liveTimingDir);
      cache = await mkdtemp(join(tmpdir(), 'apex-cli-cache-'));
    });
    afterAll(async () => {
      await server.close();
      await rm(cache, { recursive: true, force: true });
    });

    it('reads a URL source like a directory, fills a cache, and works offline from it', async () => {
      const local = await apex(['archive', 'laps', AZE_SS, '--format', 'csv']);
      const remote = await apex(['archive', 'laps', AZE_SS, '--format', 'csv', '--source', server.url, '--cache', cache]);
      expect(remote.code).toBe(0);
      expect(remote.stdout).toBe(local.stdout);
      expect(server.requests.some((p) => p.endsWith('/TimingData.jsonStream'))).toBe(true);
      const offline = await apex(['archive', 'laps', AZE_SS, '--format', 'csv', '--source', 'http://127.0.0.1:9', '--cache', cache, '--offline']);
      expect(offline.stdout).toBe(local.stdout);
      const uncached = await apex(['archive', 'laps', AZE_SS, '--source', 'http://127.0.0.1:9', '--offline']);
      expect(uncached.code).toBe(1);
      expect(uncached.stderr).toMatch(/^apex: cannot read .*offline: .* is not in the cache/);
    });
  });
});

describe.concurrent('apex archive telemetry', SLOW, () => {
  it('--lap fastest --format fastf1 gives FastF1\'s get_telemetry() columns for the 2025 Mexico City Q fastest lap of RUS', async () => {
    const r = await apex(['archive', 'telemetry', MEXICO_Q, '--driver', '63', '--lap', 'fastest', '--format', 'fastf1']);
    expect(r.code).toBe(0);
    const ours = JSON.parse(r.stdout) as Record<string, unknown>[];
    const theirs = await oracle('fastf1-mexico-2025-q', 'telemetry/RUS_fastest.json');
    expect(ours).toHaveLength(theirs.n);
    const columns = Object.keys(ours[0]!);
    expect(columns).toEqual(['Date', 'SessionTime', 'Time', 'RPM', 'Speed', 'nGear', 'Throttle', 'Brake', 'DRS', 'Source', 'Distance', 'RelativeDistance', 'Status', 'X', 'Y', 'Z', 'DriverAhead', 'DistanceToDriverAhead']);
    for (const col of columns) expect(Array.isArray(theirs[col]), col).toBe(true);
    // Exact at the car and position samples (durations and dates to the millisecond).
    const exact = ['SessionTime', 'Time', 'Source', 'Status'];
    const bad: string[] = [];
    ours.forEach((row, i) => {
      if (row.Date !== `${theirs.Date[i]}Z`) bad.push(`Date[${i}]`);
      for (const c of exact) if (!sameValue(row[c], theirs[c][i])) bad.push(`${c}[${i}] ${row[c]} vs ${theirs[c][i]}`);
      const src = theirs.Source[i];
      for (const c of src === 'car' ? ['RPM', 'Speed', 'nGear', 'Throttle', 'Brake', 'DRS'] : src === 'pos' ? ['X', 'Y', 'Z'] : []) {
        if (!sameValue(row[c], theirs[c][i])) bad.push(`${c}[${i}] ${row[c]} vs ${theirs[c][i]}`);
      }
    });
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

describe.concurrent('apex archive results', SLOW, () => {
  it('--format fastf1 matches FastF1\'s results of the 2018 Azerbaijan race (driver list joined with Jolpica)', async () => {
    const r = await apex(['archive', 'results', AZE_2018_R, '--format', 'fastf1']);
    expect(r.code).toBe(0);
    const ours = JSON.parse(r.stdout) as Record<string, unknown>[];
    const theirs = (await oracle('fastf1/2018_Azerbaijan_R', 'results.json')) as Record<string, unknown>[];
    expect(Object.keys(ours[0]!)).toEqual(Object.keys(theirs[0]!));
    expect(ours.map((x) => x.DriverNumber)).toEqual(theirs.map((x) => x.DriverNumber));
    const bad: string[] = [];
    theirs.forEach((t, i) => {
      for (const [col, v] of Object.entries(t)) if (!sameValue(ours[i]![col], v)) bad.push(`${t.DriverNumber} ${col}: ${JSON.stringify(ours[i]![col])} vs ${JSON.stringify(v)}`);
    });
    expect(bad).toEqual([]);
  });

  it('json adds where the classification came from', async () => {
    const r = await apex(['archive', 'results', MEXICO_Q]);
    const rows = JSON.parse(r.stdout) as { driverNumber: string; position: number; source: string; q3: number | null }[];
    expect(rows).toHaveLength(20);
    expect(rows.every((x) => x.source === 'laps')).toBe(true); // Jolpica has no 2025 Mexico qualifying
    expect(rows[0]).toMatchObject({ driverNumber: '4', position: 1, q3: 75_586 });
  });
});
