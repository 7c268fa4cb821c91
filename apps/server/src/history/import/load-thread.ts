// Reads and maps a Jolpica dump (loadDump) in a worker thread: parsing ~100,000 CSV rows and mapping
// them into a HistoryBatch is seconds of CPU on a busy machine, and on the thread that serves the API
// (and owns the embedded database) it would stop every request meanwhile. The worker does only that;
// the write stays on this thread, which owns the database connection (PGlite allows no other).
// A bad dump fails with the same DumpFormatError (so it is not retried); a worker that dies fails
// the import with the reason and leaves this process running.
import { Worker } from 'node:worker_threads';
import { settleThread } from '../../jobs/worker-thread.js';
import { DumpFormatError } from './csv.js';
import type { LoadedDump } from './load.js';

export type LoadWorkerOutput =
  | { readonly type: 'done'; readonly loaded: LoadedDump }
  | { readonly type: 'failed'; readonly error: { readonly name: string; readonly message: string } };

function startWorker(dir: string): Worker {
  const entry = import.meta.url.endsWith('.ts') ? './load-worker.dev.mjs' : './load-worker.js';
  return new Worker(new URL(entry, import.meta.url), { workerData: { dir } });
}

/** loadDump (index.ts) in a worker thread of its own: same result, same errors. */
export function loadDumpInThread(dir: string, options: { signal?: AbortSignal } = {}): Promise<LoadedDump> {
  return new Promise<LoadedDump>((resolve, reject) => {
    const worker = startWorker(dir);
    const { settle } = settleThread(worker, options.signal, reject);
    worker.once('message', (m: LoadWorkerOutput) => settle(() => {
      if (m.type === 'done') return resolve(m.loaded);
      reject(m.error.name === 'DumpFormatError' ? new DumpFormatError(m.error.message) : Object.assign(new Error(m.error.message), { name: m.error.name }));
    }));
    worker.once('error', (err) => settle(() => reject(new Error(`the dump reader thread crashed: ${err.message}`, { cause: err }))));
    worker.once('exit', (code) => settle(() => reject(new Error(`the dump reader thread stopped without an answer (exit code ${code})`))));
  });
}
