// The dump reader thread's entry (started by load-thread.ts): loadDump, then the result or the error.
import { parentPort, workerData } from 'node:worker_threads';
import { loadDump } from './load.js';
import type { LoadWorkerOutput } from './load-thread.js';

let out: LoadWorkerOutput;
try {
  out = { type: 'done', loaded: await loadDump((workerData as { dir: string }).dir) };
} catch (err) {
  out = { type: 'failed', error: { name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) } };
}
parentPort!.postMessage(out);
