// OpenAPI 3.1 at /openapi.json and Swagger UI at /docs (assets ship inside @fastify/swagger-ui, so
// it works offline). Also guarantees that every documented route declares its error bodies: routes
// registered after this plugin get `4xx`/`5xx` → ErrorResponse unless they declare their own.
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../errors.js';
import { serverVersion } from '../version.js';
import { dataCredits } from '../credits.js';

const errorRef = { $ref: 'ErrorResponse#' };

export default fp(
  async (app) => {
    app.addSchema(ErrorBody);

    app.addHook('onRoute', (route) => {
      type Schema = Record<string, unknown> & { hide?: boolean; response?: Record<string, unknown> };
      const schema = (route.schema ??= {}) as Schema;
      if (schema.hide) return;
      const response = (schema.response ??= {});
      const has = (prefix: string) => Object.keys(response).some((k) => k.startsWith(prefix));
      if (!has('4')) response['4xx'] = errorRef;
      if (!has('5')) response['5xx'] = errorRef;
    });

    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'ApexData API',
          version: serverVersion,
          description:
            'Formula 1 history, session data and telemetry. `/api/v1` is the native API (camelCase JSON, ' +
            'durations in ms, ISO dates); `/ergast/f1` is the Ergast/Jolpica-compatible surface. ' +
            'Every error is `{ "error": { "code", "message" } }`.\n\n' +
            dataCredits.map((c) => `- ${c.what}: [${c.name}](${c.url}), ${c.licence} ([licence](${c.licenceUrl}))${c.note ? ` — ${c.note}` : ''}`).join('\n'),
          // OpenAPI has one licence field: it names the data licences; the code's is the repository's.
          license: { name: 'Data: F1DB CC BY 4.0, Jolpica CC BY-NC-SA 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
        },
        tags: [
          { name: 'meta', description: 'liveness, readiness, documentation' },
          { name: 'history', description: 'seasons, races, drivers, constructors, circuits, standings' },
          { name: 'ergast', description: 'Ergast-compatible surface' },
          { name: 'admin', description: 'write endpoints (Bearer APEX_ADMIN_TOKEN)' },
        ],
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'APEX_ADMIN_TOKEN' } },
        },
      },
      // Name shared schemas by their $id in components.schemas instead of def-0, def-1…
      refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    });

    await app.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true, displayRequestDuration: true },
      staticCSP: true,
    });

    app.get(
      '/openapi.json',
      {
        schema: {
          tags: ['meta'],
          summary: 'The OpenAPI 3.1 document of this API',
          response: { 200: Type.Object({ openapi: Type.String() }, { additionalProperties: true }) },
        },
      },
      async () => app.swagger() as unknown as { openapi: string },
    );
  },
  { name: 'openapi', dependencies: ['config'], fastify: '5.x' },
);
