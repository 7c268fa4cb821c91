// The F1 live feed over SignalR Core, through Microsoft's own client (@microsoft/signalr): it does the
// negotiate POST, the WebSocket with cookies (the load balancer's AWSALBCORS) and headers, the
// handshake, `\x1e` framing and pings. On top of it this source adds what the F1 feed needs:
// Subscribe with the topic list (its completion is a full snapshot), the raw frame text for
// recordings (a hub-protocol wrapper sees every frame before parsing), a watchdog for a connection
// that stays open but sends no data, and reconnects with the platform's retry policy (jittered
// backoff, as a signalr IRetryPolicy). The reconnect loop is ours, not `withAutomaticReconnect`:
// the library's never covers a failed first start nor a connection the watchdog stopped, and here
// every connection — first or later — is a fresh negotiate + Subscribe whose snapshot replaces the
// state (no stale session).
import { HttpTransportType, HubConnectionBuilder, JsonHubProtocol, LogLevel, TransferFormat, type HubConnection, type HubMessage, type IHubProtocol, type ILogger, type IRetryPolicy } from '@microsoft/signalr';
import type { JsonValue } from '../../stream/merge.js';
import { parseUtc } from '../../timing/time.js';
import type { LiveEvent, LiveSource, SourceStatus } from '../types.js';
import { signalrRetryPolicy } from './retry-policy.js';
import { snapshotTime } from './snapshot.js';
import { F1_SIGNALR_URL, FEED_TOPICS, missingTopics, type MissingTopic } from './topics.js';

export interface FeedOptions {
  /** SignalR Core endpoint. Default the F1 host; tests point it at a loopback server. */
  readonly url?: string;
  /** Topics to Subscribe to. Default `FEED_TOPICS`. */
  readonly topics?: readonly string[];
  /** F1TV subscription token, sent as `Authorization: Bearer` on negotiate and on the WebSocket. Keep it server-side. */
  readonly token?: string | null;
  /** Restart the connection when no feed data arrived for this long (ms). Default 60 s. */
  readonly watchdogMs?: number;
  /** Give up on a connection whose negotiate, handshake or Subscribe takes longer (ms). Default 30 s. */
  readonly connectTimeoutMs?: number;
  /**
   * When to reconnect after a connection ended or failed; default `signalrRetryPolicy()` (the
   * engine's retry policy: equal-jitter exponential backoff, 1 s to 30 s, never giving up). A null
   * delay ends the source.
   */
  readonly retryPolicy?: IRetryPolicy;
  /** Client ping interval (ms); the feed expects traffic within ~30 s. Default 15 s. */
  readonly keepAliveMs?: number;
  /** Give up on a silent server after this long (ms, pings included). Default 30 s. */
  readonly serverTimeoutMs?: number;
  /** Every frame of text as received (before parsing), with its wall-clock receive time: for recordings. */
  readonly onFrame?: (text: string, receivedAt: number) => void;
  /** Diagnostics (connection errors, retries). */
  readonly onLog?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Wall clock (epoch ms). */
  readonly now?: () => number;
}

/** The JSON hub protocol, reporting each raw frame before it parses it. */
class RecordingProtocol implements IHubProtocol {
  readonly name = 'json';
  readonly version = 1;
  readonly transferFormat = TransferFormat.Text;
  private readonly inner = new JsonHubProtocol();
  constructor(private readonly onFrame: (text: string) => void) {}
  parseMessages(input: string | ArrayBuffer, logger: ILogger): HubMessage[] {
    if (typeof input === 'string') this.onFrame(input);
    return this.inner.parseMessages(input as string, logger);
  }
  writeMessage(message: HubMessage): string {
    return this.inner.writeMessage(message);
  }
}

/**
 * Live events from the F1 feed: a status, then per connection a snapshot (the Subscribe result) and
 * feed messages; `reconnecting` statuses between connections. Runs until `close()` or the consumer
 * stops iterating.
 *
 * @example
 * const feed = new FeedSource({ token: process.env.F1TV_TOKEN });
 * for await (const event of feed) state.handle(event);
 */
export class FeedSource implements LiveSource {
  readonly kind = 'feed' as const;
  private closed = false;
  private connection: HubConnection | null = null;
  private readonly queue: LiveEvent[] = [];
  private wake: (() => void) | null = null;
  private endSleep: (() => void) | null = null;
  private statusValue: SourceStatus = { source: 'feed', state: 'idle' };
  private lastData = 0;
  private watchdog: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private readonly topics: readonly string[];
  /** Connections opened so far (a reconnect opens a new one). */
  connections = 0;

  constructor(private readonly options: FeedOptions = {}) {
    this.now = options.now ?? Date.now;
    this.topics = options.topics ?? FEED_TOPICS;
  }

  status(): SourceStatus {
    return this.statusValue;
  }

