// Overtakes: every change of order between two drivers from one timing point (the grid, then the
// end of each lap) to the next, classified. The same code serves session laps (TimingData
// positions, with sector times to say where on the lap) and history lap times (Jolpica positions).
//
// Positions are turned into ranks among the drivers present at that point, so the events
// reconcile exactly: start rank + gains − losses = rank at every lap, for every driver.
import type { Lap } from '../timing/types.js';

export interface LapPosition {
  driver: string;
  lap: number;
  position: number;
  /** The driver entered or left the pit lane on this lap (in-lap or out-lap). */
  pit: boolean;
  /** Session times (ms) at the end of sectors 1, 2 and 3 of this lap, when known. */
  sectorTimes?: readonly (number | null)[] | null;
}

export type OvertakeKind =
  | 'on-track' // neither driver was in or out of the pits on that lap
  | 'pit-cycle' // one of the two pitted on that lap
  | 'retirement' // the driver ahead stopped appearing (retired, or no timing)
  | 'rejoin' // a driver reappeared ahead (timing gap); kept so the books balance
  | 'classification'; // the final classification differs from the last lap's order (penalties)

export interface Overtake {
  /** Lap at whose end the new order was seen (0 = grid, lastLap + 1 = classification). */
  lap: number;
  /** The driver who gained the place. */
  driver: string;
  /** The driver who lost it (for retirement: the one who dropped out). */
  over: string;
  kind: OvertakeKind;
  /** Sector (1–3) at whose end the gainer was first seen ahead, when sector times allow. */
  sector: number | null;
}

export interface OvertakeInput {
  /** Starting order: driver → grid position (pit-lane starts: 0 or null, put at the back in input order). */
  grid: ReadonlyMap<string, number | null> | null;
  points: readonly LapPosition[];
  /** Final classification (driver → position) of the classified drivers, to count post-race changes. */
  classification?: ReadonlyMap<string, number> | null;
}

export interface DriverOvertakes {
  driver: string;
  startRank: number | null;
  finalRank: number | null;
  made: number;
  suffered: number;
  pitCycleGained: number;
  pitCycleLost: number;
  /** Places gained when a car ahead retired (never lost this way). */
  retirementGained: number;
  otherGained: number;
  otherLost: number;
}

export interface OvertakeAnalysis {
  events: Overtake[];
  drivers: DriverOvertakes[];
  /** On-track passes per lap, laps 1..last. */
  perLap: { lap: number; onTrack: number; pitCycle: number }[];
  /** Rank of each driver at each timing point (index 0 = grid): the lap chart the events reconcile with. */
  ranks: Map<string, (number | null)[]>;
}

type Order = string[];

function gridOrder(grid: ReadonlyMap<string, number | null>): Order {
  const placed = [...grid].filter(([, p]) => p !== null && p > 0).sort((a, b) => a[1]! - b[1]!).map(([d]) => d);
  const pitLane = [...grid].filter(([, p]) => p === null || p <= 0).map(([d]) => d);
  return [...placed, ...pitLane];
}

/** The first sector end at which `a` was ahead of `b` on this lap (both sector times known). */
function sectorOfPass(a: LapPosition | undefined, b: LapPosition | undefined): number | null {
  if (!a?.sectorTimes || !b?.sectorTimes) return null;
  for (let k = 0; k < 3; k++) {
    const ta = a.sectorTimes[k];
    const tb = b.sectorTimes[k];
    if (ta == null || tb == null) continue;
    if (ta < tb) return k + 1;
  }
  return null;
}

