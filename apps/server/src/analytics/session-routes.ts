// GET /api/v1/sessions/{year}/{round}/{session}/analytics/{clean-laps|pace|degradation|overtakes|
// racecraft|heatmap}: the engine's analytics on a stored session, cached per load like every other
// session route (the query is part of the cache key). Registered by the sessions plugin.
import { Type, type TSchema } from '@sinclair/typebox';
import { LRUCache } from 'lru-cache';
import type { Laps, PreparedLaps } from '@apexdata/livetiming';
import { apexError } from '../http/errors.js';
import type { SessionKey } from '../sessions/catalog.js';
import type { ServableSession } from '../sessions/queries/reader.js';
import { computed, field, type Column } from '../sessions/shape/table.js';
import { json, keyOf, precompressed, table, type SessionRouteContext } from '../sessions/routes/context.js';
import { dataResponses, FormatQuery, SessionParams } from '../sessions/routes/schemas.js';
import type { SessionRoute } from '../sessions/routes/tables.js';
import { OVERTAKE_COLUMNS } from './history-routes.js';
import {
  AnalyticsQuery, CleanLapsResponse, DegradationResponse, HeatmapResponse, PaceResponse, RacecraftResponse, SessionOvertakesResponse,
} from './schemas.js';
import {
  cleanLapRows, degradation, lapHeatmap, METHODS, paceRows, parametersOf, prepare, qualifyingBest, racecraft, sessionOvertakes,
  type AnalyticsQueryParams, type StoredSessionFacts,
} from './session-analysis.js';
import { CSV_TYPE } from '../sessions/routes/cache.js';

const tags = ['analytics'];
const MAX_RACECRAFT_DRIVERS = 5;
/** Qualifying session of the same event, for racecraft's qualifying gap. */
const QUALIFYING_OF: Partial<Record<SessionKey['session'], SessionKey['session']>> = { R: 'Q', S: 'SQ' };

/**
 * A load never changes (a reload bumps its version), so its facts and its prepared laps per set of
 * parameters are kept: the six analyses of one page share one clean-lap pass and one fuel fit.
 */
const facts = new LRUCache<string, Promise<StoredSessionFacts>>({ max: 16 });
const prepared = new LRUCache<string, PreparedLaps>({ max: 64 });

function factsOf(ctx: SessionRouteContext, s: ServableSession): Promise<StoredSessionFacts> {
  let hit = facts.get(s.version);
  if (!hit) {
    hit = Promise.all([ctx.reader.lapsOf(s) as Promise<Laps>, ctx.reader.store.results(s.row.id)])
      .then(([laps, results]) => ({ laps: laps.laps, kind: laps.context.kind, name: s.row.name ?? '', totalLaps: s.row.totalLaps, results }));
    hit.catch(() => facts.delete(s.version));
    facts.set(s.version, hit);
  }
  return hit;
}

function preparedOf(s: ServableSession, f: StoredSessionFacts, q: Query): PreparedLaps {
  const { excludeTrackStatus, slowThreshold, includeLap1, startFuelKg, burnKgPerLap, fuelEffect } = q;
  const key = `${s.version}|${JSON.stringify([excludeTrackStatus, slowThreshold, includeLap1, startFuelKg, burnKgPerLap, fuelEffect])}`;
  let p = prepared.get(key);
  if (!p) {
    p = prepare(f, q);
    prepared.set(key, p);
  }
  return p;
}

type Query = AnalyticsQueryParams & { format?: 'json' | 'csv'; drivers?: string; minLaps?: number };

