// A replay as the ingester drives it — of an archived session or of a recording of the live feed:
// the engine's ReplayPlayer (pacing, pause, seek from keyframes) feeding the engine's LiveState; the
// view is derived from that state on demand, with the circuit outline computed once when the replay
// opens. Engine errors become API errors here, where the session or recording is known.
import {
  ArchiveClient, EngineCriticalError, LiveState, loadTimeline, Replay, ReplayPlayer, type ReplaySpeed, type Timeline,
} from '@apexdata/livetiming';
import { apexError, type ErrorCode } from '../http/errors.js';
import type { ArchiveTarget, LiveCommand } from './commands.js';
import type { RunningSource } from './ingester.js';
import type { LiveStatus } from './view.js';
import { engineView, type LiveTrack } from './view.js';
import { sessionOutline } from './track.js';

export interface ReplayStart {
  speed: ReplaySpeed;
  /** ms into the session stream */
  fromMs: number;
  paused: boolean;
}

/** What a replay says about itself besides its position: its session, missing topics, a note. */
export type ReplayDescription = Pick<LiveStatus, 'session' | 'topicsMissing' | 'recording'> & { note: string | null };

export async function openArchiveReplay(archive: ArchiveClient, target: ArchiveTarget, start: ReplayStart): Promise<RunningSource> {
  let timeline: Timeline;
  try {
    timeline = await loadTimeline(archive, target.path);
  } catch (err) {
    if (err instanceof EngineCriticalError && (err.code === 'session-not-found' || err.code === 'bad-path')) {
      throw apexError('APX_ERR_NOT_FOUND', `no session ${target.year}/${target.round}/${target.session} in the archive: ${err.message}`);
    }
    if (err instanceof EngineCriticalError) throw apexError('APX_ERR_UPSTREAM', err.message);
    throw err;
  }
  const { year, round, session, name, path } = target;
  const track = await sessionOutline(timeline, archive);
  return new ReplayingSource('replay', new Replay(timeline), start, { session: { year, round, session, name, path }, topicsMissing: [], recording: null, note: null }, track);
}

export class ReplayingSource implements RunningSource {
  private readonly player: ReplayPlayer;
  private readonly state = new LiveState();
  private changed: (reset: boolean) => void = () => {};
  private stopped = false;
  /** a seek restores the state at once; the player's own snapshot of that point is then skipped */
  private seekedTo: number | null = null;

  constructor(
    readonly kind: 'replay' | 'recording',
    private readonly replay: Replay,
    start: ReplayStart,
    private readonly about: ReplayDescription,
    private readonly track: LiveTrack | null,
  ) {
    const from = Math.min(replay.endAt, replay.startAt + start.fromMs);
    this.player = new ReplayPlayer(replay, { speed: start.speed, from, paused: start.paused });
    // The ingester publishes the first view as soon as the replay is in use: hold it already.
    this.jumpTo(from);
    void this.pump();
  }

  private async pump(): Promise<void> {
    for await (const event of this.player) {
      if (this.stopped) break;
      if (event.type === 'snapshot' && event.at === this.seekedTo) {
        this.seekedTo = null;
        continue;
      }
      this.state.handle(event);
      this.changed(event.type === 'snapshot');
    }
  }

  /** The state at feed time `at` now; the player's own snapshot of that point is skipped when it comes. */
  private jumpTo(at: number): void {
    this.state.restore(this.replay.stateAt(at).snapshot());
    this.seekedTo = at;
  }

  view() {
    return engineView(this.state, this.player.position, this.track);
  }

  status() {
    const speed = this.player.speed;
    const ended = this.player.status().state === 'ended';
    return {
      session: this.about.session,
      connected: true,
      topicsMissing: this.about.topicsMissing,
      recording: this.about.recording,
      replay: {
        speed,
        paused: this.player.paused || ended,
        positionMs: Math.round(this.player.position - this.replay.startAt),
        durationMs: this.replay.endAt - this.replay.startAt,
      },
      message: [ended ? 'replay ended' : null, this.about.note].filter(Boolean).join(' · ') || null,
    };
  }

  onChange(changed: (reset: boolean) => void): void {
    this.changed = changed;
  }

  control(command: Extract<LiveCommand, { type: 'control' }>): { code: ErrorCode; message: string } | null {
    switch (command.action) {
      case 'pause':
        this.player.pause();
        break;
      case 'resume':
        this.player.resume();
        break;
      case 'speed':
        this.player.setSpeed(command.speed!);
        break;
      case 'seek': {
        // The answer to a seek shows the new point, without waiting for the player's next turn.
        const to = Math.min(this.replay.endAt, this.replay.startAt + command.toMs!);
        this.player.seek(to);
        this.jumpTo(to);
        break;
      }
      case 'stop':
        break;
    }
    return null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.player.close();
  }
}
