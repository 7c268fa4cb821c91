// `app.config`: the validated configuration, decorated once so every plugin reads the same values.
import fp from 'fastify-plugin';
import type { Config } from '../../config.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface ConfigPluginOptions {
  config: Config;
}

export default fp<ConfigPluginOptions>(
  async (app, opts) => {
    app.decorate('config', opts.config);
  },
  { name: 'config', fastify: '5.x' },
);
