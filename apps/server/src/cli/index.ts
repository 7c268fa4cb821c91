// The `apex` command. Each capability registers its own subcommands; this file only wires them.
import { Command } from 'commander';
import { registerArchiveCommands } from '@apexdata/livetiming/cli';
import { registerServeCommands } from './serve.js';
import { registerDbCommands } from './db.js';
import { registerImportCommands } from './import.js';
import { registerSyncCommands } from './sync.js';
import { registerSessionCommands } from './session.js';
import { registerWorkerCommands } from './worker.js';
import { fail } from './output.js';

const program = new Command('apex')
  .description('ApexData: Formula 1 history, session data and telemetry')
  .showHelpAfterError()
  .exitOverride();

registerServeCommands(program);
registerDbCommands(program);
registerImportCommands(program);
registerSyncCommands(program);
registerSessionCommands(program);
registerWorkerCommands(program);
registerArchiveCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  fail(err);
}
