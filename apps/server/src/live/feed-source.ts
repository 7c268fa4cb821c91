// The F1 live feed as the ingester drives it: the engine's FeedSource (SignalR Core, reconnects with
// a fresh Subscribe, watchdog, token) feeding a LiveState; and the watcher that asks
// StreamingStatus.json whether a session is live, starts the feed when one is (it has priority over
// a replay) and stops it once the host says the session is over.
import { F1_LIVETIMING_URL, F1_SIGNALR_URL, FeedSource, fetchStreamingStatus, LiveState, type ArchiveClient, type SourceStatus } from '@apexdata/livetiming';
import type { ErrorCode } from '../http/errors.js';
import type { Ingester, RunningSource } from './ingester.js';
import { archiveOutline } from './track.js';
import { engineView, type LiveTrack } from './view.js';

export interface FeedConfig {
  /** SignalR Core endpoint */
  url: string;
  /** host of /static/StreamingStatus.json (URL or directory) */
  statusBase: string;
  token: string | null;
}

/** The feed to watch for this configuration, or null (offline, or an archive copy on disk). */
export function feedConfig(config: { LIVETIMING_BASE_URL: string; LIVETIMING_FEED_URL?: string; APEX_OFFLINE: boolean; APEX_F1TV_TOKEN?: string }): FeedConfig | null {
  if (config.APEX_OFFLINE || config.LIVETIMING_FEED_URL === 'off') return null;
  const onF1 = config.LIVETIMING_BASE_URL.replace(/\/+$/, '') === F1_LIVETIMING_URL;
  const url = config.LIVETIMING_FEED_URL ?? (onF1 ? F1_SIGNALR_URL : null);
  return url ? { url, statusBase: config.LIVETIMING_BASE_URL, token: config.APEX_F1TV_TOKEN ?? null } : null;
}

class LiveFeed implements RunningSource {
  readonly kind = 'live' as const;
  private readonly feed: FeedSource;
  private readonly state = new LiveState();
  private changed: (reset: boolean) => void = () => {};
  private feedStatus: SourceStatus = { source: 'feed', state: 'connecting' };
  /** The circuit outline (from the archive: the live session's own positions are not a lap yet) and the circuit it is for. */
  private track: LiveTrack | null = null;
  private trackCircuit: number | null = null;

  constructor(cfg: FeedConfig, private readonly archive: ArchiveClient | null, private readonly log?: { warn(obj: object, msg: string): void }) {
    this.feed = new FeedSource({ url: cfg.url, token: cfg.token, onLog: (level, message) => level !== 'info' && log?.warn({ feed: cfg.url }, message) });
    void this.pump();
  }

  private async pump(): Promise<void> {
    for await (const event of this.feed) {
      if (event.type === 'status') this.feedStatus = event.status;
      else {
        this.state.handle(event);
        this.findTrack();
      }
      // A Subscribe result replaces everything (a reconnect): clients get a snapshot, not a patch.
      this.changed(event.type === 'snapshot');
    }
  }

  /** Once per circuit (a new session may be at another one): the outline from the archive, in the background. */
  private findTrack(): void {
    const meeting = (this.state.topics.SessionInfo as { Meeting?: { Name?: unknown; Circuit?: { Key?: unknown } } } | undefined)?.Meeting;
    const key = Number(meeting?.Circuit?.Key);
    if (!this.archive || !Number.isInteger(key) || key === this.trackCircuit) return;
    this.trackCircuit = key;
    this.track = null;
    archiveOutline(this.archive, { circuitKey: key, meetingName: typeof meeting?.Name === 'string' ? meeting.Name : null, before: Date.now() })
      .then((track) => {
        if (this.trackCircuit !== key) return;
        this.track = track;
        this.changed(false);
      })
      .catch((err: unknown) => this.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'live: no circuit outline from the archive'));
  }

  view() {
    return engineView(this.state, Date.now(), this.track);
  }

  status() {
    const s = this.feedStatus;
    const info = engineView(this.state, Date.now()).session as { meeting?: string | null; name?: string | null; path?: string | null } | undefined;
    const name = [info?.meeting, info?.name].filter(Boolean).join(' · ') || 'F1 live feed';
    return {
      session: { year: null, round: null, session: null, name, path: info?.path ?? null },
      connected: s.state === 'live',
      topicsMissing: (s.missingTopics ?? []).map((m) => m.topic),
      recording: null,
      replay: null,
      message: s.state === 'connecting' ? 'connecting to the F1 live feed' : s.state === 'reconnecting' ? `reconnecting to the F1 live feed (${s.detail ?? ''})` : null,
    };
  }

  onChange(changed: (reset: boolean) => void): void {
    this.changed = changed;
  }

  control(): { code: ErrorCode; message: string } | null {
    return { code: 'APX_ERR_CONFLICT', message: 'the live feed cannot be paused or seeked; use a broadcast delay (?delay=)' };
  }

  async stop(): Promise<void> {
    this.feed.close();
  }
}

/** Polls StreamingStatus.json and puts the live feed into the ingester while a session is live. */
export function watchFeed(ingester: Ingester, cfg: FeedConfig, opts: { everyMs?: number; archive?: ArchiveClient; log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void } } = {}): () => void {
  let offlineChecks = 0;
  let stopped = false;
  const check = async () => {
    let live = false;
    try {
      live = (await fetchStreamingStatus(cfg.statusBase)).live;
    } catch (err) {
      opts.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'live: cannot read StreamingStatus.json');
      return;
    }
    if (stopped) return;
    const running = ingester.running?.kind === 'live';
    if (live && !running) {
      opts.log?.info({ feed: cfg.url }, 'live: a session is live, connecting to the F1 feed');
      await ingester.use(new LiveFeed(cfg, opts.archive ?? null, opts.log));
    }
    offlineChecks = live ? 0 : offlineChecks + 1;
    // Two offline answers in a row: the session is over (one may be a blip of the host).
    if (!live && running && offlineChecks >= 2) await ingester.use(null);
  };
  void check();
  const timer = setInterval(() => void check(), opts.everyMs ?? 30_000);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
