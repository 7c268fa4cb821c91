// Admin authentication for write endpoints (imports, syncs, loads, cache flushes):
// `Authorization: Bearer $APEX_ADMIN_TOKEN`. Routes add `onRequest: app.requireAdmin` and spread
// `adminSchema` into their schema so OpenAPI shows the requirement and the 401/503 answers.
import { timingSafeEqual, createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApexError } from '../errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: rejects unless the request carries the admin bearer token. */
    requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

/** Schema fragment for admin routes. */
export const adminSchema = { security: [{ bearerAuth: [] }] };

function digest(s: string): Buffer {
  // Hash both sides so the comparison is constant-time regardless of length.
  return createHash('sha256').update(s).digest();
}

/** Pure check, tested alone: is `header` the bearer token `token`? */
export function checkAdmin(header: string | undefined, token: string | undefined): 'ok' | 'disabled' | 'denied' {
  if (!token) return 'disabled';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return 'denied';
  return timingSafeEqual(digest(m[1]!), digest(token)) ? 'ok' : 'denied';
}

export default fp(
  async (app) => {
    const token = app.config.APEX_ADMIN_TOKEN;
    app.decorate('requireAdmin', async (request: FastifyRequest) => {
      const verdict = checkAdmin(request.headers.authorization, token);
      if (verdict === 'disabled') throw new ApexError('APX_ERR_ADMIN_DISABLED');
      if (verdict === 'denied') {
        throw new ApexError('APX_ERR_UNAUTHORIZED', undefined, { headers: { 'www-authenticate': 'Bearer realm="apexdata"' } });
      }
    });
  },
  { name: 'auth', dependencies: ['config'], fastify: '5.x' },
);
