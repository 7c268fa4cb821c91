// The World Championship's scoring rules for every season since 1950, in one table: points per
// place, fastest-lap points, shared drives, which results count (best N, halves of the season),
// constructors' rules (from 1958: best car only until 1978), one-off rounds (half and double points)
// and the championship exclusions. Sources: the FIA's sporting regulations as summarised in
// "List of Formula One World Championship points scoring systems" (Wikipedia) and each season's
// article; checked round by round against F1DB's standings (test/history/standings-f1db.test.ts).
//
// Keyed by year, not by a data source: the ids in `adjustments` carry both F1DB's and Ergast's
// spelling, so the table serves the F1DB import and the Jolpica dump alike.
import type { AdjustmentInput } from './compute.js';
import { Adjustment, BestResults, Eligibility, SeasonSplit, TeamPointsPerSession, type ChampionshipRules } from './rules.js';

/** Which results count: all of them, the best N, or the best N of each part of the season. */
export type Counting =
  | { kind: 'all' }
  | { kind: 'best'; n: number }
  /** The season in two parts: the first `firstRounds` rounds (as scheduled), then the rest. */
  | { kind: 'split'; firstRounds: number; bestFirst: number; bestSecond: number };

/** A driver or constructor in each source's spelling: F1DB (`michael-schumacher`), Ergast (`michael_schumacher`). */
export interface Ids {
  f1db: string;
  ergast: string;
}

export interface RoundRule {
  /** Points of this round are multiplied (0.5: race stopped early, half points; 2: 2014 finale). */
  factor?: number;
  /** 2021 Belgian GP: half points and no fastest-lap point. */
  noFastestLap?: boolean;
  /**
   * Cars of another class in the same race (Formula 2 at the Nürburgring): left out of the order
   * the points go by, so the next Formula 1 car takes the place's points.
   */
  otherClass?: readonly Ids[];
  /** Cars not entered for points (a team's unregistered second car): their place's points go to nobody. */
  notEligible?: readonly Ids[];
  /** Results kept but their points withdrawn (penalties), for drivers, constructors or both; `car`: only that car's. */
  withheld?: readonly { driver: Ids; car?: string; drivers: boolean; constructors: boolean; why: string }[];
  /** A relief driver not credited with the car (it scores for its other driver alone, as if not shared). */
  relief?: readonly { driver: Ids; car: string }[];
  /** The fastest-lap point went to this driver alone, although another driver is timed the same. */
  fastestLapTo?: Ids;
}

export interface ChampionshipAdjustment {
  driver?: Ids;
  team?: Ids;
  /** disqualified: keeps points, no place (1997); excluded: no points, no place (2007); deduction: points off. */
  kind: 'disqualified' | 'excluded' | 'deduction';
  points?: number;
  /**
   * The first round whose standings show it. A decision taken after the season (1997) leaves the
   * tables of its rounds as they stood; a season voided as a whole (2007) shows from round 1.
   */
  fromRound?: number;
  why: string;
}

export interface SeasonRules {
  year: number;
  /** Points per finishing place in the race (1st first). */
  racePoints: readonly number[];
  /** Points per place in the sprint, for seasons with sprints. */
  sprintPoints?: readonly number[];
  /** The point for the fastest lap: shared equally when several set the same time (1950s); constructors got it 2019–24. */
  fastestLap?: { points: number; onlyTopTen: boolean; constructors: boolean };
  /** A car shared by several drivers: its points split equally (1950–57) or none for either (1958–). */
  sharedDrive: 'split' | 'none';
  drivers: Counting;
  /** Null before 1958: no constructors' championship. */
  constructors: null | {
    racePoints: readonly number[];
    counting: Counting;
    /** Before 1979 only the constructor's best-placed car scored at each race. */
    bestCarOnly: boolean;
    /** The Indianapolis 500 (1950–60) counted for drivers only. */
    indianapolis: boolean;
  };
  rounds?: Readonly<Record<number, RoundRule>>;
  adjustments?: readonly ChampionshipAdjustment[];
}

const P_1950 = [8, 6, 4, 3, 2];
const P_1960 = [8, 6, 4, 3, 2, 1];
const P_1961 = [9, 6, 4, 3, 2, 1];
const P_1991 = [10, 6, 4, 3, 2, 1];
const P_2003 = [10, 8, 6, 5, 4, 3, 2, 1];
const P_2010 = [25, 18, 15, 12, 10, 8, 6, 4, 2, 1];
const SPRINT_2021 = [3, 2, 1];
const SPRINT_2022 = [8, 7, 6, 5, 4, 3, 2, 1];

const all: Counting = { kind: 'all' };
const best = (n: number): Counting => ({ kind: 'best', n });
const split = (firstRounds: number, bestFirst: number, bestSecond: number): Counting => ({ kind: 'split', firstRounds, bestFirst, bestSecond });
const half: RoundRule = { factor: 0.5 };
const driver = (f1db: string, ergast: string): Ids => ({ f1db, ergast });

