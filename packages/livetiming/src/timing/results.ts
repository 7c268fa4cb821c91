// Session results: the F1 driver list, joined with official results when given (e.g. Jolpica),
// otherwise classified from the laps the way FastF1 does when no official result exists yet.
import type { Laps } from './collection.js';
import { parseDurationMicros } from './time.js';
import type { DriverRef, SessionKind } from './types.js';

/** An official classification row (Jolpica/Ergast): times in ms, missing values null. */
export interface OfficialResult {
  readonly driverNumber: string;
  readonly driverId?: string | null;
  readonly abbreviation?: string | null;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly teamName?: string | null;
  readonly teamId?: string | null;
  readonly position?: number | null;
  /** "1", "2", … or R (retired), D (disqualified), E (excluded), W (withdrawn), F (failed to qualify), N (not classified). */
  readonly classifiedPosition?: string | null;
  readonly gridPosition?: number | null;
  readonly status?: string | null;
  readonly points?: number | null;
  /** Race: total race time of the driver (ms). */
  readonly time?: number | null;
  readonly laps?: number | null;
  readonly q1?: number | null;
  readonly q2?: number | null;
  readonly q3?: number | null;
}

/** A driver of the F1 driver list, as far as results need it (the DriverList topic's `Driver` fits). */
export interface ResultDriver extends DriverRef {
  readonly broadcastName?: string | null;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly fullName?: string | null;
  readonly teamColour?: string | null;
  readonly headshotUrl?: string | null;
  readonly countryCode?: string | null;
}

export interface SessionResult {
  readonly driverNumber: string;
  readonly broadcastName: string | null;
  readonly abbreviation: string | null;
  readonly driverId: string | null;
  readonly teamName: string | null;
  readonly teamColor: string | null;
  readonly teamId: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly fullName: string | null;
  readonly headshotUrl: string | null;
  readonly countryCode: string | null;
  readonly position: number | null;
  readonly classifiedPosition: string | null;
  readonly gridPosition: number | null;
  readonly q1: number | null;
  readonly q2: number | null;
  readonly q3: number | null;
  /** Race: the winner's total time and the others' gap to the winner; practice fallback: best lap (ms). */
  readonly time: number | null;
  readonly status: string | null;
  readonly points: number | null;
  readonly laps: number | null;
  /** Where the classification comes from. */
  readonly source: 'official' | 'laps' | 'none';
}

export interface BuildResultsInput {
  readonly kind: SessionKind;
  readonly drivers: readonly ResultDriver[];
  readonly official?: readonly OfficialResult[] | null;
  /** Used to classify when there are no official positions. */
  readonly laps?: Laps | null;
}

const QUICK = 1.07;

/** Results ordered by position (unclassified last, in driver-list order). */
export function buildResults(input: BuildResultsInput): SessionResult[] {
  // practice has no official classification: only driver identities are taken (FastF1 uses the race's)
  const official = (input.official ?? []).map((o) => (input.kind === 'practice'
    ? { driverNumber: o.driverNumber, driverId: o.driverId, teamId: o.teamId, abbreviation: o.abbreviation, firstName: o.firstName, lastName: o.lastName, teamName: o.teamName }
    : o));
  const byNum = new Map(official.map((o) => [o.driverNumber, o]));
  const rows: SessionResult[] = [];
  const seen = new Set<string>();
  for (const d of input.drivers) {
    seen.add(d.driverNumber);
    rows.push(merge(d, byNum.get(d.driverNumber) ?? null));
  }
  // race-like and qualifying: drivers missing from the F1 list (did not start) come from the official list
  if (input.kind !== 'practice') {
    for (const o of official) {
      if (seen.has(o.driverNumber)) continue;
      const r = merge({ driverNumber: o.driverNumber, abbreviation: o.abbreviation, teamName: o.teamName, firstName: o.firstName, lastName: o.lastName }, o);
      rows.push({ ...r, position: null, gridPosition: null });
    }
  }

  let out = rows;
  if (official.some((o) => o.position !== null && o.position !== undefined)) {
    out = out.map((r) => (r.classifiedPosition === null && r.position !== null ? { ...r, classifiedPosition: String(r.position) } : r));
    if (input.kind === 'qualifying') out = out.map(applyQualifying107);
    if (input.kind === 'race') out = raceTimesAsGaps(out);
  } else if (input.laps && input.laps.length) {
    out = classifyFromLaps(input.kind, out, input.laps);
  }
  return sortByPosition(out);
}

