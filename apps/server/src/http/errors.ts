// The one registry of API error codes, the one error shape and the one error handler.
// Every error a client can see is `{ "error": { "code": "APX_ERR_…", "message": "…" } }`; the code is
// stable (clients switch on it), the message is for humans. src/http/README.md documents each code
// and a test fails when one is missing there.
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export const errorCodes = {
  APX_ERR_VALIDATION: { status: 400, message: 'invalid request' },
  APX_ERR_BAD_REQUEST: { status: 400, message: 'malformed request' },
  APX_ERR_UNAUTHORIZED: { status: 401, message: 'missing or wrong admin token (Authorization: Bearer <APEX_ADMIN_TOKEN>)' },
  APX_ERR_ROUTE_NOT_FOUND: { status: 404, message: 'no such route' },
  APX_ERR_NOT_FOUND: { status: 404, message: 'not found' },
  APX_ERR_NOT_LOADED: { status: 404, message: 'data not loaded yet' },
  APX_ERR_METHOD_NOT_ALLOWED: { status: 405, message: 'method not allowed' },
  APX_ERR_NOT_ACCEPTABLE: { status: 406, message: 'no acceptable representation' },
  APX_ERR_CONFLICT: { status: 409, message: 'conflict with the current state' },
  APX_ERR_PAYLOAD_TOO_LARGE: { status: 413, message: 'request body too large' },
  APX_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'unsupported content type' },
  APX_ERR_RATE_LIMITED: { status: 429, message: 'too many requests' },
  APX_ERR_CLIENT: { status: 400, message: 'bad request' },
  APX_ERR_INTERNAL: { status: 500, message: 'internal server error' },
  APX_ERR_UPSTREAM: { status: 502, message: 'upstream source failed' },
  APX_ERR_ADMIN_DISABLED: { status: 503, message: 'write endpoints are disabled: set APEX_ADMIN_TOKEN to enable them' },
  APX_ERR_NOT_READY: { status: 503, message: 'not ready' },
  APX_ERR_UNAVAILABLE: { status: 503, message: 'service temporarily unavailable' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;

/** An error we raise on purpose: its code, status and message are safe to show to clients. */
export class ApexError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown; headers?: Record<string, string> }) {
    super(message ?? errorCodes[code].message, { cause: options?.cause });
    this.name = 'ApexError';
    this.code = code;
    this.statusCode = errorCodes[code].status;
    this.headers = options?.headers;
  }
}

/** `apexError('APX_ERR_NOT_FOUND', "no driver 'x'")` — shorthand for throwing from handlers. */
export function apexError(code: ErrorCode, message?: string, options?: { cause?: unknown; headers?: Record<string, string> }): ApexError {
  return new ApexError(code, message, options);
}

/** 404 for an unknown public id, with a message that names what was looked for. */
export function notFound(what: string, id: string | number): ApexError {
  return new ApexError('APX_ERR_NOT_FOUND', `no ${what} '${id}'`);
}

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ enum: Object.keys(errorCodes), description: 'stable machine-readable code (see src/http/README.md)' }),
      message: Type.String({ description: 'human-readable explanation' }),
    }),
  },
  { $id: 'ErrorResponse', title: 'ErrorResponse', description: 'Every error the API returns has this shape' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export interface ApiError {
  status: number;
  code: ErrorCode;
  message: string;
}

const byStatus: Partial<Record<number, ErrorCode>> = {
  400: 'APX_ERR_BAD_REQUEST',
  401: 'APX_ERR_UNAUTHORIZED',
  404: 'APX_ERR_ROUTE_NOT_FOUND',
  405: 'APX_ERR_METHOD_NOT_ALLOWED',
  406: 'APX_ERR_NOT_ACCEPTABLE',
  409: 'APX_ERR_CONFLICT',
  413: 'APX_ERR_PAYLOAD_TOO_LARGE',
  415: 'APX_ERR_UNSUPPORTED_MEDIA_TYPE',
  429: 'APX_ERR_RATE_LIMITED',
  503: 'APX_ERR_UNAVAILABLE',
};

const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * The database (or its connection) is gone, as opposed to a bug: worth a 503 so clients retry.
 * Looks through `cause` chains (drizzle wraps driver errors) for errno codes, PostgreSQL's
 * connection classes (08xxx, 57P0x: admin shutdown, crash, cannot connect now) and a closed PGlite.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (CONNECTION_ERRNOS.has(code) || /^08...$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
    const message = String((e as { message?: unknown }).message ?? '');
    if (/PGlite is closed|Connection terminated|Cannot use a pool after calling end/i.test(message)) return true;
  }
  return false;
}

