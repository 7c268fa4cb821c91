// `apex import jolpica-dump <dir>`: read and check every file first, then write everything in one
// transaction, so a bad file changes nothing and a second run with the same dump changes nothing.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dataImports } from '../../db/schema/index.js';
import { mapDump, readDump } from './jolpica-dump.js';
import { writeHistory, type ProgressFn, type TableReport } from './write.js';

export { DumpFormatError } from './csv.js';
export type { HistoryBatch } from './batch.js';
export { mapDump, readDump } from './jolpica-dump.js';
export { writeHistory, type ProgressFn, type TableReport } from './write.js';

export interface ImportReport {
  /** Rows in the dump per table read. */
  read: Record<string, number>;
  /** What was written per database table. */
  written: Record<string, TableReport>;
  seconds: { read: number; write: number };
}

export async function importJolpicaDump(
  db: Db,
  dir: string,
  options: { onProgress?: ProgressFn; onPhase?: (phase: 'read' | 'write') => void } = {},
): Promise<ImportReport> {
  const t0 = performance.now();
  options.onPhase?.('read');
  const dump = await readDump(dir);
  const batch = mapDump(dump);
  const read = Object.fromEntries(Object.entries(dump).map(([name, table]) => [name, table.rows.length]));
  const t1 = performance.now();
  options.onPhase?.('write');
  const written = await db.transaction(async (tx) => {
    const report = await writeHistory(tx, batch, { onProgress: options.onProgress });
    const changed = Object.values(report).some((r) => r.inserted + r.updated + r.deleted > 0);
    if (changed) {
      await tx.insert(dataImports).values({
        kind: 'jolpica-dump',
        source: dir,
        finishedAt: new Date(),
        rows: Object.fromEntries(Object.entries(report).map(([t, r]) => [t, r.inserted + r.updated + r.deleted])),
      });
    }
    return report;
  });
  return { read, written, seconds: { read: (t1 - t0) / 1000, write: (performance.now() - t1) / 1000 } };
}

/** Most recent import that changed something, if any. */
export async function lastImport(db: Db) {
  const [row] = await db.select().from(dataImports).where(eq(dataImports.kind, 'jolpica-dump')).orderBy(dataImports.id).limit(1);
  return row;
}
