// Helpers for history tests: the real dump, table fingerprints, the public conformance cases and
// the independent F1DB standings used to cross-check computed standings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { sharedDir } from '../../src/config.js';
import { rowsOf, type Db } from '../../src/db/client.js';

export const dumpDir = join(sharedDir, 'jolpica-dump');
export const conformanceFile = join(sharedDir, 'conformance', 'ergast', 'public.jsonl');
export const f1dbDir = join(sharedDir, 'f1db', 'data');

export const historyTables = [
  'championship_systems', 'point_systems', 'seasons', 'circuits', 'drivers', 'constructors', 'team_drivers',
  'races', 'race_sessions', 'statuses', 'results', 'sprint_results', 'qualifying', 'sprint_qualifying',
  'lap_times', 'pit_stops', 'championship_adjustments', 'driver_standings', 'constructor_standings',
] as const;

/** Row count and a content hash per table: equal fingerprints = equal table contents (ids included). */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of historyTables) {
    const [row] = rowsOf<{ n: number; h: string | null }>(
      await db.execute(sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${t} t`)),
    );
    out[t] = `${row!.n}:${row!.h}`;
  }
  return out;
}

export interface ConformanceCase {
  id: string;
  kind: string;
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expected?: any;
}

export function conformanceCases(): ConformanceCase[] {
  return readFileSync(conformanceFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ConformanceCase);
}

/** F1DB's YAML files used here are flat lists of flat maps (or one flat map): no YAML library needed. */
export function yamlList(path: string): Record<string, string>[] {
  return readFileSync(path, 'utf8')
    .split(/^- /m)
    .slice(1)
    .map((chunk) => yamlPairs(chunk.split('\n')));
}
export function yamlMap(path: string): Record<string, string> {
  return yamlPairs(readFileSync(path, 'utf8').split('\n').filter((l) => /^\w/.test(l)));
}
function yamlPairs(lines: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return out;
}
