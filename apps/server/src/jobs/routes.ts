// Background jobs over HTTP: `POST /api/v1/sessions/{year}/{round}/{session}/load` (admin) queues a
// session load and answers 202 with the job; `GET /api/v1/jobs/{id}` reports a job (state, stage,
// percent, error, result). Mount with `app.register(jobRoutes, { prefix: '/api/v1' })`; it brings
// the `jobs` plugin (`app.jobs`: BullMQ with REDIS_URL, the in-process runner otherwise).
import fp from 'fastify-plugin';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withJobProgress } from './session-status.js';
import { Type, type Static } from '@sinclair/typebox';
import { apexError } from '../http/errors.js';
import { adminSchema } from '../http/plugins/auth.js';
import { CatalogError, describeSession, parseSessionCode, resolveSession, type SessionKey } from '../sessions/catalog.js';
import { sessionStore, type SessionStatusView } from '../sessions/store.js';
import { releaseAbandonedClaims } from '../sessions/store-write.js';
import historyJobRoutes from './history-routes.js';
import { createJobQueue, jobDepsFromConfig, type JobDeps } from './index.js';
import { InvalidJobDataError, SESSION_LOAD, sessionKeyOfJobId } from './session-load.js';
import { JobQueueUnavailableError, type JobQueue, type JobView } from './types.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queue (BullMQ or in-process). */
    jobs: JobQueue;
    jobDeps: JobDeps;
  }
}

/** `app.jobs` and `app.jobDeps`; the queue is closed with the app. */
export const jobsPlugin = fp(
  async (app) => {
    // History jobs run in this process only with the in-process queue. Their writes raise the history
    // generation that cached answers are keyed by; reading it at once means the next request sees the
    // new data (writes of other processes are heard from the database: src/http/cache/data-changes.ts).
    const deps = jobDepsFromConfig(app.config, app.db, async () => {
      if (app.hasDecorator('dataChanges')) await app.dataChanges.refresh();
    });
    const queue = await createJobQueue(app.config, deps, app.database.kind);
    // Loads whose process is gone (a server killed mid-load, a CLI stopped) are released now rather
    // than reported as running for ever; on the embedded database that is every load but ours.
    // Best effort: an API whose database is down (or not migrated yet) still starts and says so on /ready.
    await releaseAbandonedClaims(app.db, { embedded: app.database.kind === 'pglite' }).then(
      (released) => released > 0 && app.log.warn({ released }, `${released} session load(s) left by a stopped process marked failed: interrupted`),
      (err: unknown) => app.log.warn({ err: String(err) }, 'could not release session loads left by stopped processes'),
    );
    app.decorate('jobs', queue);
    app.decorate('jobDeps', deps);
    // preClose, not onClose: interrupted jobs record why in the database, which onClose hooks of the
    // caller (src/server.ts) may already have closed.
    app.addHook('preClose', async () => {
      await queue.close();
    });
  },
  { name: 'jobs', dependencies: ['config', 'db'], fastify: '5.x' },
);

