// Catalogue of sessions. Session identifiers of the API and CLI (FP1, FP2, FP3, SQ, S, Q, R) and how F1's session names
// map onto them. F1 renamed the sprint formats over the years: 2021's sprint was "Sprint
// Qualifying", 2023's sprint qualifying was the "Sprint Shootout", and from 2024 "Sprint
// Qualifying" is the sprint's qualifying again.
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import {
  ArchiveClient, FASTF1_SCHEDULE_URL, isUrlBase, roundCandidates, sessionsFromIndex, Source,
  type ArchiveSession, type RoundCandidate,
} from '@apexdata/livetiming';
import type { Config } from '../config.js';
import type { DbOrTx } from '../db/client.js';
import { races } from '../db/schema/races.js';
import { SESSION_CODES, type SessionCode } from '../db/schema/sessions.js';
import { acquireRateLimiter, jolpicaRateLimits, rateLimitedFetch } from '../sources/index.js';

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

// ── Linking platform sessions to the archive and to history ───────────────────────────────────────

/** Where sessions come from: the archive, and Jolpica / FastF1's schedule for round lookups and lap-1 times. */
export interface SessionSources {
  readonly archive: ArchiveClient;
  readonly jolpica: Source | null;
  readonly schedule: Source | null;
}

/** Sources from the server configuration; the on-disk caches live under $APEX_HOME/cache. */
export function sourcesFromConfig(config: Pick<Config, 'APEX_HOME' | 'LIVETIMING_BASE_URL' | 'LIVETIMING_MIRROR_URL' | 'JOLPICA_BASE_URL' | 'APEX_OFFLINE'>): SessionSources {
  const cache = (name: string) => join(config.APEX_HOME, 'cache', name);
  const offline = config.APEX_OFFLINE;
  const local = !isUrlBase(config.LIVETIMING_BASE_URL);
  const archive = new ArchiveClient({
    base: config.LIVETIMING_BASE_URL,
    ...(config.LIVETIMING_MIRROR_URL ? { mirrors: [config.LIVETIMING_MIRROR_URL] } : {}),
    offline,
    ...(local ? {} : { cacheDir: cache('livetiming') }),
  });
  const jolpicaLocal = !isUrlBase(config.JOLPICA_BASE_URL);
  // Session loads ask Jolpica through the same per-origin limiter as the history sync (one budget).
  const jolpica = new Source({
    base: config.JOLPICA_BASE_URL, offline,
    ...(jolpicaLocal ? {} : { cacheDir: cache('jolpica'), fetch: rateLimitedFetch(acquireRateLimiter(config.JOLPICA_BASE_URL, jolpicaRateLimits).limiter) }),
  });
  // A recorded archive directory named `livetiming` keeps FastF1's schedule files beside it.
  const beside = local && basename(resolve(config.LIVETIMING_BASE_URL)) === 'livetiming' ? resolve(config.LIVETIMING_BASE_URL, '..', 'f1schedule') : null;
  const schedule = beside && existsSync(beside)
    ? new Source({ base: beside, offline })
    : offline ? null : new Source({ base: FASTF1_SCHEDULE_URL, cacheDir: cache('f1schedule') });
  return { archive, jolpica, schedule };
}

/** An archive session with its platform key and history link. */
export interface CatalogEntry {
  readonly key: SessionKey;
  readonly archive: ArchiveSession;
  /** The history race of this round; null when history has no such round. */
  readonly raceId: number | null;
  /** How the round was found: history's races table, Jolpica's or FastF1's schedule, or F1's meeting number. */
  readonly roundFrom: 'history' | RoundCandidate['from'];
}

