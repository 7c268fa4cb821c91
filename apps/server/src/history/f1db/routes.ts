// GET /api/v1/admin/history/ambiguous: what the F1DB import would not merge (ambiguous matches,
// never merged) and where F1DB and Jolpica disagree on a result (conflicts, Jolpica kept). Admin only:
// it is a curation list, not data for end users.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asc, sql } from 'drizzle-orm';
import * as s from '../../db/schema/index.js';
import { adminSchema } from '../../http/plugins/auth.js';

const Ambiguous = Type.Object({
  kind: Type.String({ description: 'driver, constructor, circuit or race' }),
  source: Type.String({ description: "the source whose entity could not be matched ('f1db')" }),
  sourceId: Type.String({ description: "that source's id (F1DB: 'max-verstappen', races '2024/01-bahrain')" }),
  reason: Type.String(),
  candidates: Type.Array(Type.String(), { description: 'our public ids it could be' }),
});

const f1dbAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/history/ambiguous',
    {
      onRequest: app.requireAdmin,
      schema: {
        ...adminSchema,
        tags: ['admin', 'history'],
        summary: 'Entities the F1DB import kept apart, and result conflicts between F1DB and Jolpica',
        description:
          'ambiguous: F1DB entities that matched several of ours, or one on some keys only (a race whose date differs): never merged, each kept as its own entity (races: not imported). conflicts: per kind and field, how many results F1DB and Jolpica disagree on (Jolpica is kept: see README, precedence rule).',
        response: {
          200: Type.Object({
            ambiguous: Type.Array(Ambiguous),
            conflicts: Type.Array(Type.Object({ kind: Type.String(), field: Type.String(), count: Type.Integer() })),
          }),
        },
      },
    },
    async () => {
      const ambiguous = await app.db.select().from(s.ambiguousMatches).orderBy(asc(s.ambiguousMatches.kind), asc(s.ambiguousMatches.sourceId));
      const conflicts = await app.db
        .select({ kind: s.sourceConflicts.kind, field: s.sourceConflicts.field, count: sql<number>`count(*)::int` })
        .from(s.sourceConflicts)
        .groupBy(s.sourceConflicts.kind, s.sourceConflicts.field)
        .orderBy(s.sourceConflicts.kind, s.sourceConflicts.field);
      return { ambiguous, conflicts };
    },
  );
};

export default f1dbAdminRoutes;
