// What an incremental sync fetches, decided from what the database already holds. Pure.
//
// A document (one round's results, its laps…) is fetched when:
//  - it was never fetched and the database has no such rows for the round (missing), or
//  - it was last fetched before the round "settled" (race end + settleDays: stewards' decisions,
//    appeals and Jolpica's own corrections land in that window), so recent rounds are re-fetched
//    until one fetch happens after they settled; then never again, or
//  - the rows came from elsewhere (a dump) and the round has not settled yet, or
//  - `force` is set.
// A race that has not ended yet has nothing to fetch.

export const DOC_KINDS = ['results', 'qualifying', 'sprint', 'laps', 'pitstops'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** Jolpica's coverage: lap-by-lap times from 1996, pit stops from 2011 (its documentation). */
export const FIRST_SEASON_WITH = { laps: 1996, pitstops: 2011 } as const;

/** How long after its start a race is assumed over, when deciding whether to ask for its results. */
const RACE_DURATION_MS = 3 * 3600_000;
const DAY_MS = 86_400_000;

export interface DocumentSeen {
  fetchedAt: Date;
}

export interface RoundState {
  season: number;
  round: number;
  /** Race date (YYYY-MM-DD) and UTC start (HH:MM:SS) when known. */
  date: string | null;
  time: string | null;
  hasSprint: boolean;
  /** Kinds with rows already in the database. */
  stored: ReadonlySet<DocKind>;
  /** Kinds fetched before, with when. */
  seen: ReadonlyMap<DocKind, DocumentSeen>;
}

export interface PlanOptions {
  now: Date;
  settleDays: number;
  force: boolean;
  include: Readonly<Record<DocKind, boolean>>;
}

export function docKey(season: number, round: number, kind: DocKind): string {
  return `ergast/f1/${season}/${round}/${kind}`;
}

export function scheduleKey(season: number): string {
  return `ergast/f1/${season}`;
}

/** When a race can be assumed finished: start + 3 h, or the end of its day when the time is unknown. */
export function raceEnd(date: string | null, time: string | null): Date | null {
  if (!date) return null;
  if (time) return new Date(Date.parse(`${date}T${time}Z`) + RACE_DURATION_MS);
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS);
}

export function settledAt(end: Date, settleDays: number): Date {
  return new Date(end.getTime() + settleDays * DAY_MS);
}

/** The kinds a round can have at all. */
export function applicableKinds(r: Pick<RoundState, 'season' | 'hasSprint'>, include: PlanOptions['include']): DocKind[] {
  return DOC_KINDS.filter((kind) => {
    if (!include[kind]) return false;
    if (kind === 'sprint') return r.hasSprint;
    if (kind === 'laps') return r.season >= FIRST_SEASON_WITH.laps;
    if (kind === 'pitstops') return r.season >= FIRST_SEASON_WITH.pitstops;
    return true;
  });
}

/** The kinds to fetch for one round. */
export function planRound(r: RoundState, o: PlanOptions): DocKind[] {
  const end = raceEnd(r.date, r.time);
  if (!end || o.now < end) return [];
  const settled = settledAt(end, o.settleDays);
  return applicableKinds(r, o.include).filter((kind) => {
    if (o.force) return true;
    const seen = r.seen.get(kind);
    if (seen) return seen.fetchedAt < settled;
    if (r.stored.has(kind)) return o.now < settled;
    return true;
  });
}

/**
 * Whether a season's schedule must be fetched: never fetched, no races stored, or last fetched
 * before its final race settled (the current season's timetable keeps changing).
 */
export function planSchedule(
  lastFetched: Date | undefined,
  races: { date: string | null; time: string | null }[],
  o: Pick<PlanOptions, 'settleDays' | 'force'>,
): boolean {
  if (o.force || !lastFetched || races.length === 0) return true;
  const ends = races.map((r) => raceEnd(r.date, r.time)).filter((d): d is Date => d !== null);
  if (ends.length < races.length) return true;
  const lastEnd = new Date(Math.max(...ends.map((d) => d.getTime())));
  return lastFetched < settledAt(lastEnd, o.settleDays);
}

/** Seasons asked for on the command line: one season, or a range up to the current year. */
export function seasonsToSync(o: { season?: number; from?: number; to?: number; now: Date }): number[] {
  const current = o.now.getUTCFullYear();
  if (o.season !== undefined) return [o.season];
  const from = o.from ?? current;
  const to = o.to ?? current;
  if (from > to) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