/** Every order change between two consecutive timing points. */
function compare(prev: Order, cur: Order, lap: number, atLap: Map<string, LapPosition>, finalStep: boolean): Overtake[] {
  const events: Overtake[] = [];
  const prevRank = new Map(prev.map((d, i) => [d, i]));
  const curRank = new Map(cur.map((d, i) => [d, i]));
  for (const a of cur) {
    const ra = curRank.get(a)!;
    const pa = prevRank.get(a);
    if (pa === undefined) continue;
    for (const b of prev) {
      if (b === a) continue;
      const pb = prevRank.get(b)!;
      if (pb > pa) continue; // b was behind a already
      const rb = curRank.get(b);
      if (rb === undefined) {
        events.push({ lap, driver: a, over: b, kind: 'retirement', sector: null });
      } else if (rb > ra) {
        const pa_ = atLap.get(a);
        const pb_ = atLap.get(b);
        const kind: OvertakeKind = finalStep ? 'classification' : pa_?.pit || pb_?.pit ? 'pit-cycle' : 'on-track';
        events.push({ lap, driver: a, over: b, kind, sector: kind === 'on-track' ? sectorOfPass(pa_, pb_) : null });
      }
    }
  }
  // Drivers who (re)appear ahead of someone who was present before push them back one place.
  for (const a of cur) {
    if (prevRank.has(a)) continue;
    for (const b of cur.slice(curRank.get(a)! + 1)) if (prevRank.has(b)) events.push({ lap, driver: a, over: b, kind: 'rejoin', sector: null });
  }
  return events;
}

export function analyseOvertakes(input: OvertakeInput): OvertakeAnalysis {
  const byLap = new Map<number, LapPosition[]>();
  for (const p of input.points) {
    const list = byLap.get(p.lap);
    if (list) list.push(p);
    else byLap.set(p.lap, [p]);
  }
  const lastLap = Math.max(0, ...byLap.keys());
  const orders: Order[] = [input.grid ? gridOrder(input.grid) : (byLap.get(1) ?? []).slice().sort((a, b) => a.position - b.position).map((p) => p.driver)];
  const events: Overtake[] = [];
  for (let lap = 1; lap <= lastLap; lap++) {
    const pts = (byLap.get(lap) ?? []).slice().sort((a, b) => a.position - b.position);
    const order = pts.map((p) => p.driver);
    events.push(...compare(orders.at(-1)!, order, lap, new Map(pts.map((p) => [p.driver, p])), false));
    orders.push(order);
  }
  if (input.classification && input.classification.size > 0) {
    const last = orders.at(-1)!;
    // Only reorder the drivers who were running at the end: retirements are not a classification change.
    const running = last.filter((d) => input.classification!.has(d)).sort((a, b) => input.classification!.get(a)! - input.classification!.get(b)!);
    const finalOrder = [...running, ...last.filter((d) => !input.classification!.has(d))];
    events.push(...compare(last, finalOrder, lastLap + 1, new Map(), true));
    orders.push(finalOrder);
  }
  const drivers = new Set(orders.flat());
  const ranks = new Map([...drivers].map((d) => [d, orders.map((o) => { const i = o.indexOf(d); return i < 0 ? null : i + 1; })]));
  const stats = new Map([...drivers].map((d): [string, DriverOvertakes] => [d, {
    driver: d, startRank: ranks.get(d)![0] ?? null, finalRank: ranks.get(d)!.at(-1) ?? null,
    made: 0, suffered: 0, pitCycleGained: 0, pitCycleLost: 0, retirementGained: 0, otherGained: 0, otherLost: 0,
  }]));
  for (const e of events) {
    const g = stats.get(e.driver)!;
    const l = stats.get(e.over)!;
    if (e.kind === 'on-track') { g.made++; l.suffered++; }
    else if (e.kind === 'pit-cycle') { g.pitCycleGained++; l.pitCycleLost++; }
    else if (e.kind === 'retirement') g.retirementGained++;
    else { g.otherGained++; l.otherLost++; }
  }
  const perLap = Array.from({ length: lastLap }, (_, i) => ({
    lap: i + 1,
    onTrack: events.filter((e) => e.lap === i + 1 && e.kind === 'on-track').length,
    pitCycle: events.filter((e) => e.lap === i + 1 && e.kind === 'pit-cycle').length,
  }));
  return { events, drivers: [...stats.values()], perLap, ranks };
}

/** Session laps as timing points: position at the end of each lap, pit flags and sector times. */
export function lapPositions(laps: readonly Lap[]): LapPosition[] {
  return laps
    .filter((l) => l.position !== null)
    .map((l) => ({
      driver: l.driver ?? l.driverNumber,
      lap: l.lapNumber,
      position: l.position!,
      pit: l.pitInTime !== null || l.pitOutTime !== null,
      sectorTimes: [l.sector1SessionTime, l.sector2SessionTime, l.sector3SessionTime],
    }));
}
