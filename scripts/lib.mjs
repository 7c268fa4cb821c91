// Shared helpers for the two entry commands (`npm start`, `npm test`): plain Node, no dependencies,
// because they run on a fresh clone before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: process.env, ...opts });
  if (r.status !== 0) {
    console.error(`✖ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

/** Install dependencies when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('▸ installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

export function build() {
  console.log('▸ building…');
  run('npm', ['run', '--silent', 'build']);
}

/** ../shared/f1data next to the checkout: the offline copy of the upstreams, used when present. */
export const sharedDir = process.env.APEX_SHARED_DIR ?? resolve(root, '..', 'shared');

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', 'e2e', 'bench', 'test-output'].includes(e.name)) continue;
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `next build` of apps/web unless a build newer than every source file exists. */
export function buildWeb() {
  const web = join(root, 'apps', 'web');
  const buildId = join(web, '.next', 'BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestMtime(web)) return;
  console.log('▸ building the web app…');
  run('npm', ['run', '--silent', 'build', '-w', 'apps/web'], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}
