// One F1DB file: YAML text → validated, normalised domain value. Pure; the reader runs it in worker
// threads. YAML is parsed with js-yaml's core schema: dates stay 'YYYY-MM-DD' strings (no Date
// objects, no time-zone shifts) and '15:00' stays a string (YAML 1.2 has no base-60 numbers).
import yaml from 'js-yaml';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';
import { F1dbFormatError } from './errors.js';
import { placeOf, schemaOf, type FilePlace } from './files.js';
import { lineOf } from './locate.js';
import type { F1dbEntrantCar, F1dbSeasonEntrant } from './types.js';
import type { F1dbSeasonEntrantsFile } from './files.js';

export interface ParsedFile {
  rel: string;
  place: FilePlace;
  value: unknown;
}

const checks = new Map<TSchema, TypeCheck<TSchema>>();
function checkOf(schema: TSchema): TypeCheck<TSchema> {
  let c = checks.get(schema);
  if (!c) checks.set(schema, (c = TypeCompiler.Compile(schema)));
  return c;
}

/** '/3/driverId' → [3, 'driverId']. */
const pointerPath = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));

export function parseFile(rel: string, text: string): ParsedFile {
  const place = placeOf(rel);
  if (!place) throw new F1dbFormatError(rel, null, null, 'unexpected file: not part of the F1DB data layout');
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: rel });
  } catch (err) {
    const mark = (err as { mark?: { line: number } }).mark;
    throw new F1dbFormatError(rel, mark ? mark.line + 1 : null, null, `invalid YAML: ${(err as { reason?: string }).reason ?? String(err)}`);
  }
  // An empty results file (F1DB has a few) is an empty list.
  if (value === undefined || value === null) {
    if (place.kind === 'entity' || (place.kind === 'race' && place.file === 'race.yml'))
      throw new F1dbFormatError(rel, 1, null, 'empty file');
    value = [];
  }
  const check = checkOf(schemaOf(place));
  if (!check.Check(value)) {
    const e = check.Errors(value).First()!;
    const path = pointerPath(e.path);
    const field = path.join('.') || null;
    const got = e.value === undefined ? 'missing' : JSON.stringify(e.value)?.slice(0, 60);
    // An unknown field is reported under its own name by TypeBox's pointer.
    throw new F1dbFormatError(rel, lineOf(text, path), field, `${e.message} (got ${got})`);
  }
  return { rel, place, value: normalise(place, value) };
}

function normalise(place: FilePlace, value: unknown): unknown {
  if (place.kind === 'entity' && (place.dir === 'chassis' || place.dir === 'engines')) {
    const v = value as { name: string | number };
    return { ...v, name: String(v.name) };
  }
  if (place.kind === 'season' && place.file === 'entrants.yml') return (value as F1dbSeasonEntrantsFile).map(entrant);
  return value;
}

type CarLike = F1dbSeasonEntrantsFile[number] | NonNullable<F1dbSeasonEntrantsFile[number]['constructors']>[number];

const rounds = (r: string | number | null | undefined) => (r === undefined || r === null ? null : String(r));

function carOf(c: CarLike, constructorId: string): F1dbEntrantCar {
  const drivers = c.drivers
    ? c.drivers.map((d) => ({ driverId: d.driverId, rounds: rounds(d.rounds), testDriver: d.testDriver ?? false }))
    : c.driverId
      ? [{ driverId: c.driverId, rounds: rounds(c.rounds), testDriver: false }]
      : [];
  const list = (one: string | undefined, many: string[] | undefined) => many ?? (one === undefined ? [] : [one]);
  return {
    constructorId,
    engineManufacturerId: c.engineManufacturerId!,
    chassisIds: list(c.chassisId, c.chassis?.map((x) => x.chassisId)),
    engineIds: list(c.engineId, c.engines?.map((x) => x.engineId)),
    tyreManufacturerIds: list(c.tyreManufacturerId, c.tyreManufacturers?.map((x) => x.tyreManufacturerId)),
    drivers,
  };
}

function entrant(e: F1dbSeasonEntrantsFile[number]): F1dbSeasonEntrant {
  const cars = e.constructors ? e.constructors.map((c) => carOf(c, c.constructorId)) : e.constructorId ? [carOf(e, e.constructorId)] : [];
  return { entrantId: e.entrantId, countryId: e.countryId, cars };
}
