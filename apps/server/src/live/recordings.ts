// Recordings of the live feed as replay sources: files in one folder (APEX_LIVE_RECORDINGS) — ours
// from `apex live record` (JSON Lines) and FastF1 recorder files — named by file name. The engine
// reads either format (bad lines counted and skipped, the rest kept); here the name is checked, the
// file found and the replay opened with what the recording says about itself.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { LIVE_RECORDING_FORMAT, readAnyRecording, Replay, TOKEN_TOPICS, type ArchiveClient } from '@apexdata/livetiming';
import { apexError } from '../http/errors.js';
import type { RecordingTarget } from './commands.js';
import type { RunningSource } from './ingester.js';
import { ReplayingSource, type ReplayStart } from './replay-source.js';
import { sessionOutline } from './track.js';

export type RecordingFormat = 'apexdata' | 'fastf1';

export interface RecordingEntry {
  name: string;
  bytes: number;
  modified: string;
  format: RecordingFormat;
}

/** A recording file's format, from its first bytes (our header line, else FastF1's list lines). */
export function recordingFormat(head: string): RecordingFormat {
  return head.trimStart().startsWith(`{"format":"${LIVE_RECORDING_FORMAT}"`) ? 'apexdata' : 'fastf1';
}

/** Throws a 400 naming the problem unless `name` is a plain file name (no folders, no `..`). */
export function checkRecordingName(name: string): string {
  if (name !== basename(name) || name === '.' || name === '..' || name.startsWith('.') || /[\\/\0]/.test(name)) {
    throw apexError('APX_ERR_VALIDATION', `recording '${name}' is not a file name (no folders, no leading dot): pick one of GET /api/v1/live/recordings`);
  }
  return name;
}

/** Recordings in the folder, newest first; an absent folder holds none. */
export async function listRecordings(dir: string): Promise<RecordingEntry[]> {
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const out: RecordingEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const s = await stat(path).catch(() => null);
    if (!s?.isFile()) continue;
    const head = await readHead(path);
    out.push({ name, bytes: s.size, modified: s.mtime.toISOString(), format: recordingFormat(head) });
  }
  return out.sort((a, b) => b.modified.localeCompare(a.modified) || a.name.localeCompare(b.name));
}

async function readHead(path: string): Promise<string> {
  const f = await open(path, 'r');
  try {
    const buf = Buffer.alloc(256);
    const { bytesRead } = await f.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await f.close();
  }
}

/** The target for a recording name: 400 for a bad name, 404 naming it when the folder does not hold it. */
export async function resolveRecording(dir: string, name: string): Promise<RecordingTarget> {
  checkRecordingName(name);
  const s = await stat(join(dir, name)).catch(() => null);
  if (!s?.isFile()) throw apexError('APX_ERR_NOT_FOUND', `no recording '${name}' in the recordings folder (APEX_LIVE_RECORDINGS): see GET /api/v1/live/recordings`);
  return { kind: 'recording', recording: name };
}

/**
 * Opens a recording as a replay. Unreadable lines are skipped and reported in the status; a file with
 * no readable feed message at all is refused (400 naming it and the first bad lines).
 */
export async function openRecordingReplay(dir: string, target: RecordingTarget, start: ReplayStart, archive: ArchiveClient | null): Promise<RunningSource> {
  const name = checkRecordingName(target.recording);
  let text: string;
  try {
    text = await readFile(join(dir, name), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw apexError('APX_ERR_NOT_FOUND', `no recording '${name}' in the recordings folder (APEX_LIVE_RECORDINGS)`);
    throw apexError('APX_ERR_VALIDATION', `recording '${name}' cannot be read: ${code ?? (err as Error).message}`);
  }
  const format = recordingFormat(text.slice(0, 256));
  const read = readAnyRecording(text, name);
  const corrupt = read.report.corrupt.length;
  if (read.timeline.messages.length === 0) {
    const first = read.report.corrupt.slice(0, 3).map((c) => `line ${c.line}: ${c.reason}`).join('; ');
    throw apexError('APX_ERR_VALIDATION', `recording '${name}' holds no readable feed message (${read.report.lines} lines${corrupt ? `, ${corrupt} unreadable — ${first}` : ''})`);
  }
  const received = new Set(read.timeline.topics);
  // Ours says what was subscribed: token-only topics that never came were withheld from the recorder.
  const topicsMissing = (read.header?.topics ?? []).filter((t) => (TOKEN_TOPICS as readonly string[]).includes(t) && !received.has(t));
  const track = await sessionOutline(read.timeline, archive);
  const info = sessionName(read.timeline.messages);
  const note = [
    corrupt > 0 ? `${corrupt} of ${read.report.lines} lines of the recording could not be read and were skipped` : null,
    topicsMissing.length > 0 ? `recorded without ${topicsMissing.join(', ')} (no F1TV token when it was recorded)` : null,
  ].filter(Boolean).join(' · ') || null;
  return new ReplayingSource(
    'recording',
    new Replay(read.timeline),
    start,
    {
      session: { year: null, round: null, session: null, name: info ? `${info} (recording ${name})` : `Recording ${name}`, path: null },
      topicsMissing,
      recording: { name, format, lines: read.report.lines, corruptLines: corrupt },
      note,
    },
    track,
  );
}

/** "Qatar Grand Prix · Sprint" from the recording's SessionInfo, when it has one. */
function sessionName(messages: readonly { topic: string; data: unknown }[]): string | null {
  let meeting: string | null = null;
  let session: string | null = null;
  for (const m of messages) {
    if (m.topic !== 'SessionInfo' || !m.data || typeof m.data !== 'object') continue;
    const d = m.data as { Meeting?: { Name?: unknown }; Name?: unknown };
    if (typeof d.Meeting?.Name === 'string') meeting = d.Meeting.Name;
    if (typeof d.Name === 'string') session = d.Name;
  }
  return [meeting, session].filter(Boolean).join(' · ') || null;
}
