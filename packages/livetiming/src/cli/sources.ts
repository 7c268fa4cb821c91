// Where the CLI reads from when not told: the same environment variables as the server's
// configuration, then the recorded copy of the upstreams beside the checkout (../shared/f1data),
// then the public services.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { F1_ARCHIVE_URL } from '../archive/client.js';
import { FASTF1_SCHEDULE_URL, JOLPICA_URL } from '../archive/jolpica.js';
import { isUrlBase } from '../archive/source.js';

/** Repository root: this file is packages/livetiming/{src,dist}/cli/sources.{ts,js}. */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export function sharedF1Data(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.APEX_SHARED_DIR ?? resolve(repoRoot, '..', 'shared'), 'f1data');
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

export interface CliSources {
  readonly livetiming: string;
  readonly mirrors: string[];
  readonly jolpica: string;
  readonly schedule: string;
  readonly offline: boolean;
  readonly cacheDir: string | undefined;
}

export interface SourceFlags {
  source?: string;
  mirror?: string[];
  jolpica?: string;
  cache?: string;
  offline?: boolean;
}

/**
 * Resolves the sources of a command. A local archive directory named `livetiming` is taken to sit in
 * a recorded-upstreams folder, so its `jolpica/` and `f1schedule/` siblings are used when present.
 */
export function resolveSources(flags: SourceFlags, env: NodeJS.ProcessEnv = process.env): CliSources {
  const recorded = sharedF1Data(env);
  const livetiming = flags.source ?? env.LIVETIMING_BASE_URL ?? (isDir(resolve(recorded, 'livetiming')) ? resolve(recorded, 'livetiming') : F1_ARCHIVE_URL);
  if (!isUrlBase(livetiming) && !isDir(resolve(livetiming))) throw new Error(`source directory not found: ${livetiming}`);
  const beside = !isUrlBase(livetiming) && basename(resolve(livetiming)) === 'livetiming' ? dirname(resolve(livetiming)) : null;
  const sibling = (name: string) => (beside && isDir(resolve(beside, name)) ? resolve(beside, name) : null);
  const jolpica = flags.jolpica ?? env.JOLPICA_BASE_URL ?? sibling('jolpica') ?? (isDir(resolve(recorded, 'jolpica')) ? resolve(recorded, 'jolpica') : JOLPICA_URL);
  const schedule = sibling('f1schedule') ?? (isDir(resolve(recorded, 'f1schedule')) ? resolve(recorded, 'f1schedule') : FASTF1_SCHEDULE_URL);
  const mirrors = flags.mirror?.length ? flags.mirror : env.LIVETIMING_MIRROR_URL ? [env.LIVETIMING_MIRROR_URL] : [];
  const offline = flags.offline ?? /^(1|true|yes)$/i.test(env.APEX_OFFLINE ?? '');
  return { livetiming, mirrors, jolpica, schedule, offline, cacheDir: flags.cache ?? env.APEX_CACHE_DIR ?? undefined };
}
