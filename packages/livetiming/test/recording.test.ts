import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalState, parseDriverList, parsePythonLiteral, parseWeatherData, readRecording, readRecordings, recordingTopicStreams } from '../src/index.js';
import { sharedDir } from './paths.js';

const recording = (name: string) => readFileSync(resolve(sharedDir, 'f1data', 'recordings', name), 'utf8');

describe('Python literals', () => {
  it('reads repr() output: both quote styles, escapes, True/False/None, numbers, tuples, nesting', () => {
    expect(parsePythonLiteral(`['RaceControlMessages', {'Message': "DRIVER'S LAP DELETED", 'Lap': 3, 'Flag': None, 'ok': True}, '2021-03-28T15:00:00Z']`))
      .toEqual(['RaceControlMessages', { Message: "DRIVER'S LAP DELETED", Lap: 3, Flag: null, ok: true }, '2021-03-28T15:00:00Z']);
    expect(parsePythonLiteral(String.raw`('a\'b', "c\"d", 'tab\tnl\n', '\xe9\u00e9', -1.5e3, 1_000, [], {}, False,)`))
      .toEqual(["a'b", 'c"d', 'tab\tnl\n', 'éé', -1500, 1000, [], {}, false]);
    expect(parsePythonLiteral(`{1: 'one', 'x': [1, [2, (3,)]]}`)).toEqual({ '1': 'one', x: [1, [2, [3]]] });
  });

  it('rejects anything that is not a complete literal, saying where', () => {
    expect(() => parsePythonLiteral(`['a', {'b': 1}`)).toThrow(/expected "," or "]" at column 15/);
    expect(() => parsePythonLiteral(`['a', ] extra`)).toThrow(/trailing text/);
    expect(() => parsePythonLiteral(`[__import__('os')]`)).toThrow(/unexpected "_"/);
    expect(() => parsePythonLiteral(`'unterminated`)).toThrow(/unterminated string/);
    expect(() => parsePythonLiteral(`{'a' 1}`)).toThrow(/expected ":"/);
  });
});

describe('recorder format: 2021 Bahrain race corrupt sample', () => {
  // The file holds, for each of 11 topics, one good line followed by deliberately broken variants:
  // truncated payloads, missing brackets or elements, damaged timestamps and undecodable `.z` data.
  const rec = readRecording(recording('2021-bahrain-race-corrupt-sample.txt'));
  const lineOf = (n: number) => rec.report.corrupt.find((c) => c.line === n)?.reason;

  it('keeps every readable line and counts every broken one', () => {
    expect(rec.report.lines).toBe(51);
    expect(rec.messages).toHaveLength(19);
    expect(rec.report.corrupt).toHaveLength(32);
    expect(rec.messages.length + rec.report.corrupt.length).toBe(rec.report.lines);
  });

  it('names the reason for each kind of damage', () => {
    expect(lineOf(1)).toMatch(/CarData\.z payload does not decode/); // base64 fine, DEFLATE stream broken
    expect(lineOf(4)).toMatch(/Position\.z payload does not decode/);
    expect(lineOf(2)).toMatch(/got 1 element/); // ['CarData.z', ]
    expect(lineOf(7)).toMatch(/not a \[topic, data, timestamp\] list/); // "whatever"
    expect(lineOf(10)).toMatch(/expected "," or "]"/); // Heartbeat line missing its closing bracket
    expect(lineOf(14)).toMatch(/got 2 element/); // WeatherData without a timestamp
    expect(lineOf(34)).toMatch(/unreadable timestamp "2021-0341\.297Z"/);
  });

  it('keeps structurally sound lines even when a value inside is odd (that is for the topic parsers)', () => {
    const rcm = rec.messages.filter((m) => m.topic === 'RaceControlMessages');
    expect(rcm.map((m) => m.line)).toEqual([19, 20, 22, 23]);
    expect((rcm[1]!.data as any).Messages['1'].Utc).toBe('2021-:06');
  });

  it('uses the first timestamp as time zero when SessionData never says Started', () => {
    expect(rec.startUtcMs).toBe(Date.parse('2021-03-28T14:52:32.124Z') + 0.219);
    const streams = recordingTopicStreams(rec);
    expect(streams.get('Heartbeat')!.map((m) => m.time)).toEqual([0, 0]);
    expect(parseWeatherData(streams.get('WeatherData')!)).toEqual([
      { time: 250_924, airTemp: 20.5, humidity: 53.6, pressure: 1014.9, rainfall: false, trackTemp: 28.6, windDirection: 358, windSpeed: 1.1 },
    ]);
  });
});

describe('recorder format: 2023 Qatar sprint live excerpt', () => {
  const rec = readRecording(recording('2023-qatar-sprint-live-excerpt.txt'));

  it('reads 5 minutes of live data; the two damaged lines of the capture are counted, not fatal', () => {
    expect(rec.report.lines).toBe(2242);
    expect(rec.report.corrupt.map((c) => c.line)).toEqual([883, 884]);
    expect(rec.messages).toHaveLength(2240);
  });

  it('takes time zero from SessionData StatusSeries "Started"', () => {
    expect(rec.startUtcMs).toBe(Date.parse('2023-10-07T17:33:39.352Z'));
    const streams = recordingTopicStreams(rec);
    // Messages before the start get negative session times.
    expect(streams.get('TimingData')![0]!.time).toBeLessThan(0);
    expect(streams.get('SessionData')!.some((m) => m.time === 0)).toBe(true);
  });

  it('inflates Position.z payloads into position entries for all cars', () => {
    const positions = rec.messages.filter((m) => m.topic === 'Position.z');
    expect(positions).toHaveLength(295);
    for (const p of positions) {
      const batch = (p.data as { Position: { Timestamp: string; Entries: Record<string, { X: number; Status: string }> }[] }).Position;
      expect(batch.length).toBeGreaterThan(0);
      // 20 cars plus the safety/medical cars (241–243), which the feed positions too.
      expect(Object.keys(batch[0]!.Entries).filter((k) => Number(k) < 100)).toHaveLength(20);
      expect(Date.parse(batch[0]!.Timestamp)).toBeGreaterThan(Date.parse('2023-10-07T17:00:00Z'));
    }
  });

  it('feeds the same topic parsers as the archive (patches without a snapshot give partial drivers)', () => {
    const streams = recordingTopicStreams(rec);
    const timing = finalState(streams.get('TimingData')!) as { Lines: Record<string, unknown> };
    expect(Object.keys(timing.Lines)).toHaveLength(20);
    const drivers = parseDriverList(streams.get('DriverList')!);
    expect(drivers.length).toBeGreaterThan(10);
    expect(drivers.every((d) => d.abbreviation === null && d.line !== null)).toBe(true);
    expect(parseWeatherData(streams.get('WeatherData')!)).toHaveLength(5);
  });

  it('joins overlapping captures without repeating messages', () => {
    const text = recording('2023-qatar-sprint-live-excerpt.txt');
    const lines = text.split('\n');
    const a = lines.slice(0, 1500).join('\n');
    const b = lines.slice(1200).join('\n'); // restarted recorder: 300 lines overlap
    const joined = readRecordings([a, b]);
    expect(joined.messages.map((m) => m.utc + m.topic)).toEqual(rec.messages.map((m) => m.utc + m.topic));
  });
});
