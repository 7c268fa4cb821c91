// A loopback HTTP server that serves a directory the way the upstream serves its URL paths, and can
// be told to fail (404, 500, hang, reset) for chosen paths to exercise retries, mirrors and caches.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export type Fault = 404 | 403 | 500 | 503 | 'hang' | 'reset';

export interface FaultRule {
  readonly match: (path: string) => boolean;
  readonly fault: Fault;
  /** Apply to this many matching requests, then serve normally. Default: always. */
  times?: number;
}

export interface TestServer {
  readonly url: string;
  readonly requests: string[];
  readonly rules: FaultRule[];
  close(): Promise<void>;
}

export async function startArchiveServer(root: string): Promise<TestServer> {
  const requests: string[] = [];
  const rules: FaultRule[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // Recorded answers keep the query string in the file name (e.g. `laps.json?limit=1200`).
    const path = decodeURIComponent(url.pathname) + url.search;
    requests.push(path);
    const rule = rules.find((r) => r.match(path) && (r.times === undefined || r.times > 0));
    if (rule) {
      if (rule.times !== undefined) rule.times--;
      if (rule.fault === 'hang') return; // never answer; the client's timeout must fire
      if (rule.fault === 'reset') return void req.socket.destroy();
      res.writeHead(rule.fault, { 'content-type': 'text/plain' }).end(`fault ${rule.fault}`);
      return;
    }
    const file = join(root, ...path.split('/').filter(Boolean));
    if (!file.startsWith(root) || path.includes('..')) return void res.writeHead(400).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
    } catch {
      // S3 behind the F1 host answers 403 for keys that do not exist.
      res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code></Error>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    rules,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
