// Client for the F1 live-timing static archive. Every read goes through a `Source`, so the archive can
// be the F1 host (with the FastF1 mirror as fallback), any mirror, a cache, or a local directory.
import { parseStream, type ParsedStream } from '../stream/index.js';
import { parseSessionInfo } from '../topics/session-info.js';
import { SourceError } from './errors.js';
import { normaliseSessionPath, seasonIndexPath, sessionJsonPath, topicStreamPath } from './paths.js';
import { parseSeasonIndex, sessionFromPath, sessionsFromIndex, sortSessions, type ArchiveSession, type SeasonIndex } from './season.js';
import { bodyText, Source, type SourceOptions } from './source.js';

/** The official archive host. */
export const F1_ARCHIVE_URL = 'https://livetiming.formula1.com';
/** FastF1's mirror of the archive, used as the default fallback for the official host. */
export const FASTF1_MIRROR_URL = 'https://livetiming-mirror.fastf1.dev';

/** Topics FastF1 knows in the archive (its `_api.pages`), with the ones it parses first. */
export const KNOWN_TOPICS = [
  'SessionInfo', 'DriverList', 'TimingData', 'TimingAppData', 'CarData.z', 'Position.z', 'WeatherData',
  'RaceControlMessages', 'TrackStatus', 'SessionStatus', 'LapCount', 'TimingStats', 'SessionData',
  'ExtrapolatedClock', 'Heartbeat', 'TopThree', 'TeamRadio', 'AudioStreams', 'ContentStreams', 'ChampionshipPrediction',
] as const;

export interface ArchiveClientOptions extends Partial<SourceOptions> {}

/** A topic as fetched: its raw bytes and text, or null when the archive does not have it. */
export interface TopicBody {
  readonly topic: string;
  /** The file as sent (BOM kept). */
  readonly bytes: Buffer | null;
  /**
   * `bytes` as UTF-8 text, decoded on first use: the `.z` topics are parsed from their bytes, and a
   * string of a multi-megabyte file is then never made.
   */
  readonly text: string | null;
  readonly from: 'directory' | 'cache' | 'network' | null;
}

function topicBody(topic: string, bytes: Buffer | null, from: TopicBody['from']): TopicBody {
  let text: string | null | undefined;
  return {
    topic, bytes, from,
    get text() {
      if (text === undefined) text = bytes === null ? null : bytes.toString('utf8');
      return text;
    },
  };
}

const INDEX_MAX_AGE = 12 * 3600_000;

export class ArchiveClient {
  readonly source: Source;

  /**
   * @example
   * const archive = new ArchiveClient({ base: '../shared/f1data/livetiming' });
   * const sessions = await archive.listSessions({ year: 2023 });
   * const timing = await archive.topic(sessions[0].path, 'TimingData');
   */
  constructor(options: ArchiveClientOptions | Source = {}) {
    if (options instanceof Source) {
      this.source = options;
      return;
    }
    const base = options.base ?? F1_ARCHIVE_URL;
    const mirrors = options.mirrors ?? (base.replace(/\/+$/, '') === F1_ARCHIVE_URL ? [FASTF1_MIRROR_URL] : []);
    this.source = new Source({
      ...options,
      base,
      mirrors,
      // Season indexes change during a season; archive files do not once written.
      cacheMaxAgeMs: options.cacheMaxAgeMs ?? ((path, kind) => (path.endsWith('/Index.json') || kind === 'missing' ? INDEX_MAX_AGE : Infinity)),
    });
  }

  /** The season index, or null when the archive has none for that year. */
  async seasonIndex(year: number): Promise<SeasonIndex | null> {
    const res = await this.source.get(seasonIndexPath(year));
    if (!res) return null;
    return parseSeasonIndex(parseJson(bodyText(res.body), res.path), year);
  }

  /**
   * Lists sessions. `from: 'index'` reads the season index (needs `year`); `'directory'` walks
   * `static/{year}/` of a local base; `'auto'` (default) walks a local base and reads the index
   * otherwise (the current year when none is given).
   */
  async listSessions(options: { year?: number; from?: 'auto' | 'index' | 'directory' } = {}): Promise<ArchiveSession[]> {
    const from = options.from ?? 'auto';
    if (from === 'directory' || (from === 'auto' && this.source.isLocal)) return this.listDirectory(options.year);
    const year = options.year ?? new Date().getUTCFullYear();
    const index = await this.seasonIndex(year);
    if (!index) throw new SourceError('not-found', seasonIndexPath(year), `no season index for ${year} at ${this.source.label}`);
    return sessionsFromIndex(index);
  }

  /** A session given by its path (validated and normalised); does not touch the archive. */
  session(path: string): ArchiveSession {
    return sessionFromPath(normaliseSessionPath(path));
  }

