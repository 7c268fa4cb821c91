import { describe, expect, it } from 'vitest';
import { loadSession, sessionLaps } from '../test/session';
import { alignLapsToTime } from './weather';

// 2019 Italian GP qualifying: weather once a minute and every lap, both from our engine.
const session = await loadSession('2019/2019-09-08_Italian_Grand_Prix/2019-09-07_Qualifying/');
const laps = sessionLaps(session);
const times = session.weather!.map((w) => w.time);

describe('alignLapsToTime (2019 Monza qualifying)', () => {
  const aligned = alignLapsToTime(times, laps);

  it('should produce one value per weather sample', () => {
    expect(times.length).toBeGreaterThan(30);
    expect(aligned).toHaveLength(times.length);
  });

  it('should keep the session’s fastest lap and only real lap times', () => {
    const valid = laps.filter((l) => l.lapTime !== null && l.lapStartTime !== null && l.deleted !== true);
    const best = Math.min(...valid.map((l) => l.lapTime!)) / 1000;
    expect(Math.min(...aligned.filter((v): v is number => v !== null))).toBe(best);
    const all = new Set(valid.map((l) => l.lapTime! / 1000));
    for (const v of aligned) if (v !== null) expect(all.has(v)).toBe(true);
  });

  it('should be empty on an empty time axis', () => {
    expect(alignLapsToTime([], laps)).toEqual([]);
  });
});
