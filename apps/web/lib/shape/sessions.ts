import type { RaceSessionInfo } from '../api/types';

/** Jolpica schedule code → the sessions API's identifier; null for parts we do not link separately. */
function codeOf(type: string): string | null {
  const t = type.toUpperCase();
  if (t === 'FP1' || t === 'FP2' || t === 'FP3') return t;
  // The API calls sprint qualifying SQ in every year (2023's Sprint Shootout included).
  if (t === 'SQ1' || t === 'SQ' || t === 'SS') return 'SQ';
  if (t === 'SR' || t === 'S') return 'S';
  if (t === 'Q1' || t === 'QB' || t === 'Q') return 'Q';
  if (t === 'R') return 'R';
  return null;
}

/**
 * The weekend's sessions as the sessions API names them (FP1…, SQ or SS, S, Q, R), in the order
 * they were run (by scheduled date and time; the fixed conventional order breaks ties).
 */
export function sessionCodes(race: { season: number; sessions: readonly Pick<RaceSessionInfo, 'type' | 'date' | 'time'>[] }): string[] {
  const rank = ['FP1', 'FP2', 'FP3', 'SQ', 'S', 'Q', 'R'];
  const first = new Map<string, string>();
  for (const s of race.sessions) {
    const code = codeOf(s.type);
    if (!code) continue;
    const when = `${s.date ?? '9999-99-99'}T${s.time ?? '99:99:99'}`;
    const prev = first.get(code);
    if (prev === undefined || when < prev) first.set(code, when);
  }
  return [...first.entries()]
    .sort(([a, wa], [b, wb]) => wa.localeCompare(wb) || rank.indexOf(a) - rank.indexOf(b))
    .map(([code]) => code);
}
