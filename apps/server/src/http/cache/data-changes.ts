// What an API process knows of data changes made anywhere: the current history generation (cached
// history answers are keyed by it, so an answer computed before a change is never served after it)
// and which sessions were reloaded. Writers announce changes in their transaction (src/db/changes.ts).
//
// On PostgreSQL a dedicated connection LISTENs, so a change committed by any process (a BullMQ
// worker, `apex import`, `apex sync`, another API process) is known here within milliseconds. With
// PGlite only this process can write: its writers call refresh(). Either way the generation is also
// re-read every `pollMs`, which bounds staleness should a notification ever be lost (a connection
// pooler that does not pass LISTEN through, a network partition nobody noticed).
import pg from 'pg';
import { CHANGES_CHANNEL, decodeChange, historyGeneration, type ChangedSession } from '../../db/changes.js';
import type { DbOrTx } from '../../db/client.js';

export interface ChangeLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface DataChangesOptions {
  db: DbOrTx;
  /** PostgreSQL URL to LISTEN on; unset (PGlite): only this process writes, and calls refresh(). */
  listenUrl?: string;
  logger?: ChangeLogger;
  /** ms between re-reads of the generation (the safety net); 0 = never */
  pollMs?: number;
}

type HistoryListener = (generation: number, previous: number) => void;
type SessionListener = (key: ChangedSession) => void;

const silent: ChangeLogger = { warn() {}, info() {} };

export class DataChanges {
  private generation = 0;
  private readonly historyListeners: HistoryListener[] = [];
  private readonly sessionListeners: SessionListener[] = [];
  private readonly log: ChangeLogger;
  private client: pg.Client | null = null;
  private listening: 'unknown' | 'up' | 'down' = 'unknown';
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = 500;
  private poller: NodeJS.Timeout | null = null;
  private closed = false;
  /** The read waiting to start; callers arriving meanwhile share it (see refresh). */
  private nextRead: Promise<void> | null = null;
  private lastRead: Promise<void> = Promise.resolve();

  constructor(private readonly opts: DataChangesOptions) {
    this.log = opts.logger ?? silent;
  }

  /** The history generation last read; part of every cached history answer's key. */
  get history(): number {
    return this.generation;
  }

  /** Called when the history generation changes (not for the first read). */
  onHistory(listener: HistoryListener): void {
    this.historyListeners.push(listener);
  }

  /** Called when a session's data was replaced by a load (in any process, on PostgreSQL). */
  onSession(listener: SessionListener): void {
    this.sessionListeners.push(listener);
  }

  /**
   * Reads the generation and starts listening. Never throws, and waits at most `waitMs` for a
   * database that does not answer: the app starts anyway, and reconnects and the poll catch up.
   */
  async start(waitMs = 2000): Promise<void> {
    const first = Promise.all([
      this.refresh().catch((err: unknown) => this.log.warn({ err: messageOf(err) }, 'data changes: could not read the history generation yet')),
      this.opts.listenUrl ? this.listen() : undefined,
    ]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([first, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
    if (this.opts.pollMs) {
      this.poller = setInterval(() => void this.refresh().catch(() => undefined), this.opts.pollMs);
      this.poller.unref();
    }
  }

  /**
   * Re-reads the generation. Reads run one at a time, each starting after the previous one ended, so
   * the last read is the newest state (and a read that starts after a commit sees it): a caller that
   * just committed a write can await this and serve the new data at once.
   */
  refresh(): Promise<void> {
    if (this.nextRead) return this.nextRead;
    const read = this.lastRead.then(async () => {
      this.nextRead = null;
      this.apply(await historyGeneration(this.opts.db));
    });
    this.nextRead = read;
    this.lastRead = read.catch(() => undefined);
    return read;
  }

  /**
   * A lower value than before is taken as well: generations only grow, so it means the database was
   * replaced, and keys of the old one must not be reused.
   */
  private apply(generation: number): void {
    if (generation === this.generation || this.closed) return;
    const previous = this.generation;
    this.generation = generation;
    for (const l of this.historyListeners) l(generation, previous);
  }

  private receive(payload: string | undefined): void {
    const change = payload === undefined ? null : decodeChange(payload);
    if (!change) return;
    if (change.scope === 'session') {
      for (const l of this.sessionListeners) l(change.key);
      return;
    }
    // The payload's number is not applied directly: a read that began before this commit could end
    // after it and put an older value back. A read that starts now is ordered after both.
    if (change.generation !== this.generation) void this.refresh().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.listenUrl, keepAlive: true, connectionTimeoutMillis: 5000 });
    let lost = false;
    const onLost = (err?: unknown) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.closed) return;
      if (this.listening !== 'down') this.log.warn({ err: messageOf(err ?? 'connection ended') }, 'data changes: not listening to the database; retrying (cached answers may be stale meanwhile)');
      this.listening = 'down';
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        void this.listen();
      }, this.reconnectDelay);
      this.reconnectTimer.unref();
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, 30_000);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (msg) => {
      if (msg.channel === CHANGES_CHANNEL) this.receive(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (err) {
      onLost(err);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.reconnectDelay = 500;
    if (this.listening === 'down') this.log.info({}, 'data changes: listening to the database again');
    this.listening = 'up';
    // Whatever changed while nobody listened.
    await this.refresh().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poller) clearInterval(this.poller);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
