// `app.responseCache`: the store behind HTTP caching (Redis + LRU, or LRU alone). See ../cache/store.ts.
import fp from 'fastify-plugin';
import { createStore, type ResponseStore } from '../cache/store.js';
import { installationIdentity } from '../redis.js';

declare module 'fastify' {
  interface FastifyInstance {
    responseCache: ResponseStore;
  }
}

export interface CachePluginOptions {
  /** a ready store (tests); by default one is built from REDIS_URL */
  store?: ResponseStore;
}

export default fp<CachePluginOptions>(
  async (app, opts) => {
    const { config } = app;
    const store =
      opts.store ??
      createStore({
        redisUrl: config.REDIS_URL,
        identity: installationIdentity(config),
        logger: app.log,
      });
    app.decorate('responseCache', store);
    app.addHook('onClose', async () => {
      if (!opts.store) await store.close();
    });
  },
  { name: 'cache', dependencies: ['config'], fastify: '5.x' },
);
