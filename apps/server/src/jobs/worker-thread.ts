// The end of a job's worker thread, said once: the first answer (result, error, crash, exit, or the
// job's interruption) settles the job's promise and ends the thread; later ones are ignored.
import type { Worker } from 'node:worker_threads';
import { interruption } from './types.js';

export interface ThreadSettler {
  /** Runs `fn` (resolve or reject) if nothing settled yet, then ends the thread. */
  settle(fn: () => void): void;
  readonly settled: boolean;
}

/** `reject` is called with JobInterruptedError when `signal` aborts before the thread answered. */
export function settleThread(worker: Worker, signal: AbortSignal | undefined, reject: (err: unknown) => void): ThreadSettler {
  let settled = false;
  const settler: ThreadSettler = {
    settle(fn) {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    },
    get settled() {
      return settled;
    },
  };
  if (signal) {
    const onAbort = () => settler.settle(() => reject(interruption(signal)));
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      worker.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return settler;
}