/** One analytics route: its own extra query parameters, and how it renders. */
function analyticsRoute(spec: {
  path: string;
  summary: string;
  response: TSchema;
  query?: Record<string, TSchema>;
  render: (ctx: SessionRouteContext, facts: StoredSessionFacts, q: Query, key: SessionKey, s: ServableSession, reply: Parameters<typeof json>[0], prepared: () => PreparedLaps) => Promise<ReturnType<typeof json>> | ReturnType<typeof json>;
}): SessionRoute {
  return (app, ctx) => app.get(`/:year/:round/:session/analytics/${spec.path}`, {
    ...precompressed,
    schema: {
      tags, summary: spec.summary, params: SessionParams,
      querystring: Type.Object({ ...FormatQuery, ...AnalyticsQuery, ...spec.query }),
      response: dataResponses(spec.response),
    },
  }, async (request, reply) => {
    const key = keyOf(request.params);
    const q = request.query as Query;
    return ctx.serve(request, reply, key, async (s) => {
      const f = await factsOf(ctx, s);
      return spec.render(ctx, f, q, key, s, reply, () => preparedOf(s, f, q));
    });
  });
}

const cleanLapColumns: Column<ReturnType<typeof cleanLapRows>[number]>[] = [
  field('driverNumber', 'string'), field('driver', 'string'), field('lapNumber', 'int'), field('lapTime', 'duration'),
  field('correctedLapTime', 'duration'), field('clean', 'bool'), computed('reasons', 'string', (r) => r.reasons.join(' ')),
];
const paceColumns: Column<ReturnType<typeof paceRows>[number]>[] = [
  field('rank', 'int'), field('driverNumber', 'string'), field('driver', 'string'), field('team', 'string'), field('medianMs', 'number'),
  field('rawMedianMs', 'number'), field('iqrMs', 'number'), field('gapToBestMs', 'number'), field('cleanLaps', 'int'), field('totalLaps', 'int'),
];

export const cleanLapsRoute = analyticsRoute({
  path: 'clean-laps',
  summary: 'Every lap with its clean-lap verdict, the reasons a lap is left out, and its fuel-corrected time',
  response: CleanLapsResponse,
  render: (_ctx, _facts, q, _k, _s, reply, prepared) => {
    const p = prepared();
    const rows = cleanLapRows(p);
    return q.format === 'csv' ? table(reply, 'csv', rows, cleanLapColumns) : json(reply, { method: `${METHODS.clean} ${METHODS.fuel}`, parameters: parametersOf(p), items: rows });
  },
});

export const paceRoute = analyticsRoute({
  path: 'pace',
  summary: 'Race pace ranking: median fuel-corrected clean lap per driver with its spread, and the laps used',
  response: PaceResponse,
  render: (_ctx, _facts, q, _k, _s, reply, prepared) => {
    const p = prepared();
    const rows = paceRows(p);
    return q.format === 'csv' ? table(reply, 'csv', rows, paceColumns) : json(reply, { method: `${METHODS.pace} ${METHODS.clean} ${METHODS.fuel}`, parameters: parametersOf(p), items: rows });
  },
});

export const degradationRoute = analyticsRoute({
  path: 'degradation',
  summary: 'Tyre degradation per stint and per compound (Theil–Sen on fuel-corrected clean laps) and compound offsets',
  response: DegradationResponse,
  query: { minLaps: Type.Optional(Type.Integer({ minimum: 3, maximum: 50, description: 'clean laps a stint needs (default 5)' })) },
  render: (_ctx, _facts, q, _k, _s, reply, prepared) => {
    const p = prepared();
    const minLaps = q.minLaps ?? 5;
    const d = degradation(p, minLaps);
    if (q.format === 'csv') {
      const cols: Column<(typeof d.stints)[number]>[] = [
        field('driverNumber', 'string'), field('driver', 'string'), field('stint', 'int'), field('compound', 'string'), field('cleanLaps', 'int'),
        field('firstLap', 'int'), field('lastLap', 'int'), field('slopeMsPerLap', 'number'), field('slopeLowMsPerLap', 'number'),
        field('slopeHighMsPerLap', 'number'), field('interceptMs', 'number'),
      ];
      return table(reply, 'csv', d.stints, cols);
    }
    return json(reply, { method: `${METHODS.degradation} ${METHODS.clean} ${METHODS.fuel}`, parameters: parametersOf(p), minLaps, ...d });
  },
});

