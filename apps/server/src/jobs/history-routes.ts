// History writes over HTTP (admin): `POST /api/v1/history/sync` queues an incremental Jolpica sync,
// `POST /api/v1/history/import` a dump import. Both answer 202 with the job, like the session load;
// progress is read at GET /api/v1/jobs/{id}. Cached answers are invalidated by the job's own writes,
// wherever it runs (they raise the history generation: src/db/changes.ts), not by this route, which
// answers before the work is done.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { apexError } from '../http/errors.js';
import { adminSchema } from '../http/plugins/auth.js';
import { HISTORY_IMPORT } from './history-import.js';
import { HISTORY_SYNC } from './history-sync.js';
import { InvalidJobDataError } from './session-load.js';
import { JobQueueUnavailableError, type EnqueueResult } from './types.js';
import { JobViewSchema } from './routes.js';

const Season = (description: string) => Type.Integer({ minimum: 1950, maximum: 2100, description });

const SyncInput = Type.Object(
  {
    season: Type.Optional(Season('one season')),
    from: Type.Optional(Season('first season of a range (default: the current season)')),
    to: Type.Optional(Season('last season of a range (default: the current season)')),
    round: Type.Optional(Type.Integer({ minimum: 1, maximum: 40, description: 'only this round (with season)' })),
    laps: Type.Optional(Type.Boolean({ description: 'lap-by-lap times (default true; about 12 requests per race)' })),
  },
  { additionalProperties: false },
);

const ImportInput = Type.Object(
  { dir: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'server-side directory holding formula_one_*.csv (default: JOLPICA_DUMP_DIR)' })) },
  { additionalProperties: false },
);

// Built on first use: routes.ts (which JobViewSchema comes from) imports this module.
const jobAccepted = () =>
  Type.Object({
    jobId: Type.String(),
    created: Type.Boolean({ description: 'false when the same job was already queued or running (that job is returned)' }),
    job: JobViewSchema,
  });

type Accepted = Static<ReturnType<typeof jobAccepted>>;

function accepted(queued: EnqueueResult): Accepted {
  return { jobId: queued.job.id, created: queued.created, job: queued.job };
}

/**
 * A POST without a body (parameters in the query string) validates as an empty object; a JSON `null`
 * is refused, not taken for "no parameters" (which would queue a sync of the current season).
 */
async function emptyBody(request: FastifyRequest): Promise<void> {
  if (request.body === null) throw apexError('APX_ERR_VALIDATION', 'body must be a JSON object (got null); send {} or no body');
  if (request.body === undefined) request.body = {};
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const JobAccepted = jobAccepted();
  const enqueue = async (name: string, data: unknown): Promise<Accepted> => {
    try {
      return accepted(await app.jobs.enqueue(name, data));
    } catch (err) {
      if (err instanceof InvalidJobDataError) throw apexError('APX_ERR_VALIDATION', err.message);
      if (err instanceof JobQueueUnavailableError) throw apexError('APX_ERR_UNAVAILABLE', err.message, { cause: err });
      throw err;
    }
  };

  app.post(
    '/history/sync',
    {
      onRequest: app.requireAdmin,
      preValidation: emptyBody,
      schema: {
        ...adminSchema,
        tags: ['history', 'jobs'],
        summary: 'Sync F1 history from the Jolpica API in the background',
        description:
          'Queues an incremental sync (only missing or unsettled rounds are fetched) of one season (season), a range (from/to, open ends = the current season) or one round (season + round), and answers 202 with the job. Parameters may be given in the query string or a JSON body. The job id is derived from the seasons (history-sync-2023): while it is queued or running, the same job is returned. Poll GET /api/v1/jobs/{id}.',
        querystring: SyncInput,
        body: Type.Optional(SyncInput),
        response: { 202: JobAccepted },
      },
    },
    async (request, reply) => {
      const body = await enqueue(HISTORY_SYNC, { ...request.query, ...(request.body ?? {}) });
      void reply.status(202).header('location', `/api/v1/jobs/${body.jobId}`);
      return body;
    },
  );

  app.post(
    '/history/import',
    {
      onRequest: app.requireAdmin,
      preValidation: emptyBody,
      schema: {
        ...adminSchema,
        tags: ['history', 'jobs'],
        summary: 'Import a Jolpica CSV dump in the background',
        description:
          'Queues an import of the dump in dir (a directory on the server; default JOLPICA_DUMP_DIR) and answers 202 with the job (id history-import; while it is queued or running, the same job is returned). Every file is read and checked before one transaction writes; re-importing the same dump changes nothing. A directory that does not exist fails the job at once (no retry). Poll GET /api/v1/jobs/{id}.',
        querystring: ImportInput,
        body: Type.Optional(ImportInput),
        response: { 202: JobAccepted },
      },
    },
    async (request, reply) => {
      const body = await enqueue(HISTORY_IMPORT, { ...request.query, ...(request.body ?? {}) });
      void reply.status(202).header('location', `/api/v1/jobs/${body.jobId}`);
      return body;
    },
  );
};

export default routes;
