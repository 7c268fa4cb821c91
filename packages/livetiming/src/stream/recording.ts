// Reader for live captures in FastF1's recorder format: one Python `repr` of `['Topic', data, 'UTC']`
// per line. Lines are parsed by a small Python-literal parser (strings in either quote style with
// escapes, True/False/None, numbers, lists, tuples, dicts) instead of quote substitution, which
// corrupts any text holding an apostrophe. A broken line is skipped and counted, never fatal.
import { parseUtc } from '../timing/time.js';
import { decodeCompressed } from './decode.js';
import type { CorruptLine, ParseReport } from './lines.js';
import type { JsonValue } from './merge.js';
import type { StreamMessage } from './parse.js';

/** One recorded message. `.z` payloads are already inflated; the topic keeps its `.z` name. */
export interface RecordedMessage {
  readonly topic: string;
  readonly data: JsonValue;
  /** Receive time as recorded (ISO 8601 UTC). */
  readonly utc: string;
  /** Receive time, epoch ms (sub-millisecond digits kept as a fraction). */
  readonly utcMs: number;
  /** 1-based line in the file. */
  readonly line: number;
}

export interface Recording {
  readonly messages: RecordedMessage[];
  readonly report: ParseReport;
  /**
   * Epoch ms of session time zero: the `Started` entry of SessionData's StatusSeries when recorded,
   * else the first message's time (FastF1's rule for live data; not the static archive's zero).
   */
  readonly startUtcMs: number | null;
}

/** Parses a whole recording. Blank lines are ignored; anything else unusable lands in `report.corrupt`. */
export function readRecording(text: string): Recording {
  const report: ParseReport = { lines: 0, corrupt: [] };
  const messages: RecordedMessage[] = [];
  let lineNo = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end).trim();
    lineNo++;
    start = end + 1;
    if (raw === '') continue;
    report.lines++;
    const parsed = parseRecordedLine(raw, lineNo);
    if ('reason' in parsed) report.corrupt.push(parsed);
    else messages.push(parsed);
  }
  return { messages, report, startUtcMs: recordingStart(messages) };
}

/**
 * Reads several consecutive recordings of one session. A recorder restarted with overlapping output
 * repeats messages, so each file is cut where the next file's first message appears.
 */
export function readRecordings(texts: readonly string[]): Recording {
  const parts = texts.map(readRecording);
  const messages: RecordedMessage[] = [];
  const report: ParseReport = { lines: 0, corrupt: [] };
  parts.forEach((part, i) => {
    const next = parts[i + 1]?.messages[0];
    let cut = part.messages.length;
    if (next) {
      const at = part.messages.findIndex((m) => m.utc === next.utc && m.topic === next.topic && JSON.stringify(m.data) === JSON.stringify(next.data));
      if (at >= 0) cut = at;
    }
    messages.push(...part.messages.slice(0, cut));
    report.lines += part.report.lines;
    report.corrupt.push(...part.report.corrupt);
  });
  return { messages, report, startUtcMs: recordingStart(messages) };
}

/**
 * Groups a recording into per-topic streams with session times (ms since `zeroUtcMs`, negative
 * before it), the shape the archive parsers take, so the same topic parsers serve live replay.
 */
export function recordingTopicStreams(recording: Recording, zeroUtcMs = recording.startUtcMs ?? 0): Map<string, StreamMessage[]> {
  const out = new Map<string, StreamMessage[]>();
  for (const m of recording.messages) {
    let list = out.get(m.topic);
    if (!list) out.set(m.topic, (list = []));
    list.push({ time: Math.round(m.utcMs - zeroUtcMs), data: m.data });
  }
  return out;
}

