// Progress bars for long imports, one per table, drawn on stderr only when it is a terminal.
import cliProgress from 'cli-progress';
import type { ProgressFn } from '../history/import/index.js';

/** Progress bars per table on stderr when it is a TTY (nothing otherwise); stop() when done. */
export function tableProgress(quiet = false): { onProgress: ProgressFn; stop(): void; interactive: boolean } {
  const interactive = !quiet && process.stderr.isTTY;
  const multibar = interactive
    ? new cliProgress.MultiBar(
        { format: ' {table} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: false, stopOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    interactive,
    onProgress: (table, done, total) => {
      if (!multibar) return;
      let bar = bars.get(table);
      if (!bar) {
        bar = multibar.create(Math.max(total, 1), 0, { table: table.padEnd(26) });
        bars.set(table, bar);
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(total === 0 ? 1 : done);
    },
    stop: () => multibar?.stop(),
  };
}
