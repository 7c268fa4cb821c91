import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitStreamLines } from '../src/stream/lines.js';
import { applyPatch, type JsonValue } from '../src/stream/merge.js';
import { diffJson } from '../src/live/diff.js';
import { LiveState } from '../src/live/state.js';
import type { Timeline } from '../src/live/timeline.js';
import type { LivePatch, TopicStates } from '../src/live/types.js';
import { BAKU_2018_RACE, MEXICO_2025_Q, timeline } from './live-fixtures.js';
import { topicFile } from './paths.js';

const msg = (topic: string, data: JsonValue, at = 1) => ({ topic, data, at });

/** What a client holds after applying the patches it was sent, as a server would forward them. */
function clientApply(client: TopicStates, patches: readonly LivePatch[]): void {
  for (const p of patches) {
    if (p.replace) {
      if (p.data === null) delete client[p.topic];
      else client[p.topic] = structuredClone(p.data);
    } else {
      client[p.topic] = applyPatch(client[p.topic], p.data);
    }
  }
}

describe('LiveState merge rules', () => {
  it('deep-merges objects, patches arrays by index, replaces whole arrays, honours _deleted and strips _kf', () => {
    const s = new LiveState();
    s.apply(msg('TimingData', { Lines: { '44': { Position: '2', Sectors: [{ Value: '' }, { Value: '' }, { Value: '' }] } }, _kf: true }));
    s.apply(msg('TimingData', { Lines: { '44': { Sectors: { '1': { Value: '31.234', PersonalFastest: true } } } } }));
    s.apply(msg('TimingData', { Lines: { '44': { Position: '1' } } }));
    expect(s.topics.TimingData).toEqual({
      Lines: { '44': { Position: '1', Sectors: [{ Value: '' }, { Value: '31.234', PersonalFastest: true }, { Value: '' }] } },
    });
    s.apply(msg('RaceControlMessages', { Messages: [{ Message: 'A' }, { Message: 'B' }] }));
    s.apply(msg('RaceControlMessages', { Messages: { '2': { Message: 'C' } } }));
    expect(s.topics.RaceControlMessages).toEqual({ Messages: [{ Message: 'A' }, { Message: 'B' }, { Message: 'C' }] });
    s.apply(msg('RaceControlMessages', { Messages: [{ Message: 'fresh' }] }));
    expect(s.topics.RaceControlMessages).toEqual({ Messages: [{ Message: 'fresh' }] });
    s.apply(msg('TimingStats', { Lines: { '1': { BestSpeeds: { I1: { Value: '300' } } }, '2': {} } }));
    s.apply(msg('TimingStats', { Lines: { _deleted: ['2'] } }));
    expect(s.topics.TimingStats).toEqual({ Lines: { '1': { BestSpeeds: { I1: { Value: '300' } } } } });
    expect(s.seq).toBe(8);
  });

  it('leaves the applied message untouched (replays reuse them)', () => {
    const data = { Lines: { '1': { Sectors: [{ Value: '1' }] } } };
    const copy = structuredClone(data);
    const s = new LiveState();
    s.apply(msg('TimingData', data));
    s.apply(msg('TimingData', { Lines: { '1': { Sectors: { '0': { Value: '2' } } } } }));
    expect(data).toEqual(copy);
  });

  it('appends .z batches (base64 as the feed sends them) under growing keys and keeps a window', () => {
    const lines = splitStreamLines(readFileSync(topicFile(MEXICO_2025_Q, 'Position.z'), 'utf8')).slice(0, 200);
    const s = new LiveState({ sampleWindowMs: 5000 });
    const client: TopicStates = {};
    let samples = 0;
    for (const l of lines) {
      const patches = s.apply({ topic: 'Position.z', data: JSON.parse(l.payload) as string, at: l.time });
      clientApply(client, patches);
      samples += Object.keys((patches[0]!.data as { Position: object }).Position).filter((k) => k !== '_deleted').length;
    }
    const held = (s.topics.Position as { Position: Record<string, { Timestamp: string; Entries: Record<string, { X: number }> }> }).Position;
    const keys = Object.keys(held).map(Number);
    expect(keys.at(-1)).toBe(samples - 1); // every sample got the next key
    const times = Object.values(held).map((e) => Date.parse(e.Timestamp));
    expect(times.at(-1)! - times[0]!).toBeLessThanOrEqual(5000);
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(4000);
    expect(Object.keys(Object.values(held)[0]!.Entries).length).toBe(20);
    expect(client).toEqual(s.topics); // patches carry the appends and the trims
  });

  it('counts a .z payload that does not decode instead of dropping it silently', () => {
    const s = new LiveState();
    expect(s.apply({ topic: 'CarData.z', data: 'not base64 deflate!', at: 5 })).toEqual([]);
    expect(s.dropped).toEqual({ count: 1, last: { topic: 'CarData.z', at: 5, reason: expect.stringContaining('does not decode') } });
  });

  it('drops the previous session when SessionInfo announces another one, so no stale line survives', () => {
    const s = new LiveState();
    s.apply(msg('SessionInfo', { Key: 9872, Name: 'Practice 3' }));
    s.apply(msg('TimingData', { Lines: { '44': { Position: '1' } } }));
    s.apply(msg('SessionInfo', { ArchiveStatus: { Status: 'Complete' } })); // same session: a patch
    expect(s.topics.TimingData).toBeDefined();
    const patches = s.apply(msg('SessionInfo', { Key: 9873, Name: 'Qualifying' }));
    expect(s.topics).toEqual({ SessionInfo: { Key: 9873, Name: 'Qualifying' } });
    expect(patches.map((p) => [p.topic, p.data === null])).toEqual([['SessionInfo', true], ['TimingData', true], ['SessionInfo', false]]);
  });

  it('a snapshot replaces everything and says which topics went away', () => {
    const s = new LiveState();
    s.apply(msg('TrackStatus', { Status: '4' }));
    s.apply(msg('WeatherData', { AirTemp: '20' }));
    const patches = s.reset({ TrackStatus: { Status: '1' }, LapCount: { CurrentLap: 3 } }, 10);
    expect(s.topics).toEqual({ TrackStatus: { Status: '1' }, LapCount: { CurrentLap: 3 } });
    expect(patches.map((p) => [p.topic, p.replace, p.data])).toEqual([
      ['TrackStatus', true, { Status: '1' }], ['LapCount', true, { CurrentLap: 3 }], ['WeatherData', true, null],
    ]);
    expect(patches.map((p) => p.id)).toEqual([3, 4, 5]);
  });
});

