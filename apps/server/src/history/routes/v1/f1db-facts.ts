// The /api/v1 parts only F1DB knows: a race's starting grid, practice sessions, driver of the day and
// entry list (entrant, chassis, engine, tyres); a driver's nationality and family; a constructor's
// chronology, engines and cars; a circuit's type, direction, length, turns and layouts. Rows → v1
// shapes; an entity F1DB does not know answers nulls and empty lists.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { distinctBy } from './career.js';
import { pickEntries } from './entries.js';
import { all, constructorCols, constructorRef, driverCols, driverRef, int, num, str, type Row } from './rows.js';
import type {
  ChassisRef,
  ChronologyStep,
  CircuitDetails,
  CircuitLayout,
  ConstructorCarSeason,
  ConstructorEngineSpan,
  Country,
  DriverDetails,
  DriverOfTheDayVote,
  Engine,
  EngineManufacturerRef,
  FamilyRelation,
  GridEntry,
  PracticeSession,
  RaceDetails,
  RaceEntry,
} from './schemas.js';

const car = (r: Row) => ({
  position: num(r.position),
  positionText: String(r.positionText),
  number: Number(r.number),
  driver: driverRef(r, 'd_'),
  constructor: constructorRef(r, 'k_'),
});
const carCols = (a: string) =>
  sql.raw(`${a}.position_number as position, ${a}.position_text as "positionText", ${a}.number`);
const carJoins = (a: string) => sql.raw(`join drivers d on d.id = ${a}.driver_id join constructors k on k.id = ${a}.constructor_id`);

// ── countries and car parts ─────────────────────────────────────────────────────────────────────

const countryCols = (a: string, p: string) =>
  sql.raw(`${a}.ref as "${p}id", ${a}.name as "${p}name", ${a}.alpha2_code as "${p}alpha2", ${a}.demonym as "${p}demonym"`);
function country(r: Row, p: string): Country | null {
  return r[`${p}id`] ? { id: String(r[`${p}id`]), name: String(r[`${p}name`]), alpha2Code: String(r[`${p}alpha2`]), demonym: str(r[`${p}demonym`]) } : null;
}

/** Chassis, engines (with their manufacturer), entrants and tyre makers by row id, in one query each. */
async function carParts(db: DbOrTx, ids: { chassis: number[]; engines: number[]; entrants: number[]; tyres: number[]; engineMakers: number[] }) {
  const list = (xs: number[]) => sql`${`{${[...new Set(xs)].join(',')}}`}::int[]`;
  const [chassis, engines, entrants, tyres, makers] = await Promise.all([
    ids.chassis.length ? all(db, sql`select id, ref, name, full_name as "fullName" from chassis where id = any(${list(ids.chassis)})`) : [],
    ids.engines.length
      ? all(db, sql`select e.id, e.ref, e.name, e.full_name as "fullName", e.capacity, e.configuration, e.aspiration, m.ref as "mRef", m.name as "mName"
                    from engines e join engine_manufacturers m on m.id = e.engine_manufacturer_id where e.id = any(${list(ids.engines)})`)
      : [],
    ids.entrants.length ? all(db, sql`select id, ref, name from entrants where id = any(${list(ids.entrants)})`) : [],
    ids.tyres.length ? all(db, sql`select id, ref, name from tyre_manufacturers where id = any(${list(ids.tyres)})`) : [],
    ids.engineMakers.length ? all(db, sql`select id, ref, name from engine_manufacturers where id = any(${list(ids.engineMakers)})`) : [],
  ]);
  const named = (rows: Row[]) => new Map(rows.map((r) => [Number(r.id), { id: String(r.ref), name: String(r.name) }]));
  return {
    chassis: new Map(chassis.map((r): [number, ChassisRef] => [Number(r.id), { id: String(r.ref), name: String(r.name), fullName: String(r.fullName) }])),
    engines: new Map(
      engines.map((r): [number, Engine] => [
        Number(r.id),
        {
          id: String(r.ref),
          name: String(r.name),
          fullName: String(r.fullName),
          manufacturer: { id: String(r.mRef), name: String(r.mName) },
          capacity: num(r.capacity),
          configuration: str(r.configuration),
          aspiration: str(r.aspiration),
        },
      ]),
    ),
    entrants: named(entrants),
    tyres: named(tyres),
    engineMakers: named(makers),
  };
}
const pick = <T>(map: Map<number, T>, ids: readonly number[]): T[] => distinctBy(ids.filter((i) => map.has(i)), String).map((i) => map.get(i)!);
const intArray = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : []);

