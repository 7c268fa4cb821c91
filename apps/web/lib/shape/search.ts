import type { RaceSummary } from '../api/types';

export interface ParsedSearch {
  /** A season named in the query (`2023 monaco`, `monaco 2023`). */
  year: number | null;
  /** The rest, normalised for matching. */
  text: string;
}

export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseSearch(q: string): ParsedSearch {
  let year: number | null = null;
  const rest = normalise(q).replace(/\b(19[5-9]\d|20\d\d)\b/, (m) => {
    year = Number(m);
    return ' ';
  });
  return { year, text: rest.replace(/\s+/g, ' ').trim() };
}

/** Races of a season whose name, circuit or place contains every word of the text. */
export function matchRaces(races: readonly RaceSummary[], text: string): RaceSummary[] {
  const words = normalise(text).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return races.filter((r) => {
    const hay = normalise([r.name, r.circuit.name, r.circuit.locality, r.circuit.country].filter(Boolean).join(' '));
    return words.every((w) => hay.includes(w));
  });
}
