// The telemetry routes of a loaded session: one lap's full-resolution telemetry, laps compared on a
// common distance axis, and the circuit outline drawn from a clean lap. Each checks what the URL
// names (driver, lap, telemetry present) before anything is rendered or cached.
import { compareLaps, type Lap } from '@apexdata/livetiming';
import { apexError } from '../../http/errors.js';
import { describeSession, type SessionKey } from '../catalog.js';
import type { ServableSession } from '../queries/reader.js';
import {
  comparisonBody, CompareRequestError, fastestIndex, parseCompareChannels, parseLapPicks, DEFAULT_COMPARE_STEP, type LapPick,
} from '../shape/compare.js';
import { columnsCsv } from '../shape/table.js';
import { columnarTelemetry, parseTelemetryColumns } from '../shape/telemetry.js';
import { trackOutline } from '../shape/track.js';
import { CSV_TYPE } from './cache.js';
import { json, keyOf, precompressed, t0Of, type SessionApp, type SessionRouteContext } from './context.js';
import {
  CompareQuery, CompareResponse, dataResponses, SessionParams, tags, TelemetryParams, TelemetryQuery, TelemetryResponse, TrackQuery, TrackResponse,
} from './schemas.js';

export function lapTelemetryRoute(app: SessionApp, ctx: SessionRouteContext): void {
  app.get('/:year/:round/:session/laps/:driver/:lap/telemetry', {
    ...precompressed,
    schema: {
      tags,
      summary: 'Full-resolution telemetry of one lap, columnar (one array per channel)',
      description: 'The engine’s merged lap telemetry (FastF1’s Lap.get_telemetry(): car and position data on the union of their clocks, Distance, DriverAhead), cut to the lap with interpolated edges. Values are rounded to what the sources resolve (see the channels description).',
      params: TelemetryParams,
      querystring: TelemetryQuery,
      response: dataResponses(TelemetryResponse),
    },
  }, async (request, reply) => {
    const key = keyOf(request.params);
    return ctx.withSession(request, reply, key, async (s) => {
      let columns;
      try {
        columns = parseTelemetryColumns(request.query.channels);
      } catch (err) {
        throw apexError('APX_ERR_VALIDATION', `querystring/channels: ${(err as Error).message}`);
      }
      const { driver, lap: lapParam } = request.params;
      const pick: LapPick = { driver, lap: lapParam === 'fastest' ? 'fastest' : Number(lapParam) };
      const lap = await ctx.lapOr404(s, key, await ctx.reader.lapsOf(s), pick);
      await ctx.telemetryOr404(s, key);
      return ctx.responses.send(request, reply, s, async () => {
        let tel;
        try {
          tel = await ctx.reader.lapTelemetry(s, lap);
        } catch (err) {
          throw apexError('APX_ERR_NOT_FOUND', `no telemetry for lap ${lap.lapNumber} of ${lap.driver ?? lap.driverNumber}: ${(err as Error).message}`);
        }
        const col = columnarTelemetry(tel!, columns, request.query.x ?? 'distance');
        if (request.query.format === 'csv') return { body: columnsCsv(col.channels), contentType: CSV_TYPE };
        return json(reply, {
          driver: lap.driver,
          driverNumber: lap.driverNumber,
          lapNumber: lap.lapNumber,
          lapTime: lap.lapTime,
          lapStartTime: lap.lapStartTime,
          t0: t0Of(s),
          ...col,
        });
      });
    });
  });
}

/** The reference lap of a comparison: an index into the compared laps or one of their drivers; default the fastest. */
async function referenceIndex(ctx: SessionRouteContext, s: ServableSession, ref: string | undefined, laps: readonly Lap[]): Promise<number> {
  if (ref === undefined) return fastestIndex(laps);
  if (/^\d$/.test(ref) && Number(ref) < laps.length) return Number(ref);
  const number = await ctx.reader.resolveDriver(s, ref);
  const i = number ? laps.findIndex((l) => l.driverNumber === number.driverNumber) : -1;
  if (i < 0) throw apexError('APX_ERR_VALIDATION', `querystring/reference: '${ref}' is neither a lap index (0–${laps.length - 1}) nor a driver of the compared laps`);
  return i;
}

