// Points of every car of one race or sprint, from its classification and the season's rules
// (eras.ts): the championship is computed from places, not from points columns a source may hold.
import type { SessionEntryInput, SessionInput } from './compute.js';
import type { Ids, SeasonRules } from './eras.js';

export interface ClassifiedEntry<D, C> {
  driver: D;
  constructor: C;
  /** Car number: rows with the same car and place are one car shared by several drivers. */
  car: string | number;
  /** Finishing place (classified or not), null when the car has none (DNS, DNQ, excluded…). */
  position: number | null;
  classified: boolean;
  /** Set the race's fastest lap (several entries when the time was shared, as in 1954). */
  fastestLap?: boolean;
}

export interface ClassifiedSession<D, C> {
  round: number;
  kind: 'race' | 'sprint';
  /** 1950–60: the Indianapolis 500 scored for drivers only. */
  isIndianapolis500?: boolean;
  entries: ClassifiedEntry<D, C>[];
}

/** Whether a source's driver is the one the rules name (F1DB or Ergast spelling). */
export type DriverIs<D> = (driver: D, ids: Ids) => boolean;

/** Fractions of shared drives (1/3 of 8 points) kept exact enough to compare at 1/100. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Driver and constructor points of each entry. Shared cars split the place's points equally among
 * their drivers (1950–57) or score nothing (1958–); the fastest-lap point is shared among the
 * drivers who set the same time, and from 2019 needs a top-ten finish. Round rules (eras.ts) move
 * other classes out of the points order, void unregistered cars' places and withhold penalised points.
 */
export function scoreSession<D, C>(rules: SeasonRules, session: ClassifiedSession<D, C>, is: DriverIs<D>): SessionInput<D, C> {
  const round = rules.rounds?.[session.round];
  const factor = round?.factor ?? 1;
  const named = (list: readonly Ids[] | undefined, e: ClassifiedEntry<D, C>) => (list ?? []).some((ids) => is(e.driver, ids));
  const withheld = (e: ClassifiedEntry<D, C>) =>
    (round?.withheld ?? []).find((w) => is(e.driver, w.driver) && (w.car === undefined || w.car === String(e.car)));
  const relief = (e: ClassifiedEntry<D, C>) => (round?.relief ?? []).some((r) => is(e.driver, r.driver) && r.car === String(e.car));

  // The place the points go by: other classes leave the order, so the cars behind them move up.
  const pointsPlace = new Map<ClassifiedEntry<D, C>, number>();
  const others = session.entries.filter((e) => named(round?.otherClass, e) && e.position !== null).map((e) => e.position!);
  for (const e of session.entries) {
    if (!e.classified || e.position === null || named(round?.otherClass, e) || named(round?.notEligible, e)) continue;
    pointsPlace.set(e, e.position - others.filter((p) => p < e.position!).length);
  }
  const scaled = (scale: readonly number[], e: ClassifiedEntry<D, C>) => {
    const place = pointsPlace.get(e);
    return place === undefined ? 0 : (scale[place - 1] ?? 0) * factor;
  };

  const scale = session.kind === 'sprint' ? (rules.sprintPoints ?? []) : rules.racePoints;
  const teamScale = session.kind === 'sprint' ? scale : (rules.constructors?.racePoints ?? []);
  const carKey = (e: ClassifiedEntry<D, C>) => `${e.car}|${e.position ?? String(e.driver)}`;
  const drivers = new Map<string, number>();
  for (const e of session.entries) if (!relief(e)) drivers.set(carKey(e), (drivers.get(carKey(e)) ?? 0) + 1);

  const fl = session.kind === 'race' && !round?.noFastestLap ? rules.fastestLap : undefined;
  const flEarners = fl
    ? session.entries.filter(
        (e) =>
          e.fastestLap &&
          (!round?.fastestLapTo || is(e.driver, round.fastestLapTo)) &&
          (!fl.onlyTopTen || (e.classified && e.position !== null && e.position <= 10)),
      )
    : [];
  const teamsScore = rules.constructors !== null && !(session.isIndianapolis500 && !rules.constructors.indianapolis);

  const entries: SessionEntryInput<D, C>[] = session.entries.map((e) => {
    const sharedBy = drivers.get(carKey(e)) ?? 1;
    const shared = sharedBy > 1;
    const penalty = withheld(e);
    const flPoints = fl && flEarners.includes(e) ? (fl.points * factor) / flEarners.length : 0;
    let points = relief(e) ? 0 : scaled(scale, e);
    if (shared) points = rules.sharedDrive === 'split' ? points / sharedBy : 0;
    points += flPoints;
    if (penalty?.drivers) points = 0;
    // A shared car scores once for its constructor (its first row), and nothing when drivers got nothing for it.
    const firstOfCar = session.entries.find((x) => carKey(x) === carKey(e) && !relief(x)) === e;
    let teamPoints = teamsScore && firstOfCar && !(shared && rules.sharedDrive === 'none') ? scaled(teamScale, e) : 0;
    if (teamsScore && fl?.constructors) teamPoints += flPoints;
    if (penalty?.constructors) teamPoints = 0;
    return {
      driver: e.driver,
      constructor: e.constructor,
      position: e.position,
      classified: e.classified,
      points: round6(points),
      teamPoints: round6(teamPoints),
      car: e.car,
    };
  });
  return { round: session.round, kind: session.kind, order: session.kind === 'sprint' ? 1 : 2, entries };
}
