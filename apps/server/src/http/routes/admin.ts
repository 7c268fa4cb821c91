// Admin endpoints of the HTTP layer itself. Other capabilities add their own write endpoints
// (imports, syncs, session loads) with the same `onRequest: app.requireAdmin` + `adminSchema`.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { adminSchema } from '../plugins/auth.js';
import { CacheUnavailableError } from '../cache/store.js';
import { apexError } from '../errors.js';

const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/cache/clear',
    {
      onRequest: app.requireAdmin,
      schema: {
        ...adminSchema,
        tags: ['admin'],
        summary: 'Forget every cached response (after data was changed outside the API)',
        response: { 200: Type.Object({ cleared: Type.Literal(true), store: Type.String() }) },
      },
    },
    async () => {
      try {
        await app.responseCache.clear();
      } catch (err) {
        if (err instanceof CacheUnavailableError) throw apexError('APX_ERR_UNAVAILABLE', err.message, { cause: err });
        throw err;
      }
      return { cleared: true as const, store: app.responseCache.kind };
    },
  );
};

export default adminRoutes;
