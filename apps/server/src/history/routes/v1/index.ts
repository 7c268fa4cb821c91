// /api/v1 history routes. Mount with `app.register(historyV1Routes, { prefix: '/api/v1' })`.
// Every route is cacheable: finished seasons are immutable, everything else is short-lived.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
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
  PagingQuery,
  Race,
  RaceSummary,
  RefParam,
  RoundParam,
  SearchQuery,
  Season,
  SeasonSummary,
  Standings,
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

  app.get(
    '/drivers',
    {
      config: cached,
      schema: {
        tags,
        summary: 'Drivers by family name; search by name, id or code',
        querystring: SearchQuery,
        response: { 200: page(Driver, 'DriverPage') },
      },
    },
    async (request, reply) => {
      reply.cacheable(cachePolicies.recent);
      return repo.listDrivers(app.db, search(request.query));
    },
  );

  app.get(
    '/drivers/:driverId',
    {
      config: cached,
      schema: {
        tags,
        summary: 'One driver with career summary, seasons, teams and every result',
        params: Type.Object({ driverId: RefParam('driver', 'max_verstappen') }),
        response: { 200: DriverProfile },
      },
    },
    async (request, reply) => {
      const driver = await repo.getDriver(app.db, request.params.driverId);
      if (!driver) throw notFound('driver', request.params.driverId);
      reply.cacheable(cachePolicies.recent);
      return driver;
    },
  );

  app.get(
    '/constructors',
    {
      config: cached,
      schema: {
        tags,
        summary: 'Constructors by name; search by name, id or nationality',
        querystring: SearchQuery,
        response: { 200: page(Constructor, 'ConstructorPage') },
      },
    },
    async (request, reply) => {
      reply.cacheable(cachePolicies.recent);
      return repo.listConstructors(app.db, search(request.query));
    },
  );

  app.get(
    '/constructors/:constructorId',
    {
      config: cached,
      schema: {
        tags,
        summary: 'One constructor with career summary, seasons and drivers',
        params: Type.Object({ constructorId: RefParam('constructor', 'red_bull') }),
        response: { 200: ConstructorProfile },
      },
    },
    async (request, reply) => {
      const constructor = await repo.getConstructor(app.db, request.params.constructorId);
      if (!constructor) throw notFound('constructor', request.params.constructorId);
      reply.cacheable(cachePolicies.recent);
      return constructor;
    },
  );

  app.get(
    '/circuits',
    {
      config: cached,
      schema: {
        tags,
        summary: 'Circuits by name; search by name, id, locality or country',
        querystring: SearchQuery,
        response: { 200: page(Circuit, 'CircuitPage') },
      },
    },
    async (request, reply) => {
      reply.cacheable(cachePolicies.recent);
      return repo.listCircuits(app.db, search(request.query));
    },
  );

  app.get(
    '/circuits/:circuitId',
    {
      config: cached,
      schema: {
        tags,
        summary: 'One circuit with every race held there',
        params: Type.Object({ circuitId: RefParam('circuit', 'monaco') }),
        response: { 200: CircuitProfile },
      },
    },
    async (request, reply) => {
      const circuit = await repo.getCircuit(app.db, request.params.circuitId);
      if (!circuit) throw notFound('circuit', request.params.circuitId);
      reply.cacheable(cachePolicies.recent);
      return circuit;
    },
  );

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
