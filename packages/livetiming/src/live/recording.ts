// Recordings of the live feed. Ours is JSON Lines: a header line, then one line per WebSocket frame
// as received (`{"t": receive time in epoch ms, "f": frame text}`), so a recording keeps exactly
// what the feed sent — several messages per frame, the Subscribe snapshots of each connection —
// and can be parsed again by later versions of the engine. FastF1's recorder files (one Python list
// per message) are read too. Both become a Timeline, replayable with seek and speed like an archive.
import { createWriteStream, type WriteStream } from 'node:fs';
import { readRecordings } from '../stream/recording.js';
import type { CorruptLine, ParseReport } from '../stream/lines.js';
import type { JsonValue } from '../stream/merge.js';
import { parseUtc } from '../timing/time.js';
import { snapshotTime } from './feed/snapshot.js';
import type { Timeline } from './timeline.js';
import type { LiveEvent, LiveMessage } from './types.js';

export const LIVE_RECORDING_FORMAT = 'apexdata-live-recording';
export const LIVE_RECORDING_VERSION = 1;

export interface LiveRecordingHeader {
  readonly format: typeof LIVE_RECORDING_FORMAT;
  readonly version: number;
  /** Where the frames came from (the SignalR endpoint, never the token). */
  readonly source: string;
  readonly topics: readonly string[];
  /** ISO time the recording started. */
  readonly startedAt: string;
}

/** The first line of a recording. */
export function recordingHeaderLine(header: Omit<LiveRecordingHeader, 'format' | 'version'>): string {
  return `${JSON.stringify({ format: LIVE_RECORDING_FORMAT, version: LIVE_RECORDING_VERSION, ...header })}\n`;
}

/** One frame as a recording line. */
export function recordingFrameLine(frame: string, receivedAt: number): string {
  return `${JSON.stringify({ t: receivedAt, f: frame })}\n`;
}

/**
 * Events in one SignalR JSON frame: `feed` invocations become messages (feed time from their third
 * argument, else the receive time), a completion with a result becomes a snapshot; the handshake
 * answer, pings and other invocations carry no timing data. A snapshot is on the feed's clock (its
 * Heartbeat), as the live feed stamps it. Throws on a frame that is not JSON.
 */
export function frameEvents(frame: string, receivedAt: number): LiveEvent[] {
  const out: LiveEvent[] = [];
  for (const part of frame.split('\x1e')) {
    if (part.trim() === '') continue;
    const m = JSON.parse(part) as { type?: number; target?: string; arguments?: unknown[]; result?: unknown };
    if (m.type === 1 && m.target === 'feed' && Array.isArray(m.arguments) && typeof m.arguments[0] === 'string') {
      const at = parseUtc(m.arguments[2]);
      out.push({ type: 'message', message: { topic: m.arguments[0], data: (m.arguments[1] ?? null) as JsonValue, at: Number.isNaN(at) ? receivedAt : at, receivedAt } });
    } else if (m.type === 3 && m.result && typeof m.result === 'object' && !Array.isArray(m.result)) {
      const topics = m.result as Record<string, JsonValue>;
      out.push({ type: 'snapshot', topics, at: snapshotTime(topics, receivedAt) });
    }
  }
  return out;
}

/** Appends frames to a recording file as they arrive (the only I/O of this module). */
export class LiveRecorder {
  private readonly out: WriteStream;
  frames = 0;

  private constructor(readonly path: string, header: Omit<LiveRecordingHeader, 'format' | 'version'>) {
    this.out = createWriteStream(path, { flags: 'wx' });
    this.out.write(recordingHeaderLine(header));
  }

  /** Creates the file (never overwrites one: a recording is evidence) and writes the header. */
  static async create(path: string, header: Omit<LiveRecordingHeader, 'format' | 'version'>): Promise<LiveRecorder> {
    const r = new LiveRecorder(path, header);
    await new Promise<void>((resolve, reject) => {
      r.out.once('open', () => resolve());
      r.out.once('error', reject);
    });
    return r;
  }

  frame(text: string, receivedAt: number): void {
    this.frames++;
    this.out.write(recordingFrameLine(text, receivedAt));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

export interface RecordingRead {
  readonly header: LiveRecordingHeader | null;
  readonly timeline: Timeline;
  readonly report: ParseReport;
}

/**
 * Reads one of our recordings. Unreadable lines and frames are counted in `report.corrupt` and
 * skipped; the rest is kept. Snapshot topics become `replace` messages at their receive time.
 */
export function readLiveRecording(text: string, label = 'recording'): RecordingRead {
  const report: ParseReport = { lines: 0, corrupt: [] };
  const messages: LiveMessage[] = [];
  let header: LiveRecordingHeader | null = null;
  let lineNo = 0;
  for (const raw of text.split('\n')) {
    lineNo++;
    const line = raw.trim();
    if (line === '') continue;
    report.lines++;
    try {
      const v = JSON.parse(line) as { format?: unknown; t?: unknown; f?: unknown };
      if (lineNo === 1 && v.format === LIVE_RECORDING_FORMAT) {
        header = v as unknown as LiveRecordingHeader;
        continue;
      }
      if (typeof v.t !== 'number' || typeof v.f !== 'string') throw new Error('not a {"t": time, "f": frame} line');
      for (const e of frameEvents(v.f, v.t)) {
        if (e.type === 'message') messages.push(e.message);
        else if (e.type === 'snapshot') for (const [topic, data] of Object.entries(e.topics)) messages.push({ topic, data, at: e.at, receivedAt: e.at, replace: !topic.endsWith('.z') });
      }
    } catch (err) {
      report.corrupt.push({ line: lineNo, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  if (!header && report.lines > 0) report.corrupt.unshift({ line: 1, reason: `no ${LIVE_RECORDING_FORMAT} header` });
  return { header, report, timeline: recordingTimeline(label, messages, report.corrupt) };
}

/** Reads FastF1 recorder files (consecutive files of one session are de-duplicated where they overlap). */
export function readFastF1Recording(texts: string | readonly string[], label = 'recording'): RecordingRead {
  const rec = readRecordings(typeof texts === 'string' ? [texts] : texts);
  const messages = rec.messages.map((m): LiveMessage => ({ topic: m.topic, data: m.data, at: m.utcMs, receivedAt: m.utcMs }));
  return { header: null, report: rec.report, timeline: recordingTimeline(label, messages, rec.report.corrupt) };
}

/** Reads either format, told apart by our header line. */
export function readAnyRecording(text: string, label = 'recording'): RecordingRead {
  const first = text.slice(0, 200).trimStart();
  return first.startsWith(`{"format":"${LIVE_RECORDING_FORMAT}"`) ? readLiveRecording(text, label) : readFastF1Recording(text, label);
}

// Messages in the order received. Feed times can run a little behind receive times (a snapshot is
// stamped on arrival, the next messages with their envelope time), so times are made non-decreasing
// rather than sorted: re-ordering would put a patch before the snapshot it follows.
function recordingTimeline(label: string, messages: readonly LiveMessage[], corrupt: readonly CorruptLine[]): Timeline {
  let last = -Infinity;
  const ordered = messages.map((m) => {
    if (m.at >= last) {
      last = m.at;
      return m;
    }
    return { ...m, at: last };
  });
  return {
    session: label,
    messages: ordered,
    zeroUtc: ordered[0]?.at ?? 0,
    zeroFrom: 'given',
    topics: [...new Set(ordered.map((m) => m.topic))],
    corrupt: corrupt.length > 0 ? { [label]: [...corrupt] } : {},
  };
}
