// Request and response schemas of /api/v1/live/… (TypeBox → validators, serializers and OpenAPI).
// The view's inner shape is the engine's (tower, clock, race control…) and is described here in full (the web's types are generated from it); `additionalProperties` keeps new
// engine fields reaching clients. view.ts checks at compile time that the engine's views fit it.
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

const N = Type.Number();
const Str = Type.String();

/** What feeds the view, as the ingester says it (the `status` of every view). */
export const LiveSourceStatusSchema = Type.Object(
  {
    source: Type.Union([Type.Literal('none'), Type.Literal('live'), Type.Literal('replay'), Type.Literal('recording')], {
      description: 'what feeds the live view: nothing, the F1 live feed, a replay of an archived session, a recording of the feed',
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
    topicsMissing: Type.Array(Type.String(), { description: 'feed topics not delivered (CarData.z, Position.z… without an F1TV token; for a recording: subscribed topics it never received)' }),
    tokenConfigured: Type.Boolean({ description: 'an F1TV token is set on the server (it is never sent to clients)' }),
    recording: Nullable(
      Type.Object({
        name: Type.String({ description: 'file name in the recordings folder' }),
        format: Type.Union([Type.Literal('apexdata'), Type.Literal('fastf1')], { description: 'apexdata: `apex live record` JSON Lines; fastf1: FastF1 recorder file' }),
        lines: Type.Integer(),
        corruptLines: Type.Integer({ description: 'lines that could not be read (skipped; the rest plays)' }),
      }),
      { description: 'the recording being played (source recording)' },
    ),
    replay: Nullable(
      Type.Object({
        speed: Type.Union([Type.Number(), Type.Literal('max')]),
        paused: Type.Boolean(),
        positionMs: Type.Number({ description: 'position in the session stream, ms' }),
        durationMs: Type.Number({ description: 'length of the session stream, ms' }),
      }),
    ),
    message: Nullable(Type.String({ description: 'a line for people: "reconnecting to the F1 live feed (…)", "replay ended"' })),
  },
  { $id: 'LiveSourceStatus', title: 'LiveSourceStatus' },
);

export const LiveSessionClockSchema = Type.Object(
  { remainingMs: Nullable(N), running: Type.Boolean() },
  { description: 'session clock as the engine extrapolates it (ExtrapolatedClock)' },
);

export const LiveStatusSchema = Type.Composite(
  [
    LiveSourceStatusSchema,
    Type.Object({
      clock: Nullable(LiveSessionClockSchema),
      clients: Type.Integer({ description: 'SSE clients of this API process' }),
      historySeconds: Type.Number({ description: 'how far back delayed views can be served' }),
    }),
  ],
  { $id: 'LiveStatus', title: 'LiveStatus' },
);

const TimeColour = Type.Union([Type.Literal('purple'), Type.Literal('green'), Type.Literal('yellow'), Type.Literal('none')]);
const TimedValue = Type.Object({ text: Str, ms: Nullable(N), colour: TimeColour });

export const LiveTowerRowSchema = Type.Object(
  {
    driverNumber: Str,
    abbreviation: Nullable(Str),
    name: Nullable(Str),
    team: Nullable(Str),
    teamColour: Nullable(Str, { description: 'hex without #' }),
    position: Nullable(Type.Integer()),
    gap: Nullable(Str, { description: 'to the leader, as sent ("+1.234", "1 L")' }),
    gapSeconds: Nullable(N),
    interval: Nullable(Str, { description: 'to the car ahead' }),
    intervalSeconds: Nullable(N),
    catching: Type.Boolean(),
    lastLap: Nullable(TimedValue),
    bestLap: Nullable(Type.Composite([TimedValue, Type.Object({ lap: Nullable(Type.Integer()) })])),
    sectors: Type.Array(
      Type.Object({
        time: Nullable(TimedValue),
        current: Type.Boolean(),
        stopped: Type.Boolean(),
        segments: Type.Array(Type.Union([TimeColour, Type.Literal('pit')]), { description: 'mini-sector colours' }),
      }),
    ),
    laps: Nullable(Type.Integer()),
    tyre: Nullable(Type.Object({ compound: Nullable(Str), new: Nullable(Type.Boolean()), age: Nullable(Type.Integer()), stints: Type.Integer() })),
    pitStops: Type.Integer(),
    inPit: Type.Boolean(),
    pitOut: Type.Boolean(),
    drs: Type.Union([Type.Literal('open'), Type.Literal('eligible'), Type.Literal('off'), Type.Null()]),
    retired: Type.Boolean(),
    stopped: Type.Boolean(),
    knockedOut: Type.Boolean({ description: 'eliminated in an earlier qualifying part' }),
  },
  { $id: 'LiveTowerRow', title: 'LiveTowerRow' },
);

const PositionSample = Type.Object({ utc: N, x: N, y: N, z: N });

export const LiveTrackSchema = Type.Object(
  {
    points: Type.Array(Type.Tuple([N, N]), { description: 'closed path, feed X/Y units (1/10 m)' }),
    driverNumber: Type.String({ description: 'the car whose lap drew it' }),
    from: Type.Number({ description: 'feed time of the lap start (Unix ms)' }),
    to: Type.Number(),
    lengthM: Type.Number({ description: 'path length, metres' }),
    rotation: Type.Number({ description: 'degrees to turn the points (and car positions) counter-clockwise to draw the circuit as the session track map does: landscape, start/finish line in the lower half' }),
    finishLine: Nullable(Type.Tuple([N, N]), { description: 'where the start/finish line is (feed X/Y) as TimingData places it; null when unknown (the rotation then takes the first point)' }),
    source: Type.String({ description: '"session": the positions of the session played; else the archive path of the session of the same circuit it came from' }),
  },
  { $id: 'LiveTrack', title: 'LiveTrack', description: 'circuit outline, drawn before the cars have driven it' },
);

/** The view every client sees: the ingester's status and the engine's derived views. */
export const LiveViewSchema = Type.Object(
  {
    status: LiveSourceStatusSchema,
    at: Type.Optional(Type.Number({ description: 'feed time of the view (Unix ms)' })),
    session: Type.Optional(Type.Object({ meeting: Nullable(Str), name: Nullable(Str), type: Nullable(Str), path: Nullable(Str), status: Nullable(Str), qualifyingPart: Nullable(Type.Integer()) })),
    clock: Type.Optional(LiveSessionClockSchema),
    lapCount: Type.Optional(Nullable(Type.Object({ current: Nullable(Type.Integer()), total: Nullable(Type.Integer()) }))),
    trackStatus: Type.Optional(Nullable(Type.Object({ code: Str, message: Str }))),
    tower: Type.Optional(
      Type.Object({
        kind: Type.Union([Type.Literal('race'), Type.Literal('qualifying'), Type.Literal('practice')]),
        part: Nullable(Type.Integer({ description: 'qualifying part 1–3' })),
        cutoffAfter: Nullable(Type.Integer({ description: 'the knock-out line is drawn after this position' })),
        rows: Type.Array(LiveTowerRowSchema),
      }),
    ),
    raceControl: Type.Optional(
      Type.Array(
        Type.Object({
          utc: Str, date: N, category: Nullable(Str), message: Nullable(Str), status: Nullable(Str), flag: Nullable(Str),
          scope: Nullable(Str), sector: Nullable(Type.Integer()), racingNumber: Nullable(Str), lap: Nullable(Type.Integer()),
        }),
      ),
    ),
    weather: Type.Optional(
      Nullable(
        Type.Object({
          airTemp: Nullable(N), humidity: Nullable(N), pressure: Nullable(N), rainfall: Nullable(Type.Boolean()),
          trackTemp: Nullable(N), windDirection: Nullable(N), windSpeed: Nullable(N),
        }),
      ),
    ),
    positions: Type.Optional(
      Type.Array(Type.Object({ driverNumber: Str, status: Nullable(Str), latest: PositionSample, previous: Nullable(PositionSample) })),
    ),
    carData: Type.Optional(
      Type.Array(
        Type.Object({
          driverNumber: Str, utc: N, speed: Nullable(N), rpm: Nullable(N), gear: Nullable(N), throttle: Nullable(N), brake: Nullable(N), drs: Nullable(N),
        }),
      ),
    ),
    track: Type.Optional(Nullable(LiveTrackSchema)),
  },
  { $id: 'LiveView', title: 'LiveView', additionalProperties: true },
);

export const LiveStateSchema = Type.Object(
  {
    epoch: Type.String({ description: 'ingester run; SSE ids are `epoch:seq`' }),
    seq: Type.Integer({ description: 'the frame this view follows (0: before the first)' }),
    at: Nullable(Type.Number({ description: 'when that frame was published (Unix ms)' })),
    delay: Type.Number({ description: 'seconds behind real time' }),
    view: LiveViewSchema,
  },
  { $id: 'LiveState', title: 'LiveState' },
);

export const RecordingsSchema = Type.Object(
  {
    recordings: Type.Array(
      Type.Object({
        name: Type.String({ description: 'file name: POST /replay {"recording": name}' }),
        bytes: Type.Integer(),
        modified: Type.String({ format: 'date-time' }),
        format: Type.Union([Type.Literal('apexdata'), Type.Literal('fastf1')]),
      }),
    ),
  },
  { $id: 'LiveRecordings', title: 'LiveRecordings' },
);

export const ReplayBody = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2018, maximum: 2100, description: 'archived session: year, round and session' })),
    round: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
    session: Type.Optional(Type.Union(SESSION_CODES.map((c) => Type.Literal(c)), { description: 'FP1, FP2, FP3, SQ, S, Q, R' })),
    recording: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'or a recording: a file name of GET /api/v1/live/recordings' })),
    speed: Type.Optional(Speed(`playback speed ×${MIN_SPEED}–×${MAX_SPEED}, or "max" (as fast as possible); default 1`)),
    from: Type.Number({ minimum: 0, default: 0, description: 'start this many seconds into the session stream' }),
    paused: Type.Boolean({ default: false, description: 'load paused at `from`' }),
  },
  { additionalProperties: false, description: 'either {year, round, session} or {recording}' },
);

export const ControlBody = Type.Object(
  {
    action: Type.Union([Type.Literal('pause'), Type.Literal('resume'), Type.Literal('seek'), Type.Literal('speed'), Type.Literal('stop')]),
    to: Type.Optional(Type.Number({ minimum: 0, description: 'seek: seconds into the session stream' })),
    speed: Type.Optional(Speed('speed: the new playback speed')),
  },
  { additionalProperties: false },
);
