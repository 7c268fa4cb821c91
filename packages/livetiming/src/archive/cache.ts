// Persistent cache of raw responses, keyed by URL path. A cached body lives at `{dir}{path}`, so a
// cache directory has the same layout as the upstream and can itself serve as a local source.
// "Known missing" answers are remembered separately under `{dir}/.missing{path}` so an offline load
// can tell a topic that does not exist from one that was never fetched.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type CacheLookup =
  | { readonly kind: 'hit'; readonly body: Buffer; readonly ageMs: number }
  | { readonly kind: 'missing'; readonly ageMs: number }
  | { readonly kind: 'none' };

let tmpCounter = 0;

export class DiskCache {
  constructor(readonly dir: string) {}

  /** File holding the body of `path` (an already validated `/a/b/c` URL path). */
  bodyFile(path: string): string {
    return join(this.dir, ...path.split('/').filter(Boolean));
  }

  private missingFile(path: string): string {
    return join(this.dir, '.missing', ...path.split('/').filter(Boolean));
  }

  async lookup(path: string, now = Date.now()): Promise<CacheLookup> {
    const body = await readIfFile(this.bodyFile(path));
    if (body) return { kind: 'hit', body: body.data, ageMs: now - body.mtimeMs };
    const marker = await readIfFile(this.missingFile(path));
    if (marker) return { kind: 'missing', ageMs: now - marker.mtimeMs };
    return { kind: 'none' };
  }

  async put(path: string, body: Buffer): Promise<void> {
    await atomicWrite(this.bodyFile(path), body);
    await rm(this.missingFile(path), { force: true });
  }

  async putMissing(path: string): Promise<void> {
    await atomicWrite(this.missingFile(path), Buffer.alloc(0));
    await rm(this.bodyFile(path), { force: true });
  }
}

async function readIfFile(file: string): Promise<{ data: Buffer; mtimeMs: number } | null> {
  try {
    const s = await stat(file);
    if (!s.isFile()) return null;
    return { data: await readFile(file), mtimeMs: s.mtimeMs };
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

// Write-then-rename so a crash or a concurrent reader never sees half a file.
async function atomicWrite(file: string, data: Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

export function isNotFound(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
