// UTC timestamps of the `.z` topics ("2025-10-25T20:47:27.8777755Z", 0–7 fraction digits) to epoch
// microseconds. FastF1 parses them with its own `to_datetime`, which keeps at most six fraction
// digits (truncating the rest), so microseconds are the precision that decides later rounding.

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const US_PER_DAY = 86_400_000_000;

/**
 * Parses `YYYY-MM-DDTHH:MM:SS[.f…][Z]` held in `bytes[from, to)` (ASCII) to epoch microseconds,
 * truncating beyond six fraction digits. Returns NaN when the text does not have that shape.
 */
export function parseIsoMicrosBytes(bytes: Uint8Array, from: number, to: number): number {
  if (to - from < 19) return NaN;
  const y = num(bytes, from, 4);
  const mo = num(bytes, from + 5, 2);
  const d = num(bytes, from + 8, 2);
  const h = num(bytes, from + 11, 2);
  const mi = num(bytes, from + 14, 2);
  const s = num(bytes, from + 17, 2);
  if (bytes[from + 4] !== 45 || bytes[from + 7] !== 45 || (bytes[from + 10] !== 84 && bytes[from + 10] !== 32)
    || bytes[from + 13] !== 58 || bytes[from + 16] !== 58) return NaN;
  let us = 0;
  let i = from + 19;
  if (i < to && bytes[i] === 46) {
    i++;
    let digits = 0;
    while (i < to) {
      const c = bytes[i]! - 48;
      if (c < 0 || c > 9) break;
      if (digits < 6) { us = us * 10 + c; digits++; }
      i++;
    }
    if (digits === 0) return NaN;
    while (digits < 6) { us *= 10; digits++; }
  }
  if (i < to && bytes[i] === 90) i++;
  if (i !== to) return NaN;
  const v = daysFromCivil(y, mo, d) * US_PER_DAY + ((h * 60 + mi) * 60 + s) * 1_000_000 + us;
  return Number.isFinite(v) && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? v : NaN;
}

function num(bytes: Uint8Array, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = bytes[i]! - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/** String form of {@link parseIsoMicrosBytes}. */
export function parseIsoMicros(text: string): number {
  if (typeof text !== 'string') return NaN;
  const bytes = Buffer.from(text, 'latin1');
  return parseIsoMicrosBytes(bytes, 0, bytes.length);
}

/** Rounds to the nearest integer, ties to even (numpy/pandas `round`). */
export function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const r = v - f;
  if (r > 0.5) return f + 1;
  if (r < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Epoch microseconds → epoch milliseconds rounded as pandas `Series.dt.round('ms')` does. */
export function microsToMillis(us: number): number {
  // Integer arithmetic on the remainder keeps the tie test exact.
  const q = Math.floor(us / 1000);
  const r = us - q * 1000;
  if (r > 500) return q + 1;
  if (r < 500) return q;
  return q % 2 === 0 ? q : q + 1;
}

/** Epoch milliseconds → `YYYY-MM-DDTHH:MM:SS.mmm` (UTC, no zone suffix, as FastF1 prints naive UTC). */
export function formatEpochMillis(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}
