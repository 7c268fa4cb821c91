// What the embedded database costs in memory. PGlite runs PostgreSQL in this process's WebAssembly
// heap, which only grows: whatever it touched once stays resident for the life of the process. Two
// things made an idle `apex serve` on a new APEX_HOME hold 510–850 MiB (measured, PGlite 0.5.16):
//  - initdb: a first open runs initdb in a second PGlite instance plus the initdb program, all in
//    this process; ~630 MiB of buffers stay referenced while the database is open, and even closed
//    and reopened in the same process the RSS stays ~430 MiB (the allocator keeps the pages). So a
//    fresh data folder is initialised by a short-lived child process, and this process only ever
//    opens an existing folder (~280 MiB, the same as any later start).
//  - shared_buffers: initdb writes 128MB into postgresql.conf and PGlite's heap holds all of it once
//    touched. A quarter of that loses no measurable import or API speed (README, "Embedded database
//    memory": the ~190 MiB history database stays in the OS file cache), so it is set on the command
//    line (which wins over postgresql.conf and leaves the file alone) from APEX_PGLITE_SHARED_BUFFERS.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** shared_buffers of the embedded database in MiB unless APEX_PGLITE_SHARED_BUFFERS says otherwise. */
export const DEFAULT_PGLITE_SHARED_BUFFERS_MB = 32;

/** PGlite's own start parameters with shared_buffers set (a later `-c` wins over postgresql.conf). */
export function pgliteStartParams(defaults: readonly string[], sharedBuffersMb: number): string[] {
  return [...defaults, '-c', `shared_buffers=${sharedBuffersMb}MB`];
}

/** Has initdb never run in this data folder? (PGlite's own test: PG_VERSION is written last.) */
export function needsInitdb(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'PG_VERSION'));
}

// Run from this module's folder, so '@electric-sql/pglite' resolves to the same package from src/
// (vitest) and from dist/ alike. argv[1] is the data folder.
const initdbScript = `
const { PGlite } = await import('@electric-sql/pglite');
const pg = new PGlite(process.argv[1]);
await pg.waitReady;
await pg.close();
`;

/**
 * Create the database in `dataDir` in a child process, which exits with initdb's memory. The caller
 * holds the folder's lock, so no other apex process opens it meanwhile.
 */
export async function initdbInChildProcess(dataDir: string): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', initdbScript, dataDir], {
      cwd: dirname(fileURLToPath(import.meta.url)),
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const stderr = String((err as { stderr?: string }).stderr ?? '').trim();
    const reason = stderr.split('\n').filter((l) => l.trim()).at(-1) ?? (err as Error).message;
    throw new Error(`could not create the embedded database in ${dataDir}: ${reason}`);
  }
}
