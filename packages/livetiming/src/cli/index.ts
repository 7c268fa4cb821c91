import type { Command } from 'commander';

/** Registers `apex archive …` (sessions, laps, telemetry, results) on a commander program. */
export function registerArchiveCommands(program: Command): void {
  void program;
}
