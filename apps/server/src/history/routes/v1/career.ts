// Career numbers from rows already read: pure, so the definitions are tested without a database.
import { computeCareer, type Career, type CareerEntry } from '../../careers/career.js';

/** Entries that never took the start: withdrawn, failed to (pre-)qualify, did not start. */
const NON_STARTS_TEXT = new Set(['W', 'F']);
const NON_START_STATUS = new Set(['Did not start', 'Did not qualify', 'Did not prequalify', 'Withdrew']);

export interface EntryOutcome {
  positionText: string;
  position: number;
  status: string | null;
}

export function isStart(r: EntryOutcome): boolean {
  return !NON_STARTS_TEXT.has(r.positionText) && !(r.status !== null && NON_START_STATUS.has(r.status));
}

export function isClassified(r: Pick<EntryOutcome, 'positionText'>): boolean {
  return /^\d+$/.test(r.positionText);
}

export const isWin = (r: EntryOutcome) => isClassified(r) && r.position === 1;
export const isPodium = (r: EntryOutcome) => isClassified(r) && r.position <= 3;

export { sumPoints } from '../../careers/career.js';

/** A results row of the API's queries, with what a career needs. */
export interface CareerRow extends EntryOutcome {
  raceId: number;
  season: number;
  points: number | null;
  pole: boolean;
  fastestLap: boolean;
}

/**
 * The career summary of /api/v1 from results and sprint rows (history/careers defines the numbers);
 * titles are the decided seasons finished first.
 */
export function careerSummary(
  results: readonly CareerRow[],
  sprints: readonly { raceId: number; season: number; points: number | null }[],
  standings: readonly StandingAtSeasonEnd[],
  kind: 'driver' | 'constructor',
): Career {
  const entries: CareerEntry[] = [
    ...results.map((r) => ({
      race: String(r.raceId),
      season: r.season,
      kind: 'race' as const,
      started: isStart(r),
      classified: isClassified(r),
      position: r.position,
      pole: r.pole,
      fastestLap: r.fastestLap,
      points: r.points ?? 0,
    })),
    ...sprints.map((r) => ({
      race: String(r.raceId),
      season: r.season,
      kind: 'sprint' as const,
      started: true,
      classified: false,
      position: null,
      pole: false,
      fastestLap: false,
      points: r.points ?? 0,
    })),
  ];
  const titles = standings.filter((s) => s.final && s.position === 1).map((s) => s.season);
  return computeCareer(entries, titles, kind);
}

export interface StandingAtSeasonEnd {
  season: number;
  position: number | null;
  /** true when these standings are after the season's final round (the season is decided) */
  final: boolean;
}

export function countTitles(rows: readonly StandingAtSeasonEnd[]): number {
  return rows.filter((r) => r.final && r.position === 1).length;
}

/** Distinct values in first-seen order. */
export function distinctBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Lower-case, accents removed: "Räikkönen" and "raikkonen" match. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Every word of the query appears somewhere in the haystack fields. */
export function matchesSearch(q: string | undefined, fields: readonly (string | number | null | undefined)[]): boolean {
  if (!q || !q.trim()) return true;
  const hay = fold(fields.filter((f) => f !== null && f !== undefined).join(' '));
  return fold(q)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}
