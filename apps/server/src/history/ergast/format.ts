// How Ergast/Jolpica print values: every scalar is a string, absent values are left out.

/** A duration as Ergast prints lap and race times: `1:25:33.607`, `1:07.012`, `25.636`. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  const frac = `.${String(millis).padStart(3, '0')}`;
  if (hours > 0) return `${sign}${hours}:${pad2(minutes)}:${pad2(seconds)}${frac}`;
  if (minutes > 0) return `${sign}${minutes}:${pad2(seconds)}${frac}`;
  return `${sign}${seconds}${frac}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Points: `25`, `0.5`, `4.5` (whole numbers without a decimal point). */
export function formatPoints(points: number): string {
  return String(points);
}

/** Average speed in km/h with three decimals, as Ergast printed it (`231.970`). */
export function formatSpeed(speed: number | string): string {
  return Number(speed).toFixed(3);
}

/** A clock time from the database (`15:00:00`) as Ergast prints UTC times (`15:00:00Z`). */
export function formatUtcTime(time: string): string {
  return `${time.length === 5 ? `${time}:00` : time.slice(0, 8)}Z`;
}

/** Drop keys whose value is null or undefined: Ergast omits empty values rather than printing null. */
export function compact<T extends Record<string, unknown>>(obj: T): { [K in keyof T]: Exclude<T[K], null | undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]: Exclude<T[K], null | undefined> };
}

/** String form of a number or null (null stays null, so `compact` drops it). */
export function str(v: number | string | null | undefined): string | null {
  return v === null || v === undefined ? null : String(v);
}

/**
 * Sort order of names and ids as Jolpica's PostgreSQL (glibc en_US.UTF-8) returns them: case and
 * accents are secondary, spaces and punctuation are ignored (`de Vries` between Bottas and Gasly).
 */
const collator = new Intl.Collator('en', { ignorePunctuation: true });
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
