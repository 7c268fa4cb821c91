// `apex import f1db <URL>`: a release tarball built here from ../shared/f1db (as GitHub lays out a
// tag: f1db-<tag>/src/data/…), served by a loopback HTTP server, downloaded once into APEX_HOME,
// checked (SHA-256, gzip/tar) and read like the directory. Bad downloads fail in one line, keep nothing.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/config.js';
import { fetchF1dbRelease, readF1db } from '../../src/history/f1db/index.js';
import { f1dbDir } from '../helpers/history.js';

const run = promisify(execFile);
const apex = join(repoRoot, 'apps/server/bin/apex.js');

let server: Server;
let base: string;
let tarball: Buffer;
let requests = 0;
let home: string;

async function buildTarball(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = tar.c({ gzip: true, cwd: join(f1dbDir, '..'), prefix: 'f1db-v2026.11.0/src/', portable: true }, ['data']);
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  tarball = await buildTarball();
  home = mkdtempSync(join(tmpdir(), 'apex-f1db-home-'));
  server = createServer((req, res) => {
    requests++;
    if (req.url === '/releases/f1db.tar.gz') res.writeHead(200, { 'content-type': 'application/gzip' }).end(tarball);
    else if (req.url === '/releases/truncated.tar.gz') res.writeHead(200).end(tarball.subarray(0, tarball.length >> 1));
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/releases`;
}, 300_000);
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(home, { recursive: true, force: true });
});

describe('F1DB release by URL', () => {
  it('downloads once, checks the checksum, unpacks into APEX_HOME and reads like the folder', { timeout: 600_000 }, async () => {
    const sha256 = createHash('sha256').update(tarball).digest('hex');
    const dir = await fetchF1dbRelease(`${base}/f1db.tar.gz`, { home, sha256 });
    expect(dir.startsWith(join(home, 'f1db'))).toBe(true);
    expect(existsSync(join(dir, 'f1db-v2026.11.0/src/data/drivers/max-verstappen.yml'))).toBe(true);
    const seen = requests;
    expect(await fetchF1dbRelease(`${base}/f1db.tar.gz`, { home, sha256 })).toBe(dir);
    expect(requests).toBe(seen); // cached
    const tree = await readF1db(dir);
    expect(tree.drivers).toHaveLength(readdirSync(join(f1dbDir, 'drivers')).length);
    expect(tree.seasons.at(-1)!.year).toBe(2026);
  });

  it('a wrong checksum, a truncated archive or a 404 fail and leave nothing behind', { timeout: 300_000 }, async () => {
    const other = mkdtempSync(join(tmpdir(), 'apex-f1db-home-'));
    try {
      await expect(fetchF1dbRelease(`${base}/f1db.tar.gz`, { home: other, sha256: '0'.repeat(64) })).rejects.toThrow(/checksum mismatch: SHA-256 [0-9a-f]{64}, expected 0{64}/);
      await expect(fetchF1dbRelease(`${base}/truncated.tar.gz`, { home: other })).rejects.toThrow(/truncated\.tar\.gz: not a readable \.tar\.gz/);
      await expect(fetchF1dbRelease(`${base}/missing.tar.gz`, { home: other })).rejects.toThrow(/missing\.tar\.gz/);
      expect(readdirSync(join(other, 'f1db')).filter((n) => n !== '.')).toEqual([]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('the CLI says what went wrong in one line and exits 1', { timeout: 600_000 }, async () => {
    const env = { ...process.env, APEX_HOME: mkdtempSync(join(tmpdir(), 'apex-f1db-cli-')), DATABASE_URL: '' };
    const bad = await run(process.execPath, [apex, 'import', 'f1db', `${base}/f1db.tar.gz`, '--sha256', 'f'.repeat(64), '-q'], { env }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^apex: F1DB http:\/\/127\.0\.0\.1:\d+\/releases\/f1db\.tar\.gz: checksum mismatch/m);
    const missing = await run(process.execPath, [apex, 'import', 'f1db', join(env.APEX_HOME, 'nowhere'), '-q'], { env }).catch((e) => e);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^apex: F1DB .*nowhere: directory not found$/m);
    rmSync(env.APEX_HOME, { recursive: true, force: true });
  });
});
