// Store a read F1DB tree in the shared entity graph. Runs inside the caller's transaction:
//  1. reference entities only F1DB has (continents … grands prix), keyed by F1DB id;
//  2. drivers, constructors, circuits matched to ours (match.ts); new ones created with an
//     Ergast-style public id; F1DB's id stored as an alias either way; ambiguous ones listed;
//  3. details (driver/constructor/circuit/race), chronology, layouts, season entrants;
//  4. F1DB's per-race tables, made equal to the tree (syncRows: a second run writes nothing);
//  5. the merge into results/qualifying/pit stops/standings where Jolpica lacks the race (merge.ts).
import { and, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import * as s from '../../db/schema/index.js';
import { syncRows, type SyncRowsOptions } from '../../db/sync-rows.js';
import type { ProgressFn, TableReport } from '../import/write.js';
import { circuitSeasons, constructorSeasons } from './adopt.js';
import { mapRaceRows } from './map-races.js';
import {
  circuitCandidates,
  constructorCandidates,
  driverCandidates,
  resolve,
  type CircuitKey,
  type ConstructorKey,
  type DriverKey,
  type Known,
  type Match,
} from './match.js';
import { mergeF1db } from './merge.js';
import type { F1db } from './types.js';
import { clock, ergastStyleId } from './values.js';

export type EntityKind = 'driver' | 'constructor' | 'circuit' | 'race';

export interface MatchCounts {
  matched: number;
  new: number;
  ambiguous: number;
}

export interface AmbiguousMatch {
  kind: EntityKind;
  f1dbId: string;
  reason: string;
  candidates: string[];
}

export interface F1dbWriteReport {
  tables: Record<string, TableReport>;
  matches: Record<EntityKind, MatchCounts>;
  ambiguous: AmbiguousMatch[];
}

type Row = Record<string, unknown>;
const k = (...parts: unknown[]) => parts.map((p) => (p === null || p === undefined ? '∅' : String(p))).join('|');

function lookup<V>(map: ReadonlyMap<string, V>, key: string, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`F1DB refers to an unknown ${what} "${key}"`);
  return v;
}

/** A public id not taken yet: 'lotus', then 'lotus_2', … */
function freeRef(wanted: string, taken: Set<string>): string {
  let ref = wanted;
  for (let n = 2; taken.has(ref); n++) ref = `${wanted}_${n}`;
  taken.add(ref);
  return ref;
}

