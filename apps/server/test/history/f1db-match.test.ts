// Circuit matching on the real sources: every F1DB circuit against the Jolpica dump's circuits, with
// the seasons each was raced in. The expectations are what the two sources' own names and seasons
// say (same full name, or the seasons that tell Caesars Palace from the Strip), not our output.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { circuitCandidates, type CircuitKey, type Known } from '../../src/history/f1db/match.js';
import { sharedDir } from '../../src/config.js';

const f1db = join(sharedDir, 'f1db', 'data');
const dump = join(sharedDir, 'jolpica-dump');
const csv = (name: string) => parse(readFileSync(join(dump, name)), { columns: true }) as Record<string, string>[];

function jolpicaCircuits(): Known<CircuitKey>[] {
  const seasonYear = new Map(csv('formula_one_season.csv').map((s) => [s.id, Number(s.year)]));
  const years = new Map<string, number[]>();
  for (const r of csv('formula_one_round.csv')) years.set(r.circuit_id, [...(years.get(r.circuit_id) ?? []), seasonYear.get(r.season_id)!]);
  return csv('formula_one_circuit.csv').map((c) => ({
    id: Number(c.id),
    ref: c.reference,
    data: { names: [c.name], place: c.locality, lat: Number(c.latitude), lng: Number(c.longitude), years: years.get(c.id) ?? [] },
  }));
}

function f1dbCircuits(): { id: string; fullName: string; key: CircuitKey }[] {
  const years = new Map<string, number[]>();
  for (const season of readdirSync(join(f1db, 'seasons'))) {
    const races = join(f1db, 'seasons', season, 'races');
    for (const race of readdirSync(races)) {
      const { circuitId } = yaml.load(readFileSync(join(races, race, 'race.yml'), 'utf8')) as { circuitId: string };
      years.set(circuitId, [...(years.get(circuitId) ?? []), Number(season)]);
    }
  }
  return readdirSync(join(f1db, 'circuits')).map((file) => {
    const c = yaml.load(readFileSync(join(f1db, 'circuits', file), 'utf8')) as Record<string, string & number>;
    return { id: c.id, fullName: c.fullName, key: { names: [c.name, c.fullName], place: c.placeName, lat: c.latitude, lng: c.longitude, years: years.get(c.id) ?? [] } };
  });
}

describe('circuit matching, F1DB against the Jolpica dump', () => {
  const known = jolpicaCircuits();
  const matches = new Map(f1dbCircuits().map((c) => [c.id, { ...c, found: circuitCandidates(c.key, known).candidates.map((k) => k.ref) }]));

  it('matches every F1DB circuit whose full name Jolpica also has to that circuit, even when the coordinates are 12 km apart (Jeddah)', () => {
    const byName = new Map(known.map((k) => [k.data.names[0].toLowerCase(), k]));
    // Same full name and raced in the same seasons ("Las Vegas Street Circuit" is Caesars Palace
    // 1981–82 in Jolpica and the Strip from 2023 in F1DB: the seasons tell them apart).
    const named = [...matches.values()].filter((m) => byName.get(m.fullName.toLowerCase())?.data.years.some((y) => m.key.years.includes(y)));
    expect(named.length).toBeGreaterThan(50);
    for (const m of named) expect({ id: m.id, found: m.found }).toEqual({ id: m.id, found: [byName.get(m.fullName.toLowerCase())!.ref] });
    expect(matches.get('jeddah')!.found).toEqual(['jeddah']);
  });

  it('tells neighbours apart by the seasons raced', () => {
    expect(matches.get('caesars-palace')!.found).toEqual(['las_vegas']);
    expect(matches.get('las-vegas')!.found).toEqual(['vegas']);
    expect(matches.get('montjuic')!.found).toEqual(['montjuic']);
    expect(matches.get('pedralbes')!.found).toEqual(['pedralbes']);
    expect(matches.get('zeltweg')!.found).toEqual(['zeltweg']);
    expect(matches.get('spielberg')!.found).toEqual(['red_bull_ring']);
  });

  it('leaves a circuit Jolpica does not know as new (Madring, 17 km from Jarama)', () => {
    expect(matches.get('madring')!.found).toEqual([]);
  });

  it('every F1DB circuit has at most one candidate', () => {
    for (const m of matches.values()) expect({ id: m.id, n: m.found.length <= 1 }).toEqual({ id: m.id, n: true });
  });
});