export function compareRoute(app: SessionApp, ctx: SessionRouteContext): void {
  app.get('/:year/:round/:session/compare', {
    ...precompressed,
    schema: {
      tags,
      summary: 'Up to 5 laps on a common distance axis with the time delta to a reference lap and sector deltas',
      description: 'The engine’s lap comparison: every lap is mapped onto the reference lap’s distance piecewise-linearly between the timing lines (start, sector 1, sector 2, finish), so the delta trace matches the timing’s own sector differences at each line. `drivers=VER,HAM,LEC` compares their fastest laps (or `laps=<n>` for the same lap number); `laps=VER:12,HAM:fastest` names laps explicitly.',
      params: SessionParams,
      querystring: CompareQuery,
      response: dataResponses(CompareResponse),
    },
  }, async (request, reply) => {
    const key = keyOf(request.params);
    return ctx.withSession(request, reply, key, async (s) => {
      const q = request.query;
      let picks: LapPick[];
      let channels;
      try {
        picks = parseLapPicks(q.drivers, q.laps);
        channels = parseCompareChannels(q.channels);
      } catch (err) {
        if (err instanceof CompareRequestError) throw apexError('APX_ERR_VALIDATION', `querystring: ${err.message}`);
        throw err;
      }
      const all = await ctx.reader.lapsOf(s);
      const laps: Lap[] = [];
      for (const p of picks) laps.push(await ctx.lapOr404(s, key, all, p));
      const reference = await referenceIndex(ctx, s, q.reference, laps);
      const tel = await ctx.telemetryOr404(s, key);
      return ctx.responses.send(request, reply, s, async () => {
        let cmp;
        try {
          cmp = compareLaps(tel, laps, { reference, step: q.step ?? DEFAULT_COMPARE_STEP });
        } catch (err) {
          throw apexError('APX_ERR_NOT_FOUND', `cannot compare these laps: ${(err as Error).message}`);
        }
        return json(reply, comparisonBody(cmp, laps, channels));
      });
    });
  });
}

/** Laps to draw the outline from: the one asked for, else the session's fastest, then its quickest accurate laps. */
async function outlineCandidates(ctx: SessionRouteContext, s: ServableSession, key: SessionKey, driver: string | undefined, lap: string | undefined): Promise<Lap[]> {
  const all = await ctx.reader.lapsOf(s);
  if (driver !== undefined) return [await ctx.lapOr404(s, key, all, { driver, lap: lap === undefined || lap === 'fastest' ? 'fastest' : Number(lap) })];
  return [all.pickFastest(), ...all.pickQuickLaps().pickAccurate().laps.slice().sort((a, b) => a.lapTime! - b.lapTime!)].filter((l): l is Lap => l !== null);
}

export function trackRoute(app: SessionApp, ctx: SessionRouteContext): void {
  app.get('/:year/:round/:session/track', {
    ...precompressed,
    schema: {
      tags,
      summary: 'Circuit outline from a clean lap’s position data, rotated consistently, with sector lines and speed along it',
      description: 'The rotation is derived from the outline (smallest bounding rectangle laid landscape, start/finish line in the lower half), so every session of a circuit draws the same way; pass rotation= to use another convention. X/Y are the feed’s units (1/10 m).',
      params: SessionParams,
      querystring: TrackQuery,
      response: dataResponses(TrackResponse),
    },
  }, async (request, reply) => {
    const key = keyOf(request.params);
    return ctx.withSession(request, reply, key, async (s) => {
      const q = request.query;
      const candidates = await outlineCandidates(ctx, s, key, q.driver, q.lap);
      if (candidates.length === 0) throw apexError('APX_ERR_NOT_FOUND', `${describeSession(key)} has no timed lap to draw the track from`);
      await ctx.telemetryOr404(s, key);
      return ctx.responses.send(request, reply, s, async () => {
        // A lap may lack position data: try the next candidate (at most five).
        let lastError: unknown = null;
        for (const lap of candidates.slice(0, 5)) {
          try {
            const tel = await ctx.reader.lapTelemetry(s, lap);
            return json(reply, trackOutline(lap, tel!, q.rotation !== undefined ? { rotation: q.rotation } : {}));
          } catch (err) {
            lastError = err;
          }
        }
        throw apexError('APX_ERR_NOT_FOUND', `no lap with position data to draw the track from: ${(lastError as Error).message}`);
      });
    });
  });
}
