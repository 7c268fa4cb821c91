/** `83456` → `1:23.456`; hours appear for race times (`1:25:33.607`). Null-safe for display. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const negative = ms < 0;
  let rest = Math.round(Math.abs(ms));
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  const frac = `.${String(millis).padStart(3, '0')}`;
  let out: string;
  if (hours > 0) out = `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}${frac}`;
  else if (minutes > 0) out = `${minutes}:${String(seconds).padStart(2, '0')}${frac}`;
  else out = `${seconds}${frac}`;
  return negative ? `-${out}` : out;
}

/** A signed gap in seconds: `+0.123`, `-1.500`. */
export function formatGap(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const sign = ms > 0 ? '+' : ms < 0 ? '−' : '±';
  return `${sign}${(Math.abs(ms) / 1000).toFixed(3)}`;
}

/** ISO date (YYYY-MM-DD) → `26 Mar 2023`, independent of the server's locale and time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? '?'} ${m[1]}`;
}

/** Points print without a trailing `.0` but keep half points (`12.5`). */
export function formatPoints(points: number | null | undefined): string {
  if (points === null || points === undefined) return '—';
  return Number.isInteger(points) ? String(points) : points.toFixed(1).replace(/\.0$/, '');
}

export function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return n + (s[(v - 20) % 10] ?? s[v] ?? s[0]!);
}