  /** Topics present for a session: the directory listing of a local base, else the session's `Index.json` feeds. */
  async listTopics(sessionPath: string): Promise<string[] | null> {
    const path = normaliseSessionPath(sessionPath);
    if (this.source.isLocal) {
      const entries = await this.source.list(`/static/${path}`);
      return entries ? entries.filter((e) => !e.isDirectory && e.name.endsWith('.jsonStream')).map((e) => e.name.slice(0, -'.jsonStream'.length)) : null;
    }
    const index = await this.sessionJson(path, 'Index');
    const feeds = (index as { Feeds?: Record<string, { StreamPath?: string }> } | null)?.Feeds;
    if (!feeds) return null;
    return Object.values(feeds).map((f) => f.StreamPath?.replace(/\.jsonStream$/, '')).filter((t): t is string => !!t);
  }

  /** Raw bytes and text of a topic stream (BOM kept as sent), or null when the session has no such topic. */
  async topicText(sessionPath: string, topic: string): Promise<TopicBody> {
    const res = await this.source.get(topicStreamPath(normaliseSessionPath(sessionPath), topic));
    return topicBody(topic, res ? res.body : null, res?.from ?? null);
  }

  /** A parsed topic stream (`.z` topics inflated), or null when the session has no such topic. */
  async topic(sessionPath: string, topic: string): Promise<ParsedStream | null> {
    const { text } = await this.topicText(sessionPath, topic);
    return text === null ? null : parseStream(text, { compressed: topic.endsWith('.z') });
  }

  /** A session's `.json` resource (e.g. `SessionInfo`, `Index`), parsed; null when absent. */
  async sessionJson(sessionPath: string, name: string): Promise<unknown | null> {
    const res = await this.source.get(sessionJsonPath(normaliseSessionPath(sessionPath), name));
    return res ? parseJson(bodyText(res.body), res.path) : null;
  }

  /**
   * Fetches several topics of a session in parallel (at most `concurrency` at once). Missing topics
   * come back with `text: null`; a topic that cannot be read rejects with its `SourceError` in `errors`.
   */
  async topics(sessionPath: string, topics: readonly string[], options: { concurrency?: number; onTopic?: (topic: string, done: number, total: number) => void } = {}): Promise<{ bodies: Map<string, TopicBody>; errors: Map<string, SourceError> }> {
    const path = normaliseSessionPath(sessionPath);
    const bodies = new Map<string, TopicBody>();
    const errors = new Map<string, SourceError>();
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < topics.length) {
        const topic = topics[next++]!;
        try {
          bodies.set(topic, await this.topicText(path, topic));
        } catch (err) {
          if (!(err instanceof SourceError)) throw err;
          errors.set(topic, err);
        }
        options.onTopic?.(topic, ++done, topics.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 6, topics.length)) }, worker));
    return { bodies, errors };
  }

  /**
   * Fetches every topic of a session: those listed by `listTopics`, or FastF1's known topics when the
   * archive cannot list them. Useful to warm the cache before going offline.
   */
  async fetchSession(sessionPath: string, options: { concurrency?: number } = {}): Promise<{ bodies: Map<string, TopicBody>; errors: Map<string, SourceError> }> {
    const listed = await this.listTopics(sessionPath);
    return this.topics(sessionPath, listed ?? KNOWN_TOPICS, options);
  }

  private async listDirectory(year: number | undefined): Promise<ArchiveSession[]> {
    if (!this.source.isLocal) throw new SourceError('unsupported', '/static/', `cannot list directories of ${this.source.label}; use the season index`);
    const years = year !== undefined ? [String(year)] : ((await this.source.list('/static')) ?? []).filter((e) => e.isDirectory && /^\d{4}$/.test(e.name)).map((e) => e.name);
    const out: ArchiveSession[] = [];
    for (const y of years) {
      for (const event of (await this.source.list(`/static/${y}`)) ?? []) {
        if (!event.isDirectory) continue;
        for (const session of (await this.source.list(`/static/${y}/${event.name}`)) ?? []) {
          if (!session.isDirectory) continue;
          const path = `${y}/${event.name}/${session.name}/`;
          let entry: ArchiveSession;
          try {
            entry = sessionFromPath(path, 'directory');
          } catch {
            continue; // not a session folder
          }
          const files = (await this.source.list(`/static/${path}`)) ?? [];
          const topics = files.filter((f) => !f.isDirectory && f.name.endsWith('.jsonStream')).map((f) => f.name.slice(0, -'.jsonStream'.length));
          out.push(await this.enrich({ ...entry, topics }));
        }
      }
    }
    return sortSessions(out);
  }

  // A directory name says little about the session; its SessionInfo (a few hundred bytes) says the rest.
  private async enrich(entry: ArchiveSession): Promise<ArchiveSession> {
    if (!entry.topics?.includes('SessionInfo')) return entry;
    try {
      const stream = await this.topic(entry.path, 'SessionInfo');
      const info = stream ? parseSessionInfo(stream.messages) : null;
      if (!info) return entry;
      return {
        ...entry,
        meetingName: info.meeting.name || entry.meetingName,
        meetingKey: info.meeting.key,
        name: info.name || entry.name,
        type: info.type || null,
        key: info.key,
        startDate: info.startDate || null,
        gmtOffset: info.gmtOffset,
      };
    } catch {
      return entry; // listing must not fail on one unreadable file
    }
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new SourceError('read-failed', path, `${path} is not valid JSON: ${(err as Error).message}`, [], { cause: err });
  }
}
