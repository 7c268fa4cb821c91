// Ready-made sources over the archive: one call from a session path to a playable replay.
import { ArchiveClient, type ArchiveClientOptions } from '../archive/client.js';
import { ReplayPlayer, type PlayerOptions } from './player.js';
import { Replay, type ReplayOptions } from './replay.js';
import { loadTimeline } from './timeline.js';

export interface ReplaySourceOptions extends PlayerOptions, ReplayOptions {
  /** Only these topics (default: every topic the archive holds for the session). */
  readonly topics?: readonly string[];
}

/**
 * Replays an archived session as a live source: every topic merged by time, paced by `speed`.
 *
 * @example
 * const player = await replaySource({ base: '../shared/f1data/livetiming' }, '2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/', { speed: 'max' });
 * const state = new LiveState();
 * for await (const event of player) state.handle(event);
 */
export async function replaySource(archive: ArchiveClient | ArchiveClientOptions, sessionPath: string, options: ReplaySourceOptions = {}): Promise<ReplayPlayer> {
  const client = archive instanceof ArchiveClient ? archive : new ArchiveClient(archive);
  const timeline = await loadTimeline(client, sessionPath, { topics: options.topics });
  return new ReplayPlayer(new Replay(timeline, options), options);
}
