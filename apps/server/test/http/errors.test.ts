import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApexError, errorCodes, notFound, toApiError } from '../../src/http/errors.js';

describe('error registry', () => {
  it('documents every code in src/http/README.md, and nothing else', () => {
    const readme = readFileSync(new URL('../../src/http/README.md', import.meta.url), 'utf8');
    const documented = new Set([...readme.matchAll(/^\| `(APX_ERR_[A-Z_]+)` \| (\d+|4xx) \|/gm)].map((m) => m[1]));
    expect([...documented].sort()).toEqual(Object.keys(errorCodes).sort());
    for (const m of readme.matchAll(/^\| `(APX_ERR_[A-Z_]+)` \| (\d+) \|/gm)) {
      expect(errorCodes[m[1] as keyof typeof errorCodes].status, m[1]).toBe(Number(m[2]));
    }
  });

  it('keeps the message of errors raised on purpose', () => {
    expect(toApiError(notFound('driver', 'nobody'))).toEqual({ status: 404, code: 'APX_ERR_NOT_FOUND', message: "no driver 'nobody'" });
    expect(toApiError(new ApexError('APX_ERR_ADMIN_DISABLED'))).toMatchObject({ status: 503, code: 'APX_ERR_ADMIN_DISABLED' });
  });

  it('maps validation errors to 400 with the offending parameter', () => {
    const err = Object.assign(new Error('querystring/limit must be <= 100'), { validation: [{}], statusCode: 400 });
    expect(toApiError(err)).toEqual({ status: 400, code: 'APX_ERR_VALIDATION', message: 'querystring/limit must be <= 100' });
  });

  it('maps framework 4xx errors by status', () => {
    expect(toApiError(Object.assign(new Error('Body is too large'), { statusCode: 413 })).code).toBe('APX_ERR_PAYLOAD_TOO_LARGE');
    expect(toApiError(Object.assign(new Error('x'), { statusCode: 418 }))).toMatchObject({ status: 418, code: 'APX_ERR_CLIENT' });
  });

  it('answers 503 when the database connection is gone, looking through wrapped causes', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wrapped = new Error('Failed query: select 1', { cause: refused });
    expect(toApiError(wrapped)).toEqual({ status: 503, code: 'APX_ERR_UNAVAILABLE', message: 'database unavailable, retry later' });
    expect(toApiError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })).status).toBe(503);
    expect(toApiError(new Error('x', { cause: new Error('PGlite is closed') })).status).toBe(503);
    // a query bug is not an outage
    expect(toApiError(Object.assign(new Error('column "x" does not exist'), { code: '42703' })).status).toBe(500);
  });

  it('hides the message of unexpected failures', () => {
    const api = toApiError(new Error('password=hunter2 at db.internal:5432'));
    expect(api).toEqual({ status: 500, code: 'APX_ERR_INTERNAL', message: 'internal server error' });
    expect(toApiError(Object.assign(new Error('secret'), { statusCode: 503 })).message).not.toContain('secret');
    expect(toApiError('a string').status).toBe(500);
  });
});
