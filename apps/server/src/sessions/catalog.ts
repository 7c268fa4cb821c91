// Catalogue of sessions. Session identifiers of the API and CLI (FP1, FP2, FP3, SQ, S, Q, R) and how F1's session names
// map onto them. F1 renamed the sprint formats over the years: 2021's sprint was "Sprint
// Qualifying", 2023's sprint qualifying was the "Sprint Shootout", and from 2024 "Sprint
// Qualifying" is the sprint's qualifying again.
import { SESSION_CODES, type SessionCode } from '../db/schema/sessions.js';

export { SESSION_CODES, type SessionCode };

/** A session as the platform addresses it. */
export interface SessionKey {
  readonly year: number;
  readonly round: number;
  readonly session: SessionCode;
}

const ALIASES: Record<string, SessionCode> = {
  FP1: 'FP1', FP2: 'FP2', FP3: 'FP3', P1: 'FP1', P2: 'FP2', P3: 'FP3',
  SQ: 'SQ', SS: 'SQ', S: 'S', SPRINT: 'S', Q: 'Q', R: 'R', RACE: 'R', QUALIFYING: 'Q',
};

/** Parses a user-given identifier (case-insensitive; SS and P1… accepted); null when unknown. */
export function parseSessionCode(value: string): SessionCode | null {
  return ALIASES[value.trim().toUpperCase()] ?? null;
}

/** The code of an F1 session name in a given year; null for names we do not know (e.g. pre-season tests). */
export function sessionCodeOf(name: string, year: number): SessionCode | null {
  const n = name.trim().toLowerCase();
  const practice = /^practice\s*([123])$/.exec(n);
  if (practice) return `FP${practice[1]}` as SessionCode;
  if (n === 'qualifying') return 'Q';
  if (n === 'race') return 'R';
  if (n === 'sprint' || n === 'sprint race') return 'S';
  if (n === 'sprint shootout') return 'SQ';
  if (n === 'sprint qualifying') return year <= 2023 ? 'S' : 'SQ';
  return null;
}

/** Job and cache keys: `2025-20-Q` (BullMQ job ids must not contain ':'). */
export function sessionSlug(key: SessionKey): string {
  return `${key.year}-${key.round}-${key.session}`;
}

export function describeSession(key: SessionKey): string {
  return `${key.year} round ${key.round} ${key.session}`;
}
