import { decodeCompressed } from './decode.js';
import { forEachStreamLine, splitStreamLines, type ParseReport } from './lines.js';
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

/**
 * Parses a whole topic stream — its text, or its UTF-8 bytes as read — into messages. `.z` topics
 * are inflated. Undecodable lines are skipped and counted in `report.corrupt`.
 */
export function parseStream<T = JsonValue>(input: string | Uint8Array, options: { compressed?: boolean } = {}): ParsedStream<T> {
  const report: ParseReport = { lines: 0, corrupt: [] };
  const messages: StreamMessage<T>[] = [];
  const add = (time: number, line: number, payload: string) => {
    try {
      const data = options.compressed ? decodeCompressed(payload) : JSON.parse(payload);
      messages.push({ time, data: data as T });
    } catch (err) {
      report.corrupt.push({ line, reason: err instanceof Error ? err.message : String(err) });
    }
  };
  if (typeof input === 'string') {
    for (const line of splitStreamLines(input, report)) add(line.time, line.line, line.payload);
  } else {
    // One short string per line instead of one for the whole file (see forEachStreamLine).
    const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    forEachStreamLine(bytes, report, (time, line, from, to) => add(time, line, bytes.toString('utf8', from, to)));
  }
  return { messages, report };
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
