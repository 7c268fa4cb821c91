// The F1DB import on the real tree and the real Jolpica dump, on PGlite and PostgreSQL: one entity
// graph whichever source comes first, every F1DB id an alias, each race's rows from one source
// (Jolpica where the dump has the race, F1DB elsewhere) with every disagreement listed, idempotent,
// all-or-nothing, and a new F1DB release updating what F1DB created.
//
// Cost: the F1DB write is the expensive step, so each backend runs it as few times as the checks
// allow — two sequences, and every check that only reads shares their databases:
//   A: F1DB → dump → F1DB again (no-op) → dump again (no-op)
//   B: dump → F1DB interrupted half-way → F1DB → a new F1DB release (a few files changed)
// The four sequences (two per backend) run side by side: PostgreSQL does much of its work in the
// server's processes while PGlite holds this thread. The tree and the dump are read once for the
// file and frozen, so no import can change what another one reads.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../../src/db/client.js';
import { loadDump, writeDump, type ImportReport, type LoadedDump } from '../../src/history/import/index.js';
import { loadF1db, parseFile, writeLoadedF1db, type F1db, type F1dbImportReport, type LoadedF1db } from '../../src/history/f1db/index.js';
import { entityDirs } from '../../src/history/f1db/files.js';
import { listFiles } from '../../src/history/f1db/read.js';
import { backends, testDatabase, type TestDatabase } from '../helpers/db.js';
import { dumpDir, f1dbDir, fingerprint } from '../helpers/history.js';