export const overtakesRoute = analyticsRoute({
  path: 'overtakes',
  summary: 'Overtakes of a race-like session from TimingData positions: on-track passes (with the sector), pit-cycle changes, retirements',
  response: SessionOvertakesResponse,
  render: (_ctx, facts, q, key, _s, reply) => {
    if (facts.kind !== 'race') throw apexError('APX_ERR_VALIDATION', `overtakes need a race or sprint; ${key.session} is a ${facts.kind} session`);
    const a = sessionOvertakes(facts);
    if (q.format === 'csv') return { body: table(reply, 'csv', a.events, OVERTAKE_COLUMNS).body, contentType: CSV_TYPE };
    return json(reply, { method: METHODS.overtakes, drivers: a.drivers, perLap: a.perLap, events: a.events });
  },
});

export const racecraftRoute = analyticsRoute({
  path: 'racecraft',
  summary: 'Racecraft of 2–5 drivers: lap-1 gain, overtakes, places gained, pace vs team-mate, consistency, qualifying gap',
  response: RacecraftResponse,
  query: { drivers: Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9, ]+$', description: '2–5 racing numbers or abbreviations, comma-separated' }) },
  render: async (ctx, facts, q, key, s, reply, prepared) => {
    const ids = (q.drivers ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    if (ids.length < 2 || ids.length > MAX_RACECRAFT_DRIVERS) throw apexError('APX_ERR_VALIDATION', `racecraft compares 2 to ${MAX_RACECRAFT_DRIVERS} drivers; got ${ids.length}`);
    const names = await Promise.all(ids.map(async (id) => {
      const number = await ctx.driverNumberOr404(s, key, id);
      return facts.laps.find((l) => l.driverNumber === number)?.driver ?? number;
    }));
    const p = prepared();
    const qualifying = QUALIFYING_OF[key.session];
    const qs = qualifying ? ctx.reader.servable(await ctx.reader.row({ ...key, session: qualifying })) : null;
    const qualifyingBestMs = qs ? qualifyingBest(await ctx.reader.store.results(qs.row.id)) : null;
    const items = racecraft({ prepared: p, overtakes: facts.kind === 'race' ? sessionOvertakes(facts) : null, drivers: names, qualifyingBestMs });
    return json(reply, { method: `${METHODS.racecraft}${qs ? '' : ' (qualifying of this event not loaded: no qualifying gap)'} ${METHODS.clean}`, parameters: parametersOf(p), items });
  },
});

export const heatmapRoute = analyticsRoute({
  path: 'heatmap',
  summary: 'Driver × lap heatmap: each lap against the session\'s best clean lap, pit and track-status laps marked',
  response: HeatmapResponse,
  render: (_ctx, _facts, q, _k, _s, reply, prepared) => {
    const p = prepared();
    const h = lapHeatmap(p);
    if (q.format === 'csv') {
      const rows = h.rows.flatMap((r) => r.cells.flatMap((c, i) => (c ? [{ driverNumber: r.driverNumber, driver: r.driver, lapNumber: i + 1, ...c }] : [])));
      const cols: Column<(typeof rows)[number]>[] = [
        field('driverNumber', 'string'), field('driver', 'string'), field('lapNumber', 'int'), field('lapTimeMs', 'number'), field('deltaMs', 'number'),
        field('clean', 'bool'), computed('reasons', 'string', (r) => r.reasons.join(' ')),
      ];
      return table(reply, 'csv', rows, cols);
    }
    return json(reply, { method: METHODS.heatmap, parameters: parametersOf(p), ...h });
  },
});

/** In the order the OpenAPI document lists them. */
export const analyticsRoutes: readonly SessionRoute[] = [cleanLapsRoute, paceRoute, degradationRoute, overtakesRoute, racecraftRoute, heatmapRoute];
