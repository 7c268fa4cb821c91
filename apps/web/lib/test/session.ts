// Test-only: sessions built by our engine from the recorded archive in ../shared/f1data, so data
// shaping is tested on real sessions. The data is never copied into the repository.
import path from 'node:path';
import { Session } from '@apexdata/livetiming';
import type { RaceControlMessage, SessionClock, SessionLap } from '../api/session-types';
// The server's shaping of what the API answers (test-only: the web app itself talks to the API).
import { flagLaps } from '../../../server/src/sessions/shape/laps';
import { onSessionClock, sessionClock } from '../../../server/src/sessions/shape/session-clock';
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

/**
 * The session's laps as the API sends them (none when the archive has no timing): the server's own
 * shaping (quick and clean flags), with a driver missing from the feed's list going by number as
 * the web's query does.
 */
export function sessionLaps(session: Session): SessionLap[] {
  if (!session.laps) return [];
  return flagLaps(session.laps, session.laps.toArray()).map((l) => ({ ...l, driver: l.driver ?? l.driverNumber, lapStartDate: null }));
}

/** The session's race-control messages as the API sends them: on the session clock the server puts them on. */
export function sessionRaceControl(session: Session): { items: RaceControlMessage[]; clock: SessionClock } {
  const clock = sessionClock({ t0: session.t0, sessionStartTime: session.sessionStartTime, raceLike: session.kind === 'race', changes: session.trackStatus ?? [], messages: session.raceControl ?? [] });
  const items = onSessionClock(session.raceControl ?? [], clock).map(({ utc: _utc, date, ...m }) => ({ ...m, date: Number.isFinite(date) ? new Date(date).toISOString() : null }));
  return { items, clock: { t0: clock ? new Date(clock.t0).toISOString() : null, source: clock?.source ?? null } };
}