// ── races ──────────────────────────────────────────────────────────────────────────────────────

/** Weekend order of F1DB's other sessions: pre-qualifying on Friday morning, warm-up on Sunday. */
const SESSION_ORDER = ['PQ', 'FP1', 'FP2', 'FP3', 'FP4', 'Q1', 'Q2', 'WUP'];
const sessionRank = (s: string) => (SESSION_ORDER.includes(s) ? SESSION_ORDER.indexOf(s) : SESSION_ORDER.length);

export interface RaceFacts {
  details: RaceDetails | null;
  startingGrid: GridEntry[];
  sprintStartingGrid: GridEntry[];
  practice: PracticeSession[];
  driverOfTheDay: DriverOfTheDayVote[];
  entries: RaceEntry[];
}

export async function raceFacts(db: DbOrTx, race: { raceId: number; season: number; round: number }): Promise<RaceFacts> {
  const id = int(race.raceId);
  const [details, grid, sessions, votes, cars] = await Promise.all([
    all(db, sql`select rd.official_name as "officialName", gp.ref as "gpId", gp.name as "gpName", cl.f1db_id as layout, rd.circuit_type as "circuitType",
                  rd.direction, rd.course_length as "courseLength", rd.turns, rd.laps, rd.distance, rd.scheduled_laps as "scheduledLaps",
                  rd.qualifying_format as "qualifyingFormat"
                from race_details rd join grands_prix gp on gp.id = rd.grand_prix_id left join circuit_layouts cl on cl.id = rd.circuit_layout_id
                where rd.race_id = ${id}`),
    all(db, sql`select g.kind, ${carCols('g')}, g.grid_penalty_text as "penalty", g.grid_penalty_places as "places", g.time_millis as "timeMillis",
                  ${driverCols('d', 'd_')}, ${constructorCols('k', 'k_')}
                from starting_grid g ${carJoins('g')} where g.race_id = ${id} order by g.kind, g.ordinal`),
    all(db, sql`select s.session, ${carCols('s')}, s.time_millis as "timeMillis", s.gap_millis as "gapMillis", s.laps,
                  ${driverCols('d', 'd_')}, ${constructorCols('k', 'k_')}
                from session_classifications s ${carJoins('s')} where s.race_id = ${id} order by s.session, s.ordinal`),
    all(db, sql`select v.ordinal, ${carCols('v')}, v.percentage, ${driverCols('d', 'd_')}, ${constructorCols('k', 'k_')}
                from driver_of_the_day v ${carJoins('v')} where v.race_id = ${id} order by v.ordinal`),
    raceCars(db, race),
  ]);

  const gridOf = (kind: string) =>
    grid
      .filter((g) => g.kind === kind)
      .map((g): GridEntry => ({ ...car(g), gridPenalty: str(g.penalty), gridPenaltyPlaces: num(g.places), qualifyingTimeMillis: num(g.timeMillis) }));
  const bySession = new Map<string, PracticeSession>();
  for (const s of sessions) {
    const name = String(s.session);
    if (!bySession.has(name)) bySession.set(name, { session: name, results: [] });
    bySession.get(name)!.results.push({ ...car(s), timeMillis: num(s.timeMillis), gapMillis: num(s.gapMillis), laps: num(s.laps) });
  }
  const d = details[0];
  return {
    details: d
      ? {
          officialName: String(d.officialName),
          grandPrix: { id: String(d.gpId), name: String(d.gpName) },
          circuitLayout: str(d.layout),
          circuitType: String(d.circuitType),
          direction: String(d.direction),
          courseLengthKm: Number(d.courseLength),
          turns: Number(d.turns),
          laps: Number(d.laps),
          distanceKm: Number(d.distance),
          scheduledLaps: num(d.scheduledLaps),
          qualifyingFormat: String(d.qualifyingFormat),
        }
      : null,
    startingGrid: gridOf('race'),
    sprintStartingGrid: gridOf('sprint'),
    practice: [...bySession.values()].sort((a, b) => sessionRank(a.session) - sessionRank(b.session) || a.session.localeCompare(b.session)),
    driverOfTheDay: votes.map((v, i) => ({
      position: num(v.position) ?? i + 1,
      driver: driverRef(v, 'd_'),
      constructor: constructorRef(v, 'k_'),
      percentage: num(v.percentage),
    })),
    entries: cars,
  };
}

