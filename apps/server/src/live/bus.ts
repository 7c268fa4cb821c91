// How the one ingester reaches every API process: frames one way, commands (replay, pause, seek…)
// the other. In one process (no REDIS_URL) both are function calls; with Redis they go through a
// stream and a pub/sub channel (redis-bus.ts). The hub and the routes only see these interfaces.
import type { LiveFrame, LiveView } from './frames.js';
import type { LiveCommand, CommandResult } from './commands.js';

export interface FrameBus {
  /** `view` is the whole view after the frame (a bus may keep it as a checkpoint for late subscribers). */
  publish(frame: LiveFrame, view?: LiveView): Promise<void>;
  /** Delivers frames from now on, in order (the Redis bus first replays what its stream still holds). */
  subscribe(listener: (frame: LiveFrame) => void): Promise<void>;
  close(): Promise<void>;
}

export interface CommandBus {
  /** Sends a command to the ingester and waits for its answer. */
  request(command: LiveCommand): Promise<CommandResult>;
  /** The ingester's side: one handler answers every command. */
  serve(handler: (command: LiveCommand) => Promise<CommandResult>): Promise<void>;
  /** The ingester stops answering (it lost its lease, or is stopping). */
  unserve(): Promise<void>;
  close(): Promise<void>;
}

/** Both halves in one process. */
export class LocalBus implements FrameBus, CommandBus {
  private readonly listeners = new Set<(frame: LiveFrame) => void>();
  private handler: ((command: LiveCommand) => Promise<CommandResult>) | null = null;

  async publish(frame: LiveFrame): Promise<void> {
    for (const l of this.listeners) l(frame);
  }

  async subscribe(listener: (frame: LiveFrame) => void): Promise<void> {
    this.listeners.add(listener);
  }

  async request(command: LiveCommand): Promise<CommandResult> {
    if (!this.handler) return { ok: false, code: 'APX_ERR_UNAVAILABLE', message: 'the live ingester is not running' };
    return this.handler(command);
  }

  async serve(handler: (command: LiveCommand) => Promise<CommandResult>): Promise<void> {
    this.handler = handler;
  }

  async unserve(): Promise<void> {
    this.handler = null;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.handler = null;
  }
}