// FastF1's convention: the winner's total race time, the others' gap to the winner
function raceTimesAsGaps(rows: SessionResult[]): SessionResult[] {
  const winner = rows.find((r) => r.position === 1)?.time ?? null;
  if (winner === null) return rows;
  return rows.map((r) => (r.position === 1 || r.time === null ? r : { ...r, time: r.time - winner }));
}

function merge(d: ResultDriver, o: OfficialResult | null): SessionResult {
  const first = d.firstName ?? o?.firstName ?? null;
  const last = d.lastName ?? o?.lastName ?? null;
  return {
    driverNumber: d.driverNumber,
    broadcastName: d.broadcastName ?? null,
    abbreviation: d.abbreviation ?? o?.abbreviation ?? null,
    driverId: o?.driverId ?? null,
    teamName: d.teamName ?? o?.teamName ?? null,
    teamColor: d.teamColour ?? null,
    teamId: o?.teamId ?? null,
    firstName: first,
    lastName: last,
    fullName: d.fullName ?? (first !== null || last !== null ? [first, last].filter(Boolean).join(' ') : null),
    headshotUrl: d.headshotUrl ?? null,
    countryCode: d.countryCode ?? null,
    position: o?.position ?? null,
    classifiedPosition: o?.classifiedPosition ?? null,
    gridPosition: o?.gridPosition ?? null,
    q1: o?.q1 ?? null,
    q2: o?.q2 ?? null,
    q3: o?.q3 ?? null,
    time: o?.time ?? null,
    status: o?.status ?? null,
    points: o?.points ?? null,
    laps: o?.laps ?? null,
    source: o ? 'official' : 'none',
  };
}

// 107% rule: a Q1 time slower than 107% of the fastest Q1 time, without a Q2, is not classified.
function applyQualifying107(r: SessionResult, _i: number, all: readonly SessionResult[]): SessionResult {
  const fastest = Math.min(...all.map((x) => x.q1 ?? Infinity));
  if (r.q1 !== null && r.q2 === null && Number.isFinite(fastest) && r.q1 > QUICK * fastest) return { ...r, classifiedPosition: 'N' };
  return r;
}

/**
 * Classification when there is no official result: qualifying by the best non-deleted accurate lap
 * of each part (107% of that part's fastest), ordered Q3, Q2, Q1; practice by best non-deleted lap;
 * race-like by laps completed, then by the time the last lap ended (retirements are not official).
 */
