// Shared live-engine fixtures: archive timelines are loaded once per test file.
import { ArchiveClient } from '../src/archive/client.js';
import { loadTimeline, type Timeline } from '../src/live/timeline.js';
import { liveTimingDir } from './paths.js';

export const BAKU_2018_RACE = '2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/';
export const MEXICO_2025_Q = '2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/';

export const archive = new ArchiveClient({ base: liveTimingDir });

const cache = new Map<string, Promise<Timeline>>();
/** Every topic of an archived session as one timeline (cached for the test file). */
export function timeline(session: string, topics?: readonly string[]): Promise<Timeline> {
  const key = `${session}|${topics?.join(',') ?? '*'}`;
  let t = cache.get(key);
  if (!t) cache.set(key, (t = loadTimeline(archive, session, { topics })));
  return t;
}
