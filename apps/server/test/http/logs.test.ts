// What the server's log looks like to the people and programs reading it: `apex serve` as a real
// process on an empty embedded database, with LOG_FORMAT=pretty (one readable line per request,
// failures marked) and LOG_FORMAT=json (one JSON object per line, for log shippers).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFormatOf, requestLine } from '../../src/http/app.js';
import { startCli, stopCli, type Running } from '../helpers/cli-process.js';

const home = () => mkdtempSync(join(tmpdir(), 'apex-logs-'));

/** The log lines written after the banner while `paths` were requested. */
async function logOf(r: Running, paths: string[]): Promise<string[]> {
  const before = r.output().length;
  for (const p of paths) await (await fetch(r.apiUrl + p)).arrayBuffer();
  await new Promise((res) => setTimeout(res, 1500)); // pino-pretty writes from a worker thread
  return r.output().slice(before).split('\n').filter((l) => l.trim() !== '');
}

describe('LOG_FORMAT', () => {
  it('is pretty on a terminal, JSON elsewhere, unless set', () => {
    expect(logFormatOf({}, true)).toBe('pretty');
    expect(logFormatOf({}, false)).toBe('json');
    expect(logFormatOf({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormatOf({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(requestLine('GET', '/api/v1/seasons', 200, 3.14159)).toBe('GET /api/v1/seasons 200 3.1 ms');
    expect(requestLine('GET', '/x', 404, 123.6)).toBe('GET /x 404 124 ms');
  });

  it('pretty: one readable line per request, a failed request marked as such', { timeout: 180_000 }, async () => {
    const r = await startCli(['serve'], { APEX_HOME: home(), LOG_LEVEL: 'info', LOG_FORMAT: 'pretty', APEX_OFFLINE: 'true' });
    try {
      const all = await logOf(r, ['/health', '/api/v1/seasons?limit=1', '/api/v1/nope']);
      // Start-up lines may still be arriving from the pretty-printer's thread; no line is JSON.
      expect(all.some((l) => l.trimStart().startsWith('{')), all.join('\n')).toBe(false);
      const lines = all.filter((l) => /: GET \//.test(l));
      expect(lines, all.join('\n')).toHaveLength(3);
      expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO.*: GET \/health 200 [\d.]+ ms$/);
      expect(lines[1]).toMatch(/INFO.*: GET \/api\/v1\/seasons\?limit=1 200 [\d.]+ ms$/);
      expect(lines[2]).toMatch(/WARN.*: GET \/api\/v1\/nope 404 [\d.]+ ms$/);
    } finally {
      await stopCli(r);
    }
  });

  it('json: one JSON object per line with the request and the response', { timeout: 180_000 }, async () => {
    const r = await startCli(['serve'], { APEX_HOME: home(), LOG_LEVEL: 'info', LOG_FORMAT: 'json', APEX_OFFLINE: 'true' });
    try {
      const lines = await logOf(r, ['/health']);
      const records = lines.map((l) => JSON.parse(l) as { level: number; msg: string; req?: { url: string }; res?: { statusCode: number } });
      expect(records.find((x) => x.req?.url === '/health')).toBeDefined();
      expect(records.find((x) => x.res?.statusCode === 200 && x.msg === 'request completed')).toBeDefined();
    } finally {
      await stopCli(r);
    }
  });
});
