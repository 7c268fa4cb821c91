import { appendFileSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalrRetryPolicy } from '../src/live/feed/retry-policy.js';
import { FEED_TOPICS } from '../src/live/feed/topics.js';
import { ReplayPlayer } from '../src/live/player.js';
import { readAnyRecording, readLiveRecording, LIVE_RECORDING_FORMAT } from '../src/live/recording.js';
import { recordFeed } from '../src/live/record.js';
import { Replay } from '../src/live/replay.js';
import { LiveState } from '../src/live/state.js';
import type { Timeline } from '../src/live/timeline.js';
import { liveView } from '../src/live/views/index.js';
import { BAKU_2018_RACE, timeline } from './live-fixtures.js';
import { sharedDir } from './paths.js';
import { startFeedServer } from './live-signalr-server.js';

const recordings = resolve(sharedDir, 'f1data', 'recordings');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apex-live-rec-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const play = (t: Timeline) => {
  const s = new LiveState();
  for (const m of t.messages) s.apply(m);
  return s;
};
const withoutSamples = (topics: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(topics).filter(([t]) => t !== 'CarData' && t !== 'Position'));

describe('our JSONL recordings', () => {
  it('record the raw frames of a live session (a reconnect included) and replay to the same state', async () => {
    const baku = await timeline(BAKU_2018_RACE);
    const from = baku.messages.findIndex((m) => m.at >= baku.zeroUtc + 20 * 60_000);
    const server = await startFeedServer({ timeline: baku, from, to: from + 1500, dropAfter: 600, skipOnDrop: 100 });
    const path = join(dir, 'baku-race.jsonl');
    const live = new LiveState();
    const stop = new AbortController();
    try {
      const result = await recordFeed({
        path, url: server.url, signal: stop.signal, retryPolicy: signalrRetryPolicy({ baseDelayMs: 20, maxDelayMs: 50 }),
        onEvent: (e) => {
          live.handle(e);
          if ((live.topics.Heartbeat as { Utc?: string } | undefined)?.Utc === server.endUtc) stop.abort();
        },
      });
      expect(result.connections).toBe(2);
      expect(result.frames).toBeGreaterThan(30); // ~1500 messages, many to a frame
    } finally {
      await server.close();
    }
    expect(withoutSamples(live.topics)).toEqual(withoutSamples(server.truth.topics));

    const text = readFileSync(path, 'utf8');
    const read = readLiveRecording(text, 'baku-race');
    expect(read.header).toMatchObject({ format: LIVE_RECORDING_FORMAT, version: 1, source: server.url, topics: [...FEED_TOPICS] });
    expect(read.report.corrupt).toEqual([]);
    expect(read.timeline.messages.length).toBeGreaterThan(1000);
    expect(read.timeline.messages.filter((m) => m.replace).length).toBeGreaterThan(5); // two Subscribe snapshots
    expect(withoutSamples(play(read.timeline).topics)).toEqual(withoutSamples(server.truth.topics));
    // Never overwrites an existing recording.
    await expect(recordFeed({ path, url: server.url, signal: AbortSignal.abort() })).rejects.toThrow(/EEXIST/);

    // A damaged line and an undecodable frame are counted; everything else still replays.
    appendFileSync(path, '{"t": 1, "f": "{not json\\u001e"}\nnot even json\n');
    const damaged = readAnyRecording(readFileSync(path, 'utf8'), 'baku-race');
    expect(damaged.report.corrupt.map((c) => c.line)).toEqual([read.report.lines + 1, read.report.lines + 2]);
    expect(damaged.timeline.messages).toHaveLength(read.timeline.messages.length);
  });
});

describe('FastF1 recorder files', () => {
  it('replay the 2023 Qatar sprint excerpt with seek and speed like an archive', async () => {
    const read = readAnyRecording(readFileSync(join(recordings, '2023-qatar-sprint-live-excerpt.txt'), 'utf8'), 'qatar');
    expect(read.header).toBeNull();
    // Two lines of the excerpt are damaged (a clipped timestamp, a clipped list): counted, skipped.
    expect(read.report.corrupt.map((c) => c.line)).toEqual([883, 884]);
    const t = read.timeline;
    expect(t.messages.length).toBe(read.report.lines - 2);
    expect(t.messages.at(-1)!.at - t.messages[0]!.at).toBeGreaterThan(4 * 60_000);
    const replay = new Replay(t, { keyframeEveryMs: 30_000 });
    const player = new ReplayPlayer(replay, { speed: 'max' });
    const state = new LiveState();
    for await (const e of player) {
      state.handle(e);
      if (e.type === 'status' && e.status.state === 'ended') break;
    }
    expect(state.topics).toEqual(play(t).topics);
    const view = liveView(state.topics, state.at);
    expect(view.tower.kind).toBe('race'); // a sprint
    expect(view.tower.rows.length).toBeGreaterThanOrEqual(20);
    const mid = t.messages[0]!.at + 150_000;
    expect(replay.stateAt(mid).topics).toEqual(play({ ...t, messages: t.messages.filter((m) => m.at <= mid) }).topics);
  });

  it('keep every readable line of the deliberately corrupt 2021 Bahrain sample and count the rest', () => {
    const text = readFileSync(join(recordings, '2021-bahrain-race-corrupt-sample.txt'), 'utf8');
    const read = readAnyRecording(text, 'bahrain');
    const lines = text.split('\n').filter((l) => l.trim() !== '').length;
    expect(read.report.lines).toBe(lines);
    expect(read.report.corrupt.length).toBeGreaterThan(20);
    expect(read.timeline.messages.length + read.report.corrupt.length).toBe(lines);
    expect(read.timeline.corrupt.bahrain).toHaveLength(read.report.corrupt.length);
    const state = play(read.timeline);
    expect(state.dropped.count).toBe(0); // broken .z payloads were caught while reading, not applied
    expect(state.topics.Heartbeat).toEqual({ Utc: '2021-03-28T14:52:34.2188616Z' });
    expect(Object.keys(state.topics).sort()).toEqual(['Heartbeat', 'RaceControlMessages', 'SessionData', 'TimingAppData', 'TimingData', 'TrackStatus', 'WeatherData']);
    expect(read.timeline.messages.some((m) => m.topic.endsWith('.z'))).toBe(false); // every .z line of this sample is broken
  });
});
