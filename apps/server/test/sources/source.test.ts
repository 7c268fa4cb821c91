import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSource,
  SourceAbortedError,
  SourceBodyError,
  SourceHttpError,
  SourceNetworkError,
  SourceNotFoundError,
  SourceOfflineError,
  SourcePathError,
  SourceTimeoutError,
  type Source,
  type SourceOptions,
} from '../../src/sources/index.js';
import { jolpicaRecordings, startJolpicaServer, type JolpicaServer, type JolpicaServerOptions } from '../helpers/jolpica-server.js';

const LAPS = 'ergast/f1/2023/1/laps.json?limit=1200';
const RESULTS = 'ergast/f1/2023/1/results.json';
const fastRetry = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };

interface MR {
  MRData: { total: string; limit: string; offset: string; url: string };
}

let server: JolpicaServer | undefined;
let source: Source | undefined;
afterEach(async () => {
  await source?.close();
  await server?.close();
  source = server = undefined;
});

async function serve(options: JolpicaServerOptions = {}, sourceOptions: Partial<SourceOptions> = {}): Promise<{ server: JolpicaServer; source: Source }> {
  server = await startJolpicaServer(options);
  source = createSource({ baseUrl: server.url, timeoutMs: 2_000, retry: fastRetry, ...sourceOptions });
  return { server, source };
}

