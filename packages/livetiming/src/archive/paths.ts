// Session paths of the static archive: `{year}/{eventDate}_{Event_Name}/{sessionDate}_{Session_Name}/`,
// relative to `/static/`. The event date is race day; the session date is the local session day.

/** The parts of a session path. Names keep F1's spelling with spaces (the path uses `_`). */
export interface SessionPathParts {
  readonly year: number;
  /** `YYYY-MM-DD`, the event's (race-day) date. */
  readonly eventDate: string;
  readonly eventName: string;
  /** `YYYY-MM-DD`, the session's local date. */
  readonly sessionDate: string;
  readonly sessionName: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SEGMENT = /^(\d{4}-\d{2}-\d{2})_(.+)$/;

/** Builds `{year}/{eventDate}_{Event}/{sessionDate}_{Session}/` (spaces become `_`). */
export function makeSessionPath(parts: Omit<SessionPathParts, 'year'> & { year?: number }): string {
  if (!DATE.test(parts.eventDate) || !DATE.test(parts.sessionDate)) {
    throw new Error(`session path dates must be YYYY-MM-DD (got ${parts.eventDate}, ${parts.sessionDate})`);
  }
  const year = parts.year ?? Number(parts.eventDate.slice(0, 4));
  const name = (s: string) => s.trim().replace(/\s+/g, '_');
  return `${year}/${parts.eventDate}_${name(parts.eventName)}/${parts.sessionDate}_${name(parts.sessionName)}/`;
}

/**
 * Normalises a user-given session path: accepts a leading `/`, `static/` or `/static/`, and a missing
 * trailing slash. Returns the canonical form (`2023/…/…/`) or throws with a message saying why.
 */
export function normaliseSessionPath(input: string): string {
  let p = input.trim().replace(/\\/g, '/');
  p = p.replace(/^https?:\/\/[^/]+/i, '');
  p = p.replace(/^\/+/, '').replace(/^static\//, '');
  p = p.replace(/\/+$/, '');
  parseSessionPath(`${p}/`);
  return `${p}/`;
}

/** Splits a canonical session path into its parts; throws when it does not have the archive's shape. */
export function parseSessionPath(path: string): SessionPathParts {
  const segments = path.split('/').filter(Boolean);
  const bad = (why: string) => new Error(`invalid session path "${path}": ${why} (expected YYYY/YYYY-MM-DD_Event_Name/YYYY-MM-DD_Session_Name/)`);
  if (segments.length !== 3) throw bad(`${segments.length} segments`);
  const [yearText, eventSeg, sessionSeg] = segments as [string, string, string];
  if (!/^\d{4}$/.test(yearText)) throw bad('year is not YYYY');
  const event = SEGMENT.exec(eventSeg);
  const session = SEGMENT.exec(sessionSeg);
  if (!event) throw bad('event segment is not YYYY-MM-DD_Name');
  if (!session) throw bad('session segment is not YYYY-MM-DD_Name');
  return {
    year: Number(yearText),
    eventDate: event[1]!,
    eventName: event[2]!.replace(/_/g, ' '),
    sessionDate: session[1]!,
    sessionName: session[2]!.replace(/_/g, ' '),
  };
}

/** URL path of a topic stream of a session, e.g. `/static/2023/…/TimingData.jsonStream`. */
export function topicStreamPath(sessionPath: string, topic: string): string {
  return `/static/${sessionPath}${topic}.jsonStream`;
}

/** URL path of a session's `.json` resource (e.g. `SessionInfo.json`, `Index.json`). */
export function sessionJsonPath(sessionPath: string, name: string): string {
  return `/static/${sessionPath}${name}.json`;
}

/** URL path of a season index. */
export function seasonIndexPath(year: number): string {
  return `/static/${year}/Index.json`;
}