/** Map anything thrown inside a request to what the client may see. Pure, so it is tested alone. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApexError) return { status: err.statusCode, code: err.code, message: err.message };
  if (isDatabaseUnavailable(err)) return { status: 503, code: 'APX_ERR_UNAVAILABLE', message: 'database unavailable, retry later' };
  const e = (err ?? {}) as Partial<FastifyError> & { status?: number };
  if (e.validation) {
    // Fastify's message already names the part and the param: "querystring/limit must be <= 100".
    return { status: 400, code: 'APX_ERR_VALIDATION', message: e.message ?? errorCodes.APX_ERR_VALIDATION.message };
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : 500;
  if (status >= 400 && status < 500) {
    const code = byStatus[status] ?? 'APX_ERR_CLIENT';
    return { status, code, message: e.message || errorCodes[code].message };
  }
  // Anything else is our fault or an unexpected failure: never leak its message or stack.
  if (status === 503) return { status, code: 'APX_ERR_UNAVAILABLE', message: errorCodes.APX_ERR_UNAVAILABLE.message };
  return { status: 500, code: 'APX_ERR_INTERNAL', message: errorCodes.APX_ERR_INTERNAL.message };
}

export function errorBody(e: Pick<ApiError, 'code' | 'message'>): ErrorBody {
  return { error: { code: e.code, message: e.message } };
}

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const api = toApiError(err);
  if (api.status >= 500) request.log.error({ err }, 'request failed');
  else request.log.info({ code: api.code, message: api.message }, 'request rejected');
  if (err instanceof ApexError && err.headers) void reply.headers(err.headers);
  void reply.status(api.status).send(errorBody(api));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  const url = request.url.length > 200 ? `${request.url.slice(0, 200)}…` : request.url;
  // The path exists under other methods (PUT on a POST endpoint): 405 with what it takes.
  const path = request.url.split('?')[0]!;
  const allowed = request.server.hasDecorator('allowedMethods') ? request.server.allowedMethods(path) : [];
  if (allowed.length > 0) {
    const methods = allowed.includes('GET') && !allowed.includes('HEAD') ? [...allowed, 'HEAD'] : allowed;
    void reply.status(405).header('allow', methods.join(', ')).send(errorBody({
      code: 'APX_ERR_METHOD_NOT_ALLOWED', message: `${request.method} is not supported on ${url.split('?')[0]}; use ${methods.join(', ')}`,
    }));
    return;
  }
  void reply.status(404).send(errorBody({ code: 'APX_ERR_ROUTE_NOT_FOUND', message: `no route ${request.method} ${url}` }));
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request: over-long URL or headers (431),
 * a request or header timeout (408), garbage (400). Answered with our error body, then closed.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: import('node:stream').Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const [status, code, message] = err.code === 'HPE_HEADER_OVERFLOW'
    ? [431, 'APX_ERR_CLIENT', 'request URL or headers too large (limit 16 KB)'] as const
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'ERR_HTTP_HEADERS_TIMEOUT'
      ? [408, 'APX_ERR_CLIENT', 'request not received in time'] as const
      : [400, 'APX_ERR_BAD_REQUEST', 'malformed HTTP request'] as const;
  const body = JSON.stringify(errorBody({ code, message }));
  const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Errors Fastify raises before routing (bad URL encoding, over-long params). */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const api = toApiError(err);
  void reply.status(api.status).send(errorBody(api));
}
