// A real `apex` process as a user runs it (the built CLI: the root vitest config builds first, a
// no-op when up to date): started with a clean environment, waited for until its banner is printed,
// stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../src/config.js';

/**
 * The `apex` launcher of the built CLI, for tests that spawn it. Built rather than the sources through
 * tsx: a process starts with 2–3× less CPU (measured 0.95 vs 2.4 s user for --help under load).
 */
export const apexBin = join(repoRoot, 'apps', 'server', 'bin', 'apex.js');

export interface Running {
  proc: ChildProcess;
  output: () => string;
  apiUrl: string;
}

/** Start the CLI and wait until it prints the API URL (or exits). */
export async function startCli(args: string[], env: Record<string, string>, timeoutMs = 240_000): Promise<Running> {
  const proc = spawn(process.execPath, [apexBin, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', PORT: '0', WEB_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const apiUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no API URL within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      // The banner's lines may arrive in separate chunks: wait for its last one.
      const m = /ApexData API\s+(http:\/\/\S+)\/api\/v1/.exec(out);
      if (m && /Session loads\s+\S/.test(out)) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before serving:\n${out}`));
    });
  });
  return { proc, output: () => out, apiUrl };
}

export function stopCli(r: Running): Promise<number | null> {
  return new Promise((resolve) => {
    if (r.proc.exitCode !== null) return resolve(r.proc.exitCode);
    r.proc.once('exit', (code) => resolve(code));
    r.proc.kill('SIGTERM');
  });
}

