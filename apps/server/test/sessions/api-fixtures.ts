// Sessions built by the engine straight from the recorded archive in ../shared (never copied), the
// reference the session API's answers are checked against.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Session } from '@apexdata/livetiming';
import { sharedDir } from '../../src/config.js';

export const f1data = resolve(sharedDir, 'f1data');
if (!existsSync(f1data)) throw new Error(`shared test data not found at ${f1data}`);
export const liveTimingDir = resolve(f1data, 'livetiming');
const staticDir = resolve(liveTimingDir, 'static');

export const MEXICO_2025_Q = '2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/';
export const BAKU_2018_R = '2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/';

/** Every archived session that has TimingData (found on disk, not listed by hand). */
export function sessionsWithTimingData(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name === 'TimingData.jsonStream') out.push(`${relative(staticDir, dir)}/`);
    }
  };
  walk(staticDir);
  return out.sort();
}

const cache = new Map<string, Promise<Session>>();

/** The engine's session, loaded offline from the archive and Jolpica recordings (memoised per path). */
export function engineSession(path: string, telemetry = path === MEXICO_2025_Q): Promise<Session> {
  const key = `${path}|${telemetry}`;
  let s = cache.get(key);
  if (!s) {
    s = Session.load(path, {
      archive: { base: liveTimingDir, offline: true },
      jolpica: { base: resolve(f1data, 'jolpica'), offline: true },
      schedule: { base: resolve(f1data, 'f1schedule'), offline: true },
      telemetry,
    });
    cache.set(key, s);
  }
  return s;
}

/** A recorded Jolpica answer, e.g. `2018/4/results.json`. */
export function jolpica<T = any>(file: string): T {
  return JSON.parse(readFileSync(resolve(f1data, 'jolpica', 'ergast', 'f1', file), 'utf8')) as T;
}
