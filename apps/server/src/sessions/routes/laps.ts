// GET /{year}/{round}/{session}/laps — every column of the engine's Lap, filtered with the engine's
// own pick rules (see ../shape/laps.ts).
import type { Laps } from '@apexdata/livetiming';
import { apexError } from '../../http/errors.js';
import { filterLaps, flagLaps, lapColumns, LapFilterError, type LapFilter } from '../shape/laps.js';
import { keyOf, precompressed, table, type SessionApp, type SessionRouteContext } from './context.js';
import { dataResponses, LapsQuery, LapsResponse, SessionParams, tags } from './schemas.js';

const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

export function lapsRoute(app: SessionApp, ctx: SessionRouteContext): void {
  app.get('/:year/:round/:session/laps', {
    ...precompressed,
    schema: {
      tags,
      summary: 'Laps with every column of the engine’s Lap (FastF1’s Laps), filtered',
      description: 'Filters combine (AND). `quick` applies the 107% rule to the whole session (the engine’s pickQuickLaps), `part` splits qualifying like the engine’s splitQualifyingSessions. `deleted` needs race-control messages; without them the filter answers 400.',
      params: SessionParams,
      querystring: LapsQuery,
      response: dataResponses(LapsResponse),
    },
  }, async (request, reply) => {
    const key = keyOf(request.params);
    return ctx.withSession(request, reply, key, async (s) => {
      const q = request.query;
      const ids = [...list(q.driver), ...list(q.drivers)];
      // Unknown drivers answer 404 before anything is rendered or cached.
      const drivers = await Promise.all(ids.map((id) => ctx.driverNumberOr404(s, key, id)));
      const filter: LapFilter = {
        ...(drivers.length ? { drivers } : {}),
        fromLap: q.fromLap,
        toLap: q.toLap,
        ...(q.compound ? { compounds: list(q.compound) } : {}),
        ...(q.stint ? { stints: list(q.stint).map(Number) } : {}),
        accurate: q.accurate,
        deleted: q.deleted,
        personalBest: q.personalBest,
        quick: q.quick,
        pitInOut: q.pitInOut,
        trackStatus: q.trackStatus,
        trackStatusMatch: q.trackStatusMatch as LapFilter['trackStatusMatch'],
        part: q.part,
      };
      return ctx.responses.send(request, reply, s, async () => {
        const session = await ctx.reader.lapsOf(s);
        let laps: Laps;
        try {
          laps = filterLaps(session, filter);
        } catch (err) {
          if (err instanceof LapFilterError) throw apexError('APX_ERR_VALIDATION', `querystring: ${err.message}`);
          throw err;
        }
        return table(reply, q.format, flagLaps(session, laps.laps), lapColumns);
      });
    });
  });
}
