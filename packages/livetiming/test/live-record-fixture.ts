// A recording made at test time the way `apex live record` makes one: the engine's recorder against
// the loopback SignalR Core server playing part of an archived session. Without `token` the server
// holds CarData.z and Position.z back, as F1 does for anonymous connections since 2025.
import { signalrRetryPolicy } from '../src/live/feed/retry-policy.js';
import { recordFeed } from '../src/live/record.js';
import { LiveState } from '../src/live/state.js';
import { timeline } from './live-fixtures.js';
import { startFeedServer } from './live-signalr-server.js';

/** Records minutes [fromMinute, toMinute) of an archived session's feed into `path`, anonymously. */
export async function recordLoopbackFeed(path: string, session: string, fromMinute: number, toMinute: number): Promise<void> {
  const t = await timeline(session);
  const index = (m: number) => t.messages.findIndex((x) => x.at >= t.zeroUtc + m * 60_000);
  const feed = await startFeedServer({ timeline: t, from: index(fromMinute), to: index(toMinute), token: 'paid' });
  const stop = new AbortController();
  const state = new LiveState();
  try {
    await recordFeed({
      path, url: feed.url, signal: stop.signal, retryPolicy: signalrRetryPolicy({ baseDelayMs: 20, maxDelayMs: 50 }),
      onEvent: (e) => {
        state.handle(e);
        // The closing Heartbeat: the recorder has everything the session sent.
        if ((state.topics.Heartbeat as { Utc?: string } | undefined)?.Utc === feed.endUtc) stop.abort();
      },
    });
  } finally {
    await feed.close();
  }
}