/** Seasons 1967–80 counted the best results of each part of the season, e.g. 1967 best 5 of the first 6 and best 4 of the last 5. */
const splits: Record<number, Counting> = {
  1967: split(6, 5, 4),
  1968: split(6, 5, 5),
  1969: split(6, 5, 4),
  1970: split(7, 6, 5),
  1971: split(6, 5, 4),
  1972: split(6, 5, 5),
  1973: split(8, 7, 6),
  1974: split(8, 7, 6),
  1975: split(7, 6, 6),
  1976: split(8, 7, 7),
  1977: split(9, 8, 7),
  1978: split(8, 7, 7),
  1979: split(7, 4, 4),
  1980: split(7, 5, 5),
};

/** Best N results counted by the drivers (and, from 1958, the constructors), 1950–66 and 1981–90. */
function bestOf(year: number): Counting {
  if (year <= 1953) return best(4);
  if (year <= 1957) return best(5);
  if (year === 1958 || year === 1960 || (year >= 1963 && year <= 1965)) return best(6);
  if (year <= 1966) return best(5);
  if (year <= 1980) return splits[year]!;
  if (year <= 1990) return best(11);
  return all;
}

function racePointsOf(year: number): readonly number[] {
  if (year <= 1959) return P_1950;
  if (year === 1960) return P_1960;
  if (year <= 1990) return P_1961;
  if (year <= 2002) return P_1991;
  if (year <= 2009) return P_2003;
  return P_2010;
}

/** Constructors scored 8 for a win until 1961 (drivers 9 from 1961), and no fastest-lap point. */
function constructorPointsOf(year: number): readonly number[] {
  if (year <= 1959) return P_1950;
  if (year <= 1961) return P_1960;
  return racePointsOf(year);
}

/** One-off rounds: races stopped early (half points), the 2014 double-points finale, other classes, penalties. */
const roundRules: Record<number, Record<number, RoundRule>> = {
  // France: Fangio and Ascari timed alike (2:41.1); the point was Fangio's.
  1953: { 5: { fastestLapTo: driver('juan-manuel-fangio', 'fangio') } },
  // Monaco: Fangio scored with Collins's car (2nd), not also with Castellotti's (4th), whose half stayed Castellotti's.
  1956: {
    2: { withheld: [{ driver: driver('juan-manuel-fangio', 'fangio'), car: '20', drivers: true, constructors: false, why: 'one scoring car per driver' }] },
  },
  // Britain: Collins took over Trintignant's car (4th); the 3 points were Trintignant's.
  1957: { 5: { relief: [{ driver: driver('peter-collins', 'collins'), car: '16' }] } },
  1958: { 8: { notEligible: [driver('bruce-mclaren', 'mclaren')] } }, // Germany: F2 class winner, 5th place's points not awarded
  1963: {
    4: { withheld: [{ driver: driver('graham-hill', 'hill'), drivers: true, constructors: true, why: 'France: push start, 3rd place kept without points' }] },
  },
  // Germany (Nürburgring): Formula 2 cars ran in the race; points went to the Formula 1 cars in order.
  1967: { 7: { otherClass: [driver('jackie-oliver', 'oliver'), driver('alan-rees', 'rees')] } },
  1969: {
    7: {
      otherClass: [
        driver('henri-pescarolo', 'pescarolo'),
        driver('richard-attwood', 'attwood'),
        driver('kurt-ahrens-jr', 'ahrens'),
        driver('rolf-stommelen', 'stommelen'),
        driver('peter-westbury', 'westbury'),
        driver('xavier-perrot', 'perrot'),
      ],
    },
  },
  1975: { 4: half, 12: half }, // Spain (Montjuïc, accident), Austria (rain)
  1984: {
    6: half, // Monaco (rain)
    14: { notEligible: [driver('jo-gartner', 'gartner'), driver('gerhard-berger', 'berger')] }, // Italy: Osella's and ATS's second cars were not entered for points
  },
  1987: { 16: { notEligible: [driver('yannick-dalmas', 'dalmas')] } }, // Australia: Lola's second car was not entered for points
  1995: {
    1: {
      // Brazil: fuel irregularity; the drivers' results were reinstated on appeal, the constructors' points were not.
      withheld: [
        { driver: driver('michael-schumacher', 'michael_schumacher'), drivers: false, constructors: true, why: 'Brazil fuel samples' },
        { driver: driver('david-coulthard', 'coulthard'), drivers: false, constructors: true, why: 'Brazil fuel samples' },
      ],
    },
  },
  2000: {
    // Austria: a missing seal on Häkkinen's electronic control unit cost McLaren his 10 constructors' points.
    10: { withheld: [{ driver: driver('mika-hakkinen', 'hakkinen'), drivers: false, constructors: true, why: 'Austria ECU seal' }] },
  },
  1991: { 16: half }, // Australia (rain, 14 laps)
  2009: { 2: half }, // Malaysia (rain, 31 of 56 laps)
  2014: { 19: { factor: 2 } }, // Abu Dhabi: double points at the finale
  2021: { 12: { factor: 0.5, noFastestLap: true } }, // Belgium: 1 lap behind the safety car
};

