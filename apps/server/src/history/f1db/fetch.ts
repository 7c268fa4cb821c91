// An F1DB release by URL: the tag tarball GitHub serves for a release (`f1db-<tag>/src/data/…`),
// downloaded through the sources stack (timeouts, retries, offline mode), checked (a given SHA-256;
// gzip CRC and tar structure while unpacking, strictly) and unpacked once into $APEX_HOME/f1db/<key>.
// A second call with the same URL uses that folder; a download or unpack that fails leaves nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { createSource } from '../../sources/index.js';
import { F1dbFormatError } from './errors.js';

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

export interface FetchOptions {
  /** $APEX_HOME: the unpacked release is kept under f1db/. */
  home: string;
  /** Expected SHA-256 of the tarball (hex). */
  sha256?: string;
  offline?: boolean;
  timeoutMs?: number;
}

/** Download (or reuse) a release tarball; returns the unpacked folder. */
export async function fetchF1dbRelease(url: string, options: FetchOptions): Promise<string> {
  const key = createHash('sha256').update(url).digest('hex').slice(0, 16);
  const root = join(options.home, 'f1db');
  const target = join(root, key);
  if (existsSync(join(target, '.complete'))) return target;

  const slash = url.lastIndexOf('/');
  const source = createSource({ baseUrl: url.slice(0, slash + 1), offline: options.offline, timeoutMs: options.timeoutMs ?? 300_000 });
  let bytes: Uint8Array;
  try {
    bytes = await source.getBytes(url.slice(slash + 1));
  } finally {
    await source.close();
  }
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (options.sha256 && digest !== options.sha256.toLowerCase())
    throw new F1dbFormatError(url, null, null, `checksum mismatch: SHA-256 ${digest}, expected ${options.sha256}`);

  mkdirSync(root, { recursive: true });
  const tmp = await mkdtemp(join(root, '.download-'));
  try {
    await pipeline(
      Readable.from([bytes]),
      tar.x({
        cwd: tmp,
        strict: true,
        // Only regular files and folders; nothing may land outside the folder (tar refuses '..' paths).
        filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
      }),
    );
    if (readdirSync(tmp).length === 0) throw new Error('empty archive');
    writeFileSync(join(tmp, '.complete'), `${url}\nsha256 ${digest}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw new F1dbFormatError(url, null, null, `not a readable .tar.gz: ${err instanceof Error ? err.message : String(err)}`);
  }
  return target;
}
