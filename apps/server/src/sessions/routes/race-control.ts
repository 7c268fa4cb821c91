// GET /{year}/{round}/{session}/race-control — the messages with their time on the session clock,
// so clients place them on the same axis as laps and track status without reconstructing t0 (see
// ../shape/session-clock.ts for where the clock comes from when the archive has no car data).
import { sessionKind } from '@apexdata/livetiming';
import type { ServableSession, SessionReader } from '../queries/reader.js';
import { onSessionClock, sessionClock, type SessionClock, type TimedMessage } from '../shape/session-clock.js';
import { raceControlColumns } from '../shape/tables.js';
import { records } from '../shape/table.js';
import { json, keyOf, precompressed, table, type SessionApp, type SessionRouteContext } from './context.js';
import { dataResponses, formatOnly, RaceControlResponse, SessionParams, tags } from './schemas.js';

/** The session's messages on its clock. */
export async function timedRaceControl(reader: SessionReader, s: ServableSession): Promise<{ messages: TimedMessage[]; clock: SessionClock | null }> {
  const [messages, changes] = await Promise.all([reader.store.raceControl(s.row.id), reader.store.trackStatus(s.row.id)]);
  const kind = s.row.kind ?? sessionKind(s.row.name ?? '', s.row.year);
  const clock = sessionClock({ t0: s.row.t0, sessionStartTime: s.row.sessionStartTime, raceLike: kind === 'race', changes, messages });
  return { messages: onSessionClock(messages, clock), clock };
}

export function raceControlRoute(app: SessionApp, ctx: SessionRouteContext): void {
  app.get('/:year/:round/:session/race-control', {
    ...precompressed,
    schema: { tags, summary: 'Race-control messages (flags, penalties, deleted lap times, …)', params: SessionParams, querystring: formatOnly, response: dataResponses(RaceControlResponse) },
  }, async (request, reply) => ctx.serve(request, reply, keyOf(request.params), async (s) => {
    const { messages, clock } = await timedRaceControl(ctx.reader, s);
    if (request.query.format === 'csv') return table(reply, 'csv', messages, raceControlColumns);
    return json(reply, {
      items: records(messages, raceControlColumns),
      clock: { t0: clock ? new Date(Math.round(clock.t0)).toISOString() : null, source: clock?.source ?? null },
    });
  }));
}