const adjustmentsOf: Record<number, ChampionshipAdjustment[]> = {
  1984: [
    {
      team: { f1db: 'tyrrell', ergast: 'tyrrell' },
      kind: 'disqualified',
      fromRound: 16,
      why: 'Tyrrell excluded from the 1984 championship (ballast/fuel irregularities at Detroit); its results were struck out.',
    },
  ],
  1997: [
    {
      driver: { f1db: 'michael-schumacher', ergast: 'michael_schumacher' },
      kind: 'disqualified',
      fromRound: 17,
      why: 'Disqualified from the championship for causing the collision with Villeneuve at Jerez; results and points kept.',
    },
  ],
  2007: [
    {
      team: { f1db: 'mclaren', ergast: 'mclaren' },
      kind: 'excluded',
      why: 'Excluded from the constructors’ championship (Ferrari data); drivers kept their points.',
    },
  ],
  2020: [
    {
      team: { f1db: 'racing-point', ergast: 'racing_point' },
      kind: 'deduction',
      points: 15,
      fromRound: 5, // decided on 7 August 2020, before the 70th Anniversary GP
      why: 'Brake-duct design copied from Mercedes: 15 constructors’ points deducted.',
    },
  ],
};

/** The rules of one season's championships. */
export function seasonRules(year: number): SeasonRules {
  if (year < 1950) throw new Error(`no World Championship in ${year}`);
  const counting = bestOf(year);
  return {
    year,
    racePoints: racePointsOf(year),
    ...(year >= 2022 ? { sprintPoints: SPRINT_2022 } : year === 2021 ? { sprintPoints: SPRINT_2021 } : {}),
    ...(year <= 1959
      ? { fastestLap: { points: 1, onlyTopTen: false, constructors: false } }
      : year >= 2019 && year <= 2024
        ? { fastestLap: { points: 1, onlyTopTen: true, constructors: true } }
        : {}),
    sharedDrive: year <= 1957 ? 'split' : 'none',
    drivers: counting,
    constructors:
      year < 1958
        ? null
        : // From 1979 every result of every car counted for the constructors.
          { racePoints: constructorPointsOf(year), counting: year <= 1978 ? counting : all, bestCarOnly: year <= 1978, indianapolis: false },
    ...(roundRules[year] ? { rounds: roundRules[year] } : {}),
    ...(adjustmentsOf[year] ? { adjustments: adjustmentsOf[year] } : {}),
  };
}

/** The season's rules in the engine's terms (compute.ts): exact counting, best car or all cars. */
export function championshipRulesOf(rules: SeasonRules): ChampionshipRules {
  return {
    // A place in the table needs a point or a classified finish (a 1950s fastest lap scored without one).
    eligibility: Eligibility.HAS_POINT_OR_FINISH,
    driverSeasonSplit: SeasonSplit.NONE,
    driverBestResults: BestResults.ALL,
    teamSeasonSplit: SeasonSplit.NONE,
    teamBestResults: rules.constructors ? BestResults.ALL : BestResults.NONE,
    teamPointsPerSession: rules.constructors?.bestCarOnly ? TeamPointsPerSession.BEST : TeamPointsPerSession.SUM,
    driverCounting: rules.drivers,
    teamCounting: rules.constructors?.counting ?? null,
    countbackPlaces: rules.year >= 2000 ? Infinity : rules.racePoints.length,
  };
}

/** Championship adjustments in the engine's terms, with ids resolved by the caller (F1DB or Ergast spelling). */
export function adjustmentsOfSeason<D, C>(
  rules: SeasonRules,
  resolve: { driver: (ids: Ids) => D[]; constructor: (ids: Ids) => C[] },
): AdjustmentInput<D, C>[] {
  const type = { disqualified: Adjustment.DISQUALIFIED, excluded: Adjustment.EXCLUDED, deduction: Adjustment.POINT_DEDUCTION } as const;
  return (rules.adjustments ?? []).flatMap((a) => {
    const base = { type: type[a.kind], points: a.points ?? null, fromRound: a.fromRound ?? null };
    // A source may hold one constructor under several ids (F1DB: one per engine).
    return [
      ...(a.driver ? resolve.driver(a.driver) : []).map((d): AdjustmentInput<D, C> => ({ ...base, driver: d, constructor: null })),
      ...(a.team ? resolve.constructor(a.team) : []).map((c): AdjustmentInput<D, C> => ({ ...base, driver: null, constructor: c })),
    ];
  });
}
