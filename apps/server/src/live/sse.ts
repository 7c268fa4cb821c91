// Server-Sent Events on a raw Node response: the event text of a frame is built once and the same
// string is written to every client that is due it. A client whose socket buffer grows past its
// bound (it reads slower than frames arrive) is dropped, so it can never slow the others; it comes
// back with Last-Event-ID and resumes.
import type { ServerResponse } from 'node:http';
import { eventId, type LiveFrame, type LiveView } from './frames.js';

const frameText = new WeakMap<LiveFrame, string>();

/** The SSE event of a frame: `snapshot` (a whole view) or `patch` (JSON Patch operations). Cached per frame. */
export function sseFrame(frame: LiveFrame): string {
  let text = frameText.get(frame);
  if (text === undefined) {
    const data = frame.kind === 'snapshot' ? { seq: frame.seq, at: frame.at, view: frame.view } : { seq: frame.seq, at: frame.at, ops: frame.ops };
    text = `id: ${eventId(frame)}\nevent: ${frame.kind}\ndata: ${JSON.stringify(data)}\n\n`;
    frameText.set(frame, text);
  }
  return text;
}

/** A snapshot event for a view rebuilt at `seq` (a client joining or resuming). */
export function sseSnapshot(epoch: string, seq: number, at: number, view: LiveView): string {
  return `id: ${epoch}:${seq}\nevent: snapshot\ndata: ${JSON.stringify({ seq, at, view })}\n\n`;
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // nginx and similar proxies must not buffer the stream
  'x-accel-buffering': 'no',
} as const;

export class SseClient {
  private closed = false;
  /** why the server ended it, when it did */
  dropReason: string | null = null;

  constructor(
    readonly res: ServerResponse,
    private readonly maxBufferedBytes: number,
    private readonly onClose: (client: SseClient) => void,
  ) {
    res.on('close', () => this.close());
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Bytes written but not yet accepted by the socket. */
  get buffered(): number {
    return this.res.writableLength;
  }

  /**
   * Writes unless what was written before is still waiting past the bound: a client that keeps up
   * has (almost) nothing pending when the next frame comes, whatever the frame's size.
   */
  write(text: string): void {
    if (this.closed) return;
    if (this.res.writableLength > this.maxBufferedBytes) {
      this.drop('slow client: send buffer full');
      return;
    }
    this.res.write(text);
  }

  drop(reason: string): void {
    if (this.closed) return;
    this.dropReason = reason;
    this.res.destroy();
    this.close();
  }

  end(): void {
    if (this.closed) return;
    this.res.end();
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
  }
}
