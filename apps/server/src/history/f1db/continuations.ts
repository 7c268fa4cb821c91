// Constructors that F1DB splits and Jolpica keeps as one: F1DB starts a new constructor at a rename
// ('rb' 2024 → 'racing-bulls' 2025–, 'sauber' → 'kick-sauber' 2024–25) and links them by its
// chronology, while Jolpica keeps its id through the rename ('rb', 'sauber'). Names cannot match
// them ("Racing Bulls" is not "RB F1 Team"), so without this the graph held two teams in one season:
// F1DB's rounds under 'racing_bulls', Jolpica's under 'rb', split standings.
//
// RULE: a constructor F1DB created (still under the id we made up) is the same entity as a member of
// its F1DB chronology when that member is Jolpica's and Jolpica has rows for it (results or team
// drivers) in the seasons F1DB gives the created one. Jolpica's identity wins, as for every id
// (README: the public id stays the Ergast one). Two such members: left apart (never guessed).
//
// The created entity is then folded into Jolpica's: every row that points at it points at Jolpica's,
// its aliases (F1DB's id, the id we made up) resolve to Jolpica's, and its row goes. F1DB's details and
// chronology stay those of the entity's first F1DB constructor (F1DB repeats one lineage on every
// member). Runs at the start of every F1DB merge (merge.ts), so F1DB-first and Jolpica-first imports
// and the API sync end in the same graph; a second run finds nothing to fold.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { all } from '../routes/v1/rows.js';

export interface Continuation {
  /** The F1DB-created entity folded away and its public id. */
  from: { id: number; ref: string };
  /** Jolpica's entity it continues. */
  into: { id: number; ref: string };
}

/** F1DB-created constructors that continue exactly one Jolpica constructor of their chronology. */
export async function findContinuations(db: DbOrTx): Promise<Continuation[]> {
  const rows = await all<{ b: number; bRef: string; j: number; jRef: string }>(
    db,
    sql`with created as (
          select c.id from constructors c
          join entity_aliases a on a.kind = 'constructor' and a.source = 'apex' and a.entity_id = c.id and a.alias = c.constructor_ref),
        own as (
          select ch.constructor_id as b, ch.year_from, coalesce(ch.year_to, 32767) as year_to from constructor_chronology ch
          where ch.member_constructor_id = ch.constructor_id and ch.constructor_id in (select id from created)),
        members as (
          select distinct ch.constructor_id as b, ch.member_constructor_id as j from constructor_chronology ch
          where ch.constructor_id in (select id from created) and ch.member_constructor_id not in (select id from created)),
        jolpica as (
          select r.constructor_id as j, ra.season from results r join races ra on ra.id = r.race_id where r.source = 'jolpica'
          union select constructor_id, season from team_drivers where source = 'jolpica'),
        found as (
          select distinct m.b, m.j from members m join own o on o.b = m.b
          join jolpica js on js.j = m.j and js.season between o.year_from and o.year_to)
        select f.b, cb.constructor_ref as "bRef", f.j, cj.constructor_ref as "jRef" from found f
        join constructors cb on cb.id = f.b join constructors cj on cj.id = f.j
        where f.b in (select b from found group by b having count(*) = 1)
        order by cb.constructor_ref`,
  );
  return rows.map((r) => ({ from: { id: Number(r.b), ref: r.bRef }, into: { id: Number(r.j), ref: r.jRef } }));
}

// Rows keyed with the constructor that the entity being folded may share with the one it joins: the
// kept entity's row stays (for the Ergast tables one source gives a race's rows, so these only meet
// where both sources listed the same entry).
const collisions: { table: string; same: string }[] = [
  { table: 'team_drivers', same: 'k.season = x.season and k.driver_id = x.driver_id' },
  { table: 'results', same: 'k.race_id = x.race_id and k.driver_id = x.driver_id and k.number = x.number' },
  { table: 'qualifying', same: 'k.race_id = x.race_id and k.driver_id = x.driver_id and k.number = x.number' },
  { table: 'sprint_results', same: 'k.race_id = x.race_id and k.driver_id = x.driver_id and k.number = x.number' },
  { table: 'sprint_qualifying', same: 'k.race_id = x.race_id and k.driver_id = x.driver_id and k.number = x.number' },
  { table: 'constructor_standings', same: 'k.race_id = x.race_id' },
];
// One lineage per entity (F1DB repeats it on every member): its first F1DB constructor's, the one
// whose own step of the lineage starts first, as the F1DB import writes it (write.ts). Details rows
// are per F1DB constructor and all move; their ordinals put the first one first.
/** Fold `from` into `into`: every reference, alias and row of `from` moves, then `from` goes. */
export async function foldConstructor(db: DbOrTx, c: Continuation): Promise<void> {
  const [b, j] = [c.from.id, c.into.id];
  for (const { table, same } of collisions)
    await db.execute(
      sql.raw(`delete from ${table} x where x.constructor_id = ${b} and exists (select 1 from ${table} k where k.constructor_id = ${j} and ${same})`),
    );
  const starts = await all<{ id: number }>(
    db,
    sql`select constructor_id as id from constructor_chronology where member_constructor_id = constructor_id and constructor_id in (${b}, ${j})
        group by constructor_id order by min(year_from), constructor_id`,
  );
  const first = Number(starts[0]?.id ?? j);
  const later = first === b ? j : b;
  await db.execute(sql`delete from constructor_chronology where constructor_id = ${later}`);
  await db.execute(
    sql`update constructor_details set ordinal = ordinal + (select count(*) from constructor_details where constructor_id = ${first}) where constructor_id = ${later}`,
  );
  // Every column that references constructors(id), found in the catalogue so a new table cannot be missed.
  const refs = await all<{ tbl: string; col: string }>(
    db,
    sql`select c.conrelid::regclass::text as tbl, a.attname as col from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.confrelid = 'constructors'::regclass`,
  );
  for (const { tbl, col } of refs) await db.execute(sql.raw(`update ${tbl} set ${col} = ${j} where ${col} = ${b}`));
  await db.execute(sql`update entity_aliases set entity_id = ${j} where kind = 'constructor' and entity_id = ${b}`);
  await db.execute(sql`delete from constructors where id = ${b}`);
}

/** Find and fold every continuation; returns what was folded. */
export async function foldContinuations(db: DbOrTx): Promise<Continuation[]> {
  const found = await findContinuations(db);
  for (const c of found) await foldConstructor(db, c);
  return found;
}
