import { decodeCompressed } from './decode.js';
import { appendStreamLines, splitStreamLines, utf8BomLength, type ParseReport, type StreamLine } from './lines.js';
import { applyPatch, type JsonValue } from './merge.js';

/** A decoded message of a topic at a session time (ms). */
export interface StreamMessage<T = JsonValue> {
  readonly time: number;
  readonly data: T;
}

export interface ParsedStream<T = JsonValue> {
  messages: StreamMessage<T>[];
  report: ParseReport;
}

export interface ParseStreamOptions<T> {
  /** `.z` topic: each payload is base64 of raw DEFLATE. */
  readonly compressed?: boolean;
  /**
   * Keeps only what a reader needs of each message, as it is decoded (undefined drops the message).
   * The decoded objects then die young instead of all living until the stream is read: V8 grows its
   * young generation for every megabyte that survives its scavenges, and keeps it grown.
   */
  readonly reduce?: (data: JsonValue, time: number) => T | undefined;
}

/**
 * Parses a whole topic stream — its text, or its UTF-8 bytes as read — into messages. `.z` topics
 * are inflated. Undecodable lines are skipped and counted in `report.corrupt`.
 */
export function parseStream<T = JsonValue>(input: string | Uint8Array, options: ParseStreamOptions<T> = {}): ParsedStream<T> {
  const report: ParseReport = { lines: 0, corrupt: [] };
  const messages: StreamMessage<T>[] = [];
  const { reduce } = options;
  const add = (time: number, line: number, payload: string) => {
    try {
      const data = options.compressed ? decodeCompressed(payload) : JSON.parse(payload);
      if (reduce === undefined) messages.push({ time, data: data as T });
      else {
        const kept = reduce(data as JsonValue, time);
        if (kept !== undefined) messages.push({ time, data: kept });
      }
    } catch (err) {
      report.corrupt.push({ line, reason: err instanceof Error ? err.message : String(err) });
    }
  };
  if (typeof input === 'string') {
    for (const line of splitStreamLines(input, report)) add(line.time, line.line, line.payload);
    return { messages, report };
  }
  // Bytes are decoded a block of whole lines at a time: a string for the whole file would be one
  // more large object V8 counts as surviving young data (see StreamLineReader), and a string per
  // line a native call per line.
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const lines: StreamLine[] = [];
  let start = utf8BomLength(bytes);
  let lineNo = 0;
  while (start < bytes.length) {
    const end = blockEnd(bytes, start);
    lines.length = 0;
    lineNo = appendStreamLines(bytes.toString('utf8', start, end), report, lineNo, lines);
    for (const line of lines) add(line.time, line.line, line.payload);
    start = end;
  }
  return { messages, report };
}

/** Whether a topic is a stream file as read (its bytes or text) rather than messages already decoded. */
export const isStreamFile = <T>(input: string | Uint8Array | readonly T[]): input is string | Uint8Array =>
  typeof input === 'string' || input instanceof Uint8Array;

/** Bytes decoded per block (below V8's large-object size, so that a block is ordinary young data). */
const BLOCK = 64 * 1024;

/** End of the block from `start`: just after the last line feed within BLOCK bytes (or the first one after). */
function blockEnd(bytes: Buffer, start: number): number {
  if (bytes.length - start <= BLOCK) return bytes.length;
  const nl = bytes.lastIndexOf(10, start + BLOCK - 1);
  if (nl >= start) return nl + 1;
  const next = bytes.indexOf(10, start + BLOCK);
  return next === -1 ? bytes.length : next + 1;
}

/**
 * Replays every patch onto an empty state and returns the final state of the topic. `applyPatch`
 * copies values out of patches, so the messages stay untouched.
 */
export function finalState(messages: readonly StreamMessage[]): JsonValue {
  let state: JsonValue = {};
  for (const m of messages) state = applyPatch(state, m.data);
  return state;
}
