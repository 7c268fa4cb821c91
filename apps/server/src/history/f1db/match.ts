// Matching F1DB's drivers, constructors, circuits and races to the entities we hold, on natural keys
// only — never by rewriting ids:
//   drivers       date of birth + normalised names (family name, or the family name inside the full name)
//   constructors  normalised name (name, full name, without a leading "Team") + overlapping years active
//   circuits      within 10 km, then normalised name / place when several are that close; the same
//                 name raced in the same seasons within 50 km when none is within 10 km
//   races         season + round, and the date must agree
// An entity with one candidate is matched; with none it is new; with several — or a candidate
// another F1DB entity also claims, or a race whose date disagrees — it is ambiguous: listed, never
// merged (a new entity is created for it so its results are kept). An alias stored by an earlier
// import wins over matching, so a second run resolves exactly as the first. Pure.
import { distanceKm, normaliseName } from './values.js';

export type MatchStatus = 'matched' | 'new' | 'ambiguous';
export interface Match {
  status: MatchStatus;
  /** Our entity id when matched. */
  id: number | null;
  /** Public ids of the candidates when ambiguous. */
  candidates: string[];
  reason: string | null;
}

/** What a finder returns; `doubtful` marks a single candidate that must not be merged either. */
export interface Found<K> {
  candidates: Known<K>[];
  reason: string;
  doubtful?: boolean;
}

export interface Known<T> {
  id: number;
  ref: string;
  data: T;
}

interface Side<T> {
  f1dbId: string;
  data: T;
}

/**
 * A partial match's candidates without those another entity matches fully (its claims): Clapham,
 * born the day Bruce Halford was, is no candidate for Halford, whom Halford's own record matches. The
 * same rule whichever source imports second (resolve here, adopt.ts there).
 */
export function partial<K>(candidates: readonly Known<K>[], claims: ReadonlyMap<number, readonly string[]>): Known<K>[] {
  return candidates.filter((c) => !claims.has(c.id));
}

/** Resolve every F1DB entity: alias first, else the candidates `find` returns; a shared claim is ambiguous. */
export function resolve<T, K>(
  items: readonly Side<T>[],
  known: readonly Known<K>[],
  aliases: ReadonlyMap<string, number>,
  find: (item: T, known: readonly Known<K>[]) => Found<K>,
): Map<string, Match> {
  const out = new Map<string, Match>();
  const aliased = new Set(aliases.values());
  const free = known.filter((k) => !aliased.has(k.id));
  const claims = new Map<number, string[]>();
  const pending: ({ item: Side<T> } & Found<K>)[] = [];
  for (const item of items) {
    const id = aliases.get(item.f1dbId);
    if (id !== undefined) {
      out.set(item.f1dbId, { status: 'matched', id, candidates: [], reason: null });
      continue;
    }
    const found = find(item.data, free);
    pending.push({ item, ...found });
    if (found.candidates.length === 1 && !found.doubtful) {
      const k = found.candidates[0]!.id;
      claims.set(k, [...(claims.get(k) ?? []), item.f1dbId]);
    }
  }
  for (const { item, candidates: all, reason, doubtful } of pending) {
    const candidates = doubtful ? partial(all, claims) : all;
    if (candidates.length === 0) out.set(item.f1dbId, { status: 'new', id: null, candidates: [], reason: null });
    else if (candidates.length === 1 && !doubtful && claims.get(candidates[0]!.id)!.length === 1)
      out.set(item.f1dbId, { status: 'matched', id: candidates[0]!.id, candidates: [], reason: null });
    else {
      const why = candidates.length > 1 || doubtful ? reason : `also claimed by ${claims.get(candidates[0]!.id)!.filter((x) => x !== item.f1dbId).join(', ')}`;
      out.set(item.f1dbId, { status: 'ambiguous', id: null, candidates: candidates.map((c) => c.ref), reason: why });
    }
  }
  return out;
}

// ── Drivers ─────────────────────────────────────────────────────────────────────────────────────
export interface DriverKey {
  dateOfBirth: string | null;
  givenName: string;
  familyName: string;
  fullName?: string;
}

