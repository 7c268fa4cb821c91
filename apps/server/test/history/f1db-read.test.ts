// The F1DB reader on the real tree (../shared/f1db, read once, in threads) and on small trees made
// from it with one file broken: every field read, and a bad file named with its line and field.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { F1dbFormatError, parseFile, readF1db, type F1db } from '../../src/history/f1db/index.js';
import { f1dbDir, yamlList, yamlMap } from '../helpers/history.js';

let tree: F1db;
beforeAll(async () => {
  tree = await readF1db(join(f1dbDir, '..'), { threads: 2 });
});

const countFiles = (dir: string) => readdirSync(join(f1dbDir, dir)).length;

describe('readF1db on the real tree', () => {
  it('reads every entity file and every season and race', () => {
    expect(tree.drivers).toHaveLength(countFiles('drivers'));
    expect(tree.constructors).toHaveLength(countFiles('constructors'));
    expect(tree.chassis).toHaveLength(countFiles('chassis'));
    expect(tree.engines).toHaveLength(countFiles('engines'));
    expect(tree.entrants).toHaveLength(countFiles('entrants'));
    expect(tree.circuits).toHaveLength(countFiles('circuits'));
    expect(tree.countries).toHaveLength(countFiles('countries'));
    expect(tree.seasons.map((s) => s.year)).toEqual(Array.from({ length: 2026 - 1950 + 1 }, (_, i) => 1950 + i));
    for (const s of tree.seasons) expect(s.races.map((r) => r.folder)).toEqual(readdirSync(join(f1dbDir, 'seasons', String(s.year), 'races')).sort());
  });

  it('keeps every row of every per-race file', () => {
    const bahrain = tree.seasons.find((s) => s.year === 2024)!.races[0]!;
    const dir = join(f1dbDir, 'seasons/2024/races/01-bahrain');
    expect(bahrain.raceResults).toHaveLength(yamlList(join(dir, 'race-results.yml')).length);
    expect(bahrain.pitStops).toHaveLength(yamlList(join(dir, 'pit-stops.yml')).length);
    expect(bahrain.freePractice2Results).toHaveLength(yamlList(join(dir, 'free-practice-2-results.yml')).length);
    expect(bahrain.raceResults[0]).toMatchObject({ position: 1, driverId: 'max-verstappen', time: '1:31:44.742', points: 26, grandSlam: true });
    const race = yamlMap(join(dir, 'race.yml'));
    expect(bahrain).toMatchObject({ round: 1, date: race.date, time: race.time, circuitLayoutId: race.circuitLayoutId, qualifyingTime: race.qualifyingTime });
  });

  it('reads drivers, constructors and circuits with their nested lists, dates as plain days', () => {
    const max = tree.drivers.find((d) => d.id === 'max-verstappen')!;
    expect(max).toMatchObject({ dateOfBirth: '1997-09-30', dateOfDeath: null, nationalityCountryId: 'netherlands' });
    expect(max.familyRelationships).toEqual([{ driverId: 'jos-verstappen', type: 'PARENT' }]);
    const toleman = tree.constructors.find((c) => c.id === 'toleman')!;
    expect(toleman.chronology!.map((c) => c.constructorId)).toEqual(['toleman', 'benetton', 'renault', 'lotus-f1', 'renault', 'alpine']);
    expect(tree.circuits.find((c) => c.id === 'monaco')!.layouts).toHaveLength(6);
  });

  it('normalises entrants: one-or-many chassis/engines/drivers become lists', () => {
    const aston = tree.seasons.find((s) => s.year === 1960)!.entrants.flatMap((e) => e.cars).find((c) => c.constructorId === 'aston-martin')!;
    expect(aston.chassisIds).toEqual(['aston-martin-dbr4', 'aston-martin-dbr5']);
    expect(aston.drivers).toContainEqual({ driverId: 'roy-salvadori', rounds: '4,7', testDriver: false });
    const indy = tree.seasons.find((s) => s.year === 1950)!.entrants.flatMap((e) => e.cars).find((c) => c.constructorId === 'lesovsky')!;
    expect(indy.drivers).toEqual([{ driverId: 'george-connor', rounds: '3', testDriver: false }]);
  });
});

describe('bad files', () => {
  const good = readFileSync(join(f1dbDir, 'seasons/2024/races/01-bahrain/race-results.yml'), 'utf8');
  const rel = 'seasons/2024/races/01-bahrain/race-results.yml';

  const failure = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err as F1dbFormatError;
    }
    throw new Error('no error');
  };

  it('an unknown field names file, line and field', () => {
    const text = good.replace('  grandSlam: true\n', '  grandSlam: true\n  tyreCompound: SOFT\n');
    const e = failure(() => parseFile(rel, text));
    expect(e).toBeInstanceOf(F1dbFormatError);
    expect(e.file).toBe(rel);
    expect(e.field).toBe('0.tyreCompound');
    expect(e.line).toBe(text.split('\n').indexOf('  tyreCompound: SOFT') + 1);
  });

  it('a wrong type names the field and its line', () => {
    const lines = good.split('\n');
    const third = lines.findIndex((l, i) => i > 0 && l.startsWith('- position: 3'));
    const lapsLine = lines.findIndex((l, i) => i > third && l.startsWith('  laps:'));
    lines[lapsLine] = '  laps: fifty-seven';
    const e = failure(() => parseFile(rel, lines.join('\n')));
    expect([e.field, e.line]).toEqual(['2.laps', lapsLine + 1]);
  });

  it('invalid YAML and unexpected files are errors', () => {
    expect(failure(() => parseFile(rel, '- position: 1\n  driverId: [unclosed\n')).message).toMatch(/race-results\.yml line \d+: invalid YAML/);
    expect(failure(() => parseFile('seasons/2024/races/01-bahrain/tyre-stints.yml', '[]')).message).toMatch(/unexpected file/);
  });

  describe('in a tree', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'f1db-bad-'));
      for (const sub of ['drivers', 'seasons/2024/races/01-bahrain']) mkdirSync(join(dir, sub), { recursive: true });
      cpSync(join(f1dbDir, 'drivers/max-verstappen.yml'), join(dir, 'drivers/max-verstappen.yml'));
      cpSync(join(f1dbDir, 'seasons/2024/races/01-bahrain'), join(dir, 'seasons/2024/races/01-bahrain'), { recursive: true });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads a small good tree, then fails naming the broken file whatever the thread count', async () => {
      const [one, two] = [await readF1db(dir, { threads: 1 }), await readF1db(dir, { threads: 2 })];
      expect(one.seasons[0]!.races[0]!.raceResults.length).toBeGreaterThan(0);
      expect(two).toEqual(one);
      writeFileSync(join(dir, 'drivers/max-verstappen.yml'), readFileSync(join(f1dbDir, 'drivers/max-verstappen.yml'), 'utf8').replace('dateOfBirth: 1997-09-30', 'dateOfBirth: 30/09/1997'));
      for (const threads of [1, 2]) {
        await expect(readF1db(dir, { threads })).rejects.toThrow(/drivers\/max-verstappen\.yml line 9, field "dateOfBirth"/);
      }
      rmSync(join(dir, 'seasons/2024/races/01-bahrain/race.yml'));
      writeFileSync(join(dir, 'drivers/max-verstappen.yml'), readFileSync(join(f1dbDir, 'drivers/max-verstappen.yml')));
      await expect(readF1db(dir)).rejects.toThrow(/01-bahrain: race folder without race\.yml/);
    });
  });
});