function parseRecordedLine(raw: string, line: number): RecordedMessage | CorruptLine {
  let value: PyValue;
  try {
    value = parsePythonLiteral(raw);
  } catch (err) {
    return { line, reason: (err as Error).message };
  }
  if (!Array.isArray(value)) return { line, reason: 'not a [topic, data, timestamp] list' };
  if (value.length !== 3) return { line, reason: `expected [topic, data, timestamp], got ${value.length} element(s)` };
  const [topic, data, utc] = value as [PyValue, PyValue, PyValue];
  if (typeof topic !== 'string' || topic === '') return { line, reason: 'topic is not a string' };
  if (typeof utc !== 'string') return { line, reason: 'timestamp is not a string' };
  const utcMs = parseUtc(utc);
  if (Number.isNaN(utcMs)) return { line, reason: `unreadable timestamp "${utc}"` };
  if (topic.endsWith('.z')) {
    if (typeof data !== 'string') return { line, reason: `${topic} payload is not a string` };
    try {
      return { topic, data: decodeCompressed(data) as JsonValue, utc, utcMs, line };
    } catch (err) {
      return { line, reason: `${topic} payload does not decode: ${(err as Error).message}` };
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { line, reason: `${topic} payload is not an object` };
  return { topic, data, utc, utcMs, line };
}

function recordingStart(messages: readonly RecordedMessage[]): number | null {
  for (const m of messages) {
    if (m.topic !== 'SessionData') continue;
    const series = (m.data as { StatusSeries?: unknown }).StatusSeries;
    const entries = Array.isArray(series) ? series : typeof series === 'object' && series !== null ? Object.values(series) : [];
    for (const e of entries) {
      if (typeof e !== 'object' || e === null) continue;
      const entry = e as { SessionStatus?: unknown; Utc?: unknown };
      if (entry.SessionStatus !== 'Started') continue;
      const t = parseUtc(entry.Utc);
      if (!Number.isNaN(t)) return t;
    }
  }
  return messages[0]?.utcMs ?? null;
}

// ---------------------------------------------------------------------------------------------
// Python literals

type PyValue = JsonValue;

/**
 * Parses one Python literal as written by `repr()` on JSON-like data: str (single or double quotes,
 * backslash escapes), int, float, True, False, None, list, tuple (as a list) and dict with str or
 * number keys (as an object). Throws with the offending position on anything else.
 */
export function parsePythonLiteral(text: string): JsonValue {
  const p = new LiteralParser(text);
  const v = p.value();
  p.skipSpace();
  if (!p.done()) p.fail('unexpected trailing text');
  return v;
}

class LiteralParser {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  fail(why: string): never {
    throw new Error(`${why} at column ${this.i + 1}`);
  }

  skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  value(): JsonValue {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === undefined) this.fail('unexpected end of line');
    if (c === '[') return this.sequence(']');
    if (c === '(') return this.sequence(')');
    if (c === '{') return this.dict();
    if (c === "'" || c === '"') return this.string();
    if (c === '-' || c === '+' || c === '.' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of KEYWORDS) {
      if (this.s.startsWith(word, this.i) && !/[A-Za-z0-9_]/.test(this.s[this.i + word.length] ?? '')) {
        this.i += word.length;
        return v;
      }
    }
    return this.fail(`unexpected "${c}"`);
  }

  private sequence(close: string): JsonValue[] {
    this.i++;
    const out: JsonValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.s[this.i] === close) {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.skipSpace();
      const c = this.s[this.i];
      if (c === ',') this.i++;
      else if (c !== close) this.fail(`expected "," or "${close}"`);
    }
  }

  private dict(): { [key: string]: JsonValue } {
    this.i++;
    const out: { [key: string]: JsonValue } = {};
    for (;;) {
      this.skipSpace();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const key = this.value();
      if (typeof key !== 'string' && typeof key !== 'number') this.fail('dict key is not a string or number');
      this.skipSpace();
      if (this.s[this.i] !== ':') this.fail('expected ":"');
      this.i++;
      out[String(key)] = this.value();
      this.skipSpace();
      const c = this.s[this.i];
      if (c === ',') this.i++;
      else if (c !== '}') this.fail('expected "," or "}"');
    }
  }

  private string(): string {
    const quote = this.s[this.i]!;
    this.i++;
    let out = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) this.fail('unterminated string');
      if (c === quote) {
        this.i++;
        return out;
      }
      if (c !== '\\') {
        out += c;
        this.i++;
        continue;
      }
      const e = this.s[this.i + 1];
      this.i += 2;
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '0': out += '\0'; break;
        case '\\': case "'": case '"': out += e; break;
        case 'x': out += this.codePoint(2); break;
        case 'u': out += this.codePoint(4); break;
        case 'U': out += this.codePoint(8); break;
        default: this.fail(`unknown escape "\\${e ?? ''}"`);
      }
    }
  }

  private codePoint(digits: number): string {
    const hex = this.s.slice(this.i, this.i + digits);
    if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) this.fail('bad hex escape');
    this.i += digits;
    return String.fromCodePoint(parseInt(hex, 16));
  }

  private number(): number {
    const m = /^[+-]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 64));
    if (!m) this.fail('bad number');
    this.i += m[0].length;
    const n = Number(m[0].replace(/_/g, ''));
    if (!Number.isFinite(n)) this.fail('bad number');
    return n;
  }
}

const KEYWORDS: readonly [string, JsonValue][] = [['True', true], ['False', false], ['None', null]];
