// The `history-import` job: the Jolpica CSV dump import (what `apex import jolpica-dump` does) run in
// the background. One id (`history-import`): imports replace whole seasons in one transaction, so two
// at once would only fight over the same rows.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DumpFormatError, loadDump, loadDumpInThread, writeDump, type ImportReport } from '../history/import/index.js';
import { historyDeps, isTransientHistoryError, type HistoryJobDeps } from './history-sync.js';
import { InvalidJobDataError } from './session-load.js';
import { PermanentJobError, type JobDefinition } from './types.js';

export const HISTORY_IMPORT = 'history-import';

export interface HistoryImportData {
  /** Directory holding formula_one_*.csv (default: JOLPICA_DUMP_DIR). */
  dir?: string;
}

/** What the job returns: the import report and the directory read. */
export type HistoryImportResult = ImportReport & { dir: string };

export function validateHistoryImport(data: unknown): HistoryImportData {
  const d = (data ?? {}) as Record<string, unknown>;
  if (d.dir === undefined || d.dir === null || d.dir === '') return {};
  if (typeof d.dir !== 'string') throw new InvalidJobDataError(`dir must be a path, got ${typeof d.dir}`);
  return { dir: d.dir };
}

/** The dump directory a job will read, or a permanent error saying why there is none. */
export function dumpDirOf(data: HistoryImportData, deps: HistoryJobDeps): string {
  const dir = data.dir ?? historyDeps(deps).config.JOLPICA_DUMP_DIR;
  if (!dir) throw new PermanentJobError('no dump directory: give dir or set JOLPICA_DUMP_DIR');
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new PermanentJobError(`dump directory ${abs} does not exist`);
  return abs;
}

export const historyImportJob: JobDefinition<HistoryImportData, HistoryImportResult, HistoryJobDeps> = {
  name: HISTORY_IMPORT,
  jobId: () => HISTORY_IMPORT,
  validate: validateHistoryImport,
  async process(data, deps, report, context) {
    const dir = dumpDirOf(data, deps);
    // Reading and checking every file comes first: a bad dump fails here, changing nothing. It runs
    // in a thread of its own so that the API keeps answering (the write yields: db/client.ts).
    report({ stage: 'read', percent: 0, detail: dir });
    const loaded = historyDeps(deps).readIn === 'main' ? await loadDump(dir) : await loadDumpInThread(dir, { signal: context.signal });
    // Write progress counts rows over all tables, so percent only grows.
    const total = Object.values(loaded.batch).reduce((n, rows) => n + (Array.isArray(rows) ? rows.length : 0), 0);
    const doneBefore = new Map<string, number>();
    let done = 0;
    report({ stage: 'write', percent: 10 });
    const result = await writeDump(deps.db, loaded, {
      onProgress: (table, n) => {
        done += n - (doneBefore.get(table) ?? 0);
        doneBefore.set(table, n);
        report({ stage: 'write', percent: Math.min(99, 10 + Math.round((89 * done) / Math.max(total, 1))), detail: table });
      },
    });
    const changed = Object.values(result.written).some((r) => r.inserted + r.updated + r.deleted > 0);
    if (changed) await deps.history?.onChanged?.();
    return { ...result, dir };
  },
  isTransient: (err) => !(err instanceof DumpFormatError) && isTransientHistoryError(err),
  attempts: 2,
  backoff: { baseMs: 10_000, maxMs: 60_000 },
};
