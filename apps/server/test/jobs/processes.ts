// Processes the job tests start and stop themselves: a private redis-server on a free port (never
// the shared one on 6379, which other suites use), `apex worker` child processes running the
// current sources, and a loopback HTTP server over the recorded archive with injectable failures.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { repoRoot } from '../../src/config.js';
import { apexBin } from '../helpers/cli-process.js';

export async function freePort(): Promise<number> {
  const srv = createNetServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as AddressInfo;
  srv.close();
  await once(srv, 'close');
  return port;
}

async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
export { waitFor };

/** A redis-server of our own: no persistence, killed (and restartable) on the same port. */
export class PrivateRedis {
  private proc: ChildProcess | null = null;
  constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const r = new PrivateRedis(await freePort());
    await r.start();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    let out = '';
    proc.stdout!.on('data', (b: Buffer) => { out += b.toString(); });
    await waitFor(`redis-server on ${this.port}`, () => /Ready to accept connections/.test(out) || (proc.exitCode !== null ? Promise.reject(new Error(`redis-server exited: ${out}`)) : false), 10_000, 50);
  }

  /** SIGSTOP / SIGCONT: Redis keeps its connections open but answers nothing (a frozen host). */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.proc?.kill(signal);
  }

  /** SIGKILL: Redis disappears the way a crash or a network cut looks to clients. */
  async kill(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    proc.kill('SIGKILL');
    await once(proc, 'exit');
    this.proc = null;
  }
}

export interface WorkerProcess {
  readonly proc: ChildProcess;
  output(): string;
  /** Resolves once the worker printed that it is ready. */
  ready(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `apex worker` (the built CLI), with the given environment. */
export function startWorkerProcess(env: Record<string, string>, args: string[] = []): WorkerProcess {
  const proc = spawn(process.execPath, [apexBin, 'worker', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => { out += b.toString(); });
  proc.stderr!.on('data', (b: Buffer) => { out += b.toString(); });
  return {
    proc,
    output: () => out,
    ready: () => waitFor('the worker to be ready', () => /worker \d+ ready/.test(out) || (proc.exitCode !== null ? Promise.reject(new Error(`worker exited ${proc.exitCode}: ${out}`)) : false), 60_000, 100).then(() => undefined),
    kill: async (signal = 'SIGKILL') => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      await once(proc, 'exit');
    },
  };
}

export interface ArchiveServer {
  readonly url: string;
  /** Answer 503 for paths matching this (null: serve everything). */
  failing: RegExp | null;
  /** Requests that matched `failing` and were answered 503. */
  failures: number;
  close(): Promise<void>;
}

/** Serves a directory laid out like the upstream (…/livetiming) over loopback HTTP. */
export async function startArchiveServer(dir: string): Promise<ArchiveServer> {
  const state = { failing: null as RegExp | null, failures: 0 };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (state.failing?.test(path)) {
      state.failures++;
      res.writeHead(503).end('unavailable');
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const handle: ArchiveServer = {
    url: `http://127.0.0.1:${port}`,
    get failing() { return state.failing; },
    set failing(v) { state.failing = v; },
    get failures() { return state.failures; },
    set failures(v) { state.failures = v; },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  return handle;
}
