// `apex import f1db <dir|URL>` minus the CLI: read (and check) the whole tree first, then write it
// in one transaction — a bad file writes nothing, a failure half-way leaves the database as it was,
// and a second run with the same tree changes nothing.
import { raiseHistoryGeneration } from '../../db/changes.js';
import type { DbOrTx } from '../../db/client.js';
import { dataImports } from '../../db/schema/index.js';
import type { ProgressFn } from '../import/write.js';
import { readF1db, type ReadOptions } from './read.js';
import type { F1db } from './types.js';
import { writeF1db, type F1dbWriteReport } from './write.js';

export interface F1dbImportReport extends F1dbWriteReport {
  seconds: { read: number; write: number };
}

export interface LoadedF1db {
  source: string;
  tree: F1db;
  seconds: number;
}

export async function loadF1db(dir: string, options: ReadOptions = {}): Promise<LoadedF1db> {
  const t0 = performance.now();
  const tree = await readF1db(dir, options);
  return { source: dir, tree, seconds: (performance.now() - t0) / 1000 };
}

/** Write a loaded tree in one transaction (the caller's db must not be inside one already). */
export async function writeLoadedF1db(
  db: DbOrTx,
  loaded: LoadedF1db,
  options: { onProgress?: ProgressFn; failAfter?: string } = {},
): Promise<F1dbImportReport> {
  const t0 = performance.now();
  const report = await db.transaction(async (tx) => {
    const r = await writeF1db(tx, loaded.tree, {
      onProgress: (table, done, total) => {
        options.onProgress?.(table, done, total);
        // Tests interrupt the write half-way to check it leaves nothing behind.
        if (options.failAfter === table && done === total) throw new Error(`interrupted after ${table}`);
      },
    });
    const changed = Object.values(r.tables).some((t) => t.inserted + t.updated + t.deleted > 0);
    if (changed) {
      await tx.insert(dataImports).values({
        kind: 'f1db',
        source: loaded.source,
        finishedAt: new Date(),
        rows: Object.fromEntries(Object.entries(r.tables).map(([t, x]) => [t, x.inserted + x.updated + x.deleted])),
      });
      await raiseHistoryGeneration(tx);
    }
    return r;
  });
  return { ...report, seconds: { read: loaded.seconds, write: (performance.now() - t0) / 1000 } };
}

export async function importF1db(db: DbOrTx, dir: string, options: { onProgress?: ProgressFn } = {}): Promise<F1dbImportReport> {
  return writeLoadedF1db(db, await loadF1db(dir), options);
}
