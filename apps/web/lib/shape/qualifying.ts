import type { QualifyingResult } from '../api/types';

export type QualiPart = 'q1' | 'q2' | 'q3';
const PARTS: QualiPart[] = ['q1', 'q2', 'q3'];

export interface QualifyingRow {
  result: QualifyingResult;
  /** The best time of the last part the driver set a time in. */
  bestMillis: number | null;
  /** Gap to the fastest time of the part the driver's best time is from (pole for the top ten). */
  gapMillis: number | null;
  /** Last part taken part in: where the driver was knocked out (or q3 for the top ten). */
  reached: QualiPart | null;
  /** Which parts this driver topped (purple). */
  fastestIn: QualiPart[];
}

/** A driver's time in one part of qualifying (null: not run or no time). */
export const partMillis = (r: QualifyingResult, p: QualiPart) => (p === 'q1' ? r.q1Millis : p === 'q2' ? r.q2Millis : r.q3Millis);

/** Qualifying with per-part fastest markers and the gap to pole. */
export function shapeQualifying(results: readonly QualifyingResult[]): { rows: QualifyingRow[]; parts: QualiPart[] } {
  const parts = PARTS.filter((p) => results.some((r) => partMillis(r, p) !== null));
  const fastest = new Map(parts.map((p) => [p, Math.min(...results.map((r) => partMillis(r, p) ?? Infinity))]));
  const sorted = [...results].sort((a, b) => (a.position ?? 999) - (b.position ?? 999));
  const lastTime = (r: QualifyingResult) => {
    for (let i = parts.length - 1; i >= 0; i--) {
      const t = partMillis(r, parts[i]!);
      if (t !== null) return { t, part: parts[i]! };
    }
    return null;
  };
  const rows = sorted.map((r) => {
    const best = lastTime(r);
    return {
      result: r,
      bestMillis: best?.t ?? null,
      // Only times from the same part compare fairly (track evolution, tyre rules).
      gapMillis: best ? best.t - fastest.get(best.part)! : null,
      reached: best?.part ?? null,
      fastestIn: parts.filter((p) => partMillis(r, p) !== null && partMillis(r, p) === fastest.get(p)),
    };
  });
  return { rows, parts };
}