export async function writeF1db(db: DbOrTx, tree: F1db, options: { onProgress?: ProgressFn } = {}): Promise<F1dbWriteReport> {
  const tables: Record<string, TableReport> = {};
  const put = async (name: string, opts: Omit<SyncRowsOptions<PgTable>, 'onProgress'>) => {
    const t0 = performance.now();
    const r = await syncRows(db, { ...opts, onProgress: (done, total) => options.onProgress?.(name, done, total) });
    const prev = tables[name];
    tables[name] = prev
      ? { inserted: prev.inserted + r.inserted, updated: prev.updated + r.updated, deleted: prev.deleted + r.deleted, unchanged: prev.unchanged + r.unchanged, seconds: prev.seconds + (performance.now() - t0) / 1000 }
      : { ...r, seconds: (performance.now() - t0) / 1000 };
  };
  const idsOf = async (table: typeof s.continents | typeof s.countries | typeof s.engineManufacturers | typeof s.engines | typeof s.tyreManufacturers | typeof s.entrants | typeof s.grandsPrix | typeof s.chassis) =>
    new Map((await db.select({ id: table.id, f1dbId: table.f1dbId }).from(table)).map((r) => [r.f1dbId, r.id]));
  const byF1dbId = (r: Row) => k(r.f1dbId);

  // 1. Reference entities.
  await put('continents', {
    table: s.continents,
    rows: tree.continents.map((c) => ({ ref: ergastStyleId(c.id), f1dbId: c.id, code: c.code, name: c.name, demonym: c.demonym })),
    keyOf: byF1dbId,
    identity: ['id'],
    deleteMissing: false,
  });
  const continentId = await idsOf(s.continents);
  await put('countries', {
    table: s.countries,
    rows: tree.countries.map((c) => ({
      ref: ergastStyleId(c.id),
      f1dbId: c.id,
      alpha2Code: c.alpha2Code,
      alpha3Code: c.alpha3Code,
      iocCode: c.iocCode,
      name: c.name,
      demonym: c.demonym,
      continentId: lookup(continentId, c.continentId, 'continent'),
    })),
    keyOf: byF1dbId,
    identity: ['id'],
    deleteMissing: false,
  });
  const countryId = await idsOf(s.countries);
  const country = (id: string | null | undefined) => (id ? lookup(countryId, id, 'country') : null);
  const countryById = new Map(tree.countries.map((c) => [c.id, c]));
  for (const [name, table, list] of [
    ['engine_manufacturers', s.engineManufacturers, tree.engineManufacturers],
    ['tyre_manufacturers', s.tyreManufacturers, tree.tyreManufacturers],
  ] as const)
    await put(name, {
      table,
      rows: list.map((m) => ({ ref: ergastStyleId(m.id), f1dbId: m.id, name: m.name, countryId: country(m.countryId) })),
      keyOf: byF1dbId,
      identity: ['id'],
      deleteMissing: false,
    });
  const engineManufacturerId = await idsOf(s.engineManufacturers);
  const tyreManufacturerId = await idsOf(s.tyreManufacturers);
  await put('engines', {
    table: s.engines,
    rows: tree.engines.map((e) => ({
      ref: ergastStyleId(e.id),
      f1dbId: e.id,
      engineManufacturerId: lookup(engineManufacturerId, e.engineManufacturerId, 'engine manufacturer'),
      name: e.name,
      fullName: e.fullName,
      capacity: e.capacity,
      configuration: e.configuration,
      aspiration: e.aspiration,
    })),
    keyOf: byF1dbId,
    identity: ['id'],
    deleteMissing: false,
  });
  await put('entrants', { table: s.entrants, rows: tree.entrants.map((e) => ({ ref: ergastStyleId(e.id), f1dbId: e.id, name: e.name })), keyOf: byF1dbId, identity: ['id'], deleteMissing: false });
  await put('grands_prix', {
    table: s.grandsPrix,
    rows: tree.grandsPrix.map((g) => ({
      ref: ergastStyleId(g.id),
      f1dbId: g.id,
      name: g.name,
      fullName: g.fullName,
      shortName: g.shortName,
      abbreviation: g.abbreviation,
      countryId: country(g.countryId),
    })),
    keyOf: byF1dbId,
    identity: ['id'],
    deleteMissing: false,
  });
  const engineId = await idsOf(s.engines);
  const entrantId = await idsOf(s.entrants);
  const grandPrixId = await idsOf(s.grandsPrix);

  // 2. Drivers, constructors, circuits: match, create what is new, alias all.
  const aliasRows = await db.select().from(s.entityAliases).where(eq(s.entityAliases.source, 'f1db'));
  const aliases = (kind: string) => new Map(aliasRows.filter((a) => a.kind === kind).map((a) => [a.alias, a.entityId]));
  const ambiguous: AmbiguousMatch[] = [];
  const matches = {} as Record<EntityKind, MatchCounts>;
  const count = (kind: EntityKind, m: ReadonlyMap<string, Match>) => {
    const c: MatchCounts = { matched: 0, new: 0, ambiguous: 0 };
    for (const [f1dbId, x] of m) {
      c[x.status]++;
      if (x.status === 'ambiguous') ambiguous.push({ kind, f1dbId, reason: x.reason ?? '', candidates: x.candidates });
    }
    matches[kind] = c;
  };

  // Seasons each F1DB constructor raced in, from entrants and results.
  const constructorYears = new Map<string, Set<number>>();
  const addYear = (id: string, year: number) => (constructorYears.get(id) ?? constructorYears.set(id, new Set()).get(id)!).add(year);
  for (const season of tree.seasons) {
    for (const e of season.entrants) for (const car of e.cars) addYear(car.constructorId, season.year);
    for (const race of season.races) for (const r of race.raceResults) addYear(r.constructorId, season.year);
  }

  const existingDrivers = await db.select().from(s.drivers);
  const driverMatches = resolve(
    tree.drivers.map((d) => ({ f1dbId: d.id, data: { dateOfBirth: d.dateOfBirth, givenName: d.firstName, familyName: d.lastName, fullName: d.fullName } satisfies DriverKey })),
    existingDrivers.map((d): Known<DriverKey> => ({ id: d.id, ref: d.driverRef, data: { dateOfBirth: d.dateOfBirth, givenName: d.givenName, familyName: d.familyName } })),
    aliases('driver'),
    driverCandidates,
  );
  count('driver', driverMatches);
  const seasonsOf = await constructorSeasons(db);
  const existingConstructors = await db.select().from(s.constructors);
  const constructorMatches = resolve(
    tree.constructors.map((c) => ({ f1dbId: c.id, data: { names: [c.name, c.fullName], years: [...(constructorYears.get(c.id) ?? [])] } satisfies ConstructorKey })),
    existingConstructors.map((c): Known<ConstructorKey> => ({ id: c.id, ref: c.constructorRef, data: { names: [c.name], years: seasonsOf.get(c.id) ?? [] } })),
    aliases('constructor'),
    constructorCandidates,
  );
  count('constructor', constructorMatches);
  const existingCircuits = await db.select().from(s.circuits);
  const circuitYears = await circuitSeasons(db);
  const f1dbCircuitYears = new Map<string, number[]>();
  for (const season of tree.seasons) for (const r of season.races) f1dbCircuitYears.set(r.circuitId, [...(f1dbCircuitYears.get(r.circuitId) ?? []), season.year]);
  const circuitMatches = resolve(
    tree.circuits.map((c) => ({ f1dbId: c.id, data: { names: [c.name, c.fullName, ...(c.previousNames ?? [])], place: c.placeName, lat: c.latitude, lng: c.longitude, years: f1dbCircuitYears.get(c.id) ?? [] } satisfies CircuitKey })),
    existingCircuits.map((c): Known<CircuitKey> => ({ id: c.id, ref: c.circuitRef, data: { names: [c.name], place: c.locality, lat: c.lat, lng: c.lng, years: circuitYears.get(c.id) ?? [] } })),
    aliases('circuit'),
    circuitCandidates,
  );
  count('circuit', circuitMatches);
  // An entity kept apart by an earlier import resolves by its alias now, still apart: it stays listed
  // until a human merges it (a re-import must not empty the list).
  const resolvedNow = { driver: driverMatches, constructor: constructorMatches, circuit: circuitMatches } as Partial<Record<EntityKind, Map<string, Match>>>;
  for (const a of await db.select().from(s.ambiguousMatches).where(eq(s.ambiguousMatches.source, 'f1db')))
    if (resolvedNow[a.kind as EntityKind]?.has(a.sourceId) && !ambiguous.some((x) => x.kind === a.kind && x.f1dbId === a.sourceId))
    {
      ambiguous.push({ kind: a.kind as EntityKind, f1dbId: a.sourceId, reason: a.reason, candidates: a.candidates });
      matches[a.kind as EntityKind]!.matched--;
      matches[a.kind as EntityKind]!.ambiguous++;
    }

  // Entities F1DB gives the Ergast columns of: new ones, under an Ergast-style public id, and the
  // ones an earlier F1DB import created that Jolpica has not adopted (their public id is still the
  // one we made up, aliased 'apex'), so a new F1DB release updates them in place.
  const madeUpRefs = new Map<string, Map<number, string>>();
  for (const a of await db.select().from(s.entityAliases).where(eq(s.entityAliases.source, 'apex')))
    (madeUpRefs.get(a.kind) ?? madeUpRefs.set(a.kind, new Map()).get(a.kind)!).set(a.entityId, a.alias);
  /** The public id F1DB decides for this entity: a new one, its own made-up one, or none (Jolpica's entity). */
  const f1dbRef = (kind: EntityKind, match: Match, f1dbId: string, existing: ReadonlyMap<number, string>, taken: Set<string>) => {
    if (match.id === null) return freeRef(ergastStyleId(f1dbId), taken);
    const ref = existing.get(match.id);
    return ref !== undefined && madeUpRefs.get(kind)?.get(match.id) === ref ? ref : null;
  };
  const driverRefs = new Set(existingDrivers.map((d) => d.driverRef));
  const driverRefOf = new Map(existingDrivers.map((d) => [d.id, d.driverRef]));
  const newDrivers = tree.drivers
    .map((d) => ({ d, ref: f1dbRef('driver', driverMatches.get(d.id)!, d.id, driverRefOf, driverRefs) }))
    .filter((x): x is { d: (typeof tree.drivers)[number]; ref: string } => x.ref !== null)
    .map(({ d, ref }) => ({
      driverRef: ref,
      permanentNumber: d.permanentNumber,
      code: d.abbreviation,
      givenName: d.firstName,
      familyName: d.lastName,
      dateOfBirth: d.dateOfBirth,
      nationality: countryById.get(d.nationalityCountryId)?.demonym ?? null,
      countryCode: countryById.get(d.nationalityCountryId)?.alpha3Code ?? null,
      url: null,
      f1dbId: d.id,
    }));
  const constructorRefs = new Set(existingConstructors.map((c) => c.constructorRef));
  const constructorRefOf = new Map(existingConstructors.map((c) => [c.id, c.constructorRef]));
  const newConstructors = tree.constructors
    .map((c) => ({ c, ref: f1dbRef('constructor', constructorMatches.get(c.id)!, c.id, constructorRefOf, constructorRefs) }))
    .filter((x): x is { c: (typeof tree.constructors)[number]; ref: string } => x.ref !== null)
    .map(({ c, ref }) => ({
      constructorRef: ref,
      name: c.name,
      nationality: countryById.get(c.countryId)?.demonym ?? null,
      countryCode: countryById.get(c.countryId)?.alpha3Code ?? null,
      url: null,
      f1dbId: c.id,
    }));
  const circuitRefs = new Set(existingCircuits.map((c) => c.circuitRef));
  const circuitRefOf = new Map(existingCircuits.map((c) => [c.id, c.circuitRef]));
  const newCircuits = tree.circuits
    .map((c) => ({ c, ref: f1dbRef('circuit', circuitMatches.get(c.id)!, c.id, circuitRefOf, circuitRefs) }))
    .filter((x): x is { c: (typeof tree.circuits)[number]; ref: string } => x.ref !== null)
    .map(({ c, ref }) => ({
      circuitRef: ref,
      name: c.fullName,
      locality: c.placeName,
      country: countryById.get(c.countryId)?.name ?? null,
      countryCode: countryById.get(c.countryId)?.alpha3Code ?? null,
      lat: c.latitude,
      lng: c.longitude,
      altitude: null,
      url: null,
      f1dbId: c.id,
    }));
  const insertNew = async <T extends { f1dbId: string }>(name: string, table: typeof s.drivers | typeof s.constructors | typeof s.circuits, refKey: string, rows: T[]) => {
    if (rows.length) await put(name, { table, rows: rows.map(({ f1dbId: _, ...r }) => r), keyOf: (r) => k(r[refKey]), identity: ['id'], deleteMissing: false });
    const ids = new Map((await db.select().from(table)).map((r) => [(r as Row)[refKey] as string, (r as Row).id as number]));
    return new Map(rows.map((r) => [r.f1dbId, ids.get((r as Row)[refKey] as string)!]));
  };
  const createdDrivers = await insertNew('drivers', s.drivers, 'driverRef', newDrivers);
  const createdConstructors = await insertNew('constructors', s.constructors, 'constructorRef', newConstructors);
  const createdCircuits = await insertNew('circuits', s.circuits, 'circuitRef', newCircuits);
  // The ids we made up, kept resolvable (and adoptable by a later Jolpica import: adopt.ts).
  const created = <T extends { f1dbId: string }>(rows: T[], m: ReadonlyMap<string, Match>) => rows.filter((r) => m.get(r.f1dbId)!.id === null);
  const madeUp = [
    ...created(newDrivers, driverMatches).map((d) => ({ kind: 'driver', source: 'apex', alias: d.driverRef, entityId: createdDrivers.get(d.f1dbId)! })),
    ...created(newConstructors, constructorMatches).map((c) => ({ kind: 'constructor', source: 'apex', alias: c.constructorRef, entityId: createdConstructors.get(c.f1dbId)! })),
    ...created(newCircuits, circuitMatches).map((c) => ({ kind: 'circuit', source: 'apex', alias: c.circuitRef, entityId: createdCircuits.get(c.f1dbId)! })),
  ];
  if (madeUp.length)
    await put('entity_aliases', { table: s.entityAliases, rows: madeUp, keyOf: (r) => k(r.kind, r.source, r.alias), scope: eq(s.entityAliases.source, 'apex'), identity: ['kind', 'source', 'alias'], deleteMissing: false });
  const idMap = (m: ReadonlyMap<string, Match>, created: ReadonlyMap<string, number>) =>
    new Map([...m].map(([f1dbId, x]) => [f1dbId, x.id ?? created.get(f1dbId)!]));
  const driverId = idMap(driverMatches, createdDrivers);
  const constructorId = idMap(constructorMatches, createdConstructors);
  const circuitId = idMap(circuitMatches, createdCircuits);

  await put('chassis', {
    table: s.chassis,
    rows: tree.chassis.map((c) => ({ ref: ergastStyleId(c.id), f1dbId: c.id, constructorId: lookup(constructorId, c.constructorId, 'constructor'), name: c.name, fullName: c.fullName })),
    keyOf: byF1dbId,
    identity: ['id'],
    deleteMissing: false,
  });
  const chassisId = await idsOf(s.chassis);

  // 3. Details.
  await put('driver_details', {
    table: s.driverDetails,
    rows: tree.drivers.map((d) => ({
      driverId: driverId.get(d.id)!,
      name: d.name,
      firstName: d.firstName,
      lastName: d.lastName,
      permanentNumber: d.permanentNumber,
      fullName: d.fullName,
      abbreviation: d.abbreviation,
      gender: d.gender,
      dateOfDeath: d.dateOfDeath,
      placeOfBirth: d.placeOfBirth,
      countryOfBirthId: country(d.countryOfBirthCountryId),
      nationalityCountryId: country(d.nationalityCountryId),
      secondNationalityCountryId: country(d.secondNationalityCountryId),
    })),
    keyOf: (r) => k(r.driverId),
    identity: ['driverId'],
  });
  await put('driver_relations', {
    table: s.driverRelations,
    rows: tree.drivers.flatMap((d) =>
      (d.familyRelationships ?? []).map((f) => ({ driverId: driverId.get(d.id)!, relatedDriverId: lookup(driverId, f.driverId, 'driver'), type: f.type })),
    ),
    keyOf: (r) => k(r.driverId, r.relatedDriverId, r.type),
    identity: ['driverId', 'relatedDriverId', 'type'],
  });
  // Several F1DB constructors can be one entity ('rb' and 'racing-bulls' are Jolpica's 'rb':
  // continuations.ts): each keeps its details row, numbered by first season (the first's is the
  // entity's); the lineage is written once, from the first (F1DB repeats one lineage on every member).
  const firstSeason = (id: string) => Math.min(...(constructorYears.get(id) ?? [Infinity]));
  const ordinalOf = new Map<string, number>();
  const perEntity = new Map<number, number>();
  for (const c of [...tree.constructors].sort((a, b) => firstSeason(a.id) - firstSeason(b.id) || a.id.localeCompare(b.id))) {
    const n = (perEntity.get(constructorId.get(c.id)!) ?? 0) + 1;
    perEntity.set(constructorId.get(c.id)!, n);
    ordinalOf.set(c.id, n);
  }
  await put('constructor_details', {
    table: s.constructorDetails,
    rows: tree.constructors.map((c) => ({ f1dbId: c.id, constructorId: constructorId.get(c.id)!, ordinal: ordinalOf.get(c.id)!, name: c.name, fullName: c.fullName, countryId: country(c.countryId) })),
    keyOf: (r) => k(r.f1dbId),
    identity: ['f1dbId'],
  });
  await put('constructor_chronology', {
    table: s.constructorChronology,
    rows: tree.constructors.filter((c) => ordinalOf.get(c.id) === 1).flatMap((c) =>
      (c.chronology ?? []).map((x, i) => ({
        constructorId: constructorId.get(c.id)!,
        ordinal: i + 1,
        memberConstructorId: lookup(constructorId, x.constructorId, 'constructor'),
        memberF1dbId: x.constructorId,
        yearFrom: x.yearFrom,
        yearTo: x.yearTo,
      })),
    ),
    keyOf: (r) => k(r.constructorId, r.ordinal),
    identity: ['constructorId', 'ordinal'],
  });
  await put('circuit_details', {
    table: s.circuitDetails,
    rows: tree.circuits.map((c) => ({
      circuitId: circuitId.get(c.id)!,
      name: c.name,
      latitude: c.latitude,
      longitude: c.longitude,
      fullName: c.fullName,
      previousNames: c.previousNames,
      type: c.type,
      direction: c.direction,
      placeName: c.placeName,
      countryId: country(c.countryId),
      length: c.length,
      turns: c.turns,
    })),
    keyOf: (r) => k(r.circuitId),
    identity: ['circuitId'],
  });
  await put('circuit_layouts', {
    table: s.circuitLayouts,
    rows: tree.circuits.flatMap((c) =>
      c.layouts.map((l, i) => ({ f1dbId: l.id, circuitId: circuitId.get(c.id)!, ordinal: i + 1, length: l.length, turns: l.turns, effective: l.effective ?? null })),
    ),
    keyOf: byF1dbId,
    identity: ['id'],
  });
  const layoutId = new Map((await db.select({ id: s.circuitLayouts.id, f1dbId: s.circuitLayouts.f1dbId }).from(s.circuitLayouts)).map((r) => [r.f1dbId, r.id]));

  // Seasons and races. A race is the same when season and round agree and the dates are within a
  // week: F1DB dates some night races by their UTC day (Las Vegas), and one date differs by a week
  // (2021 Turkey, postponed); a round whose dates are further apart is ambiguous and not imported.
  const haveSeasons = new Set((await db.select({ year: s.seasons.year }).from(s.seasons)).map((r) => r.year));
  await put('seasons', {
    table: s.seasons,
    rows: tree.seasons.filter((x) => !haveSeasons.has(x.year)).map((x) => ({ year: x.year, url: null, championshipSystemId: null })),
    keyOf: (r) => k(r.year),
    identity: ['year'],
    deleteMissing: false,
  });
  const existingRaces = new Map((await db.select().from(s.races)).map((r) => [k(r.season, r.round), r]));
  const gpName = new Map(tree.grandsPrix.map((g) => [g.id, g.fullName]));
  const raceCounts: MatchCounts = { matched: 0, new: 0, ambiguous: 0 };
  const newRaces: Row[] = [];
  const skippedRaces = new Set<string>();
  for (const season of tree.seasons)
    for (const race of season.races) {
      const have = existingRaces.get(k(race.year, race.round));
      if (!have) {
        raceCounts.new++;
        newRaces.push({
          season: race.year,
          round: race.round,
          circuitId: lookup(circuitId, race.circuitId, 'circuit'),
          name: lookup(gpName, race.grandPrixId, 'grand prix'),
          date: race.date,
          time: clock(race.time),
          url: null,
          isCancelled: false,
        });
      } else if (have.date !== null && Math.abs(Date.parse(have.date) - Date.parse(race.date)) <= 7 * 86_400_000) raceCounts.matched++;
      else {
        raceCounts.ambiguous++;
        skippedRaces.add(k(race.year, race.round));
        ambiguous.push({ kind: 'race', f1dbId: `${race.year}/${race.folder}`, reason: `round ${race.round} of ${race.year} is on ${have.date} here, ${race.date} in F1DB`, candidates: [`${race.year}/${race.round}`] });
      }
    }
  matches.race = raceCounts;
  if (newRaces.length) await put('races', { table: s.races, rows: newRaces, keyOf: (r) => k(r.season, r.round), identity: ['id'], deleteMissing: false });
  const raceIdOf = new Map((await db.select({ id: s.races.id, season: s.races.season, round: s.races.round }).from(s.races)).map((r) => [k(r.season, r.round), r.id]));
  const raceId = (year: number, round: number) => (skippedRaces.has(k(year, round)) ? null : (raceIdOf.get(k(year, round)) ?? null));

  await put('race_details', {
    table: s.raceDetails,
    rows: tree.seasons.flatMap((x) =>
      x.races
        .filter((r) => raceId(r.year, r.round) !== null)
        .map((r) => ({
          raceId: raceId(r.year, r.round),
          f1dbId: r.id,
          grandPrixId: lookup(grandPrixId, r.grandPrixId, 'grand prix'),
          circuitLayoutId: layoutId.get(r.circuitLayoutId) ?? null,
          officialName: r.officialName,
          qualifyingFormat: r.qualifyingFormat,
          sprintQualifyingFormat: r.sprintQualifyingFormat ?? null,
          circuitType: r.circuitType,
          direction: r.direction,
          courseLength: r.courseLength,
          turns: r.turns,
          laps: r.laps,
          distance: r.distance,
          scheduledLaps: r.scheduledLaps ?? null,
          scheduledDistance: r.scheduledDistance ?? null,
          driversChampionshipDecider: r.driversChampionshipDecider ?? null,
          constructorsChampionshipDecider: r.constructorsChampionshipDecider ?? null,
          sprintRaceLaps: r.sprintRaceLaps ?? null,
          sprintRaceDistance: r.sprintRaceDistance ?? null,
          sprintRaceScheduledLaps: r.sprintRaceScheduledLaps ?? null,
          sprintRaceScheduledDistance: r.sprintRaceScheduledDistance ?? null,
          time: r.time ?? null,
          freePractice1Date: r.freePractice1Date ?? null,
          freePractice1Time: r.freePractice1Time ?? null,
          freePractice2Date: r.freePractice2Date ?? null,
          freePractice2Time: r.freePractice2Time ?? null,
          freePractice3Date: r.freePractice3Date ?? null,
          freePractice3Time: r.freePractice3Time ?? null,
          qualifyingDate: r.qualifyingDate ?? null,
          qualifyingTime: r.qualifyingTime ?? null,
          sprintQualifyingDate: r.sprintQualifyingDate ?? null,
          sprintQualifyingTime: r.sprintQualifyingTime ?? null,
          sprintRaceDate: r.sprintRaceDate ?? null,
          sprintRaceTime: r.sprintRaceTime ?? null,
        })),
    ),
    keyOf: (r) => k(r.raceId),
    identity: ['raceId'],
  });

  // Season entrants: one row per (entrant, constructor) car, drivers below it.
  const entrantRows: Row[] = [];
  const entrantDrivers: { season: number; ordinal: number; drivers: Row[] }[] = [];
  for (const season of tree.seasons) {
    let ordinal = 0;
    for (const e of season.entrants)
      for (const car of e.cars) {
        ordinal++;
        entrantRows.push({
          season: season.year,
          ordinal,
          entrantId: lookup(entrantId, e.entrantId, 'entrant'),
          countryId: country(e.countryId),
          constructorId: lookup(constructorId, car.constructorId, 'constructor'),
          engineManufacturerId: lookup(engineManufacturerId, car.engineManufacturerId, 'engine manufacturer'),
          chassisIds: car.chassisIds.map((c) => lookup(chassisId, c, 'chassis')),
          engineIds: car.engineIds.map((c) => lookup(engineId, c, 'engine')),
          tyreManufacturerIds: car.tyreManufacturerIds.map((c) => lookup(tyreManufacturerId, c, 'tyre manufacturer')),
        });
        entrantDrivers.push({
          season: season.year,
          ordinal,
          drivers: car.drivers.map((d, i) => ({ ordinal: i + 1, driverId: lookup(driverId, d.driverId, 'driver'), rounds: d.rounds, testDriver: d.testDriver })),
        });
      }
  }
  await put('season_entrants', { table: s.seasonEntrants, rows: entrantRows, keyOf: (r) => k(r.season, r.ordinal), identity: ['id'] });
  const seasonEntrantId = new Map((await db.select({ id: s.seasonEntrants.id, season: s.seasonEntrants.season, ordinal: s.seasonEntrants.ordinal }).from(s.seasonEntrants)).map((r) => [k(r.season, r.ordinal), r.id]));
  await put('season_entrant_drivers', {
    table: s.seasonEntrantDrivers,
    rows: entrantDrivers.flatMap((e) => e.drivers.map((d) => ({ ...d, seasonEntrantId: seasonEntrantId.get(k(e.season, e.ordinal))! }))),
    keyOf: (r) => k(r.seasonEntrantId, r.ordinal),
    identity: ['seasonEntrantId', 'ordinal'],
  });

  // 4. Per-race tables.
  const rows = await mapRaceRows(tree, {
    driver: (id) => lookup(driverId, id, 'driver'),
    constructor: (id) => lookup(constructorId, id, 'constructor'),
    engineManufacturer: (id) => lookup(engineManufacturerId, id, 'engine manufacturer'),
    tyreManufacturer: (id) => lookup(tyreManufacturerId, id, 'tyre manufacturer'),
    race: raceId,
  });
  const perRace = [
    ['f1db_race_results', s.f1dbRaceResults, rows.f1dbRaceResults, ['raceId', 'kind', 'ordinal']],
    ['f1db_qualifying_results', s.f1dbQualifyingResults, rows.f1dbQualifyingResults, ['raceId', 'kind', 'ordinal']],
    ['session_classifications', s.sessionClassifications, rows.sessionClassifications, ['raceId', 'session', 'ordinal']],
    ['starting_grid', s.startingGrid, rows.startingGrid, ['raceId', 'kind', 'ordinal']],
    ['fastest_laps', s.fastestLaps, rows.fastestLaps, ['raceId', 'ordinal']],
    ['f1db_pit_stops', s.f1dbPitStops, rows.f1dbPitStops, ['raceId', 'ordinal']],
    ['driver_of_the_day', s.driverOfTheDay, rows.driverOfTheDay, ['raceId', 'ordinal']],
    ['f1db_driver_standings', s.f1dbDriverStandings, rows.f1dbDriverStandings, ['id']],
    ['f1db_constructor_standings', s.f1dbConstructorStandings, rows.f1dbConstructorStandings, ['id']],
  ] as const;
  for (const [name, table, list, identity] of perRace) {
    const standings = identity[0] === 'id';
    await put(name, {
      table,
      rows: list,
      keyOf: standings ? (r) => k(r.season, r.raceId, r.ordinal) : (r) => k(...identity.map((f) => r[f])),
      identity: [...identity],
    });
  }

  // Aliases and the ambiguous list.
  await put('entity_aliases', {
    table: s.entityAliases,
    rows: [
      ...[...driverId].map(([alias, id]) => ({ kind: 'driver', source: 'f1db', alias, entityId: id })),
      ...[...constructorId].map(([alias, id]) => ({ kind: 'constructor', source: 'f1db', alias, entityId: id })),
      ...[...circuitId].map(([alias, id]) => ({ kind: 'circuit', source: 'f1db', alias, entityId: id })),
      ...tree.seasons.flatMap((x) =>
        x.races.filter((r) => raceId(r.year, r.round) !== null).map((r) => ({ kind: 'race', source: 'f1db', alias: String(r.id), entityId: raceId(r.year, r.round)! })),
      ),
    ],
    keyOf: (r) => k(r.kind, r.alias),
    scope: eq(s.entityAliases.source, 'f1db'),
    identity: ['kind', 'source', 'alias'],
  });
  await put('ambiguous_matches', {
    table: s.ambiguousMatches,
    rows: ambiguous.map((a) => ({ kind: a.kind, source: 'f1db', sourceId: a.f1dbId, reason: a.reason, candidates: a.candidates })),
    keyOf: (r) => k(r.kind, r.sourceId),
    scope: and(eq(s.ambiguousMatches.source, 'f1db')),
    identity: ['kind', 'source', 'sourceId'],
  });

  // 5. Merge into the Ergast-shaped tables.
  Object.assign(tables, await mergeF1db(db, { onProgress: options.onProgress }));
  return { tables, matches, ambiguous };
}
