// Request and response schemas of /api/v1/live/… (TypeBox → validators, serializers and OpenAPI).
// The view's inner shape is the engine's (tower, clock, race control…) and is described there; here
// it is an object, so new engine fields reach clients without a schema change.
import { Type } from '@sinclair/typebox';
import { Nullable } from '../history/routes/v1/schemas.js';
import { SESSION_CODES } from '../sessions/catalog.js';

import { MAX_SPEED, MIN_SPEED } from '@apexdata/livetiming';

const Speed = (description: string) =>
  Type.Union([Type.Number({ minimum: MIN_SPEED, maximum: MAX_SPEED }), Type.Literal('max')], { description });

export const DelayQuery = (maxSeconds: number) =>
  Type.Object({
    delay: Type.Number({
      minimum: 0,
      maximum: maxSeconds,
      default: 0,
      description: `seconds behind real time (broadcast sync, 0–${maxSeconds}); every element of the view is delayed alike`,
    }),
  });

export const LiveStatusSchema = Type.Object(
  {
    source: Type.Union([Type.Literal('none'), Type.Literal('live'), Type.Literal('replay'), Type.Literal('recording')], {
      description: 'what feeds the live view: nothing, the F1 live feed, a replay of an archived session, a recording',
    }),
    session: Nullable(
      Type.Object({
        year: Nullable(Type.Integer()),
        round: Nullable(Type.Integer()),
        session: Nullable(Type.String()),
        name: Type.String(),
        path: Nullable(Type.String({ description: 'archive path' })),
      }),
    ),
    connected: Type.Boolean({ description: 'live: the feed connection is up; replay: the session is loaded' }),
    topicsMissing: Type.Array(Type.String(), { description: 'feed topics not delivered (CarData.z, Position.z… without an F1TV token)' }),
    tokenConfigured: Type.Boolean({ description: 'an F1TV token is set on the server (it is never sent to clients)' }),
    replay: Nullable(
      Type.Object({
        speed: Type.Union([Type.Number(), Type.Literal('max')]),
        paused: Type.Boolean(),
        positionMs: Type.Number({ description: 'position in the session stream, ms' }),
        durationMs: Type.Number({ description: 'length of the session stream, ms' }),
      }),
    ),
    message: Nullable(Type.String()),
    clock: Type.Unknown({ description: 'the session clock as the engine extrapolates it (null when none)' }),
    clients: Type.Integer({ description: 'SSE clients of this API process' }),
    historySeconds: Type.Number({ description: 'how far back delayed views can be served' }),
  },
  { $id: 'LiveStatus', title: 'LiveStatus' },
);

export const LiveStateSchema = Type.Object(
  {
    epoch: Type.String({ description: 'ingester run; SSE ids are `epoch:seq`' }),
    seq: Type.Integer({ description: 'the frame this view follows (0: before the first)' }),
    at: Nullable(Type.Number({ description: 'when that frame was published (Unix ms)' })),
    delay: Type.Number({ description: 'seconds behind real time' }),
    view: Type.Object({}, { additionalProperties: true, description: 'status plus the engine’s views: tower, clock, lapCount, trackStatus, raceControl, weather, positions…' }),
  },
  { $id: 'LiveState', title: 'LiveState' },
);

export const ReplayBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2018, maximum: 2100 }),
    round: Type.Integer({ minimum: 1, maximum: 99 }),
    session: Type.Union(SESSION_CODES.map((c) => Type.Literal(c)), { description: 'FP1, FP2, FP3, SQ, S, Q, R' }),
    speed: Type.Optional(Speed(`playback speed ×${MIN_SPEED}–×${MAX_SPEED}, or "max" (as fast as possible); default 1`)),
    from: Type.Number({ minimum: 0, default: 0, description: 'start this many seconds into the session stream' }),
    paused: Type.Boolean({ default: false, description: 'load paused at `from`' }),
  },
  { additionalProperties: false },
);

export const ControlBody = Type.Object(
  {
    action: Type.Union([Type.Literal('pause'), Type.Literal('resume'), Type.Literal('seek'), Type.Literal('speed'), Type.Literal('stop')]),
    to: Type.Optional(Type.Number({ minimum: 0, description: 'seek: seconds into the session stream' })),
    speed: Type.Optional(Speed('speed: the new playback speed')),
  },
  { additionalProperties: false },
);
