// `app.live`: this process's hub (timeline + SSE fan-out), the way to reach the one ingester, and
// the ingester seat (runtime.ts). Without REDIS_URL the ingester runs here, in the API process (the
// default local install); with Redis, frames and commands go through Redis and the process holding
// the ingester lease — an `apex live` process or one of the API processes — ingests.
import fp from 'fastify-plugin';
import type { CommandBus } from './bus.js';
import { LiveHub } from './hub.js';
import type { Ingester } from './ingester.js';
import { IngesterSeat, liveBuses, type LiveRuntimeOptions } from './runtime.js';

declare module 'fastify' {
  interface FastifyInstance {
    live: {
      hub: LiveHub;
      commands: CommandBus;
      /** the ingester, while this process runs it */
      readonly ingester: Ingester | null;
    };
  }
}

export interface LiveOptions extends LiveRuntimeOptions {
  /** seconds of history kept (the largest delay); default APEX_LIVE_HISTORY */
  historySeconds?: number;
  /** per-client send buffer bound in bytes */
  maxBufferedBytes?: number;
}

export default fp<LiveOptions>(
  async (app, opts) => {
    const { config } = app;
    const historyMs = (opts.historySeconds ?? config.APEX_LIVE_HISTORY) * 1000;
    const buses = liveBuses(config, historyMs, app.log);
    const hub = new LiveHub({ bus: buses.frames, historyMs, maxBufferedBytes: opts.maxBufferedBytes, log: app.log });
    await hub.start();
    const seat = new IngesterSeat(buses, config, app.jobDeps.sources, opts, app.log);
    await seat.start();
    app.decorate('live', {
      hub,
      commands: buses.commands,
      get ingester() {
        return seat.ingester;
      },
    });
    app.addHook('preClose', async () => {
      // SSE responses are hijacked: end them or the server waits for them forever.
      await hub.close();
    });
    app.addHook('onClose', async () => {
      await seat.stop();
      await buses.close();
    });
  },
  { name: 'live', dependencies: ['config', 'jobs'], fastify: '5.x' },
);
