// `app.dataChanges`: this process's view of data changes made by any process (the history generation
// cached answers are keyed by, reloaded sessions). See ../cache/data-changes.ts.
import fp from 'fastify-plugin';
import { DataChanges } from '../cache/data-changes.js';

declare module 'fastify' {
  interface FastifyInstance {
    dataChanges: DataChanges;
  }
}

/** How often the generation is re-read in case a change notification was lost. */
export const CHANGE_POLL_MS = 10_000;

export interface DataChangesPluginOptions {
  /** a started view owned by the caller (tests: apps sharing one process's state); default: a new one */
  dataChanges?: DataChanges;
}

export default fp<DataChangesPluginOptions>(
  async (app, opts) => {
    let changes = opts.dataChanges;
    if (!changes) {
      const own = new DataChanges({
        db: app.db,
        listenUrl: app.database.kind === 'postgres' ? app.config.DATABASE_URL : undefined,
        logger: app.log,
        pollMs: CHANGE_POLL_MS,
      });
      await own.start();
      app.addHook('onClose', async () => {
        await own.close();
      });
      changes = own;
    }
    app.decorate('dataChanges', changes);
  },
  { name: 'data-changes', dependencies: ['config', 'db'], fastify: '5.x' },
);
