// Liveness (/health: the process answers) and readiness (/ready: the database answers too).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ApexError } from '../errors.js';
import { serverVersion } from '../version.js';

const Health = Type.Object({
  status: Type.Literal('ok'),
  version: Type.String(),
  uptimeSeconds: Type.Number(),
});

const Ready = Type.Object({
  status: Type.Literal('ready'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  cache: Type.Object({
    kind: Type.Union([Type.Literal('memory'), Type.Literal('redis')]),
    status: Type.Union([Type.Literal('up'), Type.Literal('down')], { description: 'down = serving uncached' }),
  }),
});

const PING_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    { schema: { tags: ['meta'], summary: 'Liveness: the server process answers', response: { 200: Health } } },
    async () => ({ status: 'ok' as const, version: serverVersion, uptimeSeconds: Math.round(process.uptime()) }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['meta'],
        summary: 'Readiness: the database answers (503 otherwise)',
        response: { 200: Ready },
      },
    },
    async (request) => {
      try {
        await withTimeout(app.database.ping(), PING_TIMEOUT_MS);
      } catch (err) {
        request.log.warn({ err }, 'readiness check: database unreachable');
        throw new ApexError('APX_ERR_NOT_READY', `database (${app.database.kind}) unreachable`);
      }
      return {
        status: 'ready' as const,
        database: app.database.kind,
        cache: { kind: app.responseCache.kind, status: await app.responseCache.ping() },
      };
    },
  );
};

export default healthRoutes;
