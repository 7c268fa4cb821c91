// `apex import jolpica-dump <dir>`: load a Jolpica CSV dump into the configured database, with a
// progress bar per table. `importDumpWithProgress` is also what first-start bootstrap calls.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { migrate, openDatabase, type Database } from '../db/client.js';
import { loadDumpInThread, writeDump, type ImportReport, type LoadedDump } from '../history/import/index.js';
import { importF1dbWithProgress, matchSummary } from './import-f1db.js';
import { tableProgress } from './progress.js';

/** Run the dump import on an open, migrated database, drawing progress bars on stderr when it is a TTY. */
export async function importDumpWithProgress(
  database: Database,
  dump: string | LoadedDump,
  options: { quiet?: boolean } = {},
): Promise<ImportReport> {
  const progress = tableProgress(options.quiet);
  try {
    const loaded = typeof dump === 'string' ? await loadDumpInThread(dump) : dump;
    if (!options.quiet && !progress.interactive) process.stderr.write('writing…\n');
    return await writeDump(database.db, loaded, { onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
}

/** One line per entity kept apart from one it partly matches (a human decides: README, Matching). */
const ambiguousLines = (list: ImportReport['ambiguous']) =>
  list.map((a) => `  ambiguous ${a.kind} ${a.sourceId}: ${a.reason} (candidates: ${a.candidates.join(', ')}) — kept apart\n`).join('');

/** One line per table: what changed. */
export function summarise(report: Pick<ImportReport, 'seconds'> & { written?: ImportReport['written']; tables?: ImportReport['written'] }): string {
  const lines = Object.entries(report.written ?? report.tables ?? {}).map(
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
        const loaded = await loadDumpInThread(resolve(dir));
        await migrate(database);
        const report = await importDumpWithProgress(database, loaded, opts);
        if (!opts.quiet) process.stdout.write(`imported ${resolve(dir)}\n${summarise(report)}\n${ambiguousLines(report.ambiguous)}`);
      } finally {
        await database.close();
      }
    });
  imp
    .command('f1db')
    .description(
      'import F1DB (CC BY 4.0) from its YAML source tree (a clone, src/data, or an unpacked release) or a release .tar.gz URL, merged with Jolpica data into one graph, in one transaction; re-running changes nothing',
    )
    .argument('<dir|url>', 'F1DB source tree, or https://… tag tarball (downloaded once into $APEX_HOME/f1db)')
    .option('--sha256 <hex>', 'expected SHA-256 of the tarball')
    .option('-q, --quiet', 'no progress output')
    .action(async (source: string, opts: { quiet?: boolean; sha256?: string }) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await migrate(database);
        const report = await importF1dbWithProgress(database, config, source, opts);
        if (!opts.quiet) process.stdout.write(`${summarise(report)}\n${matchSummary(report)}\n`);
      } finally {
        await database.close();
      }
    });
}
