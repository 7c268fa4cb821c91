import { describe, expect, it } from 'vitest';
import { ergastQualifying } from '../test/ergast-fixtures';
import { shapeQualifying } from './qualifying';

describe('shapeQualifying (2023 Azerbaijan, Q1–Q3)', () => {
  const results = ergastQualifying('2023/4/qualifying.json');
  const { rows, parts } = shapeQualifying(results);

  it('should find the three parts and order rows by position', () => {
    expect(parts).toEqual(['q1', 'q2', 'q3']);
    expect(rows.map((r) => r.result.position)).toEqual(results.map((r) => r.position).sort((a, b) => a! - b!));
  });

  it('should give pole a zero gap and mark it fastest in Q3', () => {
    expect(rows[0]!.gapMillis).toBe(0);
    expect(rows[0]!.fastestIn).toContain('q3');
    expect(rows[0]!.reached).toBe('q3');
  });

  it('should mark exactly one fastest driver per part and non-negative gaps', () => {
    for (const p of parts) {
      const n = rows.filter((r) => r.fastestIn.includes(p)).length;
      expect(n).toBe(1);
    }
    for (const r of rows) if (r.gapMillis !== null) expect(r.gapMillis).toBeGreaterThanOrEqual(0);
  });

  it('should place drivers in the part they were knocked out of', () => {
    const q3 = rows.filter((r) => r.reached === 'q3').length;
    const withQ3 = results.filter((r) => r.q3Millis !== null).length;
    expect(q3).toBe(withQ3);
  });
});
