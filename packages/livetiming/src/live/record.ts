// `apex live record`: the feed's raw frames into one of our recordings until told to stop.
import { FeedSource, type FeedOptions } from './feed/client.js';
import { F1_SIGNALR_URL, FEED_TOPICS } from './feed/topics.js';
import { LiveRecorder } from './recording.js';
import type { LiveEvent } from './types.js';

export interface RecordFeedOptions extends Omit<FeedOptions, 'onFrame'> {
  /** File to create (an existing file is never overwritten). */
  readonly path: string;
  /** Stops the recording. */
  readonly signal: AbortSignal;
  /** Every event as the feed delivers it (status lines, progress). */
  readonly onEvent?: (event: LiveEvent) => void;
}

/** Records the F1 feed (or any SignalR Core endpoint speaking it) until `signal` aborts. */
export async function recordFeed(options: RecordFeedOptions): Promise<{ frames: number; connections: number }> {
  const recorder = await LiveRecorder.create(options.path, {
    source: options.url ?? F1_SIGNALR_URL,
    topics: [...(options.topics ?? FEED_TOPICS)],
    startedAt: new Date().toISOString(),
  });
  const feed = new FeedSource({ ...options, onFrame: (text, t) => recorder.frame(text, t) });
  const stop = () => feed.close();
  options.signal.addEventListener('abort', stop, { once: true });
  try {
    if (options.signal.aborted) feed.close();
    for await (const event of feed) options.onEvent?.(event);
  } finally {
    options.signal.removeEventListener('abort', stop);
    await recorder.close();
  }
  return { frames: recorder.frames, connections: feed.connections };
}