/**
 * Every car of the race (from any classification of the weekend, F1DB's or the merged ones), with
 * the season entry it ran under: entrant, chassis, engines and tyres.
 */
async function raceCars(db: DbOrTx, race: { raceId: number; season: number; round: number }): Promise<RaceEntry[]> {
  const id = int(race.raceId);
  const carRows = await all(
    db,
    sql`with x as (
          select driver_id, constructor_id, number, engine_manufacturer_id as em, tyre_manufacturer_id as tm, 0 as src from f1db_race_results where race_id = ${id}
          union all select driver_id, constructor_id, number, engine_manufacturer_id, tyre_manufacturer_id, 1 from f1db_qualifying_results where race_id = ${id}
          union all select driver_id, constructor_id, number, engine_manufacturer_id, tyre_manufacturer_id, 2 from starting_grid where race_id = ${id}
          union all select driver_id, constructor_id, number, engine_manufacturer_id, tyre_manufacturer_id, 3 from session_classifications where race_id = ${id}
          union all select driver_id, constructor_id, number, null, null, 4 from results where race_id = ${id}
          union all select driver_id, constructor_id, number, null, null, 5 from qualifying where race_id = ${id}
        ), cars as (
          select driver_id, constructor_id, (array_agg(number order by src) filter (where number is not null))[1] as number,
                 (array_agg(em order by src) filter (where em is not null))[1] as em,
                 (array_agg(tm order by src) filter (where tm is not null))[1] as tm,
                 min(src) as src
          from x group by driver_id, constructor_id
        )
        select cars.driver_id as "driverPk", cars.constructor_id as "constructorPk", cars.number, cars.em, cars.tm, cars.src,
               ${driverCols('d', 'd_')}, ${constructorCols('k', 'k_')},
               se.id as "seId", se.entrant_id as "entrantId", se.engine_manufacturer_id as "seEm", se.chassis_ids as "chassisIds",
               se.engine_ids as "engineIds", se.tyre_manufacturer_ids as "tyreIds",
               sed.rounds, sed.test_driver as "testDriver", sed.driver_id is not null as listed
        from cars join drivers d on d.id = cars.driver_id join constructors k on k.id = cars.constructor_id
          left join season_entrants se on se.season = ${int(race.season)} and se.constructor_id = cars.constructor_id
            and (cars.em is null or se.engine_manufacturer_id = cars.em)
          left join season_entrant_drivers sed on sed.season_entrant_id = se.id and sed.driver_id = cars.driver_id
        order by cars.src, cars.number nulls last, d.family_name, se.ordinal`,
  );
  // one car per (driver, constructor); its candidate entries follow it
  const cars = new Map<string, { first: Row; candidates: Row[] }>();
  for (const r of carRows) {
    const key = `${r.driverPk}:${r.constructorPk}`;
    if (!cars.has(key)) cars.set(key, { first: r, candidates: [] });
    if (r.seId !== null) cars.get(key)!.candidates.push(r);
  }
  const chosen = [...cars.values()].map(({ first, candidates }) => ({
    first,
    entries: pickEntries(
      candidates.map((c) => ({ row: c, seasonEntrantId: Number(c.seId), rounds: str(c.rounds), listed: Boolean(c.listed), testDriver: Boolean(c.testDriver) })),
      race.round,
    ).map((e) => e.row),
  }));
  const parts = await carParts(db, {
    chassis: chosen.flatMap((c) => c.entries.flatMap((e) => intArray(e.chassisIds))),
    engines: chosen.flatMap((c) => c.entries.flatMap((e) => intArray(e.engineIds))),
    entrants: chosen.flatMap((c) => c.entries.map((e) => Number(e.entrantId))),
    tyres: chosen.flatMap((c) => [num(c.first.tm), ...c.entries.flatMap((e) => intArray(e.tyreIds))].filter((n): n is number => n !== null)),
    engineMakers: chosen.flatMap((c) => [num(c.first.em), ...c.entries.map((e) => Number(e.seEm))].filter((n): n is number => n !== null)),
  });
  return chosen
    .sort((a, b) => (num(a.first.number) ?? 999) - (num(b.first.number) ?? 999))
    .map(({ first, entries }): RaceEntry => {
      const em = num(first.em) ?? (entries[0] ? Number(entries[0].seEm) : null);
      const tm = num(first.tm) ?? intArray(entries[0]?.tyreIds)[0] ?? null;
      return {
        number: num(first.number),
        driver: driverRef(first, 'd_'),
        constructor: constructorRef(first, 'k_'),
        entrant: entries[0] ? (parts.entrants.get(Number(entries[0].entrantId)) ?? null) : null,
        engineManufacturer: em === null ? null : (parts.engineMakers.get(em) ?? null),
        chassis: pick(parts.chassis, entries.flatMap((e) => intArray(e.chassisIds))),
        engines: pick(parts.engines, entries.flatMap((e) => intArray(e.engineIds))),
        tyreManufacturer: tm === null ? null : (parts.tyres.get(tm) ?? null),
      };
    });
}

