// The reused raw inflater of the `.z` topics must give exactly what zlib.inflateRawSync gives, and
// fail the same way on a bad line without breaking the lines after it.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { splitStreamLines } from '../src/index.js';
import { inflateRawReused } from '../src/stream/inflate.js';
import { MEXICO_2025_Q, topicFile } from './paths.js';

const payload = (line: string) => Buffer.from(line.replace(/^"|"$/g, ''), 'base64');

describe('reused raw inflater', () => {
  it('decodes every CarData.z and Position.z line of the 2025 Mexico City qualifying as inflateRawSync does', () => {
    let lines = 0;
    for (const topic of ['CarData.z', 'Position.z']) {
      for (const l of splitStreamLines(readFileSync(topicFile(MEXICO_2025_Q, topic), 'utf8'))) {
        const bytes = payload(l.payload);
        const ours = Buffer.from(inflateRawReused(bytes));
        if (!ours.equals(inflateRawSync(bytes))) throw new Error(`${topic} line ${l.line} differs`);
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(9000);
  });

  it('grows its buffer for large outputs (incompressible and highly compressible)', () => {
    for (const data of [randomBytes(300_000), Buffer.alloc(5_000_000, 'abc')]) {
      const out = inflateRawReused(deflateRawSync(data));
      expect(out.length).toBe(data.length);
      expect(Buffer.from(out).equals(data)).toBe(true);
    }
  });

  it('throws zlib\'s error for a truncated or garbage stream and decodes the next line again', () => {
    const good = deflateRawSync(Buffer.from(JSON.stringify({ Entries: [{ Utc: '2025-10-25T20:00:00Z' }] })));
    const truncated = good.subarray(0, good.length - 4);
    const expected = (() => { try { inflateRawSync(truncated); return null; } catch (e) { return (e as Error).message; } })();
    expect(expected).not.toBeNull();
    expect(() => inflateRawReused(truncated)).toThrow(expected!);
    expect(() => inflateRawReused(Buffer.from('@@@ not deflate @@@'))).toThrow();
    expect(Buffer.from(inflateRawReused(good)).equals(inflateRawSync(good))).toBe(true);
  });
});
