// Parsed files → the F1DB tree. Pure: checks that the tree is whole (every race folder has its
// race.yml, folder numbers match rounds) and puts every list in a stable order.
import { F1dbFormatError } from './errors.js';
import { entityDirs, raceFiles, seasonFiles } from './files.js';
import type { ParsedFile } from './parse-file.js';
import type { F1db, F1dbRace, F1dbSeason } from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function assemble(files: readonly ParsedFile[]): F1db {
  const tree: Mutable<F1db> = {
    continents: [],
    countries: [],
    drivers: [],
    constructors: [],
    chassis: [],
    engineManufacturers: [],
    engines: [],
    tyreManufacturers: [],
    entrants: [],
    circuits: [],
    grandsPrix: [],
    seasons: [],
  };
  const seasons = new Map<number, F1dbSeason>();
  const season = (year: number) => {
    let s = seasons.get(year);
    if (!s) seasons.set(year, (s = { year, entrants: [], driverStandings: [], constructorStandings: [], races: [] }));
    return s;
  };
  const races = new Map<string, { rel: string; year: number; folder: string; lists: Record<string, unknown>; info?: object }>();

  const seenIds = new Map<string, string>();
  for (const f of files) {
    const p = f.place;
    if (p.kind === 'entity') {
      // F1DB's ids need not equal the file name (entrants/citibank-team-penske.yml), but are unique.
      const v = f.value as { id: string };
      const key = `${p.dir}/${v.id}`;
      const other = seenIds.get(key);
      if (other) throw new F1dbFormatError(f.rel, 1, 'id', `id "${v.id}" is also the id of ${other}`);
      seenIds.set(key, f.rel);
      (tree[entityDirs[p.dir].key] as unknown[]).push(v);
    } else if (p.kind === 'season') {
      (season(p.year) as unknown as Record<string, unknown>)[seasonFiles[p.file].key] = f.value;
    } else {
      const key = `${p.year}/${p.folder}`;
      let r = races.get(key);
      if (!r) races.set(key, (r = { rel: f.rel.slice(0, f.rel.lastIndexOf('/')), year: p.year, folder: p.folder, lists: {} }));
      if (p.file === 'race.yml') r.info = f.value as object;
      else r.lists[raceFiles[p.file].key] = f.value;
    }
  }

  const emptyLists = Object.fromEntries(
    Object.values(raceFiles)
      .filter((f) => f.key !== 'race')
      .map((f) => [f.key, []]),
  );
  for (const r of races.values()) {
    if (!r.info) throw new F1dbFormatError(r.rel, null, null, 'race folder without race.yml');
    const race = { ...emptyLists, ...r.lists, ...r.info, year: r.year, folder: r.folder } as F1dbRace;
    if (Number(r.folder.slice(0, 2)) !== race.round)
      throw new F1dbFormatError(`${r.rel}/race.yml`, null, 'round', `round ${race.round} differs from the folder number "${r.folder}"`);
    season(r.year).races.push(race);
  }

  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const key of Object.keys(tree) as (keyof F1db)[]) if (key !== 'seasons') (tree[key] as { id: string }[]).sort(byId);
  tree.seasons = [...seasons.values()].sort((a, b) => a.year - b.year);
  for (const s of tree.seasons) s.races.sort((a, b) => a.round - b.round);
  return tree;
}
