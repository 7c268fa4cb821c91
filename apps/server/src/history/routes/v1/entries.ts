// Which season entry a car in a race belongs to: pure, so the rule is tested without a database.
// F1DB lists a season's entries (entrant → constructor → engine → chassis) with each driver's rounds
// as text ('1-14,16'; empty = the whole season, or none for a test driver).

/** Whether F1DB's rounds text covers `round`; null/empty covers every round. */
export function roundsInclude(rounds: string | null, round: number): boolean {
  if (rounds === null || rounds.trim() === '') return true;
  return rounds.split(',').some((part) => {
    const [from, to] = part.split('-').map((n) => Number(n.trim()));
    if (from === undefined || Number.isNaN(from)) return false;
    return round >= from && round <= (to === undefined || Number.isNaN(to) ? from : to);
  });
}

export interface EntryCandidate {
  seasonEntrantId: number;
  /** the driver's line in that entry, or null when the driver is not listed there */
  rounds: string | null;
  listed: boolean;
  testDriver: boolean;
}

/**
 * The season entries a car raced under: those listing the driver for this round; else those listing
 * the driver at all (F1DB's rounds can be incomplete); else the constructor's only entry. Several
 * entries stay several (e.g. two entrants running the same constructor's car for one driver).
 */
export function pickEntries<T extends EntryCandidate>(candidates: readonly T[], round: number): T[] {
  const listed = candidates.filter((c) => c.listed);
  const forRound = listed.filter((c) => roundsInclude(c.rounds, round) && !(c.testDriver && (c.rounds ?? '') === ''));
  if (forRound.length > 0) return forRound;
  if (listed.length > 0) return listed;
  const unique = new Map(candidates.map((c) => [c.seasonEntrantId, c]));
  return unique.size === 1 ? [...unique.values()] : [];
}
