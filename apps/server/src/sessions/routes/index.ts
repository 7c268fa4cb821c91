// /api/v1/sessions/{year} — a season's sessions and the state of their data;
// /api/v1/sessions/{year}/{round}/{session}/… — a stored session's data. Mount with
// `app.register(sessionRoutes, { prefix: '/api/v1/sessions' })` (after the jobs routes, which own
// POST …/load and GET /api/v1/jobs/{id}).
//
// Every data endpoint answers from the session's stored load through the engine's own objects
// (Laps picks, lap telemetry, lap comparison), caches the bytes per load (see cache.ts), and when
// the session is not loaded answers 404 naming the load command — or, with APEX_AUTOLOAD, queues
// the load and answers 202 with the job (context.ts).
//
// Where things are: catalogue.ts (the season and the session's state), tables.ts (drivers, results,
// stints, pit stops, weather, track status, positions, gaps), laps.ts (laps with filters),
// race-control.ts (messages on the session clock), lap-telemetry.ts (lap telemetry, compare, track outline), schemas.ts (TypeBox).
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SessionKey } from '../catalog.js';
import { SessionReader } from '../queries/reader.js';
import { seasonRoute, sessionRoute } from './catalogue.js';
import { SessionRouteContext } from './context.js';
import { compareRoute, lapTelemetryRoute, trackRoute } from './lap-telemetry.js';
import { lapsRoute } from './laps.js';
import { analyticsRoutes } from '../../analytics/session-routes.js';
import { raceControlRoute } from './race-control.js';
import {
  driversRoute, gapsRoute, pitStopsRoute, positionsRoute, resultsRoute, stintsRoute, trackStatusRoute, weatherRoute,
  type SessionRoute,
} from './tables.js';

export interface SessionRoutesOptions {
  /** A reader to share (tests, bench); default one per app. */
  reader?: SessionReader;
}

/** In the order the OpenAPI document lists them. */
const routes: readonly SessionRoute[] = [
  seasonRoute, sessionRoute,
  driversRoute, resultsRoute, lapsRoute, stintsRoute, pitStopsRoute, weatherRoute, raceControlRoute, trackStatusRoute, positionsRoute, gapsRoute,
  lapTelemetryRoute, compareRoute, trackRoute,
  ...analyticsRoutes,
];

const sessionRoutes: FastifyPluginAsyncTypebox<SessionRoutesOptions> = async (app, opts) => {
  const fastify = app as unknown as FastifyInstance;
  const ctx = new SessionRouteContext(fastify, opts.reader ?? new SessionReader(app.db));
  app.addHook('preParsing', ctx.responses.shortcut);
  // A load committed by another process (on PostgreSQL) shows at once, not after the row's TTL.
  if (fastify.hasDecorator('dataChanges')) fastify.dataChanges.onSession((key) => ctx.reader.forget(key as SessionKey));
  for (const route of routes) route(app, ctx);
};

export default sessionRoutes;
