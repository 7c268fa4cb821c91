import { beforeAll, describe, expect, it } from 'vitest';
import { ReplayPlayer, checkSpeed } from '../src/live/player.js';
import { Replay } from '../src/live/replay.js';
import { replaySource } from '../src/live/source.js';
import { LiveState } from '../src/live/state.js';
import type { Timeline } from '../src/live/timeline.js';
import type { LiveEvent } from '../src/live/types.js';
import { archive, BAKU_2018_RACE, timeline } from './live-fixtures.js';

const MIN = 60_000;

describe('replay with keyframes (2018 Azerbaijan race)', () => {
  let baku: Timeline;
  let replay: Replay;
  beforeAll(async () => {
    baku = await timeline(BAKU_2018_RACE);
    replay = new Replay(baku, { keyframeEveryMs: 60_000 });
  });

  it('the state seeked to minute N equals the state played from the start to N', () => {
    for (const minute of [0, 7, 42, 97, 110]) {
      const target = baku.zeroUtc + minute * MIN;
      const played = new LiveState();
      for (const m of baku.messages) {
        if (m.at > target) break;
        played.apply(m);
      }
      const seeked = replay.stateAt(target);
      expect(seeked.topics).toEqual(played.topics);
      expect(seeked.seq).toBe(played.seq);
      expect(seeked.at).toBe(played.at);
    }
    // Backwards and forwards again: keyframes are reused, not rebuilt.
    const frames = replay.keyframes;
    expect(frames).toBeGreaterThan(100); // a ~2 h stream, one per minute
    replay.stateAt(baku.zeroUtc + 3 * MIN);
    expect(replay.keyframes).toBe(frames);
  });

  it('a player at max speed delivers the snapshot at its start then every later message once, in order', async () => {
    const from = baku.zeroUtc + 30 * MIN;
    const player = new ReplayPlayer(replay, { speed: 'max', from });
    const state = new LiveState();
    const events: LiveEvent[] = [];
    for await (const e of player) {
      events.push(e);
      state.handle(e);
      if (e.type === 'status' && e.status.state === 'ended') break;
    }
    expect(events[0]!.type).toBe('snapshot');
    const messages = events.filter((e) => e.type === 'message');
    expect(messages.length).toBe(baku.messages.length - replay.indexAfter(from));
    expect(state.topics).toEqual(replay.stateAt(replay.endAt).topics);
  });

  it('paces by feed time × speed, pauses, resumes and seeks', async () => {
    // Minute 10 onwards is dense TimingData: 3 s of feed time at ×100 is ~30 ms of wall time.
    const from = baku.zeroUtc + 10 * MIN;
    // The clock starts before the player exists: the player anchors its pacing at some moment after
    // this, so 3 s of feed at ×100 can never arrive in under 30 ms of this wall time (taking t0 after
    // the snapshot let a starved test thread see less when the player's anchor came first).
    const t0 = performance.now();
    const player = new ReplayPlayer(replay, { speed: 100, from });
    const it = player[Symbol.asyncIterator]();
    expect((await it.next()).value.type).toBe('snapshot');
    let last = from;
    while (last < from + 3000) {
      const e = (await it.next()).value as LiveEvent;
      if (e.type === 'message') last = e.message.at;
    }
    const wall = performance.now() - t0;
    expect(wall).toBeGreaterThanOrEqual(25);
    expect(wall).toBeLessThan(1500);

    player.pause();
    expect((await it.next()).value).toMatchObject({ type: 'status', status: { state: 'paused' } });
    const pausedAt = player.position;
    const waiting = it.next();
    const raced = await Promise.race([waiting.then(() => 'event'), new Promise((r) => setTimeout(() => r('quiet'), 80))]);
    expect(raced).toBe('quiet'); // nothing while paused
    expect(player.position).toBe(pausedAt);

    player.seek(baku.zeroUtc + 60 * MIN);
    const snap = (await waiting).value as LiveEvent;
    expect(snap.type).toBe('snapshot');
    if (snap.type === 'snapshot') expect(snap.topics).toEqual(replay.stateAt(baku.zeroUtc + 60 * MIN).topics);
    expect((await it.next()).value).toMatchObject({ type: 'status', status: { state: 'paused', at: baku.zeroUtc + 60 * MIN } });
    player.setSpeed('max');
    player.resume();
    expect((await it.next()).value).toMatchObject({ type: 'status', status: { speed: 'max' } });
    await it.next(); // resume's status
    const next = (await it.next()).value as LiveEvent;
    expect(next.type).toBe('message');
    if (next.type === 'message') expect(next.message.at).toBeGreaterThan(baku.zeroUtc + 60 * MIN);
    player.close();
    expect((await it.next()).done).toBe(true);
  });

  it('refuses speeds outside ×1–×100 with a message naming the range', () => {
    expect(() => checkSpeed(0.5)).toThrow(/from 1 to 100 or "max"/);
    expect(() => checkSpeed(250)).toThrow(RangeError);
    expect(checkSpeed(20)).toBe(20);
    expect(() => new ReplayPlayer(replay).seek(Number.NaN)).toThrow(/finite/);
  });

  it('replaySource reads a session straight from the archive', async () => {
    const player = await replaySource(archive, BAKU_2018_RACE, { speed: 'max', topics: ['LapCount', 'SessionInfo'] });
    const state = new LiveState();
    for await (const e of player) {
      state.handle(e);
      if (e.type === 'status' && e.status.state === 'ended') break;
    }
    expect(state.topics.LapCount).toEqual({ CurrentLap: 51, TotalLaps: 51 });
    await expect(replaySource(archive, '2018/2018-01-01_Nowhere/2018-01-01_Race/')).rejects.toMatchObject({
      code: 'session-not-found', message: expect.stringContaining('2018/2018-01-01_Nowhere/2018-01-01_Race/'),
    });
    await expect(replaySource(archive, 'not/a/session')).rejects.toMatchObject({ code: 'bad-path' });
  });
});
