// One way to end a command badly: a single line on stderr and a non-zero exit code.
import { CommanderError } from 'commander';

export function fail(err: unknown): never {
  if (err instanceof CommanderError) {
    // help and version exit 0 through commander; usage errors were already printed by it.
    process.exit(err.exitCode);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`apex: ${message.split('\n')[0]}\n`);
  if (process.env.APEX_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  // A command stopped by a signal has set its exit code already (130 for Ctrl-C).
  process.exit(process.exitCode && process.exitCode !== 0 ? process.exitCode : 1);
}