describe('directory base', () => {
  it('maps URL path + literal query string to the recorded file', async () => {
    source = createSource({ baseUrl: jolpicaRecordings });
    const doc = await source.getJson<MR>(LAPS);
    // The recording is Jolpica's answer to ?limit=1200: capped at 100 rows of 1055.
    expect(doc.MRData.limit).toBe('100');
    expect(doc.MRData.total).toBe('1055');
    expect(source.locate(LAPS)).toBe(join(jolpicaRecordings, 'ergast/f1/2023/1/laps.json?limit=1200'));
    expect(source.kind).toBe('directory');
  });

  it('accepts a file:// base and a leading slash', async () => {
    source = createSource({ baseUrl: `file://${jolpicaRecordings}` });
    const text = await source.getText(`/${RESULTS}`);
    expect(text).toBe(readFileSync(join(jolpicaRecordings, RESULTS), 'utf8'));
  });

  it('a missing file is a not-found error naming the file, not retried', async () => {
    source = createSource({ baseUrl: jolpicaRecordings, retry: fastRetry });
    const err = await source.getJson('ergast/f1/2023/99/results.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceNotFoundError);
    expect((err as SourceNotFoundError).message).toContain(join(jolpicaRecordings, 'ergast/f1/2023/99/results.json'));
    expect((err as SourceNotFoundError).attempts).toBe(1);
    expect(source.stats().attempts).toBe(1);
  });

  it('refuses paths that leave the directory', async () => {
    source = createSource({ baseUrl: join(jolpicaRecordings, 'ergast') });
    await expect(source.getText('f1/../../../README.md')).rejects.toBeInstanceOf(SourcePathError);
    await expect(source.getText('f1/%2e%2e/%2e%2e/x')).rejects.toBeInstanceOf(SourcePathError);
  });
});

describe('HTTP base against the loopback Jolpica server', () => {
  it('returns the same document as the directory base (same code path)', async () => {
    const { source: http } = await serve();
    const local = createSource({ baseUrl: jolpicaRecordings });
    expect(await http.getJson(LAPS)).toEqual(await local.getJson(LAPS));
    expect(http.kind).toBe('http');
  });

  it('retries 500 and succeeds', async () => {
    const { server, source } = await serve({ faults: [{ path: RESULTS, fault: { type: 'status', status: 500 }, times: 2 }] });
    const doc = await source.getJson<MR>(RESULTS);
    expect(doc.MRData.total).toBe('20');
    expect(server.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(source.stats().retries).toBe(2);
  });

  it('gives up after the configured retries with an error naming URL and status', async () => {
    const { server, source } = await serve({ faults: [{ path: RESULTS, fault: { type: 'status', status: 503 } }] });
    const err = await source.getJson(RESULTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceHttpError);
    expect((err as SourceHttpError).status).toBe(503);
    expect((err as SourceHttpError).message).toBe(`${server.url}/${RESULTS}: HTTP 503`);
    expect((err as SourceHttpError).attempts).toBe(fastRetry.retries + 1);
    expect(server.requests).toHaveLength(fastRetry.retries + 1);
  });

  it('honours Retry-After on 429', async () => {
    const { server, source } = await serve({
      faults: [{ path: RESULTS, fault: { type: 'status', status: 429, retryAfter: '1' }, times: 1 }],
    });
    await source.getJson(RESULTS);
    const [first, second] = server.requests;
    expect(first.status).toBe(429);
    expect(second.status).toBe(200);
    // Backoff alone would be ≤ 20 ms here; the server asked for a second.
    expect(second.at - first.at).toBeGreaterThanOrEqual(990);
  });

  it('a Retry-After beyond the configured maximum is reported, not waited for', async () => {
    const { server, source } = await serve(
      { faults: [{ path: RESULTS, fault: { type: 'status', status: 429, retryAfter: '3600' } }] },
      { retry: { ...fastRetry, maxRetryAfterMs: 60_000 } },
    );
    const err = await source.getJson(RESULTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceHttpError);
    expect((err as SourceHttpError).retryAfterMs).toBe(3_600_000);
    expect((err as Error).message).toContain('HTTP 429');
    expect(server.requests).toHaveLength(1);
  });

  it('times out a hanging response and retries', async () => {
    const retries: string[] = [];
    const { source } = await serve(
      { faults: [{ path: RESULTS, fault: { type: 'hang' }, times: 1 }] },
      { timeoutMs: 200, onRetry: (e) => retries.push(e.error.name) },
    );
    const doc = await source.getJson<MR>(RESULTS);
    expect(doc.MRData.total).toBe('20');
    expect(retries).toEqual(['SourceTimeoutError']);
  });

  it('a hang on every attempt ends in a timeout error', async () => {
    const { source } = await serve({ faults: [{ path: RESULTS, fault: { type: 'hang' } }] }, { timeoutMs: 100, retry: { ...fastRetry, retries: 1 } });
    const err = await source.getJson(RESULTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceTimeoutError);
    expect((err as Error).message).toContain('within 100 ms');
  });

  it('retries a truncated body (invalid JSON) and a connection reset mid-body', async () => {
    const names: string[] = [];
    const { server, source } = await serve(
      {
        faults: [
          { path: RESULTS, fault: { type: 'truncate' }, times: 1 },
          { path: RESULTS, fault: { type: 'reset' }, times: 1 },
        ],
      },
      { onRetry: (e) => names.push(e.error.name) },
    );
    const doc = await source.getJson<MR>(RESULTS);
    expect(doc.MRData.total).toBe('20');
    expect(names).toEqual(['SourceBodyError', 'SourceNetworkError']);
    expect(server.requests.map((r) => r.fault)).toEqual(['truncate', 'reset', undefined]);
  });

  it('retries a body of the wrong shape when a validator rejects it', async () => {
    const { source } = await serve({ faults: [{ path: RESULTS, fault: { type: 'truncate', keepFraction: 0 } }] }, { retry: { ...fastRetry, retries: 1 } });
    const err = await source
      .getJson(RESULTS, {
        validate: (v) => {
          if (typeof v !== 'object') throw new Error('expected an object');
          return v;
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceBodyError);
    expect((err as SourceBodyError).attempts).toBe(2);
  });

  it('404 is a clear error, not retried', async () => {
    const { server, source } = await serve({ missing: 'not-found' });
    const err = await source.getJson('ergast/f1/2023/1/nonsense.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceNotFoundError);
    expect((err as Error).message).toBe(`${server.url}/ergast/f1/2023/1/nonsense.json: not found (404)`);
    expect(server.requests).toHaveLength(1);
  });

  it('other 4xx are not retried', async () => {
    const { server, source } = await serve({ faults: [{ fault: { type: 'status', status: 400 } }] });
    const err = await source.getJson(RESULTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceHttpError);
    expect((err as SourceHttpError).status).toBe(400);
    expect(server.requests).toHaveLength(1);
  });

  it('connection refused is a network error after retries', async () => {
    const { server } = await serve();
    const url = server.url;
    await server.close();
    const client = createSource({ baseUrl: url, retry: { ...fastRetry, retries: 1 } });
    const err = await client.getJson(RESULTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceNetworkError);
    expect((err as SourceNetworkError).attempts).toBe(2);
  });

  it('an abort stops waiting and is not retried', async () => {
    const { server, source } = await serve({ faults: [{ fault: { type: 'hang' } }] }, { timeoutMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await source.getJson(RESULTS, { signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceAbortedError);
    expect(server.requests).toHaveLength(1);
  });

  it('offline mode refuses a non-loopback base without any request, allows loopback', async () => {
    const remote = createSource({ baseUrl: 'https://api.jolpi.ca', offline: true });
    await expect(remote.getJson(RESULTS)).rejects.toBeInstanceOf(SourceOfflineError);
    expect(remote.stats().bytes).toBe(0);
    const { server } = await serve();
    const local = createSource({ baseUrl: server.url, offline: true });
    await expect(local.getJson<MR>(RESULTS)).resolves.toMatchObject({ MRData: { total: '20' } });
  });
});
