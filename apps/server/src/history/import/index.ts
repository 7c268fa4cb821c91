// `apex import jolpica-dump <dir>`: read and check every file first, then write everything in one
// transaction, so a bad file changes nothing and a second run with the same dump changes nothing.
import { eq } from 'drizzle-orm';
import { raiseHistoryGeneration } from '../../db/changes.js';
import type { Db } from '../../db/client.js';
import type { HistoryBatch } from './batch.js';
import { ambiguousMatches, dataImports } from '../../db/schema/index.js';
import type { LoadedDump } from './load.js';
import { hasF1db, mergeF1db } from '../f1db/merge.js';
import { writeHistory, type ProgressFn, type TableReport } from './write.js';
import { loadDumpInThread } from './load-thread.js';

export { DumpFormatError } from './csv.js';
export type { HistoryBatch } from './batch.js';
export { mapDump, readDump } from './jolpica-dump.js';
export { loadDump, type LoadedDump } from './load.js';
export { loadDumpInThread } from './load-thread.js';
export { writeHistory, type ProgressFn, type TableReport } from './write.js';

export interface ImportReport {
  /** Rows in the dump per table read. */
  read: Record<string, number>;
  /** What was written per database table. */
  written: Record<string, TableReport>;
  /** Jolpica entities kept apart from F1DB-created ones they partly match (history/f1db/adopt.ts). */
  ambiguous: { kind: string; sourceId: string; reason: string; candidates: string[] }[];
  seconds: { read: number; write: number };
}

/** Write a loaded dump in one transaction. */
export async function writeDump(db: Db, loaded: LoadedDump, options: { onProgress?: ProgressFn } = {}): Promise<ImportReport> {
  const t1 = performance.now();
  const written = await db.transaction(async (tx) => {
    const report = await writeHistory(tx, loaded.batch, { onProgress: options.onProgress });
    // F1DB fills what the dump's seasons replaced but it lacks (history/f1db/merge.ts): same graph in either order.
    if (await hasF1db(tx)) Object.assign(report, await mergeF1db(tx, { onProgress: options.onProgress }));
    const changed = Object.values(report).some((r) => r.inserted + r.updated + r.deleted > 0);
    if (changed) {
      await tx.insert(dataImports).values({
        kind: 'jolpica-dump',
        source: loaded.dir,
        finishedAt: new Date(),
        rows: Object.fromEntries(Object.entries(report).map(([t, r]) => [t, r.inserted + r.updated + r.deleted])),
      });
      await raiseHistoryGeneration(tx);
    }
    const ambiguous = await tx.select().from(ambiguousMatches).where(eq(ambiguousMatches.source, 'jolpica')).orderBy(ambiguousMatches.kind, ambiguousMatches.sourceId);
    return { report, ambiguous };
  });
  return { read: loaded.read, written: written.report, ambiguous: written.ambiguous, seconds: { read: loaded.seconds, write: (performance.now() - t1) / 1000 } };
}

export async function importJolpicaDump(
  db: Db,
  dir: string,
  options: { onProgress?: ProgressFn; onPhase?: (phase: 'read' | 'write') => void } = {},
): Promise<ImportReport> {
  options.onPhase?.('read');
  const loaded = await loadDumpInThread(dir);
  options.onPhase?.('write');
  return writeDump(db, loaded, options);
}

/** Most recent import that changed something, if any. */
export async function lastImport(db: Db) {
  const [row] = await db.select().from(dataImports).where(eq(dataImports.kind, 'jolpica-dump')).orderBy(dataImports.id).limit(1);
  return row;
}
