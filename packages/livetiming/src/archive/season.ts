// The season index (`/static/{year}/Index.json`: Meetings → Sessions → Path) and the session entries
// listed from it, from a local directory, or from an explicit path.
import { parseSessionPath } from './paths.js';

/** A session found in the archive, however it was found. */
export interface ArchiveSession {
  /** Session path relative to `/static/` (`YYYY/…/…/`). */
  readonly path: string;
  readonly year: number;
  readonly eventDate: string;
  readonly sessionDate: string;
  /** Meeting name (from the index, or the path with `_` as spaces). */
  readonly meetingName: string;
  readonly meetingKey: number | null;
  /** Session name, e.g. "Qualifying", "Sprint Shootout", "Practice 2". */
  readonly name: string;
  /** F1's type (Practice, Qualifying, Race) when known. */
  readonly type: string | null;
  readonly key: number | null;
  /** Scheduled start in local time and its UTC offset, when known. */
  readonly startDate: string | null;
  readonly gmtOffset: string | null;
  /** Topics present (directory listings only; null when unknown). */
  readonly topics: readonly string[] | null;
  readonly foundBy: 'index' | 'directory' | 'path';
}

export interface SeasonIndex {
  readonly year: number;
  readonly meetings: readonly IndexMeeting[];
}

export interface IndexMeeting {
  readonly key: number | null;
  readonly name: string;
  readonly officialName: string | null;
  readonly location: string | null;
  readonly number: number | null;
  readonly countryCode: string | null;
  readonly circuitKey: number | null;
  readonly sessions: readonly IndexSession[];
}

export interface IndexSession {
  readonly key: number | null;
  readonly type: string | null;
  readonly name: string;
  readonly number: number | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly gmtOffset: string | null;
  /** Null for sessions not (yet) in the archive. */
  readonly path: string | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : obj(v) ? Object.values(v as Obj) : []);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : null);

/** Reads a parsed `Index.json`; throws when it does not look like a season index. */
export function parseSeasonIndex(json: unknown, year: number): SeasonIndex {
  const root = obj(json);
  if (!root || !('Meetings' in root)) throw new Error(`season index ${year} has no Meetings`);
  const meetings = arr(root.Meetings).map((m): IndexMeeting => {
    const meeting = obj(m) ?? {};
    return {
      key: int(meeting.Key),
      name: text(meeting.Name) ?? '',
      officialName: text(meeting.OfficialName),
      location: text(meeting.Location),
      number: int(meeting.Number),
      countryCode: text(obj(meeting.Country)?.Code),
      circuitKey: int(obj(meeting.Circuit)?.Key),
      sessions: arr(meeting.Sessions).map((s): IndexSession => {
        const session = obj(s) ?? {};
        return {
          key: int(session.Key),
          type: text(session.Type),
          name: text(session.Name) ?? '',
          number: int(session.Number),
          startDate: text(session.StartDate),
          endDate: text(session.EndDate),
          gmtOffset: text(session.GmtOffset),
          path: text(session.Path),
        };
      }),
    };
  });
  return { year: int(root.Year) ?? year, meetings };
}

/** Sessions of a season index that have an archive path (cancelled sessions carry Key -1 and are skipped). */
export function sessionsFromIndex(index: SeasonIndex): ArchiveSession[] {
  const out: ArchiveSession[] = [];
  for (const meeting of index.meetings) {
    for (const s of meeting.sessions) {
      if (!s.path || s.key === -1) continue;
      let parts;
      try {
        parts = parseSessionPath(s.path);
      } catch {
        continue;
      }
      out.push({
        path: s.path.endsWith('/') ? s.path : `${s.path}/`,
        year: parts.year,
        eventDate: parts.eventDate,
        sessionDate: parts.sessionDate,
        meetingName: meeting.name || parts.eventName,
        meetingKey: meeting.key,
        name: s.name || parts.sessionName,
        type: s.type,
        key: s.key,
        startDate: s.startDate,
        gmtOffset: s.gmtOffset,
        topics: null,
        foundBy: 'index',
      });
    }
  }
  return sortSessions(out);
}

/** An entry for a session known only by its path. */
export function sessionFromPath(path: string, foundBy: ArchiveSession['foundBy'] = 'path', topics: readonly string[] | null = null): ArchiveSession {
  const parts = parseSessionPath(path);
  return {
    path,
    year: parts.year,
    eventDate: parts.eventDate,
    sessionDate: parts.sessionDate,
    meetingName: parts.eventName,
    meetingKey: null,
    name: parts.sessionName,
    type: null,
    key: null,
    startDate: null,
    gmtOffset: null,
    topics,
    foundBy,
  };
}

/** Chronological: by session date, then by scheduled start, then path. */
export function sortSessions(sessions: ArchiveSession[]): ArchiveSession[] {
  return sessions.sort((a, b) => a.sessionDate.localeCompare(b.sessionDate) || (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.path.localeCompare(b.path));
}