describe('patches and diffs on a whole race (2018 Azerbaijan)', () => {
  let baku: Timeline;
  beforeAll(async () => {
    baku = await timeline(BAKU_2018_RACE);
  });

  it('puts every topic on the feed clock, anchored by race control, in time order', () => {
    expect(baku.zeroFrom).toBe('RaceControlMessages');
    // First race-control message: 12:07:10 UTC (truncated to the second) at offset 00:01:10.485 →
    // the stream started about 12:06:00; later messages tighten the bound by a fraction of a second.
    expect(baku.zeroUtc).toBeGreaterThanOrEqual(Date.UTC(2018, 3, 29, 12, 5, 59, 515));
    expect(baku.zeroUtc).toBeLessThan(Date.UTC(2018, 3, 29, 12, 6, 1));
    expect(baku.topics).toEqual(expect.arrayContaining(['TimingData', 'TimingAppData', 'LapCount', 'DriverList', 'RaceControlMessages']));
    for (let i = 1; i < baku.messages.length; i++) expect(baku.messages[i]!.at >= baku.messages[i - 1]!.at).toBe(true);
  });

  it('a client applying the forwarded patches ends with the server state', () => {
    const s = new LiveState();
    const client: TopicStates = {};
    for (const m of baku.messages) clientApply(client, s.apply(m));
    expect(client).toEqual(s.topics);
    expect(s.seq).toBe(baku.messages.length);
  });

  it('diffJson(a, b) applied to a copy of a gives b, between states minutes apart', () => {
    const s = new LiveState();
    const snaps: TopicStates[] = [];
    baku.messages.forEach((m, i) => {
      s.apply(m);
      if (i % 5000 === 0) snaps.push(s.snapshot().topics);
    });
    snaps.push(s.snapshot().topics);
    for (let i = 1; i < snaps.length; i++) {
      const d = diffJson(snaps[i - 1]!, snaps[i]!);
      expect(applyPatch(structuredClone(snaps[i - 1]!), d!)).toEqual(snaps[i]);
    }
    expect(diffJson(snaps[1]!, structuredClone(snaps[1]!))).toBeUndefined();
    expect(diffJson({ a: [1, 2, 3] }, { a: [1, 2] })).toEqual({ a: [1, 2] });
    expect(diffJson({ a: { b: 1, c: 2 } }, { a: { b: 1 } })).toEqual({ a: { _deleted: ['c'] } });
  });
});
