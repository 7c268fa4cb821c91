// A child process timed from outside, the same way for FastF1 and for us: wall from spawn to exit,
// and — through GNU time when the machine has it — CPU (user + system) and peak RSS of the process tree.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

/** Runs `cmd args`; resolves `{ code, stdout, stderr, wallS, cpuS, peakRssMiB }` (cpu/rss null without GNU time). */
export function timedProcess(cmd, args, options = {}) {
  const withTime = existsSync(GNU_TIME);
  const dir = withTime ? mkdtempSync(join(tmpdir(), 'apex-bench-')) : null;
  const statFile = dir ? join(dir, 'time') : null;
  const argv = withTime ? ['-o', statFile, '-f', '%U %S %M', cmd, ...args] : args;
  return new Promise((resolveRun, reject) => {
    const t = performance.now();
    const child = spawn(withTime ? GNU_TIME : cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => { stdout += b; });
    child.stderr.on('data', (b) => { stderr += b; });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallS = (performance.now() - t) / 1000;
      let cpuS = null;
      let peakRssMiB = null;
      if (statFile && existsSync(statFile)) {
        const last = readFileSync(statFile, 'utf8').trim().split('\n').pop() ?? '';
        const [user, sys, rssKiB] = last.split(' ').map(Number);
        if ([user, sys, rssKiB].every(Number.isFinite)) {
          cpuS = user + sys;
          peakRssMiB = rssKiB / 1024;
        }
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
      resolveRun({ code, stdout, stderr, wallS, cpuS, peakRssMiB });
    });
  });
}