// ── drivers ────────────────────────────────────────────────────────────────────────────────────

export async function driverFacts(db: DbOrTx, driverPk: number): Promise<{ details: DriverDetails | null; family: FamilyRelation[] }> {
  const id = int(driverPk);
  const [details, family] = await Promise.all([
    all(db, sql`select dd.full_name as "fullName", dd.date_of_death::text as "dateOfDeath", dd.place_of_birth as "placeOfBirth",
                  ${countryCols('cb', 'cb_')}, ${countryCols('cn', 'cn_')}, ${countryCols('c2', 'c2_')}
                from driver_details dd
                  left join countries cb on cb.id = dd.country_of_birth_id
                  left join countries cn on cn.id = dd.nationality_country_id
                  left join countries c2 on c2.id = dd.second_nationality_country_id
                where dd.driver_id = ${id}`),
    all(db, sql`select r.type, ${driverCols('d', 'd_')}
                from driver_relations r join drivers d on d.id = r.related_driver_id
                where r.driver_id = ${id} order by d.date_of_birth nulls last, d.family_name, d.given_name`),
  ]);
  const d = details[0];
  return {
    details: d
      ? {
          fullName: String(d.fullName),
          dateOfDeath: str(d.dateOfDeath),
          placeOfBirth: str(d.placeOfBirth),
          countryOfBirth: country(d, 'cb_'),
          nationality: country(d, 'cn_'),
          secondNationality: country(d, 'c2_'),
        }
      : null,
    family: family.map((f) => ({ type: String(f.type), driver: driverRef(f, 'd_') })),
  };
}

// ── constructors ───────────────────────────────────────────────────────────────────────────────

export interface ConstructorFacts {
  details: { fullName: string; country: Country | null } | null;
  chronology: ChronologyStep[];
  engines: ConstructorEngineSpan[];
  cars: ConstructorCarSeason[];
}

