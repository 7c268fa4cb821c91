// The circuit outline for the live map, computed on the server so the web draws the track before the
// cars have driven it: from the positions of the session being played when they hold a full lap,
// else from the newest archived session of the same circuit that has Position.z (found through the
// archive's season indexes by circuit key — by meeting name in a local copy without index — or — for a recording without SessionInfo — by the time it
// was recorded). The engine's `trackOutlineFromPositions` does the geometry.
import { parseOffset, trackOutlineFromPositions, loadTimeline, type ArchiveClient, type LiveMessage, type Timeline } from '@apexdata/livetiming';
import type { LiveTrack } from './view.js';

const FIRST_ARCHIVE_YEAR = 2018;
/** Archived sessions tried before giving up (each one a Position.z download, or a quick miss). */
const MAX_TRIES = 12;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);

/** Circuit key and meeting name from the last SessionInfo message (or snapshot) of a stream. */
export function meetingOf(messages: readonly LiveMessage[]): { circuitKey: number | null; meetingName: string | null } {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.topic !== 'SessionInfo') continue;
    const meeting = obj(obj(m.data)?.Meeting);
    const key = Number(obj(meeting?.Circuit)?.Key);
    return { circuitKey: Number.isInteger(key) ? key : null, meetingName: typeof meeting?.Name === 'string' ? meeting.Name : null };
  }
  return { circuitKey: null, meetingName: null };
}

/** An outline from these messages' own positions, labelled as the session's. */
function ownOutline(messages: readonly LiveMessage[]): LiveTrack | null {
  const o = trackOutlineFromPositions(messages);
  return o ? { ...o, source: 'session' } : null;
}

const startUtc = (start: string | null, offset: string | null): number => (start ? Date.parse(`${start.replace(/Z$/, '')}Z`) - (offset ? parseOffset(offset) || 0 : 0) : NaN);

/**
 * The outline from the newest archived session (started before `before`) of the circuit — by circuit
 * key in the season indexes, by meeting name where a year has no index (a local copy) — or of the
 * meeting that was running at `at` when neither is known. Null when none has a lap of positions.
 */
export async function archiveOutline(archive: ArchiveClient, find: { circuitKey: number | null; meetingName?: string | null; before: number; at?: number }): Promise<LiveTrack | null> {
  const lastYear = new Date(find.before).getUTCFullYear();
  let circuit = find.circuitKey;
  const name = find.meetingName ?? null;
  const candidates: { path: string; start: number }[] = [];
  const add = (path: string, start: number) => {
    if (!(start > find.before)) candidates.push({ path, start });
  };
  for (let year = lastYear; year >= FIRST_ARCHIVE_YEAR; year--) {
    const index = await archive.seasonIndex(year).catch(() => null);
    if (!index) {
      if (!name) continue;
      const listed = await archive.listSessions({ year, from: 'directory' }).catch(() => []);
      for (const s of listed) if (s.meetingName === name) add(s.path, Date.parse(s.sessionDate));
      continue;
    }
    if (circuit === null && find.at !== undefined) {
      // The meeting whose sessions span the recording's time (a day either side).
      const meeting = index.meetings.find((m) => m.sessions.some((s) => Math.abs(startUtc(s.startDate, s.gmtOffset) - find.at!) < 86_400_000));
      circuit = meeting?.circuitKey ?? null;
    }
    for (const m of index.meetings) {
      if (circuit !== null ? m.circuitKey !== circuit : m.name !== name || !name) continue;
      for (const s of m.sessions) if (s.path && s.key !== -1) add(s.path, startUtc(s.startDate, s.gmtOffset));
    }
  }
  candidates.sort((a, b) => (b.start || 0) - (a.start || 0));
  for (const c of candidates.slice(0, MAX_TRIES)) {
    // TimingData too: its lap completions place the start/finish line, which turns the map.
    const positions = await loadTimeline(archive, c.path, { topics: ['Position.z', 'TimingData'] }).catch(() => null);
    const o = positions && trackOutlineFromPositions(positions.messages);
    if (o) return { ...o, source: c.path };
  }
  return null;
}

/** The outline for a replay: its own positions, else the archive's for the same circuit. */
export async function sessionOutline(timeline: Timeline, archive: ArchiveClient | null): Promise<LiveTrack | null> {
  const own = ownOutline(timeline.messages);
  if (own || !archive) return own;
  const first = timeline.messages[0]?.at ?? timeline.zeroUtc;
  return archiveOutline(archive, { ...meetingOf(timeline.messages), before: first + 86_400_000, at: first }).catch(() => null);
}
