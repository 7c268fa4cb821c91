// The `apex` command. Each capability registers its own subcommands; this file only wires them.
// Capability modules pull in heavy dependencies (database drivers, Fastify, BullMQ, the engine), so
// only the module that owns the command being run is imported; help without a command loads all.
import { Command } from 'commander';
import { fail } from './output.js';

type Register = (program: Command) => void;

const registrars: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./serve.js')).registerServeCommands,
  db: async () => (await import('./db.js')).registerDbCommands,
  import: async () => (await import('./import.js')).registerImportCommands,
  sync: async () => (await import('./sync.js')).registerSyncCommands,
  session: async () => (await import('./session.js')).registerSessionCommands,
  worker: async () => (await import('./worker.js')).registerWorkerCommands,
  live: async () => (await import('./live.js')).registerLiveCommands,
  archive: async () => (await import('@apexdata/livetiming/cli')).registerArchiveCommands,
};
// Commands registered by a module under another name than the module's key.
const aliases: Record<string, string> = { start: 'serve' };

const program = new Command('apex')
  .description('ApexData: Formula 1 history, session data and telemetry')
  // A usage error is one line plus a hint, not the whole help.
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

try {
  const first = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const key = first === undefined ? undefined : (aliases[first] ?? first);
  const wanted = key !== undefined && key in registrars ? [registrars[key]!] : Object.values(registrars);
  for (const load of wanted) (await load())(program);
  await program.parseAsync(process.argv);
} catch (err) {
  fail(err);
}
