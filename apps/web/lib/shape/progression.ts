import type { ConstructorRef, DriverRef, Standings } from '../api/types';

export interface ProgressionSeries {
  key: string;
  label: string;
  constructorId: string | null;
  /** Points after each round (null before the first round the entry appears in). */
  values: (number | null)[];
  finalPosition: number | null;
}

export interface Progression {
  rounds: number[];
  series: ProgressionSeries[];
}

/**
 * Championship points after every round, from the standings after each round (so dropped scores and
 * exclusions are already applied, as the championship itself counted them). Entries are ordered by
 * their position in the latest standings; `top` keeps the first N.
 */
export function pointsProgression(perRound: readonly Standings[], kind: 'drivers' | 'constructors', top = 10): Progression {
  const rounds = [...perRound].sort((a, b) => a.round - b.round);
  const last = rounds.at(-1);
  if (!last) return { rounds: [], series: [] };
  const entries =
    kind === 'drivers'
      ? last.drivers.map((d) => ({ key: d.driver.id, label: driverLabel(d.driver), constructorId: d.constructors.at(-1)?.id ?? null, position: d.position }))
      : last.constructors.map((c) => ({ key: c.constructor.id, label: c.constructor.name, constructorId: c.constructor.id, position: c.position }));
  const chosen = entries
    .sort((a, b) => (a.position ?? 999) - (b.position ?? 999))
    .slice(0, top);
  const lookup = rounds.map((s) =>
    kind === 'drivers'
      ? new Map(s.drivers.map((d) => [d.driver.id, d.points]))
      : new Map(s.constructors.map((c) => [c.constructor.id, c.points])),
  );
  return {
    rounds: rounds.map((s) => s.round),
    series: chosen.map((e) => ({
      key: e.key,
      label: e.label,
      constructorId: e.constructorId,
      finalPosition: e.position,
      values: lookup.map((m) => m.get(e.key) ?? null),
    })),
  };
}

export function driverLabel(d: Pick<DriverRef, 'code' | 'familyName'>): string {
  return d.code ?? d.familyName;
}

export function driverName(d: Pick<DriverRef, 'givenName' | 'familyName'>): string {
  return `${d.givenName} ${d.familyName}`;
}

export function constructorNames(cs: readonly ConstructorRef[]): string {
  return cs.map((c) => c.name).join(' / ');
}
