// /api/v1/live: status, the state at a delay, the SSE stream, and the admin replay controls.
// Mount with `app.register(liveRoutes, { prefix: '/api/v1/live' })` after the `live` plugin.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { SourceError } from '@apexdata/livetiming';
import { apexError } from '../http/errors.js';
import { adminSchema } from '../http/plugins/auth.js';
import { CatalogError, resolveSession } from '../sessions/catalog.js';
import type { CommandResult, LiveCommand, ReplayTarget } from './commands.js';
import { listRecordings, resolveRecording } from './recordings.js';
import { ControlBody, DelayQuery, LiveStateSchema, LiveStatusSchema, RecordingsSchema, ReplayBody } from './schemas.js';
import { SSE_HEADERS } from './sse.js';
import { LIVE_RUNNING, statusOf } from './view.js';
import type { Static } from '@sinclair/typebox';

const tags = ['live'];

const Accepted = Type.Object({ ok: Type.Literal(true), status: LiveStatusSchema });

const liveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { hub } = app.live;
  const maxDelay = Math.floor(hub.historyMs / 1000) - 5;
  const delayQuery = DelayQuery(maxDelay);

  const statusBody = (): Static<typeof LiveStatusSchema> => {
    const view = hub.timeline.head;
    const clock = (view.clock ?? null) as Static<typeof LiveStatusSchema>['clock'];
    return { ...statusOf(view), clock, clients: hub.fanout.clientCount, historySeconds: maxDelay };
  };

  /**
   * Sends a command to the ingester; its refusals become the API's errors. Answers once this process
   * has the frame that shows the command's effect, so the status returned is already the new one.
   */
  async function send(command: LiveCommand): Promise<void> {
    const epoch = hub.timeline.epoch;
    let result: CommandResult;
    try {
      result = await app.live.commands.request(command);
    } catch (err) {
      throw apexError('APX_ERR_UNAVAILABLE', `the live ingester did not answer: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!result.ok) throw apexError(result.code, result.message);
    const end = Date.now() + 2000;
    while (hub.timeline.epoch === epoch && hub.timeline.lastSeq < result.seq && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  }

  app.get('/status', {
    schema: {
      tags,
      summary: 'What the live view shows now: source (live feed, replay, none), session, clock, connection, topics missing',
      response: { 200: LiveStatusSchema },
    },
  }, async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    return statusBody();
  });

  app.get('/state', {
    schema: {
      tags,
      summary: 'The live view as of now − delay: status, timing tower, clock, lap count, track status, race control, weather, car positions',
      querystring: delayQuery,
      response: { 200: LiveStateSchema },
    },
  }, async (request, reply) => {
    const delay = request.query.delay ?? 0;
    void reply.header('cache-control', 'no-store');
    const state = hub.stateAt(delay * 1000);
    // The view is the ingester's (engine views + status), JSON as the schema describes it (view.ts checks the engine's types).
    return { ...state, view: state.view as unknown as Static<typeof LiveStateSchema>['view'], epoch: state.epoch || 'none', delay };
  });

  app.get('/stream', {
    schema: {
      tags,
      summary: 'Server-Sent Events: a `snapshot` of the view as of now − delay, then `patch` events (JSON Patch, RFC 6902) with ids',
      description:
        'Every event has an id `epoch:seq`. Reconnect with `Last-Event-ID` (EventSource does it) to resume without missing a patch; a snapshot is sent instead when the frames after it are no longer held or came from another ingester run. The delay is applied on the server: the stream delivers each frame `delay` seconds after it was published, so a page refresh resumes at once at the same delay. Comments (`: keep-alive`) every 15 s. A client that reads too slowly is disconnected (it resumes with Last-Event-ID).',
      querystring: delayQuery,
      produces: ['text/event-stream'],
      response: { 200: Type.String({ description: 'text/event-stream' }) },
    },
  }, async (request, reply) => {
    const delay = request.query.delay ?? 0;
    const headerId = request.headers['last-event-id'];
    const lastEventId = Array.isArray(headerId) ? headerId[0] : headerId;
    reply.hijack();
    // Headers set by hooks (CORS, rate limit) go out with the stream's own.
    const raw = reply.raw;
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) raw.setHeader(k, v as string);
    raw.writeHead(200, SSE_HEADERS);
    raw.write('retry: 2000\n\n');
    request.raw.socket.setNoDelay(true);
    hub.stream(raw, delay * 1000, lastEventId);
  });

  app.get('/recordings', {
    schema: {
      tags,
      summary: 'Recordings of the live feed that can be replayed (APEX_LIVE_RECORDINGS: `apex live record` files and FastF1 recorder files)',
      response: { 200: RecordingsSchema },
    },
  }, async () => ({ recordings: await listRecordings(app.config.APEX_LIVE_RECORDINGS) }));

  app.post('/replay', {
    onRequest: app.requireAdmin,
    schema: {
      ...adminSchema,
      tags,
      summary: 'Replay an archived session ({year, round, session}) or a recording of the feed ({recording}) as if live (speed ×1–×100 or max, from a point); refused while the live feed runs',
      body: ReplayBody,
      response: { 200: Accepted },
    },
  }, async (request) => {
    const { year, round, session, recording, speed, from, paused } = request.body;
    const archived = year !== undefined || round !== undefined || session !== undefined;
    if (recording !== undefined && archived) throw apexError('APX_ERR_VALIDATION', 'body: give either {year, round, session} or {recording}, not both');
    if (recording === undefined && (year === undefined || round === undefined || session === undefined)) {
      throw apexError('APX_ERR_VALIDATION', `body: ${['year', 'round', 'session'].filter((k) => request.body[k as 'year'] === undefined).join(', ')} required to replay an archived session (or give {recording})`);
    }
    // Said at once; the ingester checks again (the feed may start meanwhile).
    if (statusOf(hub.timeline.head).source === 'live') throw apexError('APX_ERR_CONFLICT', LIVE_RUNNING);
    let target: ReplayTarget;
    if (recording !== undefined) {
      target = await resolveRecording(app.config.APEX_LIVE_RECORDINGS, recording);
    } else {
      try {
        const entry = await resolveSession(app.db, app.jobDeps.sources, { year: year!, round: round!, session: session! });
        target = { kind: 'archive', year: year!, round: round!, session: session!, path: entry.archive.path, name: `${entry.archive.meetingName} · ${entry.archive.name}` };
      } catch (err) {
        if (err instanceof CatalogError) throw apexError('APX_ERR_NOT_FOUND', `no session ${year}/${round}/${session} to replay: ${err.message}`);
        if (err instanceof SourceError) throw apexError('APX_ERR_UPSTREAM', `cannot read the live-timing archive: ${err.message}`);
        throw err;
      }
    }
    await send({ type: 'replay', target, speed: speed ?? 1, fromMs: (from ?? 0) * 1000, paused: paused ?? false });
    return { ok: true as const, status: statusBody() };
  });

  app.post('/control', {
    onRequest: app.requireAdmin,
    schema: {
      ...adminSchema,
      tags,
      summary: 'Control the running replay: pause, resume, seek (to seconds), speed, stop',
      body: ControlBody,
      response: { 200: Accepted },
    },
  }, async (request) => {
    const { action, to, speed } = request.body;
    if (action === 'seek' && to === undefined) throw apexError('APX_ERR_VALIDATION', 'body/to is required for action seek (seconds into the session)');
    if (action === 'speed' && speed === undefined) throw apexError('APX_ERR_VALIDATION', 'body/speed is required for action speed');
    await send({ type: 'control', action, ...(to !== undefined ? { toMs: to * 1000 } : {}), ...(speed !== undefined ? { speed } : {}) });
    return { ok: true as const, status: statusBody() };
  });
};

export default liveRoutes;
