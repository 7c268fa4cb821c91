// `apex db …`: database maintenance.
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/client.js';

/** Registers `apex db …`. */
export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations to the configured database (PGlite in $APEX_HOME/db, or DATABASE_URL)')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await migrate(database);
        process.stdout.write(`migrations applied (${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.APEX_HOME}/db`})\n`);
      } finally {
        await database.close();
      }
    });
}