export const JobViewSchema = Type.Object(
  {
    id: Type.String({ description: 'derived from the work it does, e.g. session-2025-20-Q' }),
    name: Type.String({ description: 'job type, e.g. session-load' }),
    state: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
    stage: Type.Union([Type.String(), Type.Null()], { description: 'current step (resolve, fetch, parse, laps, telemetry, encode, store, done)' }),
    percent: Type.Union([Type.Number(), Type.Null()]),
    detail: Type.Union([Type.String(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()], { description: 'why it failed (or why the last attempt failed while a retry is pending)' }),
    attempts: Type.Integer(),
    maxAttempts: Type.Integer(),
    result: Type.Unknown({ description: 'what the job produced once done (a load summary: rows, bytes, timings)' }),
    data: Type.Unknown(),
    createdAt: Type.Union([Type.String(), Type.Null()]),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Job', title: 'Job' },
);

export const SessionStatusSchema = Type.Object(
  {
    state: Type.Union([Type.Literal('not_loaded'), Type.Literal('loading'), Type.Literal('loaded'), Type.Literal('failed')]),
    jobId: Type.Union([Type.String(), Type.Null()]),
    stage: Type.Union([Type.String(), Type.Null()]),
    percent: Type.Union([Type.Number(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
    hasData: Type.Boolean({ description: 'data of an earlier load can be served (also while reloading or after a failed reload)' }),
    loadedAt: Type.Union([Type.String(), Type.Null()]),
    dataVersion: Type.Integer(),
    updatedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'SessionDataStatus', title: 'SessionDataStatus' },
);

const LoadAccepted = Type.Object({
  jobId: Type.String(),
  /** false: the same session was already queued or loading; that job is returned. */
  created: Type.Boolean(),
  job: JobViewSchema,
  status: SessionStatusSchema,
});

const SessionParams = Type.Object({
  year: Type.Integer({ minimum: 2018, maximum: 2100, description: 'season (the live-timing archive starts in 2018)' }),
  round: Type.Integer({ minimum: 1, maximum: 40 }),
  session: Type.String({ pattern: '^[A-Za-z0-9]{1,3}$', description: 'FP1, FP2, FP3, SQ (sprint qualifying/shootout; SS accepted), S, Q or R' }),
});

function unavailable(err: unknown): never {
  if (err instanceof JobQueueUnavailableError) throw apexError('APX_ERR_UNAVAILABLE', err.message, { cause: err });
  throw err;
}

/** A job the queue no longer knows (in-process after a restart, or expired) told from its session's row. */
function jobFromStatus(id: string, key: SessionKey, status: SessionStatusView): JobView | null {
  if (status.state === 'not_loaded' || status.jobId !== id) return null;
  const state = status.state === 'loading' ? (status.stage === 'queued' ? 'queued' : 'running') : status.state === 'loaded' ? 'done' : 'failed';
  return {
    id, name: SESSION_LOAD, state, stage: state === 'done' ? 'done' : status.stage, percent: state === 'done' ? 100 : status.percent,
    detail: null, error: status.error, attempts: 0, maxAttempts: 0, result: null, data: key, createdAt: null,
    finishedAt: state === 'done' ? status.loadedAt : null,
  };
}

export type LoadAcceptedBody = Static<typeof LoadAccepted>;

/**
 * Queues a load of `key` (or returns the one already queued or running) — for the load endpoint and
 * for routes that start a load on demand (APEX_AUTOLOAD). Throws APX_ERR_NOT_FOUND for a session the
 * archive does not have, APX_ERR_UNAVAILABLE when the queue (Redis) is down.
 */
export async function queueSessionLoad(app: FastifyInstance, key: SessionKey, log?: FastifyBaseLogger): Promise<LoadAcceptedBody> {
  // Unknown sessions are refused now rather than by a failed job; an unreachable archive is not a
  // reason to refuse (the job retries).
  try {
    await resolveSession(app.db, app.jobDeps.sources, key);
  } catch (err) {
    if (err instanceof CatalogError && err.code === 'not-found') throw apexError('APX_ERR_NOT_FOUND', err.message);
    log?.warn({ err }, `could not check ${describeSession(key)} in the archive; queueing anyway`);
  }
  let queued;
  try {
    queued = await app.jobs.enqueue(SESSION_LOAD, key);
  } catch (err) {
    if (err instanceof InvalidJobDataError) throw apexError('APX_ERR_VALIDATION', err.message);
    unavailable(err);
  }
  const status = withJobProgress(await sessionStore(app.db).status(key), queued.job);
  return { jobId: queued.job.id, created: queued.created, job: queued.job, status };
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  if (!app.hasDecorator('jobs')) await app.register(jobsPlugin);
  await app.register(historyJobRoutes);

  app.post(
    '/sessions/:year/:round/:session/load',
    {
      // With on-demand loads (APEX_AUTOLOAD, on by default for a loopback-only API) anyone who can
      // reach the API may load a session, as reading its data would; otherwise only the admin.
      onRequest: async (request, reply) => {
        if (app.config.APEX_AUTOLOAD !== true) await app.requireAdmin(request, reply);
      },
      schema: {
        ...adminSchema,
        tags: ['sessions', 'jobs'],
        summary: 'Load (or reload) a session from the F1 live-timing archive in the background',
        description: 'Needs the admin token unless the API loads sessions on demand (APEX_AUTOLOAD; the session\'s `onDemand`). Queues a load job and answers 202 with it. The job id is derived from the session (session-2025-20-Q): while it is queued or running, the same job is returned. A reload replaces the stored session in one transaction; if it fails, the previous data stays. Poll GET /api/v1/jobs/{id}, or the session\'s status.',
        params: SessionParams,
        response: { 202: LoadAccepted },
      },
    },
    async (request, reply) => {
      const { year, round } = request.params;
      const session = parseSessionCode(request.params.session);
      if (!session) throw apexError('APX_ERR_VALIDATION', `params/session must be one of FP1, FP2, FP3, SQ, S, Q, R (got '${request.params.session}')`);
      const key: SessionKey = { year, round, session };
      const body = await queueSessionLoad(app as unknown as FastifyInstance, key, request.log);
      void reply.status(202).header('location', `/api/v1/jobs/${body.jobId}`);
      return body;
    },
  );

  app.get(
    '/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'A background job: state, stage and percent, error reason, result',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9@._-]+$' }) }),
        response: { 200: JobViewSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      void reply.header('cache-control', 'no-store');
      let job: JobView | null = null;
      try {
        job = await app.jobs.get(id);
      } catch (err) {
        // Redis down: a session job can still be told from the database.
        if (!(err instanceof JobQueueUnavailableError)) throw err;
        const key = sessionKeyOfJobId(id);
        if (!key) unavailable(err);
        job = jobFromStatus(id, key, await sessionStore(app.db).status(key));
        if (!job) unavailable(err);
      }
      if (!job) {
        const key = sessionKeyOfJobId(id);
        job = key ? jobFromStatus(id, key, await sessionStore(app.db).status(key)) : null;
      }
      if (!job) throw apexError('APX_ERR_NOT_FOUND', `no job '${id}' (finished jobs are kept for 7 days)`);
      return job satisfies Static<typeof JobViewSchema>;
    },
  );
};

export default routes;
