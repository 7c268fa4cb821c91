// `app.db` (the drizzle handle) and `app.database` (kind, ping, close). The app opens the database
// the configuration points at unless it is handed one (the CLI after migrating, tests).
import fp from 'fastify-plugin';
import { openDatabase, type Database, type Db } from '../../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
  }
}

export interface DbPluginOptions {
  /** an open database; the caller keeps ownership and closes it */
  database?: Database;
}

export default fp<DbPluginOptions>(
  async (app, opts) => {
    const database = opts.database ?? (await openDatabase(app.config));
    app.decorate('database', database);
    app.decorate('db', database.db);
    app.addHook('onClose', async () => {
      if (!opts.database) await database.close();
    });
  },
  { name: 'db', dependencies: ['config'], fastify: '5.x' },
);
