// Commands the API sends to the ingester, and its answers. They cross process boundaries (Redis), so
// they are plain JSON; errors carry a code of the API's registry so routes answer them as they are.
import type { ReplaySpeed } from '@apexdata/livetiming';
import type { ErrorCode } from '../http/errors.js';

/** What a replay plays, resolved by the API process (so an unknown one is a 404 before the ingester is asked). */
export type ReplayTarget = ArchiveTarget | RecordingTarget;

/** An archived session. */
export interface ArchiveTarget {
  readonly kind: 'archive';
  readonly year: number;
  readonly round: number;
  readonly session: string;
  /** archive path, e.g. 2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/ */
  readonly path: string;
  /** "Mexico City Grand Prix · Qualifying" */
  readonly name: string;
}

/** A recording of the live feed (ours, JSON Lines, or a FastF1 recorder file) in the recordings folder. */
export interface RecordingTarget {
  readonly kind: 'recording';
  /** file name inside APEX_LIVE_RECORDINGS */
  readonly recording: string;
}

export type ControlAction = 'pause' | 'resume' | 'seek' | 'speed' | 'stop';

export type LiveCommand =
  | { readonly type: 'replay'; readonly target: ReplayTarget; readonly speed: ReplaySpeed; readonly fromMs: number; readonly paused?: boolean }
  | { readonly type: 'control'; readonly action: ControlAction; readonly toMs?: number; readonly speed?: ReplaySpeed };

/** ok: `seq` is the ingester's frame that shows the command's effect. */
export type CommandResult = { readonly ok: true; readonly seq: number } | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

export function commandError(code: ErrorCode, message: string): CommandResult {
  return { ok: false, code, message };
}
