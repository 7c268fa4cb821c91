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
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 0;
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
  return out;
}