export function classifyFromLaps(kind: SessionKind, rows: readonly SessionResult[], laps: Laps): SessionResult[] {
  const notDeleted = (l: { deleted: boolean | null }) => l.deleted !== true;
  const best = (ls: Iterable<{ driverNumber: string; lapTime: number | null; deleted: boolean | null }>) => {
    const m = new Map<string, number>();
    for (const l of ls) {
      if (l.lapTime === null || !notDeleted(l)) continue;
      const cur = m.get(l.driverNumber);
      if (cur === undefined || l.lapTime < cur) m.set(l.driverNumber, l.lapTime);
    }
    return m;
  };
  const drivers = [...new Set(laps.laps.map((l) => l.driverNumber))];
  const ranked = new Map<string, number>();

  // Q1/Q2/Q3 need the session status to split the session; without it (2022 Spanish and 2023
  // Canadian Q have TimingData alone) qualifying is ranked like practice, by best lap.
  if (kind === 'qualifying' && laps.context.sessionStatus.length > 0) {
    const parts = laps.pickAccurate().splitQualifyingSessions();
    const q = parts.map((p) => (p ? best(p.pickQuickLaps(QUICK)) : new Map<string, number>()));
    const key = (n: string) => [q[2]!.get(n), q[1]!.get(n), q[0]!.get(n)];
    const order = [...drivers].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < 3; i++) {
        const x = ka[i];
        const y = kb[i];
        if (x === y) continue;
        if (x === undefined) return 1;
        if (y === undefined) return -1;
        return x - y;
      }
      return 0;
    });
    order.forEach((n, i) => ranked.set(n, i + 1));
    return rows.map((r) => (ranked.has(r.driverNumber) ? {
      ...r, q1: q[0]!.get(r.driverNumber) ?? null, q2: q[1]!.get(r.driverNumber) ?? null, q3: q[2]!.get(r.driverNumber) ?? null,
      position: ranked.get(r.driverNumber)!, classifiedPosition: String(ranked.get(r.driverNumber)!), source: 'laps' as const,
    } : r));
  }

  if (kind !== 'race') {
    const b = best(laps);
    const order = [...b.keys()].sort((x, y) => b.get(x)! - b.get(y)!);
    order.forEach((n, i) => ranked.set(n, i + 1));
    return rows.map((r) => (ranked.has(r.driverNumber)
      ? { ...r, time: b.get(r.driverNumber)!, position: ranked.get(r.driverNumber)!, source: 'laps' as const } : r));
  }

  // race-like
  const lastLap = new Map<string, { lapNumber: number; time: number | null }>();
  for (const l of laps) {
    const cur = lastLap.get(l.driverNumber);
    if (!cur || l.lapNumber > cur.lapNumber) lastLap.set(l.driverNumber, { lapNumber: l.lapNumber, time: l.time });
  }
  const order = [...lastLap.keys()].sort((a, b) => {
    const x = lastLap.get(a)!;
    const y = lastLap.get(b)!;
    return y.lapNumber - x.lapNumber || (x.time ?? Infinity) - (y.time ?? Infinity);
  });
  order.forEach((n, i) => ranked.set(n, i + 1));
  return rows.map((r) => (ranked.has(r.driverNumber) ? {
    ...r, position: ranked.get(r.driverNumber)!, classifiedPosition: String(ranked.get(r.driverNumber)!),
    laps: lastLap.get(r.driverNumber)!.lapNumber, source: 'laps' as const,
  } : r));
}

function sortByPosition(rows: SessionResult[]): SessionResult[] {
  return rows.map((r, i) => [r, i] as const)
    .sort((a, b) => (a[0].position ?? Infinity) - (b[0].position ?? Infinity) || a[1] - b[1])
    .map(([r]) => r);
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const asStr = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const asNum = (v: unknown): number | null => {
  const s = asStr(v);
  if (s === null || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};
const asDur = (v: unknown): number | null => {
  const s = asStr(v);
  if (s === null) return null;
  const us = parseDurationMicros(s);
  return Number.isNaN(us) ? null : us / 1000;
};

/**
 * Official results from an Ergast/Jolpica race object (`Results`, `SprintResults` or
 * `QualifyingResults`), as `buildResults` takes them.
 */
export function officialResultsFromErgast(race: Readonly<Record<string, unknown>>): OfficialResult[] {
  const rows = (race.Results ?? race.SprintResults ?? race.QualifyingResults) as unknown;
  if (!Array.isArray(rows)) return [];
  return rows.map((row) => {
    const r = asObj(row);
    const d = asObj(r.Driver);
    const c = asObj(r.Constructor);
    const millis = asNum(asObj(r.Time).millis);
    return {
      driverNumber: asStr(r.number) ?? asStr(d.permanentNumber) ?? '',
      driverId: asStr(d.driverId),
      abbreviation: asStr(d.code),
      firstName: asStr(d.givenName),
      lastName: asStr(d.familyName),
      teamName: asStr(c.name),
      teamId: asStr(c.constructorId),
      position: asNum(r.position),
      classifiedPosition: asStr(r.positionText),
      gridPosition: asNum(r.grid),
      status: asStr(r.status),
      points: asNum(r.points),
      time: millis,
      laps: asNum(r.laps),
      q1: asDur(r.Q1),
      q2: asDur(r.Q2),
      q3: asDur(r.Q3),
    } satisfies OfficialResult;
  }).filter((r) => r.driverNumber !== '');
}
