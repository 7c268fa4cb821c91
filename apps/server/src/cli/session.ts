import type { Command } from 'commander';

/** Registers `apex session …`. */
export function registerSessionCommands(program: Command): void {
  void program;
}