  close(): void {
    this.closed = true;
    this.stopWatchdog();
    void this.connection?.stop().catch(() => undefined);
    this.endSleep?.();
    this.poke();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<LiveEvent> {
    const run = this.run();
    try {
      while (!this.closed || this.queue.length > 0) {
        const e = this.queue.shift();
        if (e) yield e;
        else await new Promise<void>((r) => (this.wake = r));
      }
    } finally {
      this.close();
      await run;
    }
  }

  // One connection after another until closed; the retry count restarts after each good Subscribe.
  private async run(): Promise<void> {
    const policy = this.options.retryPolicy ?? signalrRetryPolicy();
    let retries = 0;
    let since = this.now();
    while (!this.closed) {
      if (this.connections === 0) this.setStatus({ source: 'feed', state: 'connecting' });
      const ended = await this.connectOnce().then(() => null, (err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        this.log('warn', `feed connection failed: ${e.message}`);
        return e;
      });
      if (this.closed) break;
      if (ended === null) {
        retries = 0;
        since = this.now();
      }
      const delay = policy.nextRetryDelayInMilliseconds({ previousRetryCount: retries++, elapsedMilliseconds: this.now() - since, retryReason: ended ?? new Error('the feed connection closed') });
      if (delay === null) {
        this.log('error', `giving up on the feed after ${retries} attempt(s)`);
        this.close();
        break;
      }
      this.setStatus({ source: 'feed', state: 'reconnecting', detail: `reconnecting in ${Math.round(delay)} ms`, missingTopics: this.statusValue.missingTopics });
      await this.sleep(delay);
    }
    this.setStatus({ source: 'feed', state: 'idle' });
  }

  /** Opens one connection, subscribes, and resolves when that connection closes. */
  private async connectOnce(): Promise<void> {
    const token = this.options.token ?? null;
    const url = this.options.url ?? F1_SIGNALR_URL;
    const connection = new HubConnectionBuilder()
      .withUrl(url, {
        transport: HttpTransportType.WebSockets,
        ...(token ? { accessTokenFactory: () => token } : {}),
        logger: { log: (level: LogLevel, message: string) => { if (level >= LogLevel.Error) this.log('error', message); } },
      })
      .withHubProtocol(new RecordingProtocol((text) => this.options.onFrame?.(text, this.now())))
      .build();
    connection.keepAliveIntervalInMilliseconds = this.options.keepAliveMs ?? 15_000;
    connection.serverTimeoutInMilliseconds = this.options.serverTimeoutMs ?? 30_000;
    const closed = new Promise<void>((resolve) => connection.onclose((err) => {
      if (err) this.log('warn', `feed connection closed: ${err.message}`);
      resolve();
    }));
    // Feed messages that arrive before the Subscribe completion has been handed on (the library
    // resolves `invoke` a microtask after it parsed the frame, and may parse more frames first) wait
    // here, so they are applied on top of the snapshot instead of being wiped by it.
    let early: LiveEvent[] | null = [];
    connection.on('feed', (topic: unknown, data: unknown, utc: unknown) => {
      if (typeof topic !== 'string') return;
      const receivedAt = this.now();
      this.lastData = receivedAt;
      const at = parseUtc(utc);
      const event: LiveEvent = { type: 'message', message: { topic, data: data as JsonValue, at: Number.isNaN(at) ? receivedAt : at, receivedAt } };
      if (early) early.push(event);
      else this.push(event);
    });
    this.connection = connection;
    this.connections++;
    const limit = this.options.connectTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void connection.stop().catch(() => undefined);
        reject(new Error(`no Subscribe answer within ${limit} ms`));
      }, limit);
    });
    let result: Record<string, JsonValue> | null;
    try {
      result = await Promise.race([
        (async () => {
          await connection.start();
          if (this.closed) return null;
          return (await connection.invoke('Subscribe', this.topics)) as Record<string, JsonValue> | null;
        })(),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
    if (this.closed) {
      await connection.stop();
      return;
    }
    const snapshot = result && typeof result === 'object' ? result : {};
    const received = Object.keys(snapshot);
    const missing: MissingTopic[] = missingTopics(this.topics, received, !!token);
    this.lastData = this.now();
    this.push({ type: 'snapshot', topics: snapshot, at: snapshotTime(snapshot, this.lastData) });
    for (const e of early) this.push(e);
    early = null;
    this.setStatus({ source: 'feed', state: 'live', missingTopics: missing });
    this.startWatchdog(connection);
    await closed;
    this.stopWatchdog();
    this.connection = null;
  }

  private startWatchdog(connection: HubConnection): void {
    const limit = this.options.watchdogMs ?? 60_000;
    this.stopWatchdog();
    this.watchdog = setInterval(() => {
      if (this.now() - this.lastData < limit) return;
      this.log('warn', `no feed data for ${limit} ms: restarting the connection`);
      this.stopWatchdog();
      void connection.stop().catch(() => undefined);
    }, Math.max(50, Math.min(limit / 4, 5000)));
    this.watchdog.unref?.();
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private setStatus(status: SourceStatus): void {
    const prev = this.statusValue;
    this.statusValue = status;
    if (prev.state !== status.state || prev.detail !== status.detail || prev.missingTopics !== status.missingTopics) this.push({ type: 'status', status });
  }

  private push(event: LiveEvent): void {
    this.queue.push(event);
    this.poke();
  }

  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => this.endSleep?.(), ms);
      this.endSleep = () => {
        clearTimeout(t);
        this.endSleep = null;
        resolve();
      };
    });
  }

  private log(level: 'info' | 'warn' | 'error', message: string): void {
    this.options.onLog?.(level, message);
  }
}
