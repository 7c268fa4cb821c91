// `apex import f1db` and the first-start F1DB step: fetch (URL) or locate the tree, read it (all
// files checked before any write), write it with progress bars, and say what matched.
import { isAbsolute, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { fetchF1dbRelease, isUrl, loadF1db, writeLoadedF1db, type F1dbImportReport } from '../history/f1db/index.js';
import { tableProgress } from './progress.js';

export async function importF1dbWithProgress(
  database: Database,
  config: Pick<Config, 'APEX_HOME' | 'APEX_OFFLINE'>,
  source: string,
  options: { quiet?: boolean; sha256?: string } = {},
): Promise<F1dbImportReport> {
  const say = (line: string) => !options.quiet && process.stderr.write(`${line}\n`);
  let dir = source;
  if (isUrl(source)) {
    say(`downloading ${source} …`);
    dir = await fetchF1dbRelease(source, { home: config.APEX_HOME, sha256: options.sha256, offline: config.APEX_OFFLINE });
  } else if (!isAbsolute(dir)) dir = resolve(dir);
  say(`reading F1DB from ${dir} …`);
  const loaded = await loadF1db(dir);
  say(`read in ${loaded.seconds.toFixed(1)} s; writing…`);
  const progress = tableProgress(options.quiet);
  try {
    return await writeLoadedF1db(database.db, { ...loaded, source }, { onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
}

/** matched / new / ambiguous per entity kind, then every ambiguous match. */
export function matchSummary(report: F1dbImportReport): string {
  const lines = ['  F1DB entities   matched      new  ambiguous'];
  for (const [kind, c] of Object.entries(report.matches))
    lines.push(`  ${kind.padEnd(14)} ${String(c.matched).padStart(8)} ${String(c.new).padStart(8)} ${String(c.ambiguous).padStart(10)}`);
  for (const a of report.ambiguous) lines.push(`  ambiguous ${a.kind} ${a.f1dbId}: ${a.reason} (candidates: ${a.candidates.join(', ')}) — kept apart`);
  return lines.join('\n');
}