export async function constructorFacts(db: DbOrTx, constructorPk: number): Promise<ConstructorFacts> {
  const id = int(constructorPk);
  const [details, chronology, entries] = await Promise.all([
    all(db, sql`select cd.full_name as "fullName", ${countryCols('c', 'c_')}
                from constructor_details cd left join countries c on c.id = cd.country_id where cd.constructor_id = ${id}
                order by cd.ordinal limit 1`),
    all(db, sql`select ch.year_from as "yearFrom", ch.year_to as "yearTo", coalesce(md.name, k.name) as "stepName", ${constructorCols('k', 'k_')}
                from constructor_chronology ch join constructors k on k.id = ch.member_constructor_id
                left join constructor_details md on md.f1db_id = ch.member_f1db_id
                where ch.constructor_id = ${id} order by ch.ordinal`),
    all(db, sql`select se.season, se.entrant_id as "entrantId", se.engine_manufacturer_id as "em", se.chassis_ids as "chassisIds",
                  se.engine_ids as "engineIds", se.tyre_manufacturer_ids as "tyreIds"
                from season_entrants se where se.constructor_id = ${id} order by se.season, se.ordinal`),
  ]);
  const parts = await carParts(db, {
    chassis: entries.flatMap((e) => intArray(e.chassisIds)),
    engines: entries.flatMap((e) => intArray(e.engineIds)),
    entrants: entries.map((e) => Number(e.entrantId)),
    tyres: entries.flatMap((e) => intArray(e.tyreIds)),
    engineMakers: entries.map((e) => Number(e.em)),
  });

  const seasons = distinctBy(entries.map((e) => Number(e.season)), String);
  const cars = seasons.map((season): ConstructorCarSeason => {
    const of = entries.filter((e) => Number(e.season) === season);
    return {
      season,
      entrants: pick(parts.entrants, of.map((e) => Number(e.entrantId))),
      engineManufacturers: pick(parts.engineMakers, of.map((e) => Number(e.em))),
      chassis: pick(parts.chassis, of.flatMap((e) => intArray(e.chassisIds))),
      engines: pick(parts.engines, of.flatMap((e) => intArray(e.engineIds))),
      tyreManufacturers: pick(parts.tyres, of.flatMap((e) => intArray(e.tyreIds))),
    };
  });
  const spans = new Map<string, { manufacturer: EngineManufacturerRef; seasons: number[] }>();
  for (const c of cars)
    for (const m of c.engineManufacturers) {
      const span = spans.get(m.id) ?? { manufacturer: m, seasons: [] };
      if (!span.seasons.includes(c.season)) span.seasons.push(c.season);
      spans.set(m.id, span);
    }
  const d = details[0];
  return {
    details: d ? { fullName: String(d.fullName), country: country(d, 'c_') } : null,
    chronology: chronology.map((c) => ({ name: String(c.stepName), constructor: constructorRef(c, 'k_'), yearFrom: Number(c.yearFrom), yearTo: num(c.yearTo) })),
    engines: [...spans.values()],
    cars,
  };
}

// ── circuits ───────────────────────────────────────────────────────────────────────────────────

export async function circuitFacts(db: DbOrTx, circuitPk: number): Promise<{ details: CircuitDetails | null; layouts: CircuitLayout[] }> {
  const id = int(circuitPk);
  const [details, layouts] = await Promise.all([
    all(db, sql`select cd.full_name as "fullName", cd.previous_names as "previousNames", cd.type, cd.direction, cd.place_name as "placeName",
                  cd.length, cd.turns, ${countryCols('c', 'c_')}
                from circuit_details cd left join countries c on c.id = cd.country_id where cd.circuit_id = ${id}`),
    all(db, sql`select l.f1db_id as id, l.length, l.turns,
                  coalesce((select array_agg(distinct r.season order by r.season) from race_details rd join races r on r.id = rd.race_id
                            where rd.circuit_layout_id = l.id), '{}') as seasons
                from circuit_layouts l where l.circuit_id = ${id} order by l.ordinal`),
  ]);
  const d = details[0];
  return {
    details: d
      ? {
          fullName: String(d.fullName),
          previousNames: Array.isArray(d.previousNames) ? d.previousNames.map(String) : [],
          type: String(d.type),
          direction: String(d.direction),
          placeName: String(d.placeName),
          country: country(d, 'c_'),
          lengthKm: Number(d.length),
          turns: Number(d.turns),
        }
      : null,
    layouts: layouts.map((l) => ({ id: String(l.id), lengthKm: Number(l.length), turns: Number(l.turns), seasons: intArray(l.seasons) })),
  };
}