export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  constructor(readonly code: 'not-found' | 'no-index', message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Archive sessions of a season: from its `Index.json`, or — for a local archive without one (the
 * recorded 2024/2025 folders) — from the directory listing.
 */
export async function archiveSessions(archive: ArchiveClient, year: number): Promise<ArchiveSession[]> {
  const index = await archive.seasonIndex(year);
  if (index) return sessionsFromIndex(index);
  if (archive.source.isLocal) return archive.listSessions({ year, from: 'directory' });
  throw new CatalogError('no-index', `the archive (${archive.source.label}) has no season index for ${year}`);
}

interface HistoryRace {
  readonly id: number;
  readonly round: number;
  readonly date: string | null;
}

async function historyRaces(db: DbOrTx, year: number): Promise<HistoryRace[]> {
  return db.select({ id: races.id, round: races.round, date: races.date }).from(races).where(eq(races.season, year));
}

const dayMs = 86_400_000;
const daysApart = (a: string, b: string) => Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / dayMs;
const isTesting = (s: ArchiveSession) => /test/i.test(s.meetingName) || /test/i.test(s.name);

/**
 * Every archive session of a season with its (year, round, session) key. The round of an event
 * comes from history (the race on the event's race day, ±1 day), else from Jolpica's or FastF1's
 * schedule, else from F1's meeting number; events with no round (tests) are left out.
 */
export async function seasonCatalogue(db: DbOrTx, sources: SessionSources, year: number): Promise<CatalogEntry[]> {
  const [all, history] = await Promise.all([archiveSessions(sources.archive, year), historyRaces(db, year)]);
  const events = new Map<string, ArchiveSession[]>();
  for (const s of all) {
    if (isTesting(s)) continue;
    const list = events.get(s.eventDate) ?? [];
    list.push(s);
    events.set(s.eventDate, list);
  }
  const out: CatalogEntry[] = [];
  for (const [eventDate, list] of events) {
    let round: number | null = null;
    let raceId: number | null = null;
    let roundFrom: CatalogEntry['roundFrom'] = 'history';
    const race = history
      .filter((r) => r.date !== null && daysApart(r.date, eventDate) <= 1)
      .sort((a, b) => daysApart(a.date!, eventDate) - daysApart(b.date!, eventDate))[0];
    if (race) {
      round = race.round;
      raceId = race.id;
    } else if (sources.jolpica) {
      // F1's meeting number is a last resort: it counts cancelled and testing meetings in some years.
      const candidates = await roundCandidates({ year, eventDate, jolpica: sources.jolpica, schedule: sources.schedule }).catch(() => []);
      if (candidates[0]) {
        round = candidates[0].round;
        roundFrom = candidates[0].from;
        raceId = history.find((r) => r.round === round)?.id ?? null;
      }
    }
    if (round === null) continue;
    for (const s of list) {
      const code = sessionCodeOf(s.name, year);
      if (code) out.push({ key: { year, round, session: code }, archive: s, raceId, roundFrom });
    }
  }
  return out.sort((a, b) => a.key.round - b.key.round || SESSION_CODES.indexOf(a.key.session) - SESSION_CODES.indexOf(b.key.session));
}

/** The entry of `key` in its season's catalogue; throws CatalogError('not-found') saying what the round has. */
export function findInCatalogue(catalogue: readonly CatalogEntry[], key: SessionKey, archiveLabel: string): CatalogEntry {
  const hit = catalogue.find((e) => e.key.round === key.round && e.key.session === key.session);
  if (hit) return hit;
  const round = catalogue.filter((e) => e.key.round === key.round);
  if (round.length === 0) {
    throw new CatalogError('not-found', `no event of round ${key.round} in ${key.year} in the archive (${archiveLabel})`);
  }
  const have = round.map((e) => e.key.session).join(', ');
  throw new CatalogError('not-found', `${key.year} round ${key.round} (${round[0]!.archive.meetingName}) has no ${key.session} session in the archive (it has: ${have})`);
}

/** The archive session and history race of a platform session; throws CatalogError('not-found') with a reason. */
export async function resolveSession(db: DbOrTx, sources: SessionSources, key: SessionKey): Promise<CatalogEntry> {
  return findInCatalogue(await seasonCatalogue(db, sources, key.year), key, sources.archive.source.label);
}