export function driverCandidates(d: DriverKey, known: readonly Known<DriverKey>[]): Found<DriverKey> {
  const family = normaliseName(d.familyName);
  const full = normaliseName(d.fullName ?? `${d.givenName} ${d.familyName}`);
  const given = normaliseName(d.givenName);
  const sameName = (k: DriverKey) => {
    const kf = normaliseName(k.familyName);
    const kfull = normaliseName(`${k.givenName} ${k.familyName}`);
    return kf === family || full.includes(kf) || kfull.includes(family) || (given !== '' && normaliseName(k.givenName) === given && (full.includes(kf) || kfull.includes(family)));
  };
  const sameDay = known.filter((k) => d.dateOfBirth !== null && k.data.dateOfBirth === d.dateOfBirth);
  const named = sameDay.filter((k) => sameName(k.data));
  if (named.length > 0) return { candidates: named, reason: `${named.length} drivers born ${d.dateOfBirth} with this name` };
  // Partly alike — born the same day under another name (a transliteration, or another person), or
  // named alike and born on another day (the sources disagree on a birthday: Horace Gould is 1921 in
  // F1DB, 1918 in Jolpica; or two people share a name): never merged, a human decides.
  const name = normaliseName(`${d.givenName} ${d.familyName}`);
  const namesakes = known.filter((k) => !sameDay.includes(k) && normaliseName(`${k.data.givenName} ${k.data.familyName}`) === name);
  if (sameDay.length + namesakes.length > 0)
    return {
      candidates: [...sameDay, ...namesakes],
      doubtful: true,
      reason: [
        ...(sameDay.length ? [`born ${d.dateOfBirth} like ${sameDay.map((k) => k.ref).join(', ')} but named differently`] : []),
        ...(namesakes.length ? [`named like ${namesakes.map((k) => `${k.ref} (born ${k.data.dateOfBirth})`).join(', ')} but born ${d.dateOfBirth}`] : []),
      ].join('; '),
    };
  return { candidates: [], reason: '' };
}

// ── Constructors ────────────────────────────────────────────────────────────────────────────────
export interface ConstructorKey {
  names: string[];
  /** Seasons the constructor took part in. */
  years: number[];
}

/** A name and its forms without a leading "Team" or a trailing "F1 Team" / "Team" / "Racing" / "F1". */
const nameKeys = (names: string[]) =>
  new Set(
    names
      .flatMap((n) => {
        const bare = n.replace(/^team\s+/i, '');
        return [n, bare, bare.replace(/\s+(f1 team|team|racing|f1)$/i, ''), bare.replace(/\s+team$/i, '')];
      })
      .map(normaliseName)
      .filter(Boolean),
  );

export function constructorCandidates(c: ConstructorKey, known: readonly Known<ConstructorKey>[]): Found<ConstructorKey> {
  const keys = nameKeys(c.names);
  const years = new Set(c.years);
  const candidates = known.filter((k) => {
    if (![...nameKeys(k.data.names)].some((n) => keys.has(n))) return false;
    // With no seasons on one side (a constructor that never raced yet) the name decides.
    return k.data.years.length === 0 || c.years.length === 0 || k.data.years.some((y) => years.has(y));
  });
  return { candidates, reason: `${candidates.length} constructors named ${c.names[0]} in the same seasons` };
}

// ── Circuits ────────────────────────────────────────────────────────────────────────────────────
export interface CircuitKey {
  names: string[];
  place: string | null;
  lat: number | null;
  lng: number | null;
  /** Seasons raced there (tells Montjuïc from Pedralbes, Caesars Palace from the Strip). */
  years: number[];
}

export function circuitCandidates(c: CircuitKey, known: readonly Known<CircuitKey>[]): Found<CircuitKey> {
  if (c.lat === null || c.lng === null) return { candidates: [], reason: '' };
  const within = (km: number) =>
    known.filter((k) => k.data.lat !== null && k.data.lng !== null && distanceKm(c as { lat: number; lng: number }, k.data as { lat: number; lng: number }) < km);
  const near = within(10);
  const years = new Set(c.years);
  // The sources' coordinates can disagree by more than 10 km (Jeddah: F1DB and Jolpica 12 km
  // apart); then the same name raced in the same seasons nearby is the same circuit.
  if (near.length === 0) {
    const keys = nameKeys(c.names);
    const sameName = within(50).filter((k) => k.data.years.some((y) => years.has(y)) && [...nameKeys(k.data.names)].some((n) => keys.has(n)));
    return { candidates: sameName, reason: sameName.length > 1 ? `${sameName.length} circuits named ${c.names[0]} within 50 km: ${sameName.map((k) => k.ref).join(', ')}` : '' };
  }
  if (near.length === 1) return { candidates: near, reason: '' };
  const sameYears = near.filter((k) => k.data.years.some((y) => years.has(y)));
  if (sameYears.length === 1) return { candidates: sameYears, reason: '' };
  const keys = nameKeys([...c.names, ...(c.place ? [c.place] : [])]);
  const named = near.filter((k) => [...nameKeys([...k.data.names, ...(k.data.place ? [k.data.place] : [])])].some((n) => keys.has(n)));
  return { candidates: named.length ? named : near, reason: `${named.length || near.length} circuits within 10 km: ${(named.length ? named : near).map((k) => k.ref).join(', ')}` };
}
