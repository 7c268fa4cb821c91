// A `.jsonStream` file is a sequence of `HH:MM:SS.mmm<payload>` lines. The payload is a JSON patch
// object or, for the `.z` topics, a JSON string holding base64 of raw-DEFLATE JSON.

/** One line of a topic stream: session time in ms and the raw payload text. */
export interface StreamLine {
  /** Session time (ms since the session's time zero). */
  readonly time: number;
  /** 1-based line number in the file, for error reports. */
  readonly line: number;
  readonly payload: string;
}

/** Why a line could not be used; kept so callers can report it instead of failing. */
export interface CorruptLine {
  readonly line: number;
  readonly reason: string;
}

export interface ParseReport {
  lines: number;
  corrupt: CorruptLine[];
}

const TIMESTAMP_LENGTH = 12;

/** Parses `HH:MM:SS.mmm` to milliseconds; NaN when malformed. */
export function parseSessionTimestamp(text: string): number {
  if (text.length !== TIMESTAMP_LENGTH || text[2] !== ':' || text[5] !== ':' || text[8] !== '.') return NaN;
  const h = digits(text, 0, 2);
  const m = digits(text, 3, 5);
  const s = digits(text, 6, 8);
  const ms = digits(text, 9, 12);
  return ((h * 60 + m) * 60 + s) * 1000 + ms;
}

/** Length of a UTF-8 byte order mark at the start of `b` (3), or 0. */
export const utf8BomLength = (b: Uint8Array): number => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);

/** {@link parseSessionTimestamp} of the 12 ASCII bytes at `at`. */
function parseTimestampBytes(b: Uint8Array, at: number): number {
  if (b[at + 2] !== 58 || b[at + 5] !== 58 || b[at + 8] !== 46) return NaN;
  const h = digitBytes(b, at, at + 2);
  const m = digitBytes(b, at + 3, at + 5);
  const s = digitBytes(b, at + 6, at + 8);
  const ms = digitBytes(b, at + 9, at + 12);
  return ((h * 60 + m) * 60 + s) * 1000 + ms;
}

function digitBytes(b: Uint8Array, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

function digits(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/** Formats milliseconds of session time as `HH:MM:SS.mmm`. */
export function formatSessionTimestamp(ms: number): string {
  const pad = (n: number, w = 2) => String(Math.trunc(n)).padStart(w, '0');
  return `${pad(ms / 3_600_000)}:${pad((ms / 60_000) % 60)}:${pad((ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/**
 * Splits a stream file into timestamped lines. Accepts a BOM or none, CRLF or LF. Lines without a
 * valid timestamp are recorded in `report.corrupt` and skipped — never fatal, as in FastF1.
 */
export function splitStreamLines(text: string, report: ParseReport = { lines: 0, corrupt: [] }): StreamLine[] {
  const out: StreamLine[] = [];
  appendStreamLines(text, report, 0, out);
  return out;
}

/**
 * {@link splitStreamLines} of a block of whole lines of a file, the first being line `firstLine + 1`
 * (a BOM is looked for only at the start of the file): appends to `out` and returns the number of
 * the block's last line.
 */
export function appendStreamLines(text: string, report: ParseReport, firstLine: number, out: StreamLine[]): number {
  let start = firstLine === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = firstLine;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lineNo++;
    if (stop > start) {
      report.lines++;
      const time = parseSessionTimestamp(text.slice(start, start + TIMESTAMP_LENGTH));
      if (Number.isNaN(time) || stop - start <= TIMESTAMP_LENGTH) {
        report.corrupt.push({ line: lineNo, reason: 'missing or malformed HH:MM:SS.mmm timestamp' });
      } else {
        out.push({ time, line: lineNo, payload: text.slice(start + TIMESTAMP_LENGTH, stop) });
      }
    }
    start = end + 1;
  }
  return lineNo;
}

/** Upper bound of the number of lines of a stream file held as bytes (its line feeds + 1). */
export function countStreamLines(bytes: Uint8Array): number {
  return lineFeeds(bytes).length + 1;
}

/** Positions of the line feeds of `bytes`, in order. */
function lineFeeds(bytes: Uint8Array): number[] {
  const at: number[] = [];
  // Always with a start: Buffer's indexOf compiled on numeric starts is thrown away on a missing
  // one (the second file's first call).
  for (let i = bytes.indexOf(10, 0); i !== -1; i = bytes.indexOf(10, i + 1)) at.push(i);
  return at;
}

/**
 * {@link splitStreamLines} over the file's UTF-8 bytes, without a string of the file: each `next()`
 * moves to the next timestamped line, whose time, line number and payload byte range [from, to) it
 * then holds. The `.z` topics are read this way, so that their multi-megabyte texts never enter the
 * JavaScript heap (V8 counts such a string as surviving young data and doubles its young generation
 * for it). An iterator rather than a callback keeps each reader's loop its own for the compiler.
 */
export class StreamLineReader {
  time = 0;
  line = 0;
  from = 0;
  to = 0;
  /** Upper bound of the number of lines (line feeds + 1), for progress. */
  readonly lineCount: number;
  private at: number;
  // The line feeds are found in one pass up front (Buffer's indexOf per line would be a call
  // through its JavaScript wrapper per line, and compiled into next()).
  private readonly feeds: number[];
  private feed = 0;

  constructor(private readonly bytes: Uint8Array, private readonly report: ParseReport) {
    this.at = utf8BomLength(bytes);
    this.feeds = lineFeeds(bytes);
    this.lineCount = this.feeds.length + 1;
  }

  /** Moves to the next line with a valid timestamp (recording the others as corrupt); false at the end. */
  next(): boolean {
    const b = this.bytes;
    while (this.at < b.length) {
      const start = this.at;
      // Lines start just after a feed (or the BOM, which holds none): the next feed ends this one.
      const end = this.feed < this.feeds.length ? this.feeds[this.feed++]! : b.length;
      this.at = end + 1;
      const stop = end > start && b[end - 1] === 13 ? end - 1 : end;
      this.line++;
      if (stop === start) continue;
      this.report.lines++;
      const time = stop - start > TIMESTAMP_LENGTH ? parseTimestampBytes(b, start) : NaN;
      if (Number.isNaN(time)) {
        this.report.corrupt.push({ line: this.line, reason: 'missing or malformed HH:MM:SS.mmm timestamp' });
        continue;
      }
      this.time = time;
      this.from = start + TIMESTAMP_LENGTH;
      this.to = stop;
      return true;
    }
    return false;
  }
}
