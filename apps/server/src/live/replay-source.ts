// An archived session played as if live, as the ingester drives it: the engine's ReplayPlayer
// (pacing, pause, seek from keyframes) feeding the engine's LiveState; the view is derived from that
// state on demand. Engine errors become API errors here, where the session is known.
import {
  ArchiveClient, EngineCriticalError, LiveState, loadTimeline, Replay, ReplayPlayer, type ReplaySpeed,
} from '@apexdata/livetiming';
import { apexError, type ErrorCode } from '../http/errors.js';
import type { LiveCommand, ReplayTarget } from './commands.js';
import type { RunningSource } from './ingester.js';
import { engineView } from './view.js';

export interface ReplayStart {
  speed: ReplaySpeed;
  /** ms into the session stream */
  fromMs: number;
  paused: boolean;
}

export async function openArchiveReplay(archive: ArchiveClient, target: ReplayTarget, start: ReplayStart): Promise<RunningSource> {
  let replay: Replay;
  try {
    replay = new Replay(await loadTimeline(archive, target.path));
  } catch (err) {
    if (err instanceof EngineCriticalError && (err.code === 'session-not-found' || err.code === 'bad-path')) {
      throw apexError('APX_ERR_NOT_FOUND', `no session ${target.year}/${target.round}/${target.session} in the archive: ${err.message}`);
    }
    if (err instanceof EngineCriticalError) throw apexError('APX_ERR_UPSTREAM', err.message);
    throw err;
  }
  return new ArchiveReplay(target, replay, start);
}

class ArchiveReplay implements RunningSource {
  readonly kind = 'replay' as const;
  private readonly player: ReplayPlayer;
  private readonly state = new LiveState();
  private changed: (reset: boolean) => void = () => {};
  private stopped = false;
  /** a seek restores the state at once; the player's own snapshot of that point is then skipped */
  private seekedTo: number | null = null;

  constructor(
    private readonly target: ReplayTarget,
    private readonly replay: Replay,
    start: ReplayStart,
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
    return engineView(this.state, this.player.position);
  }

  status() {
    const { year, round, session, name, path } = this.target;
    const speed = this.player.speed;
    return {
      session: { year, round, session, name, path },
      connected: true,
      topicsMissing: [],
      replay: {
        speed,
        paused: this.player.paused || this.player.status().state === 'ended',
        positionMs: Math.round(this.player.position - this.replay.startAt),
        durationMs: this.replay.endAt - this.replay.startAt,
      },
      message: this.player.status().state === 'ended' ? 'replay ended' : null,
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
