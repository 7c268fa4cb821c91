import { describe, expect, it } from 'vitest';
import type { SessionDriver } from '../api/session-types';
import { loadSession, sessionLaps, sessionRaceControl } from '../test/session';
import {
  filterMessages,
  formatSessionClock,
  leaderLapAt,
  leaderLaps,
  messageFacets,
  messageRows,
  sessionSpan,
  trackStatusSegments,
  trackStatusTotals,
  type MessageRow,
} from './race-control';

/** A recorded session built by our engine, in the shapes the API sends (messages on the session clock the server gives them). */
async function load(archivePath: string, telemetry = false) {
  const session = await loadSession(archivePath, { telemetry });
  const laps = sessionLaps(session);
  const { items: messages, clock } = sessionRaceControl(session);
  const drivers: SessionDriver[] = session.drivers.map((d) => ({
    driverNumber: d.driverNumber,
    abbreviation: d.abbreviation ?? d.driverNumber,
    fullName: d.fullName ?? d.driverNumber,
    teamName: d.teamName,
    teamColor: null,
    broadcastName: null, firstName: null, lastName: null, headshotUrl: null, countryCode: null, driverRef: null,
  }));
  const changes = [...(session.trackStatus ?? [])];
  const raceLike = session.kind === 'race';
  return { session, laps, messages, drivers, changes, raceLike, clock };
}

const uc = (r: MessageRow) => r.message.toUpperCase();

// 2018 Azerbaijan GP: two safety cars (lap 1, lap 40), penalties, blue flags; no car data in the archive.
const baku = await load('2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/');
// 2025 Miami sprint: a red flag during the wet start procedure, a safety car late in the race.
const miami = await load('2025/2025-05-04_Miami_Grand_Prix/2025-05-03_Sprint/');
// 2025 Mexico City qualifying: car data fixes t0; deleted laps; a yellow before the session.
const mexico = await load('2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/', true);

describe('messages on the session clock the API gives them', () => {
  it('should be on the engine’s clock where car data fixed it (Mexico City qualifying)', () => {
    expect(mexico.clock).toEqual({ t0: new Date(mexico.session.t0!).toISOString(), source: 'archive' });
  });

  for (const [name, s] of [['Baku 2018 race', baku], ['Miami 2025 sprint', miami]] as const) {
    it(`should put each message on the leader’s lap the feed gives it (${name}, no car data)`, () => {
      expect(s.clock.source).toBe('track-status');
      const leader = leaderLaps(s.laps);
      const last = leader[leader.length - 1]!.start;
      // Between the start and the leader's last lap the feed's lap count is the leader's lap.
      const rows = messageRows(s.messages, { drivers: s.drivers }).filter((r) => r.sessionTime! >= leader[0]!.start && r.sessionTime! < last);
      expect(rows.length).toBeGreaterThan(25);
      for (const r of rows) expect(leaderLapAt(leader, r.sessionTime!), r.message).toBe(r.lap);
    });
  }
});

describe('track status periods', () => {
  it('should tile the Baku race from the start to the last lap, with two safety cars where race control deployed them', () => {
    const span = sessionSpan(baku.laps, baku.changes, baku.session.sessionStartTime)!;
    // No incident before the start: the timeline begins at the start.
    expect(span.start).toBe(span.origin);
    expect(span.origin).toBe(baku.session.sessionStartTime);
    const segments = trackStatusSegments(baku.changes, span);
    expect(segments[0]!.start).toBe(span.start);
    expect(segments[segments.length - 1]!.end).toBe(span.end);
    for (let i = 1; i < segments.length; i++) {
      expect(segments[i]!.start).toBe(segments[i - 1]!.end);
      expect(segments[i]!.status).not.toBe(segments[i - 1]!.status);
    }
    const rows = messageRows(baku.messages, { drivers: baku.drivers });
    const deployed = rows.filter((r) => r.kind === 'safety-car' && uc(r).startsWith('SAFETY CAR DEPLOYED'));
    const sc = segments.filter((s) => s.status === '4');
    expect(sc).toHaveLength(deployed.length);
    expect(sc.length).toBe(2);
    for (const [i, s] of sc.entries()) {
      expect(Math.abs(deployed[i]!.sessionTime! - s.start)).toBeLessThan(3000);
      // The "in this lap" call comes while the safety car is still out.
      const inThisLap = rows.find((r) => uc(r).startsWith('SAFETY CAR IN THIS LAP') && r.sessionTime! > s.start)!;
      expect(inThisLap.sessionTime!).toBeLessThan(s.end);
    }
    const totals = trackStatusTotals(segments);
    expect(totals.reduce((n, t) => n + t.duration, 0)).toBe(span.end - span.start);
    expect(totals.find((t) => t.kind.code === '4')!.periods).toBe(2);
  });

  it('should agree with the engine’s lap track status: a lap run entirely under the safety car says so', () => {
    const span = sessionSpan(baku.laps, baku.changes, baku.session.sessionStartTime)!;
    const sc = trackStatusSegments(baku.changes, span).filter((s) => s.status === '4');
    let inside = 0;
    for (const l of baku.laps) {
      if (l.lapStartTime === null || l.time === null || l.time === undefined) continue;
      if (sc.some((s) => l.lapStartTime! >= s.start && l.time! <= s.end)) {
        inside++;
        expect(l.trackStatus, `${l.driver} lap ${l.lapNumber}`).toContain('4');
      }
      if (l.trackStatus.includes('4')) expect(sc.some((s) => l.lapStartTime! < s.end && l.time! > s.start), `${l.driver} lap ${l.lapNumber}`).toBe(true);
    }
    expect(inside).toBeGreaterThan(20 * 3);
  });

  it('should reach back before the start when the track was not green then (Miami sprint red flag)', () => {
    const span = sessionSpan(miami.laps, miami.changes, miami.session.sessionStartTime)!;
    expect(span.start).toBeLessThan(span.origin);
    const segments = trackStatusSegments(miami.changes, span);
    const red = segments.filter((s) => s.status === '5');
    expect(red).toHaveLength(1);
    expect(red[0]!.end).toBeLessThan(span.origin);
    const redFlag = messageRows(miami.messages, { drivers: miami.drivers }).find((r) => r.flag === 'RED')!;
    expect(Math.abs(redFlag.sessionTime! - red[0]!.start)).toBeLessThan(3000);
    expect(segments.some((s) => s.status === '4' && s.start > span.origin)).toBe(true);
  });

  it('should count the time before the first change as green, and ignore changes outside the span', () => {
    const changes = [
      { time: 50, status: '2', message: 'Yellow' },
      { time: 100, status: '2', message: 'Yellow' },
      { time: 200, status: '1', message: 'AllClear' },
      { time: 900, status: '5', message: 'Red' },
    ];
    expect(trackStatusSegments(changes, { start: 0, end: 300 })).toEqual([
      { status: '1', start: 0, end: 50 },
      { status: '2', start: 50, end: 200 },
      { status: '1', start: 200, end: 300 },
    ]);
    expect(trackStatusSegments(changes, { start: 120, end: 150 })).toEqual([{ status: '2', start: 120, end: 150 }]);
  });
});

