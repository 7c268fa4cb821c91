// Read a whole F1DB tree (`src/data/` of the F1DB repository): list the files, parse them in worker
// threads (js-yaml on every core: parsing is ~90 % of the time, reading the files ~10 %), assemble
// the tree. Any bad or unexpected file fails the read with an F1dbFormatError naming file, line and
// field — before anything is written anywhere.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { assemble } from './assemble.js';
import { F1dbFormatError } from './errors.js';
import { parseFile, type ParsedFile } from './parse-file.js';
import type { ReadWorkerInput, ReadWorkerOutput } from './read-worker.js';
import type { F1db } from './types.js';

export interface ReadOptions {
  /** Parser threads; default: one per core (at most 4). 0 or 1 parses on this thread. */
  threads?: number;
}

/**
 * The data folder of a tree: `dir` itself when it holds `drivers/` and `seasons/`, else `dir/src/data`
 * (a clone or an unpacked release tarball), else `dir/data`.
 */
export function dataFolder(dir: string): string {
  // An unpacked tag tarball holds one folder (f1db-<tag>/) with the clone's layout inside.
  const only = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.'));
  const inner = only.length === 1 ? [join(dir, only[0]!.name, 'src', 'data'), join(dir, only[0]!.name, 'data')] : [];
  for (const candidate of [dir, join(dir, 'src', 'data'), join(dir, 'data'), ...inner])
    if (existsSync(join(candidate, 'drivers')) && existsSync(join(candidate, 'seasons'))) return candidate;
  throw new F1dbFormatError(dir, null, null, 'not an F1DB data folder (no drivers/ and seasons/ here, in src/data, in data, or in the one folder of an unpacked release)');
}

/** Every file below `root`, as '/'-separated paths relative to it, sorted. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (rel.split('/').some((p) => p.startsWith('.'))) continue; // .DS_Store, editor files
    out.push(rel);
  }
  return out.sort();
}

export async function readF1db(dir: string, options: ReadOptions = {}): Promise<F1db> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new F1dbFormatError(dir, null, null, 'directory not found');
  const root = dataFolder(dir);
  const files = listFiles(root);
  // Small trees (tests) are not worth a thread start-up.
  const threads = options.threads ?? Math.min(availableParallelism(), 4, Math.ceil(files.length / 500));
  const parsed = threads <= 1 ? files.map((rel) => parseFile(rel, readFileSync(join(root, rel), 'utf8'))) : await parseInThreads(root, files, threads);
  return assemble(parsed);
}

function startWorker(input: ReadWorkerInput): Worker {
  const entry = import.meta.url.endsWith('.ts') ? './read-worker.dev.mjs' : './read-worker.js';
  return new Worker(new URL(entry, import.meta.url), { workerData: input });
}

/** Files dealt round-robin so each thread gets a like share of big race files and small entity files. */
async function parseInThreads(root: string, files: string[], threads: number): Promise<ParsedFile[]> {
  const shares = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<ReadWorkerOutput>((resolve, reject) => {
          const worker = startWorker({ root, files: share });
          worker.once('message', (m: ReadWorkerOutput) => {
            resolve(m);
            void worker.terminate();
          });
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`F1DB reader thread stopped (exit ${code})`)));
        }),
    ),
  );
  const out: ParsedFile[] = [];
  const failures: F1dbFormatError[] = [];
  for (const r of results) {
    if (r.type === 'done') out.push(...r.parsed);
    else if ('file' in r.error) failures.push(new F1dbFormatError(r.error.file, r.error.line, r.error.field, r.error.problem));
    else throw new Error(r.error.message);
  }
  // The same file is reported whatever the thread count: the first bad one in path order.
  if (failures.length) throw failures.sort((a, b) => (a.file < b.file ? -1 : 1))[0]!;
  return out;
}
