// /api/v1 history routes. Mount with `app.register(historyV1Routes, { prefix: '/api/v1' })`.
// Every route is cacheable: finished seasons are immutable, everything else is short-lived.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../http/errors.js';
import { cachePolicies, seasonCachePolicy } from '../../../http/plugins/http-cache.js';
import * as repo from './repository.js';
import {
  Circuit,
  CircuitProfile,
  Constructor,
  ConstructorProfile,
  Driver,
  DriverProfile,
  FinishingStatus,
  type Page,
  PagingQuery,
  Race,
  RaceSummary,
  RefParam,
  RoundParam,
  SearchQuery,
  Season,
  SeasonSummary,
  Standings,
  Today,
  YearParam,
  page,
} from './schemas.js';

const cached = { httpCache: true } as const;
const tags = ['history'];

const historyV1Routes: FastifyPluginAsyncTypebox = async (app) => {
  const search = (q: SearchQuery) => ({ q: q.q ?? q.search, season: q.season, limit: q.limit, offset: q.offset });

  app.get(
    '/seasons',
    {
      config: cached,
      schema: {
        tags,
        summary: 'Every season with its number of rounds and champions',
        querystring: Type.Object({ ...PagingQuery }),
        response: { 200: page(SeasonSummary, 'SeasonPage') },
      },
    },
    async (request, reply) => {
      reply.cacheable(cachePolicies.recent);
      return repo.listSeasons(app.db, request.query);
    },
  );

  app.get(
    '/today',
    {
      config: cached,
      schema: {
        tags,
        summary: 'The latest and the next race by date, and the latest race with results',
        description: 'Races are placed by their date against the server\'s UTC date (or `date`), not by which rounds have results.',
        querystring: Type.Object({
          date: Type.Optional(Type.String({ format: 'date', description: 'look from this day (YYYY-MM-DD) instead of today' })),
        }),
        response: { 200: Today },
      },
    },
    async (request, reply) => {
      reply.cacheable(cachePolicies.current);
      return repo.getToday(app.db, request.query.date);
    },
  );

  app.get(
    '/seasons/:year',
    {
      config: cached,
      schema: {
        tags,
        summary: 'One season: its races (with winners) and the standings after its latest round',
        params: Type.Object({ year: YearParam }),
        response: { 200: Season },
      },
    },
    async (request, reply) => {
      const { year } = request.params;
      const season = await repo.getSeason(app.db, year);
      if (!season) throw notFound('season', year);
      reply.cacheable(seasonCachePolicy(year));
      return season;
    },
  );

  const standingsSchema = {
    tags,
    summary: 'Driver and constructor standings after a round (default: the latest round with standings)',
    params: Type.Object({ year: YearParam }),
    querystring: Type.Object({ round: Type.Optional(RoundParam) }),
    response: { 200: Standings },
  };
  const standingsHandler = async (year: number, round: number | undefined) => {
    const standings = await repo.getStandings(app.db, year, round);
    if (!standings) throw notFound('standings for', round === undefined ? year : `${year} round ${round}`);
    return standings;
  };
  app.get('/standings/:year', { config: cached, schema: standingsSchema }, async (request, reply) => {
    const standings = await standingsHandler(request.params.year, request.query.round);
    reply.cacheable(seasonCachePolicy(request.params.year));
    return standings;
  });
  app.get('/seasons/:year/standings', { config: cached, schema: { ...standingsSchema, summary: 'Same as /standings/{year}' } }, async (request, reply) => {
    const standings = await standingsHandler(request.params.year, request.query.round);
    reply.cacheable(seasonCachePolicy(request.params.year));
    return standings;
  });

  app.get(
    '/races',
    {
      config: cached,
      schema: {
        tags,
        summary: 'Races in calendar order, optionally of one season',
        querystring: Type.Object({ season: Type.Optional(YearParam), ...PagingQuery }),
        response: { 200: page(RaceSummary, 'RacePage') },
      },
    },
    async (request, reply) => {
      const { season } = request.query;
      reply.cacheable(season === undefined ? cachePolicies.recent : seasonCachePolicy(season));
      return repo.listRaces(app.db, request.query);
    },
  );

  app.get(
    '/races/:year/:round',
    {
      config: cached,
      schema: {
        tags,
        summary: 'One race: schedule, results, qualifying, sprint, pit stops and every lap',
        params: Type.Object({ year: YearParam, round: RoundParam }),
        response: { 200: Race },
      },
    },
    async (request, reply) => {
      const { year, round } = request.params;
      const race = await repo.getRace(app.db, year, round);
      if (!race) throw notFound('race', `${year}/${round}`);
      reply.cacheable(seasonCachePolicy(year));
      return race;
    },
  );

  // Drivers, constructors and circuits each have a searchable list and a profile by public id.
  const entity = <Item extends TSchema, Profile extends TSchema>(e: {
    path: string;
    param: string;
    what: string;
    example: string;
    list: { summary: string; item: Item; title: string; find: (db: Db, q: ReturnType<typeof search>) => Promise<Page<Static<Item>>> };
    profile: { summary: string; schema: Profile; get: (db: Db, ref: string) => Promise<Static<Profile> | undefined> };
  }) => {
    app.get(
      `/${e.path}`,
      { config: cached, schema: { tags, summary: e.list.summary, querystring: SearchQuery, response: { 200: page(e.list.item, e.list.title) } } },
      async (request, reply) => {
        reply.cacheable(cachePolicies.recent);
        return e.list.find(app.db, search(request.query));
      },
    );
    app.get(
      `/${e.path}/:${e.param}`,
      {
        config: cached,
        schema: { tags, summary: e.profile.summary, params: Type.Object({ [e.param]: RefParam(e.what, e.example) }), response: { 200: e.profile.schema as TSchema } },
      },
      async (request, reply) => {
        const ref = (request.params as Record<string, string>)[e.param]!;
        const found = await e.profile.get(app.db, ref);
        if (!found) throw notFound(e.what, ref);
        reply.cacheable(cachePolicies.recent);
        return found;
      },
    );
  };

  entity({
    path: 'drivers',
    param: 'driverId',
    what: 'driver',
    example: 'max_verstappen',
    list: { summary: 'Drivers by family name; search by name, id or code', item: Driver, title: 'DriverPage', find: repo.listDrivers },
    profile: { summary: 'One driver with career summary, seasons, teams and every result', schema: DriverProfile, get: repo.getDriver },
  });
  entity({
    path: 'constructors',
    param: 'constructorId',
    what: 'constructor',
    example: 'red_bull',
    list: { summary: 'Constructors by name; search by name, id or nationality', item: Constructor, title: 'ConstructorPage', find: repo.listConstructors },
    profile: { summary: 'One constructor with career summary, seasons and drivers', schema: ConstructorProfile, get: repo.getConstructor },
  });
  entity({
    path: 'circuits',
    param: 'circuitId',
    what: 'circuit',
    example: 'monaco',
    list: { summary: 'Circuits by name; search by name, id, locality or country', item: Circuit, title: 'CircuitPage', find: repo.listCircuits },
    profile: { summary: 'One circuit with every race held there', schema: CircuitProfile, get: repo.getCircuit },
  });

  app.get(
    '/statuses',
    {
      config: cached,
      schema: {
        tags,
        summary: 'Finishing statuses with how many Grand Prix results had each',
        querystring: Type.Object({ season: Type.Optional(YearParam), ...PagingQuery }),
        response: { 200: page(FinishingStatus, 'StatusPage') },
      },
    },
    async (request, reply) => {
      const { season } = request.query;
      reply.cacheable(season === undefined ? cachePolicies.recent : seasonCachePolicy(season));
      return repo.listStatuses(app.db, request.query);
    },
  );
};

export default historyV1Routes;
export { historyV1Routes };
