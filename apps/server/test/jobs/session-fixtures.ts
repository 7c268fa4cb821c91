// Shared fixtures of the session tests: the recorded archive in ../shared/f1data, the sessions in it
// that have TimingData (found on disk, not listed by hand), and sources pointing at it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ArchiveClient, Session, Source } from '@apexdata/livetiming';
import { sharedDir } from '../../src/config.js';
import type { SessionSources } from '../../src/sessions/catalog.js';

export const f1data = join(sharedDir, 'f1data');
export const archiveDir = join(f1data, 'livetiming');
export const MEXICO_Q = '2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/';

if (!existsSync(join(archiveDir, 'static'))) throw new Error(`recorded archive missing: ${archiveDir} (tests need ../shared/f1data)`);

/** Every session folder of the recorded archive that has a TimingData stream. */
export function sessionsWithTimingData(base = archiveDir): string[] {
  const out: string[] = [];
  const dirs = (p: string) => readdirSync(p, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const year of dirs(join(base, 'static')).filter((y) => /^\d{4}$/.test(y))) {
    for (const event of dirs(join(base, 'static', year))) {
      for (const session of dirs(join(base, 'static', year, event))) {
        if (existsSync(join(base, 'static', year, event, session, 'TimingData.jsonStream'))) out.push(`${year}/${event}/${session}/`);
      }
    }
  }
  return out;
}

/** Sources on the recorded upstreams (offline: a miss is an error, never a network call). */
export function recordedSources(archiveBase = archiveDir): SessionSources {
  return {
    archive: new ArchiveClient({ base: archiveBase, offline: true }),
    jolpica: new Source({ base: join(f1data, 'jolpica'), offline: true }),
    schedule: new Source({ base: join(f1data, 'f1schedule'), offline: true }),
  };
}

const engineCache = new Map<string, Promise<Session>>();

/** The engine's own load of a session from the same sources (memoised: the reference for comparisons). */
export function engineSession(path: string, round?: number): Promise<Session> {
  const key = `${path}#${round ?? ''}`;
  let p = engineCache.get(key);
  if (!p) {
    const s = recordedSources();
    p = Session.load(path, { archive: s.archive, jolpica: s.jolpica, schedule: s.schedule, ...(round ? { round } : {}) });
    engineCache.set(key, p);
  }
  return p;
}
