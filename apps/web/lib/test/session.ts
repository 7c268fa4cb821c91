// Test-only: sessions built by our engine from the recorded archive in ../shared/f1data, so data
// shaping is tested on real sessions. The data is never copied into the repository.
import path from 'node:path';
import { Session } from '@apexdata/livetiming';
import type { SessionLap } from '../api/session-types';
import { sharedDir } from './ergast-fixtures';

const f1data = path.join(sharedDir, 'f1data');

/** A recorded session by its archive path (`2019/2019-09-08_Italian_Grand_Prix/2019-09-07_Qualifying/`); car data is the slow part, so only on request. */
export function loadSession(archivePath: string, { telemetry = false } = {}): Promise<Session> {
  return Session.load(archivePath, {
    archive: { base: path.join(f1data, 'livetiming') },
    jolpica: { base: path.join(f1data, 'jolpica') },
    schedule: { base: path.join(f1data, 'f1schedule') },
    telemetry,
  });
}

/** The session's laps as the API sends them (none when the archive has no timing): a driver missing from the feed's list goes by number. */
export function sessionLaps(session: Session): SessionLap[] {
  return (session.laps?.toArray() ?? []).map((l) => ({ ...l, driver: l.driver ?? l.driverNumber }));
}
