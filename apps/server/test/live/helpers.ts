// Test plumbing for the live API: a source scripted step by step (the ingester and the fan-out do
// not care what derives the view), an SSE client that keeps the view it is sent the way a browser
// does (snapshot, then JSON Patch), and an app listening on a free port.
import { request } from 'node:http';
import jsonpatch from 'fast-json-patch';
import { createParser } from 'eventsource-parser';
import type { FastifyInstance } from 'fastify';
import type { ErrorCode } from '../../src/http/errors.js';
import type { LiveCommand } from '../../src/live/commands.js';
import type { LiveView } from '../../src/live/frames.js';
import type { RunningSource } from '../../src/live/ingester.js';

export class ScriptedSource implements RunningSource {
  n = 0;
  paused = false;
  speed: number | 'max' = 1;
  positionMs = 0;
  private changed: ((reset: boolean) => void) | null = null;
  stopped = false;

  private pad = '';

  constructor(readonly kind: 'live' | 'replay' = 'replay') {}

  view(): LiveView {
    return { counter: { n: this.n, pad: this.pad }, history: Array.from({ length: Math.min(this.n, 5) }, (_, i) => this.n - i) };
  }

  status() {
    return {
      session: { year: 2025, round: 20, session: 'Q', name: 'Scripted', path: null },
      connected: true,
      topicsMissing: this.kind === 'live' ? ['CarData.z', 'Position.z'] : [],
      recording: null,
      replay: this.kind === 'replay' ? { speed: this.speed, paused: this.paused, positionMs: this.positionMs, durationMs: 3_600_000 } : null,
      message: null,
    };
  }

  onChange(changed: (reset: boolean) => void): void {
    this.changed = changed;
  }

  /** One change of the view; with `bytes`, a field of that size changes too (a heavy frame). */
  step(bytes = 0): void {
    this.n++;
    if (bytes > 0) this.pad = String(this.n % 10).repeat(bytes);
    this.changed?.(false);
  }

  control(command: Extract<LiveCommand, { type: 'control' }>): { code: ErrorCode; message: string } | null {
    if (this.kind === 'live') return { code: 'APX_ERR_CONFLICT', message: 'live' };
    if (command.action === 'pause') this.paused = true;
    if (command.action === 'resume') this.paused = false;
    if (command.action === 'speed') this.speed = command.speed!;
    if (command.action === 'seek') this.positionMs = command.toMs!;
    return null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

export interface ReceivedEvent {
  id: string;
  type: 'snapshot' | 'patch';
  seq: number;
  at: number;
  receivedAt: number;
  /** the client's view after applying this event */
  view: LiveView;
}

export interface StreamClient {
  readonly events: ReceivedEvent[];
  readonly view: LiveView | null;
  readonly lastEventId: string | undefined;
  /** resolves when the server ends the stream or the socket closes */
  readonly closed: Promise<void>;
  close(): void;
  /** waits until an event satisfies `until` */
  waitFor(until: (e: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  pause(): void;
}

/** Opens GET {base}/api/v1/live/stream like EventSource does, and applies what it receives. */
export function openStream(
  base: string,
  opts: { delay?: number; keepViews?: boolean; lastEventId?: string; /** a closed client to resume, as EventSource does */ resume?: StreamClient } = {},
): Promise<StreamClient> {
  return new Promise((resolve, reject) => {
    const events: ReceivedEvent[] = [];
    let view: LiveView | null = opts.resume?.view ?? null;
    let lastEventId = opts.resume?.lastEventId ?? opts.lastEventId;
    const waiters = new Set<{ until: (e: ReceivedEvent) => boolean; resolve: (e: ReceivedEvent) => void }>();
    const parser = createParser({
      onEvent(e) {
        if (e.event !== 'snapshot' && e.event !== 'patch') return;
        const data = JSON.parse(e.data) as { seq: number; at: number; view?: LiveView; ops?: jsonpatch.Operation[] };
        view = e.event === 'snapshot' ? data.view! : (jsonpatch.applyPatch(view, data.ops!, false, false).newDocument as LiveView);
        lastEventId = e.id;
        const ev: ReceivedEvent = { id: e.id!, type: e.event, seq: data.seq, at: data.at, receivedAt: Date.now(), view: opts.keepViews === false ? {} : view };
        events.push(ev);
        for (const w of waiters) if (w.until(ev)) {
          waiters.delete(w);
          w.resolve(ev);
        }
      },
    });
    const url = new URL('/api/v1/live/stream', base);
    if (opts.delay !== undefined) url.searchParams.set('delay', String(opts.delay));
    const req = request(url, { headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) } });
    let done!: () => void;
    const closed = new Promise<void>((r) => (done = r));
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => parser.feed(chunk));
      res.on('close', done);
      res.on('error', done);
      resolve({
        events,
        get view() {
          return view;
        },
        get lastEventId() {
          return lastEventId;
        },
        closed,
        close: () => req.destroy(),
        pause: () => res.pause(),
        waitFor(until, timeoutMs = 5000) {
          const hit = events.find(until);
          if (hit) return Promise.resolve(hit);
          return new Promise((ok, fail) => {
            const w = { until, resolve: ok };
            waiters.add(w);
            setTimeout(() => {
              if (waiters.delete(w)) fail(new Error(`no matching event within ${timeoutMs} ms (got ${events.length}, last seq ${events.at(-1)?.seq})`));
            }, timeoutMs);
          });
        },
      });
    });
    req.on('close', () => done());
    req.on('error', (err) => {
      done();
      reject(err);
    });
    req.end();
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
