// GET /{year} — a season's sessions in the live-timing archive with the state of their data — and
// GET /{year}/{round}/{session} — one session's schedule and state. Both revalidate on every request
// (max-age=0 + ETag) because load states change while loads run.
import { sessionKind, SourceError } from '@apexdata/livetiming';
import { apexError, notFound } from '../../http/errors.js';
import { CatalogError, describeSession, type CatalogEntry } from '../catalog.js';
import { seasonSessionColumns, seasonSessions } from '../shape/season.js';
import { csv, records } from '../shape/table.js';
import { utcOf } from '../store-write.js';
import { CSV_TYPE } from './cache.js';
import { iso, keyOf, pathOf, t0Of, type SessionApp, type SessionRouteContext } from './context.js';
import { formatOnly, SeasonParams, SeasonSessionsResponse, SessionParams, SessionResponse, tags } from './schemas.js';

/** What the schedule says of a session (null fields when the archive cannot be reached). */
interface SessionInfo {
  name: string | null;
  eventName: string | null;
  kind: string | null;
  archivePath: string | null;
  startUtc: string | null;
  endUtc: string | null;
}

const unknownInfo: SessionInfo = { name: null, eventName: null, kind: null, archivePath: null, startUtc: null, endUtc: null };

export function seasonRoute(app: SessionApp, ctx: SessionRouteContext): void {
  app.get('/:year', {
    schema: {
      tags,
      summary: 'The sessions of a season in the live-timing archive, with the state of their data (not loaded, loading with progress, loaded, failed with the reason)',
      description: 'In round order, then FP1, FP2, FP3, SQ, S, Q, R. Rounds come from history (the race on the event\'s race day), else from Jolpica\'s or FastF1\'s schedule; testing is left out. 404 when the archive has no session of the season.',
      params: SeasonParams,
      querystring: formatOnly,
      response: { 200: SeasonSessionsResponse },
    },
  }, async (request, reply) => {
    const { year } = request.params;
    let catalogue: CatalogEntry[];
    try {
      catalogue = await ctx.seasonOf(year);
    } catch (err) {
      if (err instanceof CatalogError && err.code === 'no-index') throw apexError('APX_ERR_NOT_FOUND', `no season ${year} in the live-timing archive: ${err.message}`);
      if (err instanceof SourceError || (err instanceof CatalogError && err.cause instanceof SourceError)) {
        throw apexError('APX_ERR_UPSTREAM', `cannot read the ${year} season of the live-timing archive (${ctx.archiveLabel}): ${err.message}`);
      }
      throw err;
    }
    if (catalogue.length === 0) throw apexError('APX_ERR_NOT_FOUND', `no season ${year} in the live-timing archive (${ctx.archiveLabel}): it has no race-weekend session of ${year}`);
    const rows = seasonSessions(catalogue, await ctx.liveStatuses(year));
    reply.cacheable({ maxAge: 0, immutable: false, serverTtl: 0 });
    if (request.query.format === 'csv') return reply.type(CSV_TYPE).send(csv(rows, seasonSessionColumns) as never);
    return { items: records(rows, seasonSessionColumns) };
  });
}

export function sessionRoute(app: SessionApp, ctx: SessionRouteContext): void {
  app.get('/:year/:round/:session', {
    schema: {
      tags,
      summary: 'A session: schedule, and the state of its data (not loaded, loading with progress, loaded, failed with the reason)',
      params: SessionParams,
      response: { 200: SessionResponse },
    },
  }, async (request, reply) => {
    const key = keyOf(request.params);
    const { row, status } = await ctx.rowAndStatus(key);
    let info: SessionInfo;
    if (row && row.archivePath !== null) {
      info = { name: row.name, eventName: row.eventName, kind: row.kind, archivePath: row.archivePath, startUtc: iso(row.startUtc), endUtc: iso(row.endUtc) };
    } else {
      try {
        const { archive } = await ctx.entryOf(key);
        info = {
          name: archive.name, eventName: archive.meetingName, kind: sessionKind(archive.name, key.year), archivePath: archive.path,
          startUtc: iso(utcOf(archive.startDate, archive.gmtOffset)), endUtc: null,
        };
      } catch (err) {
        if (err instanceof CatalogError && err.code === 'not-found') throw notFound('session', `${key.year}/${key.round}/${key.session}`);
        // The archive cannot be reached now: say what we know (its state) rather than fail.
        request.log.warn({ err }, `could not look ${describeSession(key)} up in the archive`);
        info = unknownInfo;
      }
    }
    const s = ctx.reader.servable(row);
    let data = null;
    if (s) {
      const [laps, drivers] = await Promise.all([ctx.reader.lapsOf(s), ctx.reader.driversOf(s)]);
      data = {
        laps: laps.length,
        drivers: drivers.length,
        hasTelemetry: s.row.hasTelemetry,
        totalLaps: s.row.totalLaps,
        t0: t0Of(s),
        sessionStartTime: s.row.sessionStartTime,
      };
    }
    reply.cacheable({ maxAge: 0, immutable: false, serverTtl: 0 });
    return {
      ...key,
      ...info,
      status: { ...status, loadedAt: iso(status.loadedAt), updatedAt: iso(status.updatedAt) },
      data,
      onDemand: ctx.onDemand,
      links: { load: `${pathOf(key)}/load`, laps: `${pathOf(key)}/laps` },
    };
  });
}
