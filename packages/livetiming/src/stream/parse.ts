import { decodeCompressed } from './decode.js';
import { splitStreamLines, type ParseReport } from './lines.js';
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
 * Parses a whole topic stream into messages. `.z` topics are inflated. Undecodable lines are skipped
 * and counted in `report.corrupt`.
 */
export function parseStream<T = JsonValue>(text: string, options: { compressed?: boolean } = {}): ParsedStream<T> {
  const report: ParseReport = { lines: 0, corrupt: [] };
  const messages: StreamMessage<T>[] = [];
  for (const line of splitStreamLines(text, report)) {
    try {
      const data = options.compressed ? decodeCompressed(line.payload) : JSON.parse(line.payload);
      messages.push({ time: line.time, data: data as T });
    } catch (err) {
      report.corrupt.push({ line: line.line, reason: err instanceof Error ? err.message : String(err) });
    }
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
