// A reader thread: reads and parses its share of the F1DB files and posts the values back. Stops at
// the first bad file (the whole import fails on it anyway).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { F1dbFormatError } from './errors.js';
import { parseFile, type ParsedFile } from './parse-file.js';

export interface ReadWorkerInput {
  root: string;
  files: string[];
}
export type ReadWorkerOutput =
  | { type: 'done'; parsed: ParsedFile[] }
  | { type: 'failed'; error: { file: string; line: number | null; field: string | null; problem: string } | { message: string } };

const { root, files } = workerData as ReadWorkerInput;
const parsed: ParsedFile[] = [];
let out: ReadWorkerOutput;
try {
  for (const rel of files) parsed.push(parseFile(rel, readFileSync(join(root, rel), 'utf8')));
  out = { type: 'done', parsed };
} catch (err) {
  out = {
    type: 'failed',
    error:
      err instanceof F1dbFormatError
        ? { file: err.file, line: err.line, field: err.field, problem: err.problem }
        : { message: err instanceof Error ? err.message : String(err) },
  };
}
parentPort!.postMessage(out);
