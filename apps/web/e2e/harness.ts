// Starts the real stack for browser tests and benchmarks: a temp APEX_HOME with the Jolpica dump
// imported, the API (`apex serve`) and the production web build (`next start`) on free loopback
// ports. Nothing here talks to the internet.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importedApexHome } from '../../server/test/helpers/db';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(webDir, '..', '..');
export const sharedDir = process.env.APEX_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
const apexBin = path.join(repoRoot, 'apps', 'server', 'bin', 'apex.js');
const nextBin = path.join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next');

export interface Stack {
  webUrl: string;
  apiUrl: string;
  apexHome: string;
  /** APEX_ADMIN_TOKEN of this API (write endpoints: loading a session from the UI). */
  adminToken: string;
  stop(): Promise<void>;
}

/** Sessions loaded before the tests: Mexico City 2025 qualifying has full telemetry; Baku 2018 is a race. */
export const E2E_SESSIONS: readonly [number, number, string][] = [
  [2025, 20, 'Q'],
  [2018, 4, 'R'],
];

function log(msg: string): void {
  process.stderr.write(`[e2e] ${msg}\n`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** `next build` unless a build newer than every source file exists (the same check `npm start` makes). */
export async function ensureWebBuild(): Promise<void> {
  // @ts-expect-error plain-JS helper shared with the entry scripts
  const { buildWeb } = (await import('../../../scripts/lib.mjs')) as { buildWeb: () => void };
  buildWeb();
}

/**
 * Run an apex command; its output is shown only when it fails. Asynchronous, so that a test file
 * starting a stack (an import takes minutes) keeps its worker's event loop free for vitest.
 */
function quiet(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) return resolve();
      process.stderr.write(out);
      reject(new Error(`apex ${args.slice(1).join(' ')} failed (exit ${code ?? signal})`));
    });
  });
}

function apexEnv(apexHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, APEX_HOME: apexHome, APEX_OFFLINE: 'true', LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1' };
  // An isolated installation: embedded PGlite and the in-process cache, whatever the shell says.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return env;
}

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer ${url} within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => child.kill('SIGKILL'), 8000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface StackOptions {
  build?: boolean;
  sessions?: readonly [number, number, string][];
  /**
   * A first run: nothing imported or loaded, no admin token and no APEX_AUTOLOAD — the API decides
   * as it does for a fresh `npm start`. Otherwise the stack is set up like a deployment: history
   * imported, sessions loaded, loads behind an admin token (APEX_AUTOLOAD=false).
   */
  firstRun?: boolean;
  /** Import the F1DB tree (../shared/f1db) before the dump, in the order a first start does. */
  f1db?: boolean;
}

/** APEX_LIVE_RECORDINGS of a stack's API. */
export function liveRecordingsDir(apexHome: string): string {
  return path.join(apexHome, 'recordings');
}

/** Build if needed, import the dump into a fresh APEX_HOME (unless a first run), start API and web. */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const dump = path.join(sharedDir, 'jolpica-dump');
  if (!opts.firstRun && !existsSync(dump)) throw new Error(`Jolpica dump missing at ${dump} (set APEX_SHARED_DIR)`);
  if (!existsSync(apexBin)) throw new Error(`${apexBin} missing: run npm run build first`);
  if (opts.build !== false) await ensureWebBuild();

  const apexHome = mkdtempSync(path.join(tmpdir(), 'apex-e2e-'));
  const env = apexEnv(apexHome);
  if (!opts.firstRun) {
    if (opts.f1db) {
      const f1db = path.join(sharedDir, 'f1db');
      if (!existsSync(f1db)) throw new Error(`F1DB tree missing at ${f1db} (set APEX_SHARED_DIR)`);
      log(`importing ${f1db} into ${apexHome}…`);
      await quiet([apexBin, 'import', 'f1db', f1db], env);
      log(`importing ${dump} into ${apexHome}…`);
      await quiet([apexBin, 'import', 'jolpica-dump', dump], env);
    } else {
      // A copy of the dump imported once per code version (the server tests' template) instead of
      // `apex import jolpica-dump`, which leaves the same database but costs a minute or more here.
      log(`copying the imported ${dump} into ${apexHome}…`);
      await importedApexHome(apexHome);
    }
    for (const [year, round, session] of opts.sessions ?? E2E_SESSIONS) {
      log(`loading session ${year} ${round} ${session}…`);
      await quiet([apexBin, 'session', 'load', String(year), String(round), session], env);
    }
  }
  const adminToken = opts.firstRun ? '' : randomBytes(16).toString('hex');
  const apiEnv: NodeJS.ProcessEnv = opts.firstRun ? { ...env } : { ...env, APEX_ADMIN_TOKEN: adminToken, APEX_AUTOLOAD: 'false' };
  if (opts.firstRun) {
    delete apiEnv.APEX_ADMIN_TOKEN;
    delete apiEnv.APEX_AUTOLOAD;
  }

  // Live-feed recordings the API can replay: the shared ones (linked, never copied), and room for
  // the ones tests record (`liveRecordingsDir`).
  const recordings = liveRecordingsDir(apexHome);
  mkdirSync(recordings, { recursive: true });
  const sharedRecordings = path.join(sharedDir, 'f1data', 'recordings');
  if (existsSync(sharedRecordings)) for (const f of readdirSync(sharedRecordings)) symlinkSync(path.join(sharedRecordings, f), path.join(recordings, f));
  apiEnv.APEX_LIVE_RECORDINGS = recordings;

  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const api = spawn(process.execPath, [apexBin, 'serve', '--port', String(apiPort), '--host', '127.0.0.1'], {
    env: apiEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: repoRoot,
  });
  const web = spawn(process.execPath, [nextBin, 'start', '-p', String(webPort), '-H', '127.0.0.1'], {
    env: { ...env, APEX_API_URL: apiUrl, PORT: String(webPort), APEX_ADMIN_TOKEN: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: webDir,
  });
  const stop = async () => {
    await Promise.all([stopChild(web), stopChild(api)]);
    rmSync(apexHome, { recursive: true, force: true });
  };
  try {
    await waitFor(`${apiUrl}/health`, api, 'the API');
    await waitFor(`${webUrl}/api/v1/seasons`, web, 'the web app');
  } catch (err) {
    await stop();
    throw err;
  }
  log(`API ${apiUrl} · web ${webUrl}`);
  return { webUrl, apiUrl, apexHome, adminToken, stop };
}
