// An archived session as one time-ordered message stream: every topic's `.jsonStream` read through
// the archive client, its line offsets put on the feed's UTC clock, merged by time.
import { KNOWN_TOPICS, type ArchiveClient } from '../archive/client.js';
import { EngineCriticalError } from '../errors.js';
import { normaliseSessionPath } from '../archive/paths.js';
import { parseStream, type ParseReport, type StreamMessage } from '../stream/index.js';
import type { JsonObject } from '../stream/merge.js';
import { parseUtc } from '../timing/time.js';
import { parseOffset } from '../topics/session-info.js';
import type { LiveMessage } from './types.js';

/** A session's messages in feed order, ready to replay. */
export interface Timeline {
  /** Session path, or a label for recordings. */
  readonly session: string;
  /** Messages sorted by `at` (ties keep the topic order given, then line order). */
  readonly messages: readonly LiveMessage[];
  /** Epoch ms of archive time zero (the stream start); `at = zeroUtc + line offset`. */
  readonly zeroUtc: number;
  /** How `zeroUtc` was found. */
  readonly zeroFrom: ZeroSource;
  readonly topics: readonly string[];
  /** Unreadable lines per topic (kept out of the stream, never fatal). */
  readonly corrupt: Readonly<Record<string, ParseReport['corrupt']>>;
}

export type ZeroSource = 'Heartbeat' | 'ExtrapolatedClock' | 'RaceControlMessages' | 'SessionInfo' | 'given';

/** Topics never replayed: their content is not a timing patch (audio/video playlists). */
const SKIPPED_TOPICS = new Set(['AudioStreams', 'ContentStreams']);

/**
 * Reads every topic of an archived session and merges them by time. Missing topics are simply not
 * there. Rejects with `EngineCriticalError`: `bad-path`, `session-not-found` (no topic at all) or
 * `source-unavailable` (a topic could not be read).
 */
export async function loadTimeline(archive: ArchiveClient, sessionPath: string, options: { topics?: readonly string[] } = {}): Promise<Timeline> {
  let path: string;
  try {
    path = normaliseSessionPath(sessionPath);
  } catch (err) {
    throw new EngineCriticalError('bad-path', (err as Error).message, [], { cause: err });
  }
  const listed = options.topics ?? (await archive.listTopics(path)) ?? KNOWN_TOPICS;
  const wanted = listed.filter((t) => !SKIPPED_TOPICS.has(t));
  const { bodies, errors } = await archive.topics(path, wanted);
  const first = errors.values().next();
  if (!first.done) throw new EngineCriticalError('source-unavailable', `cannot read ${path}: ${first.value.message}`, [], { cause: first.value });
  const texts = new Map<string, string>();
  for (const topic of wanted) {
    const text = bodies.get(topic)?.text;
    if (text) texts.set(topic, text);
  }
  if (texts.size === 0) throw new EngineCriticalError('session-not-found', `no session at ${path} in ${archive.source.label} (none of ${wanted.join(', ')} exists)`);
  return timelineFromTopics(path, texts);
}

/** Topics that come first at equal times: what a client needs before the timing it describes. */
const TOPIC_ORDER = ['SessionInfo', 'DriverList', 'SessionStatus', 'SessionData', 'LapCount', 'TrackStatus', 'TimingData', 'TimingAppData', 'TimingStats'];
const rank = (t: string) => {
  const i = TOPIC_ORDER.indexOf(t);
  return i === -1 ? TOPIC_ORDER.length : i;
};

/** Pure part of `loadTimeline`: stream texts (or decoded messages) by topic → one ordered stream. */
export function timelineFromTopics(session: string, topics: ReadonlyMap<string, string | readonly StreamMessage[]>, options: { zeroUtc?: number } = {}): Timeline {
  const parsed = new Map<string, readonly StreamMessage[]>();
  const corrupt: Record<string, ParseReport['corrupt']> = {};
  for (const [topic, input] of topics) {
    if (typeof input === 'string') {
      const { messages, report } = parseStream(input, { compressed: topic.endsWith('.z') });
      parsed.set(topic, messages);
      if (report.corrupt.length > 0) corrupt[topic] = report.corrupt;
    } else {
      parsed.set(topic, input);
    }
  }
  const zero = options.zeroUtc !== undefined ? { utc: options.zeroUtc, from: 'given' as const } : streamZeroUtc(parsed);
  const order = [...parsed.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const all: { m: LiveMessage; r: number; i: number }[] = [];
  order.forEach((topic, r) => {
    parsed.get(topic)!.forEach((s, i) => all.push({ m: { topic, data: s.data, at: zero.utc + s.time }, r, i }));
  });
  all.sort((x, y) => x.m.at - y.m.at || x.r - y.r || x.i - y.i);
  return { session, messages: all.map((e) => e.m), zeroUtc: zero.utc, zeroFrom: zero.from, topics: order, corrupt };
}

/**
 * Epoch ms of the archive's time zero (the stream start). Best anchor first: ExtrapolatedClock's
 * `Utc` minus its line offset (stamped when the clock is sent); else Heartbeat's (its `Utc` runs
 * about 2 s ahead of the envelope, so it is a second choice); else race-control messages (stamped to
 * the second: the largest `Utc − offset` is the tightest bound); else the scheduled start from
 * SessionInfo.
 */
export function streamZeroUtc(topics: ReadonlyMap<string, readonly StreamMessage[]>): { utc: number; from: ZeroSource } {
  const fromField = (topic: string, pick: (d: JsonObject) => unknown[], agg: 'min' | 'max'): number => {
    let best = NaN;
    for (const m of topics.get(topic) ?? []) {
      if (typeof m.data !== 'object' || m.data === null || Array.isArray(m.data)) continue;
      for (const u of pick(m.data as JsonObject)) {
        const t = parseUtc(u) - m.time;
        if (Number.isNaN(t)) continue;
        if (Number.isNaN(best) || (agg === 'min' ? t < best : t > best)) best = t;
      }
    }
    return best;
  };
  const ec = fromField('ExtrapolatedClock', (d) => [d.Utc], 'min');
  if (!Number.isNaN(ec)) return { utc: Math.round(ec), from: 'ExtrapolatedClock' };
  const hb = fromField('Heartbeat', (d) => [d.Utc], 'min');
  if (!Number.isNaN(hb)) return { utc: Math.round(hb), from: 'Heartbeat' };
  const rc = fromField('RaceControlMessages', (d) => {
    const list = d.Messages;
    const items = Array.isArray(list) ? list : typeof list === 'object' && list !== null ? Object.values(list) : [];
    return items.map((e) => (typeof e === 'object' && e !== null && !Array.isArray(e) ? (e as JsonObject).Utc : undefined));
  }, 'max');
  if (!Number.isNaN(rc)) return { utc: Math.round(rc), from: 'RaceControlMessages' };
  const info = topics.get('SessionInfo')?.[0]?.data as JsonObject | undefined;
  const start = info ? parseUtc(info.StartDate) : NaN;
  const offset = typeof info?.GmtOffset === 'string' ? parseOffset(info.GmtOffset) || 0 : 0;
  return { utc: Number.isNaN(start) ? 0 : start - offset, from: 'SessionInfo' };
}
