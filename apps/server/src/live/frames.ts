// What the one live ingester publishes and every API process keeps: a numbered sequence of frames.
// A frame is either a full view (`snapshot`: start, seek, new session) or the JSON Patch (RFC 6902)
// that turns the previous view into the next one. The view itself is what the engine derives from
// the feed (timing tower, clock, race control…); frames carry it without knowing its shape, so the
// web applies generic JSON Patch operations and never re-implements a feed merge rule.
import type { Operation } from 'fast-json-patch';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** The derived live view (engine output + the ingester's status), JSON all the way down. */
export type LiveView = { [key: string]: Json };

interface FrameBase {
  /** Ingester run: frames of another epoch cannot be resumed from (a restart, another process). */
  readonly epoch: string;
  /** 1, 2, 3… within the epoch, no gaps. */
  readonly seq: number;
  /** Wall-clock ms when the ingester published it: the clock delays are measured on. */
  readonly at: number;
}

export interface SnapshotFrame extends FrameBase {
  readonly kind: 'snapshot';
  readonly view: LiveView;
}

export interface PatchFrame extends FrameBase {
  readonly kind: 'patch';
  readonly ops: readonly Operation[];
}

export type LiveFrame = SnapshotFrame | PatchFrame;

/** The SSE `id:` of a frame; `Last-Event-ID` sends it back. */
export function eventId(frame: Pick<FrameBase, 'epoch' | 'seq'>): string {
  return `${frame.epoch}:${frame.seq}`;
}

/** `Last-Event-ID` → epoch and seq; null when absent or not one of ours. */
export function parseEventId(value: string | undefined): { epoch: string; seq: number } | null {
  const m = /^([A-Za-z0-9_-]{1,64}):(\d{1,15})$/.exec(value?.trim() ?? '');
  return m ? { epoch: m[1]!, seq: Number(m[2]) } : null;
}

/** A frame as JSON text, for Redis and tests. */
export function encodeFrame(frame: LiveFrame): string {
  return JSON.stringify(frame);
}

export function decodeFrame(text: string): LiveFrame | null {
  try {
    const f = JSON.parse(text) as LiveFrame;
    if (typeof f.epoch !== 'string' || !Number.isInteger(f.seq) || typeof f.at !== 'number') return null;
    if (f.kind === 'snapshot' && f.view && typeof f.view === 'object') return f;
    if (f.kind === 'patch' && Array.isArray(f.ops)) return f;
    return null;
  } catch {
    return null;
  }
}
