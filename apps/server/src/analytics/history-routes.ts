// /api/v1/races/{year}/{round}/overtakes and /api/v1/seasons/{year}/heatmap: analytics on history
// data. Mount with `app.register(historyAnalyticsRoutes, { prefix: '/api/v1' })`.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notFound } from '../http/errors.js';
import { seasonCachePolicy } from '../http/plugins/http-cache.js';
import { RoundParam, YearParam } from '../history/routes/v1/schemas.js';
import { FormatQuery } from '../sessions/routes/schemas.js';
import { csv, field } from '../sessions/shape/table.js';
import { raceOvertakes, seasonHeatmap } from './history.js';
import { RaceOvertakesResponse, SeasonHeatmapResponse } from './schemas.js';
import type { Overtake } from '@apexdata/livetiming';

const tags = ['analytics'];
const cached = { httpCache: true } as const;

export const OVERTAKE_COLUMNS = [
  field<Overtake>('lap', 'int'), field<Overtake>('driver', 'string'), field<Overtake>('over', 'string'),
  field<Overtake>('kind', 'string'), field<Overtake>('sector', 'int'),
];

export const HISTORY_OVERTAKES_METHOD =
  'Order changes between consecutive timing points (the grid, then the end of every lap from Jolpica lap-time positions, '
  + 'then the official classification), counted per pair of drivers. A change is a pit-cycle change when either driver made '
  + 'a stop on that lap or the lap before (in-lap/out-lap), a retirement gain when the car ahead no longer appears, a '
  + 'classification change after the last lap (penalties), otherwise an on-track pass. Ranks are among the cars present, so '
  + 'start + gains − losses = position at every lap.';

const historyAnalyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/races/:year/:round/overtakes', {
    config: cached,
    schema: {
      tags,
      summary: "A race's overtakes from history lap times (on-track, pit cycle, retirements, classification changes)",
      params: Type.Object({ year: YearParam, round: RoundParam }),
      querystring: Type.Object({ ...FormatQuery }),
      response: { 200: RaceOvertakesResponse },
    },
  }, async (request, reply) => {
    const { year, round } = request.params;
    const r = await raceOvertakes(app.db, year, round);
    if (!r) throw notFound('race', `${year}/${round}`);
    reply.cacheable(seasonCachePolicy(year));
    if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(csv(r.analysis.events, OVERTAKE_COLUMNS) as never);
    const { events, drivers, perLap } = r.analysis;
    return { season: r.season, round: r.round, raceName: r.raceName, laps: r.laps, method: HISTORY_OVERTAKES_METHOD, drivers, perLap, events };
  });

  app.get('/seasons/:year/heatmap', {
    config: cached,
    schema: {
      tags,
      summary: 'A season as a driver × round grid: finishing position, points and sprint points of every race',
      params: Type.Object({ year: YearParam }),
      response: { 200: SeasonHeatmapResponse },
    },
  }, async (request, reply) => {
    const h = await seasonHeatmap(app.db, request.params.year);
    if (!h) throw notFound('season', String(request.params.year));
    reply.cacheable(seasonCachePolicy(request.params.year));
    return h;
  });
};

export default historyAnalyticsRoutes;
