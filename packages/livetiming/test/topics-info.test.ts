import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDriver, parseDriverList, parseSessionInfo, parseStream, parseWeatherData } from '../src/index.js';
import { MEXICO_2025_Q, oracleDir, topicFile } from './paths.js';

const SESSIONS = [
  'fastf1/2018_Azerbaijan_R', 'fastf1/2019_Italian_Q', 'fastf1/2020_70th_Anniversary_FP2', 'fastf1/2021_Italian_FP2',
  'fastf1/2022_Saudi_Arabian_Q', 'fastf1/2023_Azerbaijan_SS', 'fastf1/2024_Spanish_Q', 'fastf1-mexico-2025-q',
];

const oracle = (session: string, file: string) => JSON.parse(readFileSync(resolve(oracleDir, session, file), 'utf8'));
function meta(session: string): { path: string; info: Record<string, any> } {
  const m = oracle(session, 'meta.json');
  const s = typeof m.session === 'object' ? m.session : m;
  return { path: String(s.api_path ?? m.expected_api_path).replace(/^\/static\//, ''), info: s.session_info };
}
const messages = (path: string, topic: string) => parseStream(readFileSync(topicFile(path, topic), 'utf8')).messages;

describe('SessionInfo', () => {
  it.each(SESSIONS)('%s: matches the session info FastF1 read', (session) => {
    const { path, info: ff1 } = meta(session);
    const info = parseSessionInfo(messages(path, 'SessionInfo'))!;
    expect(info.meeting).toMatchObject({ key: ff1.Meeting.Key, name: ff1.Meeting.Name, location: ff1.Meeting.Location });
    expect(info.meeting.country).toEqual({ key: ff1.Meeting.Country.Key, code: ff1.Meeting.Country.Code, name: ff1.Meeting.Country.Name });
    expect(info.meeting.circuit).toEqual({ key: ff1.Meeting.Circuit.Key, shortName: ff1.Meeting.Circuit.ShortName });
    expect([info.key, info.type, info.name, info.path]).toEqual([ff1.Key, ff1.Type, ff1.Name, ff1.Path]);
    // FastF1 prints local dates with milliseconds and the offset in seconds.
    expect(`${info.startDate}.000`).toBe(ff1.StartDate);
    expect(`${info.endDate}.000`).toBe(ff1.EndDate);
    expect(info.gmtOffsetMs).toBe(ff1.GmtOffset * 1000);
    expect(info.path).toBe(path);
  });

  it('converts the local schedule to UTC with the (negative) offset and keeps the last status', () => {
    const info = parseSessionInfo(messages(MEXICO_2025_Q, 'SessionInfo'))!;
    expect(info.gmtOffset).toBe('-06:00:00');
    expect(info.startDateUtc).toBe('2025-10-25T21:00:00.000Z');
    // FastF1's session date for this session is 21:00 UTC (oracle meta `date`).
    expect(info.startDateUtc!.slice(0, 19)).toBe(oracle('fastf1-mexico-2025-q', 'meta.json').session.date.slice(0, 19));
    // The archive sends the whole object three times; the replayed state ends "Finalised"
    // (FastF1 keeps the first message, "Inactive").
    expect(info.sessionStatus).toBe('Finalised');
    expect(info.meeting.number).toBe(20);
  });

  it('returns null for a stream without session data', () => {
    expect(parseSessionInfo([])).toBeNull();
    expect(parseSessionInfo([{ time: 0, data: { _kf: true } }])).toBeNull();
  });
});

describe('DriverList', () => {
  // FastF1 writes "" for a column no driver has and "None" where only some drivers lack it (pandas
  // artifacts); both are a missing value, null in ApexData.
  const missing = (v: unknown) => (v === '' || v === 'None' || v === null ? null : v);

  it.each(SESSIONS)('%s: every driver FastF1 lists has the same identity, team and colour', (session) => {
    const { path } = meta(session);
    const drivers = parseDriverList(messages(path, 'DriverList'));
    const results: Record<string, any>[] = oracle(session, 'results.json');
    expect(drivers).toHaveLength(results.length);
    for (const r of results) {
      const d = drivers.find((x) => x.driverNumber === r.DriverNumber)!;
      expect(d, r.DriverNumber).toBeDefined();
      expect({
        broadcastName: d.broadcastName, abbreviation: d.abbreviation, teamName: d.teamName, teamColour: d.teamColour,
        firstName: d.firstName, lastName: d.lastName, fullName: d.fullName, headshotUrl: d.headshotUrl, countryCode: d.countryCode,
      }).toEqual({
        broadcastName: r.BroadcastName, abbreviation: r.Abbreviation, teamName: r.TeamName, teamColour: r.TeamColor,
        firstName: r.FirstName, lastName: r.LastName, fullName: r.FullName, headshotUrl: missing(r.HeadshotUrl), countryCode: missing(r.CountryCode),
      });
    }
  });

  it('replays Line patches (including a deleted and re-added Line) to the final timing-screen order', () => {
    // 2025 Mexico City Q: #87 BEA loses his Line at 00:44:45 (`_deleted`) and gets it back later; at the
    // end the screen order is the qualifying classification FastF1 computed.
    const drivers = parseDriverList(messages(MEXICO_2025_Q, 'DriverList'));
    const classification = (oracle('fastf1-mexico-2025-q', 'results.json') as { DriverNumber: string; Position: number }[])
      .sort((a, b) => a.Position - b.Position)
      .map((r) => r.DriverNumber);
    expect(drivers.map((d) => d.driverNumber)).toEqual(classification);
    expect(drivers.map((d) => d.line)).toEqual(drivers.map((_, i) => i + 1));
  });

  it('drops fields listed in _deleted and keeps drivers known only by number', () => {
    const drivers = parseDriverList([
      { time: 0, data: { '1': { RacingNumber: '1', Tla: 'VER', TeamName: 'Red Bull Racing', Line: 1 }, '2': { Line: 2 } } },
      { time: 1, data: { '1': { _deleted: ['TeamName'] } } },
    ]);
    expect(drivers.map((d) => [d.driverNumber, d.abbreviation, d.teamName, d.line])).toEqual([['1', 'VER', null, 1], ['2', null, null, 2]]);
  });

  it('finds drivers by number or abbreviation', () => {
    const drivers = parseDriverList(messages(MEXICO_2025_Q, 'DriverList'));
    expect(findDriver(drivers, 'nor')?.driverNumber).toBe('4');
    expect(findDriver(drivers, '44')?.abbreviation).toBe('HAM');
    expect(findDriver(drivers, 'XYZ')).toBeUndefined();
  });
});

describe('WeatherData', () => {
  const withWeather = SESSIONS.filter((s) => oracle(s, 'weather.json') !== null);

  it('covers the oracle sessions that have weather', () => expect(withWeather.length).toBeGreaterThanOrEqual(4));

  it.each(withWeather)('%s: every sample and column equals FastF1 exactly', (session) => {
    const { path } = meta(session);
    const ours = parseWeatherData(messages(path, 'WeatherData'));
    const ff1: Record<string, number | boolean>[] = oracle(session, 'weather.json');
    expect(ours.map((w) => ({
      Time: w.time / 1000, AirTemp: w.airTemp, Humidity: w.humidity, Pressure: w.pressure, Rainfall: w.rainfall,
      TrackTemp: w.trackTemp, WindDirection: w.windDirection, WindSpeed: w.windSpeed,
    }))).toEqual(ff1);
  });

  it('fills values a patch omits from the previous reading and skips keyframe-only messages', () => {
    const ours = parseWeatherData([
      { time: 1000, data: { AirTemp: '20.5', Humidity: '53.6', Pressure: '1014.9', Rainfall: '0', TrackTemp: '28.6', WindDirection: '358', WindSpeed: '1.1' } },
      { time: 2000, data: { _kf: true } },
      { time: 61000, data: { AirTemp: '20.7', Rainfall: '1' } },
    ]);
    expect(ours).toEqual([
      { time: 1000, airTemp: 20.5, humidity: 53.6, pressure: 1014.9, rainfall: false, trackTemp: 28.6, windDirection: 358, windSpeed: 1.1 },
      { time: 61000, airTemp: 20.7, humidity: 53.6, pressure: 1014.9, rainfall: true, trackTemp: 28.6, windDirection: 358, windSpeed: 1.1 },
    ]);
  });
});
