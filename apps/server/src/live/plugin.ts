// `app.live`: this process's hub (timeline + SSE fan-out) and the way to reach the one ingester.
// Without REDIS_URL the ingester runs here, in the API process (the default local install). With
// Redis, frames and commands go through Redis and exactly one process — the one holding the
// ingester lease: an `apex live` process or one of the API processes — runs the ingester.
import fp from 'fastify-plugin';
import { LocalBus, type CommandBus, type FrameBus } from './bus.js';
import { LiveHub } from './hub.js';
import { Ingester, type IngesterOptions } from './ingester.js';
import { openArchiveReplay } from './replay-source.js';

declare module 'fastify' {
  interface FastifyInstance {
    live: {
      hub: LiveHub;
      commands: CommandBus;
      /** the ingester, when this process runs it */
      ingester: Ingester | null;
    };
  }
}

export interface LiveOptions {
  /** replaces the archive replay (tests drive scripted sources) */
  openReplay?: IngesterOptions['openReplay'];
  /** seconds of history kept (the largest delay); default APEX_LIVE_HISTORY */
  historySeconds?: number;
  /** per-client send buffer bound in bytes */
  maxBufferedBytes?: number;
  minIntervalMs?: number;
}

export default fp<LiveOptions>(
  async (app, opts) => {
    const { config } = app;
    const bus = new LocalBus();
    const frames: FrameBus = bus;
    const commands: CommandBus = bus;
    const hub = new LiveHub({
      bus: frames,
      historyMs: (opts.historySeconds ?? config.APEX_LIVE_HISTORY) * 1000,
      maxBufferedBytes: opts.maxBufferedBytes,
      log: app.log,
    });
    await hub.start();
    const ingester = new Ingester({
      frames,
      commands,
      openReplay: opts.openReplay ?? ((target, speed, fromMs, paused) => openArchiveReplay(app.jobDeps.sources.archive, target, { speed, fromMs, paused })),
      tokenConfigured: Boolean(config.APEX_F1TV_TOKEN),
      minIntervalMs: opts.minIntervalMs,
      log: app.log,
    });
    await ingester.start();
    app.decorate('live', { hub, commands, ingester });
    app.addHook('preClose', async () => {
      // SSE responses are hijacked: end them or the server waits for them forever.
      await hub.close();
    });
    app.addHook('onClose', async () => {
      await ingester.stop();
      await bus.close();
    });
  },
  { name: 'live', dependencies: ['config', 'jobs'], fastify: '5.x' },
);
