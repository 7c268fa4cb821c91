// Duration strings of the timing feed ("1:23.456", "23.456", "1:02:03.4") to milliseconds.

/** Parses a feed duration to milliseconds (microseconds kept as the fraction); NaN if unparseable. */
export function parseDuration(text: unknown): number {
  const us = parseDurationMicros(text);
  return Number.isNaN(us) ? NaN : us / 1000;
}

/**
 * Parses a feed duration to integer microseconds, so that sums and differences stay exact. Returns
 * NaN for anything unparseable — and, like FastF1, for one-character strings (feed placeholders).
 */
export function parseDurationMicros(text: unknown): number {
  if (typeof text !== 'string' || text.length <= 1) return NaN;
  const parts = text.split(':');
  if (parts.length > 3) return NaN;
  let h = 0;
  let m = 0;
  let s = parts[parts.length - 1]!;
  if (parts.length === 3) {
    h = toInt(parts[0]!);
    m = toInt(parts[1]!);
  } else if (parts.length === 2) {
    m = toInt(parts[0]!);
  }
  let micros = 0;
  const dot = s.indexOf('.');
  if (dot >= 0) {
    let frac = s.slice(dot + 1);
    s = s.slice(0, dot);
    if (frac.length < 6) frac = frac.padEnd(6, '0');
    else if (frac.length > 6) frac = frac.slice(0, 6);
    micros = toInt(frac);
  }
  const sec = toInt(s);
  const total = ((h * 60 + m) * 60 + sec) * 1_000_000 + micros;
  return Number.isFinite(total) ? total : NaN;
}

// Python's int(): optional sign, digits, surrounding whitespace allowed.
function toInt(text: string): number {
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) return NaN;
  return Number(t);
}

/** Parses an ISO-like UTC stamp of the feed (with or without `Z`, up to 7 decimals) to epoch ms. */
export function parseUtc(text: unknown): number {
  if (typeof text !== 'string' || text.length < 19) return NaN;
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z?$/.exec(text.trim());
  if (!m) return NaN;
  const frac = (m[7] ?? '').padEnd(6, '0').slice(0, 6);
  const base = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return base + Number(frac) / 1000;
}

export const nn = (v: number): number | null => (Number.isNaN(v) ? null : v);
