import { finalState, type StreamMessage } from '../stream/index.js';

/** The meeting (event weekend) a session belongs to. */
export interface Meeting {
  readonly key: number | null;
  readonly name: string;
  readonly officialName: string | null;
  readonly location: string | null;
  /** F1's meeting number (2024+ only; not always the championship round after cancellations). */
  readonly number: number | null;
  readonly country: { readonly key: number | null; readonly code: string | null; readonly name: string | null };
  readonly circuit: { readonly key: number | null; readonly shortName: string | null };
}

/** SessionInfo: what the session is, when it runs (local time + offset) and where it lives. */
export interface SessionInfo {
  readonly meeting: Meeting;
  readonly key: number | null;
  /** F1's type: Practice, Qualifying or Race (sprints are Race, shootouts Qualifying). */
  readonly type: string;
  /** Practice 1…3, Qualifying, Sprint, Sprint Shootout, Sprint Qualifying, Race. */
  readonly name: string;
  /** Practice number (1–3); null for other sessions (the feed sends -1 for some sprints). */
  readonly number: number | null;
  /** Scheduled start in local time, as sent (`YYYY-MM-DDTHH:MM:SS`, no offset). */
  readonly startDate: string;
  readonly endDate: string;
  /** Offset of local time from UTC as sent (`HH:MM:SS`, may start with `-`). */
  readonly gmtOffset: string;
  readonly gmtOffsetMs: number;
  /** Scheduled start/end in UTC, ISO 8601 with `Z`; null when the dates are unreadable. */
  readonly startDateUtc: string | null;
  readonly endDateUtc: string | null;
  /** Session path in the archive (`YYYY/…/…/`). */
  readonly path: string;
  /** Last SessionStatus carried on this topic (2025+), e.g. "Finalised". */
  readonly sessionStatus: string | null;
}

/** Replays the SessionInfo patches; null when the topic holds no meeting/session data. */
export function parseSessionInfo(messages: readonly StreamMessage[]): SessionInfo | null {
  const s = obj(finalState(messages));
  if (!s || (s.Meeting === undefined && s.Name === undefined)) return null;
  const meeting = obj(s.Meeting) ?? {};
  const country = obj(meeting.Country) ?? {};
  const circuit = obj(meeting.Circuit) ?? {};
  const gmtOffset = text(s.GmtOffset) ?? '00:00:00';
  const gmtOffsetMs = parseOffset(gmtOffset);
  const startDate = text(s.StartDate) ?? '';
  const endDate = text(s.EndDate) ?? '';
  const number = int(s.Number);
  return {
    meeting: {
      key: int(meeting.Key),
      name: text(meeting.Name) ?? '',
      officialName: text(meeting.OfficialName),
      location: text(meeting.Location),
      number: int(meeting.Number),
      country: { key: int(country.Key), code: text(country.Code), name: text(country.Name) },
      circuit: { key: int(circuit.Key), shortName: text(circuit.ShortName) },
    },
    key: int(s.Key),
    type: text(s.Type) ?? '',
    name: text(s.Name) ?? '',
    number: number !== null && number > 0 ? number : null,
    startDate,
    endDate,
    gmtOffset,
    gmtOffsetMs,
    startDateUtc: localToUtc(startDate, gmtOffsetMs),
    endDateUtc: localToUtc(endDate, gmtOffsetMs),
    path: text(s.Path) ?? '',
    sessionStatus: text(s.SessionStatus),
  };
}

/** `[-]HH:MM[:SS]` to milliseconds; NaN when malformed. */
export function parseOffset(offset: string): number {
  const m = /^([+-])?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(offset.trim());
  if (!m) return NaN;
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

function localToUtc(local: string, offsetMs: number): string | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,3}))?/.exec(local);
  if (!m || Number.isNaN(offsetMs)) return null;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, Number((m[7] ?? '0').padEnd(3, '0')));
  return new Date(asUtc - offsetMs).toISOString();
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
function int(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isInteger(n) ? n : null;
}
