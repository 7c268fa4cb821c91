export interface LapGap {
  driver: string;
  lapNumber: number;
  position: number;
  gapToLeader: number | null;
}

/**
 * Gap to the leader (s) per lap per driver, drivers ordered by their position on their last lap
 * (further laps first), for the race gaps chart.
 */
export function gapsByLap(rows: readonly LapGap[]): { laps: number[]; series: { driver: string; values: (number | null)[] }[] } {
  const maxLap = rows.reduce((m, r) => Math.max(m, r.lapNumber), 0);
  const laps = Array.from({ length: maxLap }, (_, i) => i + 1);
  const by = new Map<string, Map<number, LapGap>>();
  for (const r of rows) {
    let m = by.get(r.driver);
    if (!m) by.set(r.driver, (m = new Map()));
    m.set(r.lapNumber, r);
  }
  const last = (d: string) => {
    const m = by.get(d)!;
    const lap = Math.max(...m.keys());
    return { lap, pos: m.get(lap)!.position };
  };
  const drivers = [...by.keys()].sort((a, b) => last(b).lap - last(a).lap || last(a).pos - last(b).pos);
  return {
    laps,
    series: drivers.map((driver) => ({
      driver,
      values: laps.map((l) => {
        const g = by.get(driver)!.get(l)?.gapToLeader;
        return g === null || g === undefined ? null : g / 1000;
      }),
    })),
  };
}