const t0 = performance.now();
const mark = (what: string) => console.log(`[f1db-import] ${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

/** Freeze every object of the tree: an import that changed the shared tree would throw (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

let loaded: LoadedF1db;
let dump: LoadedDump;
/** Each backend's sequences, registered by its describe block and run side by side below. */
const sequences = new Map<string, () => Promise<void>>();
const outcome = new Map<string, PromiseSettledResult<void>>();
beforeAll(async () => {
  [loaded, dump] = await Promise.all([loadF1db(f1dbDir), loadDump(dumpDir)]);
  deepFreeze(loaded.tree);
  deepFreeze(dump.batch);
  mark('tree and dump read');
  // PGlite's work holds this thread while PostgreSQL's runs in the server's processes: all four
  // sequences at once take about as long as PGlite's alone. A failure belongs to its backend only.
  const names = [...sequences.keys()];
  const settled = await Promise.allSettled([...sequences.values()].map((run) => run()));
  names.forEach((name, i) => outcome.set(name, settled[i]!));
}, 1_800_000);
afterAll(() => mark('file done'));

/** The slowest tables of a write, for the log. */
const slowest = (r: F1dbImportReport) =>
  `(${r.seconds.write.toFixed(1)} s; slowest: ${Object.entries(r.tables).sort((a, b) => b[1].seconds - a[1].seconds).slice(0, 4).map(([n, t]) => `${n} ${t.seconds.toFixed(1)} s`).join(', ')})`;
const changes = (r: F1dbImportReport) => Object.values(r.tables).reduce((n, t) => n + t.inserted + t.updated + t.deleted, 0);
const q = async <T>(db: Db, query: string) => rowsOf<T>(await db.execute(sql.raw(query)));

/** The graph by public ids (serial ids and status ids differ with the order rows were created in). */
async function graph(db: Db): Promise<Record<string, string>> {
  const queries: Record<string, string> = {
    drivers: `select driver_ref, given_name, family_name, date_of_birth, code, permanent_number, nationality from drivers`,
    constructors: `select constructor_ref, name, nationality from constructors`,
    circuits: `select circuit_ref, name, locality, lat, lng from circuits`,
    races: `select season, round, c.circuit_ref, r.name, r.date, r.time from races r join circuits c on c.id = r.circuit_id`,
    results: `select ra.season, ra.round, d.driver_ref, c.constructor_ref, x.number, x.position, x.position_text, x.points, x.laps, x.grid, x.time_millis, st.status, x.source
              from results x join races ra on ra.id = x.race_id join drivers d on d.id = x.driver_id join constructors c on c.id = x.constructor_id left join statuses st on st.id = x.status_id`,
    qualifying: `select ra.season, ra.round, d.driver_ref, x.number, x.position, x.q1, x.q2, x.q3, x.source from qualifying x join races ra on ra.id = x.race_id join drivers d on d.id = x.driver_id`,
    pit_stops: `select ra.season, ra.round, d.driver_ref, x.stop, x.lap, x.duration_millis, x.source from pit_stops x join races ra on ra.id = x.race_id join drivers d on d.id = x.driver_id`,
    lap_times: `select ra.season, ra.round, d.driver_ref, x.lap, x.time_millis from lap_times x join races ra on ra.id = x.race_id join drivers d on d.id = x.driver_id`,
    driver_standings: `select x.season, x.round, d.driver_ref, x.points, x.position, x.wins from driver_standings x join drivers d on d.id = x.driver_id`,
    constructor_standings: `select x.season, x.round, c.constructor_ref, x.points, x.position, x.wins from constructor_standings x join constructors c on c.id = x.constructor_id`,
    team_drivers: `select x.season, d.driver_ref, c.constructor_ref, x.role, x.source from team_drivers x join drivers d on d.id = x.driver_id join constructors c on c.id = x.constructor_id`,
    starting_grid: `select ra.season, ra.round, x.kind, x.ordinal, d.driver_ref, x.grid_penalty_text from starting_grid x join races ra on ra.id = x.race_id join drivers d on d.id = x.driver_id`,
    f1db_aliases: `select a.kind, a.alias, coalesce(d.driver_ref, c.constructor_ref, ci.circuit_ref, ra.season || '/' || ra.round) from entity_aliases a
                   left join drivers d on a.kind = 'driver' and d.id = a.entity_id left join constructors c on a.kind = 'constructor' and c.id = a.entity_id
                   left join circuits ci on a.kind = 'circuit' and ci.id = a.entity_id left join races ra on a.kind = 'race' and ra.id = a.entity_id where a.source = 'f1db'`,
    conflicts: `select x.kind, x.season, x.round, d.driver_ref, x.field, x.jolpica, x.f1db, x.kept from source_conflicts x join drivers d on d.id = x.driver_id`,
  };
  const out: Record<string, string> = {};
  for (const [name, query] of Object.entries(queries)) {
    const [row] = await q<{ n: number; h: string }>(db, `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from (${query}) t`);
    out[name] = `${row!.n}:${row!.h}`;
  }
  return out;
}

/** Per table, the races whose rows come from more than one source (must be none). */
async function mixedRaces(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ['results', 'sprint_results', 'qualifying', 'sprint_qualifying', 'pit_stops']) {
    const rows = await q<{ race: string }>(
      db,
      `select ra.season || '/' || ra.round as race from ${table} x join races ra on ra.id = x.race_id group by ra.season, ra.round having count(distinct x.source) > 1 order by ra.season, ra.round`,
    );
    out[table] = rows.map((r) => r.race);
  }
  return out;
}

// ── A new F1DB release: a few YAML files of the real tree, changed, in a temp folder ────────────
type EntityKind = 'driver' | 'constructor' | 'circuit';
const entityFolder = { driver: 'drivers', constructor: 'constructors', circuit: 'circuits' } as const;
/** The field each release edit changes, and the Ergast column it lands in. */
const edits = {
  driver: { field: 'lastName', table: 'drivers', column: 'family_name', ref: 'driver_ref' },
  constructor: { field: 'name', table: 'constructors', column: 'name', ref: 'constructor_ref' },
  circuit: { field: 'placeName', table: 'circuits', column: 'locality', ref: 'circuit_ref' },
} as const;
const releaseValue = (kind: EntityKind) => `Release Test ${kind}`;

/** Copies of these entities' files with the edited field, written below `dir` as in F1DB's layout. */
function writeRelease(dir: string, changes: { kind: EntityKind; f1dbId: string }[]): void {
  for (const { kind, f1dbId } of changes) {
    const rel = `${entityFolder[kind]}/${f1dbId}.yml`;
    const text = readFileSync(join(f1dbDir, rel), 'utf8');
    const field = edits[kind].field;
    const edited = text.replace(new RegExp(`^${field}:.*$`, 'm'), `${field}: "${releaseValue(kind)}"`);
    if (edited === text) throw new Error(`${rel} has no ${field}`);
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), edited);
  }
}

/** The read tree with the entity files of `dir` in place of its own (parsed and checked like any file). */
function withFiles(tree: F1db, dir: string): F1db {
  const out = { ...tree } as Record<string, unknown>;
  for (const rel of listFiles(dir)) {
    const f = parseFile(rel, readFileSync(join(dir, rel), 'utf8'));
    if (f.place.kind !== 'entity') throw new Error(`${rel}: only entity files are swapped in`);
    const key = entityDirs[f.place.dir].key;
    const value = f.value as { id: string };
    out[key] = (out[key] as { id: string }[]).map((e) => (e.id === value.id ? value : e));
  }
  return out as unknown as F1db;
}

describe.each(backends)('F1DB import on %s', (backend) => {
  let first: TestDatabase; // A: F1DB, then the dump, then F1DB again, then the dump again
  let second: TestDatabase; // B: the dump, an interrupted F1DB import, F1DB, then a new release
  let f1dbFirst: F1dbImportReport;
  let f1dbAfterDump: F1dbImportReport;
  let again: F1dbImportReport;
  let before: Record<string, string>;
  let after: Record<string, string>;
  let dumpAgain: ImportReport;
  let afterDumpAgain: Record<string, string>;
  let graphA: Record<string, string>;
  let graphB: Record<string, string>;
  let dumpAfterF1db: ImportReport;
  const mixed: Record<string, Record<string, string[]>> = {};
  let failed: unknown;
  let unchangedByFailure: boolean;
  let release: { report: F1dbImportReport; picked: { kind: EntityKind; f1dbId: string; id: number; ref: string; jolpica: boolean; before: string }[]; counts: Record<string, number>; countsBefore: Record<string, number> };

  /** One F1DB-created and one Jolpica-known entity of each kind. */
  async function pickForRelease(db: Db) {
    const picked: (typeof release)['picked'] = [];
    for (const kind of ['driver', 'constructor', 'circuit'] as const) {
      const { table, column, ref } = edits[kind];
      const rows = await q<{ f1db_id: string; id: number; ref: string; value: string; made_up: boolean }>(
        db,
        `select f.alias as f1db_id, e.id, e.${ref} as ref, e.${column} as value, (m.alias is not null) as made_up
           from entity_aliases f join ${table} e on e.id = f.entity_id
           left join entity_aliases m on m.kind = f.kind and m.source = 'apex' and m.entity_id = e.id and m.alias = e.${ref}
          where f.kind = '${kind}' and f.source = 'f1db' order by f.alias`,
      );
      const own = rows.find((r) => r.made_up);
      const jolpica = rows.find((r) => !r.made_up);
      if (!own || !jolpica) throw new Error(`no F1DB-created or no Jolpica-known ${kind} to change`);
      for (const r of [own, jolpica]) picked.push({ kind, f1dbId: r.f1db_id, id: r.id, ref: r.ref, jolpica: !r.made_up, before: r.value });
    }
    return picked;
  }
  const entityCounts = async (db: Db) =>
    Object.fromEntries(
      await Promise.all(['drivers', 'constructors', 'circuits', 'entity_aliases'].map(async (t) => [t, (await q<{ n: number }>(db, `select count(*)::int as n from ${t}`))[0]!.n] as const)),
    );

  async function sequenceA() {
    const db = first.database.db;
    f1dbFirst = await writeLoadedF1db(db, loaded);
    mark(`${backend} A: F1DB on an empty database ${slowest(f1dbFirst)}`);
    dumpAfterF1db = await writeDump(db, dump);
    mixed['F1DB → dump'] = await mixedRaces(db);
    mark(`${backend} A: dump on top`);
    before = await fingerprint(db);
    again = await writeLoadedF1db(db, loaded);
    after = await fingerprint(db);
    mixed['F1DB → dump → F1DB'] = await mixedRaces(db);
    graphA = await graph(db);
    mark(`${backend} A: F1DB again ${slowest(again)}`);
    dumpAgain = await writeDump(db, dump);
    afterDumpAgain = await fingerprint(db);
    mixed['F1DB → dump → F1DB → dump'] = await mixedRaces(db);
    mark(`${backend} A: dump again`);
  }

  async function sequenceB() {
    const db = second.database.db;
    await writeDump(db, dump);
    const beforeFailure = await fingerprint(db);
    failed = await writeLoadedF1db(db, loaded, { failAfter: 'season_entrants' }).catch((e: unknown) => e);
    unchangedByFailure = JSON.stringify(await fingerprint(db)) === JSON.stringify(beforeFailure);
    mark(`${backend} B: dump, interrupted F1DB`);
    f1dbAfterDump = await writeLoadedF1db(db, loaded);
    mixed['dump → interrupted F1DB → F1DB'] = await mixedRaces(db);
    graphB = await graph(db);
    mark(`${backend} B: F1DB after the dump ${slowest(f1dbAfterDump)}`);
    // A new release: the files of the picked entities with one field changed.
    const picked = await pickForRelease(db);
    const dir = mkdtempSync(join(tmpdir(), 'apex-f1db-release-'));
    try {
      writeRelease(dir, picked);
      const countsBefore = await entityCounts(db);
      const report = await writeLoadedF1db(db, { ...loaded, tree: withFiles(loaded.tree, dir) });
      release = { report, picked, countsBefore, counts: await entityCounts(db) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    mark(`${backend} B: new release`);
  }

  sequences.set(backend, async () => {
    [first, second] = await Promise.all([testDatabase(backend), testDatabase(backend)]);
    await Promise.all([sequenceA(), sequenceB()]);
  });
  beforeAll(() => {
    const o = outcome.get(backend);
    if (o?.status !== 'fulfilled') throw o?.reason ?? new Error(`${backend}: the import sequences did not run`);
  });
  afterAll(async () => {
    await first?.cleanup();
    await second?.cleanup();
  });

  it('on an empty database everything is new; after the dump most entities match on natural keys', () => {
    expect(f1dbFirst.matches.driver).toEqual({ matched: 0, new: loaded.tree.drivers.length, ambiguous: 0 });
    expect(f1dbFirst.matches.race.new).toBe(loaded.tree.seasons.reduce((n, s) => n + s.races.length, 0));
    const m = f1dbAfterDump.matches;
    // The dump holds 864 drivers, 212 teams and 77 circuits of the same 1950–2026 championship.
    expect(m.driver.matched).toBeGreaterThan(830);
    expect(m.constructor.matched).toBeGreaterThan(150);
    expect(m.circuit.matched).toBeGreaterThan(70);
    expect(m.race.matched).toBeGreaterThan(1100);
    expect(f1dbAfterDump.ambiguous.length).toBe(m.driver.ambiguous + m.constructor.ambiguous + m.circuit.ambiguous + m.race.ambiguous);
  });

  it('a second import changes nothing', () => {
    expect(changes(again)).toBe(0);
    expect(after).toEqual(before);
  });

  it('the dump again after F1DB changes nothing', () => {
    expect(Object.entries(dumpAgain.written).filter(([, t]) => t.inserted + t.updated + t.deleted > 0).map(([n]) => n)).toEqual([]);
    expect(afterDumpAgain).toEqual(after);
  });

  it('a failure half-way leaves the database as it was', () => {
    expect(String(failed)).toMatch(/interrupted after season_entrants/);
    expect(unchangedByFailure).toBe(true);
  });

  it('either order ends in the same graph', async () => {
    expect(graphB).toEqual(graphA);
  });

  it('keeps Ergast ids public and F1DB ids as aliases', async () => {
    const db = second.database.db;
    const alias = await q<{ driver_ref: string }>(db, `select d.driver_ref from entity_aliases a join drivers d on d.id = a.entity_id where a.kind = 'driver' and a.source = 'f1db' and a.alias in ('max-verstappen', 'lewis-hamilton') order by 1`);
    expect(alias.map((r) => r.driver_ref)).toEqual(['hamilton', 'max_verstappen']);
    const circuit = await q<{ circuit_ref: string }>(db, `select c.circuit_ref from entity_aliases a join circuits c on c.id = a.entity_id where a.kind = 'circuit' and a.alias = 'yas-marina'`);
    expect(circuit).toEqual([{ circuit_ref: 'yas_marina' }]);
  });

  it('no race mixes sources after an interrupted import is retried (nor after F1DB → dump → F1DB)', () => {
    const none = { results: [], sprint_results: [], qualifying: [], sprint_qualifying: [], pit_stops: [] };
    expect(mixed).toEqual({ 'F1DB → dump': none, 'F1DB → dump → F1DB': none, 'F1DB → dump → F1DB → dump': none, 'dump → interrupted F1DB → F1DB': none });
  });

  it('takes each race from one source: Jolpica where the dump has it, F1DB elsewhere', async () => {
    const db = second.database.db;
    const bySeason = await q<{ season: number; source: string; n: number }>(
      db,
      `select ra.season, x.source, count(*)::int as n from results x join races ra on ra.id = x.race_id where ra.season in (1950, 2023) group by 1, 2 order by 1, 2`,
    );
    expect(bySeason.map((r) => `${r.season}:${r.source}`)).toEqual(['1950:f1db', '2023:jolpica']);
    // Where Jolpica has no results for a race, every F1DB entry is a results row marked f1db.
    const [unfilled] = await q<{ n: number }>(
      db,
      `select count(*)::int as n from f1db_race_results f where f.kind = 'race'
         and not exists (select 1 from results j where j.race_id = f.race_id and j.source = 'jolpica')
         and not exists (select 1 from results r where r.race_id = f.race_id and r.driver_id = f.driver_id and r.number = f.number and r.source = 'f1db')`,
    );
    expect(unfilled!.n).toBe(0);
    // Where it has, an F1DB entry it lacks (mostly cars that did not qualify or start, which the dump
    // leaves out) is not added to the race but listed as a conflict.
    const unlisted = await q<{ race: string; driver_ref: string }>(
      db,
      `select ra.season || '/' || ra.round as race, d.driver_ref from f1db_race_results f join races ra on ra.id = f.race_id join drivers d on d.id = f.driver_id
        where f.kind = 'race' and exists (select 1 from results j where j.race_id = f.race_id and j.source = 'jolpica')
          and not exists (select 1 from results r where r.race_id = f.race_id and r.driver_id = f.driver_id and r.number = f.number)
          and not exists (select 1 from source_conflicts c where c.kind = 'results' and c.race_id = f.race_id and c.driver_id = f.driver_id and c.field = 'entry')`,
    );
    expect(unlisted).toEqual([]);
    const [listed] = await q<{ n: number }>(db, `select count(*)::int as n from source_conflicts where kind = 'results' and field = 'entry'`);
    expect(listed!.n).toBeGreaterThan(50);
    const winner = await q<{ driver_ref: string; laps: number }>(db, `select d.driver_ref, x.laps from results x join races ra on ra.id = x.race_id join drivers d on d.id = x.driver_id where ra.season = 1950 and ra.round = 2 and x.position = 1`);
    expect(winner).toEqual([{ driver_ref: 'fangio', laps: 100 }]);
  });

  it('lists every qualifying disagreement where both sources have the session, keeping Jolpica', async () => {
    const db = second.database.db;
    // Recount in SQL, independently of the merge: per field, F1DB entries of Jolpica-qualified races
    // whose place or Q1–Q3 time differs (no value and 0 are the same fact), and entries Jolpica lacks;
    // one listing per race, driver and field (a driver in two cars of one session is listed once).
    const f1dbQ1 = `coalesce(f.q1_millis, case when f.q1_text is null then f.time_millis end)`;
    const differs = (a: string, b: string) => `coalesce(nullif(${a}, 0), -1) <> coalesce(nullif(${b}, 0), -1)`;
    const jolpica = (table: string, kind: string) =>
      `select '${kind}' as kind, race_id, driver_id, number, position, q1_millis, q2_millis, q3_millis from ${table} where source = 'jolpica'`;
    const expected = await q<{ kind: string; field: string; n: number }>(
      db,
      `with j as (${jolpica('qualifying', 'qualifying')} union all ${jolpica('sprint_qualifying', 'sprint')}),
       pairs as (
         select case f.kind when 'qualifying' then 'qualifying' else 'sprint_qualifying' end as table_kind,
                f.race_id, f.driver_id, f.position_number, ${f1dbQ1} as f_q1, f.q2_millis as f_q2, f.q3_millis as f_q3,
                j.position as j_position, j.q1_millis as j_q1, j.q2_millis as j_q2, j.q3_millis as j_q3, j.race_id as j_race
           from f1db_qualifying_results f
           left join j on j.kind = f.kind and j.race_id = f.race_id and j.driver_id = f.driver_id and j.number = f.number
          where exists (select 1 from j x where x.kind = f.kind and x.race_id = f.race_id))
       select table_kind as kind, field, count(distinct (race_id, driver_id))::int as n from (
         select table_kind, race_id, driver_id, 'entry' as field from pairs where j_race is null
         union all select table_kind, race_id, driver_id, 'position' from pairs where j_race is not null and ${differs('j_position', 'position_number')}
         union all select table_kind, race_id, driver_id, 'q1' from pairs where j_race is not null and ${differs('j_q1', 'f_q1')}
         union all select table_kind, race_id, driver_id, 'q2' from pairs where j_race is not null and ${differs('j_q2', 'f_q2')}
         union all select table_kind, race_id, driver_id, 'q3' from pairs where j_race is not null and ${differs('j_q3', 'f_q3')}) x
       group by 1, 2 order by 1, 2`,
    );
    const listed = await q<{ kind: string; field: string; n: number }>(
      db,
      `select kind, field, count(*)::int as n from source_conflicts where kind in ('qualifying', 'sprint_qualifying') group by 1, 2 order by 1, 2`,
    );
    expect(listed).toEqual(expected);
    expect(listed.find((r) => r.kind === 'qualifying' && r.field === 'q1')?.n ?? 0).toBeGreaterThan(0);
    // Jolpica's value is the one kept: each listed time is the stored qualifying row's.
    const [notKept] = await q<{ n: number }>(
      db,
      `select count(*)::int as n from source_conflicts c join qualifying x on x.race_id = c.race_id and x.driver_id = c.driver_id
        where c.kind = 'qualifying' and c.field in ('q1', 'q2', 'q3')
          and (c.kept <> 'jolpica' or x.source <> 'jolpica' or c.jolpica is distinct from case c.field when 'q1' then x.q1 when 'q2' then x.q2 else x.q3 end)`,
    );
    expect(notKept!.n).toBe(0);
  });

  it('a new F1DB release updates the entities F1DB created, in place, aliases kept; Jolpica keeps its own', async () => {
    const db = second.database.db;
    const { report, picked, counts, countsBefore } = release;
    expect(counts).toEqual(countsBefore); // nothing duplicated, no alias lost
    expect(report.matches.driver.new + report.matches.constructor.new + report.matches.circuit.new).toBe(0);
    for (const p of picked) {
      const { table, column, ref } = edits[p.kind];
      const [row] = await q<{ ref: string; value: string }>(db, `select ${ref} as ref, ${column} as value from ${table} where id = ${p.id}`);
      // Same entity, same public id; F1DB's change lands where F1DB owns the Ergast columns.
      expect({ kind: p.kind, ref: row!.ref, value: row!.value }).toEqual({ kind: p.kind, ref: p.ref, value: p.jolpica ? p.before : releaseValue(p.kind) });
      const aliases = await q<{ source: string; alias: string }>(db, `select source, alias from entity_aliases where kind = '${p.kind}' and entity_id = ${p.id} order by 1, 2`);
      expect(aliases).toContainEqual({ source: 'f1db', alias: p.f1dbId });
      if (!p.jolpica) expect(aliases).toContainEqual({ source: 'apex', alias: p.ref });
    }
    // Only the three F1DB-owned rows changed in the Ergast tables.
    expect([report.tables.drivers?.updated, report.tables.constructors?.updated, report.tables.circuits?.updated]).toEqual([1, 1, 1]);
  });

  it("F1DB's renamed successors are Jolpica's constructor through the rename (chronology), in either order", async () => {
    // Jolpica keeps 'rb', 'sauber' and 'wolf' through renames F1DB starts new constructors at; its
    // team drivers of those seasons (the dump) say so. Names cannot match them; the chronology does.
    const { tree } = loaded;
    const f1dbResults = (ids: string[]) =>
      tree.seasons.flatMap((x) => x.races.flatMap((r) => r.raceResults)).filter((r) => ids.includes(r.constructorId)).length;
    for (const db of [first.database.db, second.database.db]) {
      const refs = await q<{ alias: string; ref: string }>(
        db,
        `select a.alias, c.constructor_ref as ref from entity_aliases a join constructors c on c.id = a.entity_id
          where a.kind = 'constructor' and a.alias in ('rb', 'racing-bulls', 'racing_bulls', 'sauber', 'kick-sauber', 'kick_sauber', 'wolf', 'wolf-williams', 'wolf_williams') order by 1`,
      );
      expect(Object.fromEntries(refs.map((r) => [r.alias, r.ref]))).toEqual({
        rb: 'rb', 'racing-bulls': 'rb', racing_bulls: 'rb',
        sauber: 'sauber', 'kick-sauber': 'sauber', kick_sauber: 'sauber',
        wolf: 'wolf', 'wolf-williams': 'wolf', wolf_williams: 'wolf',
      });
      expect(await q(db, `select constructor_ref from constructors where constructor_ref in ('racing_bulls', 'kick_sauber', 'wolf_williams')`)).toEqual([]);
      // Every F1DB result of both constructors is the one team's (the dump has none of these seasons' results).
      const [rb] = await q<{ n: number }>(db, `select count(*)::int as n from results x join constructors c on c.id = x.constructor_id join races r on r.id = x.race_id where c.constructor_ref = 'rb' and r.season >= 2024`);
      expect(rb!.n).toBe(f1dbResults(['rb', 'racing-bulls']));
      // One row per team after every 2025 round, as many as F1DB's standings list.
      const rounds = await q<{ rows: number; teams: number; rb: number; sauber: number }>(
        db,
        `select count(*)::int as rows, count(distinct c.constructor_ref)::int as teams, count(*) filter (where c.constructor_ref = 'rb')::int as rb,
                count(*) filter (where c.constructor_ref = 'sauber')::int as sauber
           from constructor_standings x join constructors c on c.id = x.constructor_id where x.season = 2025 group by x.round order by x.round`,
      );
      const f1dbRows = tree.seasons.find((x) => x.year === 2025)!.races.filter((r) => r.constructorStandings?.length).map((r) => r.constructorStandings!.length);
      expect(rounds.map((r) => r.rows)).toEqual(f1dbRows);
      expect(rounds.every((r) => r.teams === r.rows && r.rb === 1 && r.sauber === 1)).toBe(true);
      // The lineage is stored once on the entity, its first F1DB constructor's (F1DB repeats it on every member).
      const lineage = tree.constructors.find((c) => c.id === 'racing-bulls')!.chronology!;
      expect(tree.constructors.find((c) => c.id === 'rb')!.chronology).toEqual(lineage);
      const [steps] = await q<{ list: string }>(
        db,
        `select string_agg(m.constructor_ref || ' ' || x.year_from, ' > ' order by x.ordinal) as list from constructor_chronology x
           join constructors c on c.id = x.constructor_id join constructors m on m.id = x.member_constructor_id where c.constructor_ref = 'rb'`,
      );
      expect(steps!.list).toBe('minardi 1985 > toro_rosso 2006 > alphatauri 2020 > rb 2024 > rb 2025');
    }
  });

  it('lists the same drivers kept apart whichever source comes second (same birthday other name, same name other birthday)', async () => {
    // F1DB second: F1DB id → Jolpica candidates. Dump second: Jolpica id → our F1DB-created candidates, as F1DB ids.
    const f1dbSecond = f1dbAfterDump.ambiguous.filter((a) => a.kind === 'driver').flatMap((a) => a.candidates.map((c) => `${a.f1dbId} ~ ${c}`));
    const f1dbIdOf = new Map(
      (await q<{ ref: string; alias: string }>(first.database.db, `select d.driver_ref as ref, a.alias from drivers d join entity_aliases a on a.kind = 'driver' and a.source = 'f1db' and a.entity_id = d.id`)).map((r) => [r.ref, r.alias]),
    );
    const dumpSecond = dumpAfterF1db.ambiguous.filter((a) => a.kind === 'driver').flatMap((a) => a.candidates.map((c) => `${f1dbIdOf.get(c)} ~ ${a.sourceId}`));
    expect(dumpSecond.sort()).toEqual(f1dbSecond.sort());
    // Horace Gould: born 1921-09-20 in F1DB, 1918-09-20 in Jolpica — never merged, listed.
    expect(f1dbSecond).toContain('horace-gould ~ gould');
    const listed = await q<{ source_id: string; candidates: string[] }>(first.database.db, `select source_id, candidates from ambiguous_matches where source = 'jolpica' and kind = 'driver' and source_id = 'gould'`);
    expect(listed).toEqual([{ source_id: 'gould', candidates: ['horace_gould'] }]);
  });

  it('keeps listing what it kept apart when a later import resolves it by its alias', async () => {
    const db = second.database.db;
    const ids = (list: { kind: string; f1dbId: string }[]) => list.map((a) => `${a.kind} ${a.f1dbId}`).filter((x) => !x.startsWith('race ')).sort();
    expect(ids(f1dbAfterDump.ambiguous).length).toBeGreaterThan(0);
    expect(ids(release.report.ambiguous)).toEqual(ids(f1dbAfterDump.ambiguous));
    const stored = await q<{ kind: string; source_id: string }>(db, `select kind, source_id from ambiguous_matches where source = 'f1db' and kind <> 'race'`);
    expect(stored.map((a) => `${a.kind} ${a.source_id}`).sort()).toEqual(ids(f1dbAfterDump.ambiguous));
  });

  it('stores what only F1DB has', async () => {
    const db = second.database.db;
    const [grid] = await q<{ n: number }>(db, `select count(*)::int as n from starting_grid x join races ra on ra.id = x.race_id where ra.season = 2024 and ra.round = 1 and x.kind = 'race'`);
    expect(grid!.n).toBe(20);
    const [chronology] = await q<{ list: string }>(
      db,
      `select string_agg(m.constructor_ref, ' > ' order by x.ordinal) as list from constructor_chronology x join constructors c on c.id = x.constructor_id join constructors m on m.id = x.member_constructor_id join entity_aliases a on a.kind = 'constructor' and a.source = 'f1db' and a.alias = 'toleman' and a.entity_id = c.id`,
    );
    expect(chronology!.list).toBe('toleman > benetton > renault > lotus_f1 > renault > alpine');
  });

  it("keeps F1DB's own names, numbers and coordinates of every entity, matched ones too", async () => {
    // Matched entities keep Jolpica's columns; F1DB's values of the same fields are stored beside them.
    const db = first.database.db;
    const stored = async (kind: string, table: string, key: string, cols: string) =>
      new Map(
        (await q<Record<string, unknown> & { f1db_id: string }>(db, `select a.alias as f1db_id, ${cols} from ${table} x join entity_aliases a on a.kind = '${kind}' and a.source = 'f1db' and a.entity_id = x.${key}`)).map(
          ({ f1db_id, ...rest }) => [f1db_id, rest],
        ),
      );
    const drivers = await stored('driver', 'driver_details', 'driver_id', 'first_name, last_name, permanent_number');
    // Per F1DB constructor, also where several are one entity (rb and racing-bulls: continuations.ts).
    const constructors = new Map((await q<{ f1db_id: string; name: string }>(db, `select f1db_id, name from constructor_details`)).map(({ f1db_id, name }) => [f1db_id, { name }]));
    const circuits = await stored('circuit', 'circuit_details', 'circuit_id', 'name, latitude, longitude');
    const { tree } = loaded;
    expect(tree.drivers.filter((d) => !drivers.has(d.id)).map((d) => d.id)).toEqual([]);
    for (const d of tree.drivers) expect({ id: d.id, ...drivers.get(d.id) }).toEqual({ id: d.id, first_name: d.firstName, last_name: d.lastName, permanent_number: d.permanentNumber });
    for (const c of tree.constructors) expect({ id: c.id, ...constructors.get(c.id) }).toEqual({ id: c.id, name: c.name });
    for (const c of tree.circuits) expect({ id: c.id, ...circuits.get(c.id) }).toEqual({ id: c.id, name: c.name, latitude: c.latitude, longitude: c.longitude });
    expect(drivers.get('max-verstappen')).toEqual({ first_name: 'Max', last_name: 'Verstappen', permanent_number: 3 });
  });
});
