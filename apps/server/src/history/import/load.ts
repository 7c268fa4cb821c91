// Reading a dump: every file read, checked and mapped into a HistoryBatch before anything is
// written. Pure apart from reading the files; runs in the dump reader thread (load-thread.ts).
import type { HistoryBatch } from './batch.js';
import { mapDump, readDump } from './jolpica-dump.js';

/** A dump read, checked and mapped, ready to write. Every format error surfaces here, before any write. */
export interface LoadedDump {
  dir: string;
  batch: HistoryBatch;
  read: Record<string, number>;
  seconds: number;
}

export async function loadDump(dir: string): Promise<LoadedDump> {
  const t0 = performance.now();
  const dump = await readDump(dir);
  const batch = mapDump(dump);
  const read = Object.fromEntries(Object.entries(dump).map(([name, table]) => [name, table.rows.length]));
  return { dir, batch, read, seconds: (performance.now() - t0) / 1000 };
}
