import { describe, expect, it } from 'vitest';
import { ergastResults } from '../test/ergast-fixtures';
import { biggestGainer, gridVsFinish, resultTimeText } from './grid-finish';

describe('gridVsFinish (2023 Bahrain)', () => {
  const results = ergastResults('2023/1/results.json');
  const rows = gridVsFinish(results);

  it('should list every car in finishing order', () => {
    expect(rows).toHaveLength(results.length);
    expect(rows.map((r) => r.finish)).toEqual(results.map((r) => r.position).sort((a, b) => a - b));
  });

  it('should compute places gained only for classified starters', () => {
    for (const r of rows) {
      if (!r.classified || r.grid === null) expect(r.gained).toBeNull();
      else expect(r.gained).toBe(r.grid - r.finish);
    }
    expect(rows.filter((r) => !r.classified).every((r) => /^\D/.test(r.result.positionText))).toBe(true);
  });

  it('should name the biggest gainer', () => {
    const best = biggestGainer(rows)!;
    expect(best.gained).toBe(Math.max(...rows.map((r) => r.gained ?? -Infinity)));
  });
});

describe('resultTimeText (2023 Bahrain)', () => {
  const results = ergastResults('2023/1/results.json');
  const leaderLaps = results[0]!.laps;

  it('should show the winner’s time and lead-lap gaps as published', () => {
    expect(resultTimeText(results[0]!, leaderLaps)).toBe(results[0]!.timeText);
    for (const r of results.filter((x) => x.laps === leaderLaps)) expect(resultTimeText(r, leaderLaps)).toBe(r.timeText);
  });

  it('should count laps down for lapped cars and show the status for retirements', () => {
    const lapped = results.filter((r) => /^\d+$/.test(r.positionText) && r.laps! < leaderLaps!);
    expect(lapped.length).toBeGreaterThan(0);
    for (const r of lapped) expect(resultTimeText(r, leaderLaps)).toBe(`+${leaderLaps! - r.laps!} Lap${leaderLaps! - r.laps! > 1 ? 's' : ''}`);
    for (const r of results.filter((x) => !/^\d+$/.test(x.positionText))) expect(resultTimeText(r, leaderLaps)).toBe(r.status);
  });
});
