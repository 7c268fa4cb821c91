// Route and query-string parsing. Parsers return a result instead of throwing, so pages decide:
// a bad path segment is a 404 (notFound()), a bad query value falls back to the default.

export type Parsed<T> = { success: true; data: T } | { success: false; error: string };

const FIRST_SEASON = 1950;

export function parseYear(raw: string | undefined): Parsed<number> {
  if (!raw || !/^\d{4}$/.test(raw)) return { success: false, error: `not a season: ${raw ?? ''}` };
  const year = Number(raw);
  if (year < FIRST_SEASON || year > 2100) return { success: false, error: `no season ${year}` };
  return { success: true, data: year };
}

export function parseRound(raw: string | undefined): Parsed<number> {
  if (!raw || !/^\d{1,2}$/.test(raw) || Number(raw) < 1) return { success: false, error: `not a round: ${raw ?? ''}` };
  return { success: true, data: Number(raw) };
}

/** Ergast ids: lower-case letters, digits and underscores (`max_verstappen`, `red_bull`). */
export function parseRef(raw: string | undefined): Parsed<string> {
  const id = raw ? decodeURIComponent(raw) : '';
  if (!/^[a-z0-9_-]{1,64}$/i.test(id)) return { success: false, error: `not an id: ${id}` };
  return { success: true, data: id };
}

/** Session identifiers as the sessions API names them. */
export const SESSION_CODES = ['FP1', 'FP2', 'FP3', 'SQ', 'S', 'Q', 'R'] as const;
export type SessionCode = (typeof SESSION_CODES)[number];

export function parseSession(raw: string | undefined): Parsed<SessionCode> {
  const code = (raw ?? '').toUpperCase();
  return (SESSION_CODES as readonly string[]).includes(code)
    ? { success: true, data: code as SessionCode }
    : { success: false, error: `not a session: ${raw ?? ''}` };
}

export function sessionLabel(code: string, year?: number): string {
  switch (code.toUpperCase()) {
    case 'FP1': return 'Practice 1';
    case 'FP2': return 'Practice 2';
    case 'FP3': return 'Practice 3';
    case 'SQ': return year === 2023 ? 'Sprint Shootout' : 'Sprint Qualifying';
    case 'S': return 'Sprint';
    case 'Q': return 'Qualifying';
    case 'R': return 'Race';
    default: return code;
  }
}

/** One of a fixed set of values from the query string, else the default. */
export function pickEnum<T extends string>(raw: string | null | undefined, allowed: readonly T[], fallback: T): T {
  return raw && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;
}

/** A positive integer from the query string within bounds, else the default. */
export function pickInt(raw: string | null | undefined, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  if (!raw || !/^\d+$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= min && n <= max ? n : fallback;
}

/** A comma-separated list from the query string (`drivers=VER,HAM`), de-duplicated, capped. */
export function pickList(raw: string | null | undefined, max = 20): string[] {
  if (!raw) return [];
  return [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, max);
}
