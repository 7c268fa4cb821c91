// `apex import jolpica-dump <dir>`: load a Jolpica CSV dump into the configured database, with a
// progress bar per table. `importDumpWithProgress` is also what first-start bootstrap calls.
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { migrate, openDatabase, type Database } from '../db/client.js';
import { loadDump, writeDump, type ImportReport, type LoadedDump } from '../history/import/index.js';

/** Run the dump import on an open, migrated database, drawing progress bars on stderr when it is a TTY. */
export async function importDumpWithProgress(
  database: Database,
  dump: string | LoadedDump,
  options: { quiet?: boolean } = {},
): Promise<ImportReport> {
  const interactive = !options.quiet && process.stderr.isTTY;
  const multibar = interactive
    ? new cliProgress.MultiBar(
        { format: ' {table} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: false, stopOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const bars = new Map<string, cliProgress.SingleBar>();
  try {
    const loaded = typeof dump === 'string' ? await loadDump(dump) : dump;
    if (!options.quiet && !interactive) process.stderr.write('writing…\n');
    const report = await writeDump(database.db, loaded, {
      onProgress: (table, done, total) => {
        if (!multibar) return;
        let bar = bars.get(table);
        if (!bar) {
          bar = multibar.create(Math.max(total, 1), 0, { table: table.padEnd(24) });
          bars.set(table, bar);
        }
        bar.setTotal(Math.max(total, 1));
        bar.update(total === 0 ? 1 : done);
      },
    });
    return report;
  } finally {
    multibar?.stop();
  }
}

/** One line per table: what changed. */
export function summarise(report: ImportReport): string {
  const lines = Object.entries(report.written).map(
    ([table, r]) =>
      `  ${table.padEnd(24)} ${String(r.inserted).padStart(6)} new ${String(r.updated).padStart(6)} changed ${String(r.deleted).padStart(6)} removed ${String(r.unchanged).padStart(6)} unchanged`,
  );
  return [...lines, `  read ${report.seconds.read.toFixed(2)} s, write ${report.seconds.write.toFixed(2)} s`].join('\n');
}

/** Registers `apex import …`. */
export function registerImportCommands(program: Command): void {
  const imp = program.command('import').description('load F1 history from files');
  imp
    .command('jolpica-dump')
    .description('import a Jolpica CSV database dump (the formula_one_*.csv files) in one transaction; re-running changes nothing')
    .argument('<dir>', 'directory holding formula_one_*.csv')
    .option('-q, --quiet', 'no progress output')
    .action(async (dir: string, opts: { quiet?: boolean }) => {
      const config = loadConfig();
      // Opened first so that a database another process holds fails at once, not after the read.
      const database = await openDatabase(config);
      try {
        // Read and check every file before writing: a bad dump fails fast, changing nothing.
        const loaded = await loadDump(resolve(dir));
        await migrate(database);
        const report = await importDumpWithProgress(database, loaded, opts);
        if (!opts.quiet) process.stdout.write(`imported ${resolve(dir)}\n${summarise(report)}\n`);
      } finally {
        await database.close();
      }
    });
}