describe('race-control messages', () => {
  const rows = messageRows(baku.messages, { drivers: baku.drivers });
  const abbreviations = new Set(baku.drivers.map((d) => d.abbreviation));

  it('should name the drivers a message is about, from its racing number and from the text', () => {
    for (const r of rows) for (const d of r.drivers) expect(abbreviations.has(d), `${d} in ${r.message}`).toBe(true);
    for (const [i, m] of baku.messages.entries()) {
      if (m.racingNumber) expect(rows[i]!.drivers).toContain(baku.drivers.find((d) => d.driverNumber === m.racingNumber)!.abbreviation);
    }
    // Penalties name the car only in the text.
    const penalties = rows.filter((r) => /PENALTY FOR CAR/.test(uc(r)));
    expect(penalties.length).toBeGreaterThanOrEqual(2);
    for (const p of penalties) {
      expect(p.kind).toBe('stewards');
      expect(p.drivers).toHaveLength(1);
    }
    const threeCars = rows.find((r) => /INCIDENT INVOLVING CARS \d+ \(\w+\),\s*\d+ \(\w+\)\s+AND \d+/.test(uc(r)))!;
    expect(threeCars.drivers).toHaveLength(3);
  });

  it('should classify deleted lap times, naming the one car (Mexico City qualifying, racing number only in the text)', () => {
    const q = messageRows(mexico.messages, { drivers: mexico.drivers });
    const deleted = q.filter((r) => r.kind === 'lap-deleted');
    expect(deleted).toHaveLength(mexico.messages.filter((m) => /DELETED/.test(m.message ?? '')).length);
    // `… LAP 9 15:16:30 (PIT)` names no second car.
    for (const r of deleted) expect(r.drivers, r.message).toHaveLength(1);
    // Every lap the engine deleted (from these same messages) belongs to a driver named here.
    const named = new Set(deleted.flatMap((r) => r.drivers));
    const deletedLaps = mexico.laps.filter((l) => l.deleted === true);
    expect(deletedLaps.length).toBeGreaterThan(0);
    for (const l of deletedLaps) expect(named.has(l.driver), `${l.driver} lap ${l.lapNumber}`).toBe(true);
    // No lap numbers outside races; session times from the archive's clock.
    expect(q.every((r) => r.lap === null && r.sessionTime !== null)).toBe(true);
  });

  it('should filter by kind, flag and driver (AND across, OR within) and count what each value keeps', () => {
    const facets = messageFacets(rows);
    expect(facets.kinds.reduce((n, [, c]) => n + c, 0)).toBe(rows.length);
    for (const [kind, count] of facets.kinds) expect(filterMessages(rows, { kinds: [kind], flags: [], drivers: [] })).toHaveLength(count);
    for (const [flag, count] of facets.flags) expect(filterMessages(rows, { kinds: [], flags: [flag], drivers: [] })).toHaveLength(count);
    expect(filterMessages(rows, { kinds: [], flags: [], drivers: [] })).toHaveLength(rows.length);

    const eri = baku.drivers.find((d) => d.abbreviation === 'ERI')!;
    const expected = baku.messages.filter((m) => m.flag === 'BLUE' && (m.racingNumber === eri.driverNumber || (m.message ?? '').includes(`${eri.driverNumber} (ERI)`)));
    expect(expected.length).toBeGreaterThan(3);
    expect(filterMessages(rows, { kinds: [], flags: ['BLUE'], drivers: ['ERI'] }).map((r) => r.message)).toEqual(expected.map((m) => m.message!.trim()));
    const either = filterMessages(rows, { kinds: ['safety-car', 'stewards'], flags: [], drivers: [] });
    expect(either).toHaveLength(facets.kinds.filter(([k]) => k === 'safety-car' || k === 'stewards').reduce((n, [, c]) => n + c, 0));
  });
});

describe('formatSessionClock', () => {
  it('should print minutes, hours and times before the start', () => {
    expect(formatSessionClock(511_311)).toBe('8:31');
    expect(formatSessionClock(3_909_000)).toBe('1:05:09');
    expect(formatSessionClock(-392_000)).toBe('−6:32');
    expect(formatSessionClock(0)).toBe('0:00');
    // The green light a fraction of a second before the start is at the start.
    expect(formatSessionClock(-131)).toBe('0:00');
    expect(formatSessionClock(59_600)).toBe('1:00');
  });
});
