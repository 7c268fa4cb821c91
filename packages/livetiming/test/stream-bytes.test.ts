// The byte readers of the topic streams (used by Session.load so that no whole-file string is made)
// must read exactly what the text readers read.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCarDataStream, parsePositionStream, parseStream, splitStreamLines } from '../src/index.js';
import { StreamLineReader, type ParseReport } from '../src/stream/lines.js';
import { MEXICO_2025_Q, topicFile } from './paths.js';

const bytesOf = (text: string) => Buffer.from(text, 'utf8');
const raw = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const newReport = (): ParseReport => ({ lines: 0, corrupt: [] });

function byteLines(bytes: Buffer, report: ParseReport): [number, number, string][] {
  const out: [number, number, string][] = [];
  const lines = new StreamLineReader(bytes, report);
  while (lines.next()) out.push([lines.time, lines.line, bytes.toString('utf8', lines.from, lines.to)]);
  return out;
}

describe('stream lines from bytes', () => {
  it('gives the lines, payloads and corrupt-line report that splitStreamLines gives (BOM, CRLF, bad stamps, blank lines)', () => {
    for (const text of [
      '\ufeff00:00:01.000{"a":1}\r\n00:00:02.500{"a":"é"}\ngarbage\r\n\r\n00:0x:03.000{}\n00:00:04.000\n00:00:05.000"x"',
      '00:00:01.000{"a":1}',
      '',
    ]) {
      const r1 = newReport();
      const r2 = newReport();
      const expected = splitStreamLines(text, r1).map((l) => [l.time, l.line, l.payload]);
      expect(byteLines(bytesOf(text), r2)).toEqual(expected);
      expect(r2).toEqual(r1);
    }
  });

  it('parseStream reads bytes across its 64 KiB decoding blocks as text: line numbers, corrupt lines, CRLF, non-ASCII', () => {
    const rows: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const ms = String(i % 1000).padStart(3, '0');
      rows.push(i % 997 === 5 ? 'no timestamp here' : i % 1201 === 7 ? '' : `00:00:${String(i % 60).padStart(2, '0')}.${ms}{"i":${i},"s":"Pérez ${'x'.repeat(i % 13)}"}`);
    }
    const text = `\ufeff${rows.join('\r\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 65536);
    const fromText = parseStream(text);
    const fromBytes = parseStream(bytesOf(text));
    expect(fromText.report.corrupt.length).toBeGreaterThan(3);
    expect(fromBytes.report).toEqual(fromText.report);
    expect(fromBytes.messages).toEqual(fromText.messages);
  });

  it('parseStream reads bytes to the same messages as text (2025 Mexico City qualifying TimingData and DriverList)', () => {
    for (const topic of ['TimingData', 'DriverList']) {
      const bytes = readFileSync(topicFile(MEXICO_2025_Q, topic));
      const fromText = parseStream(bytes.toString('utf8'));
      const fromBytes = parseStream(bytes);
      expect(fromBytes.report).toEqual(fromText.report);
      expect(fromBytes.messages.length).toBeGreaterThan(10);
      expect(fromBytes.messages).toEqual(fromText.messages);
    }
  });
});

describe('.z topics from bytes', () => {
  const zLine = (time: string, json: string, b64: (s: string) => string = (s) => s) =>
    `${time}"${b64(deflateRawSync(Buffer.from(json)).toString('base64'))}"`;
  const car = (utc: string, rpm: number) => JSON.stringify({ Entries: [{ Utc: utc, Cars: { '44': { Channels: { '0': rpm, '2': 100, '3': 5, '4': 99, '5': 0, '45': 8 } } } }] });

  it('reads a base64 payload that only Node decodes (spaces inside), as the text reader always did', () => {
    const wrapped = (s: string) => s.replace(/(.{8})/g, '$1 ');
    const text = [zLine('00:00:01.000', car('2025-10-25T20:00:01.000Z', 10000)), zLine('00:00:01.250', car('2025-10-25T20:00:01.250Z', 10100), wrapped)].join('\n');
    const fromBytes = parseCarDataStream(bytesOf(text));
    expect(fromBytes.report.corrupt).toEqual([]);
    expect([...fromBytes.drivers.get('44')!.rpm]).toEqual([10000, 10100]);
  });

  it('reads the 2025 Mexico City qualifying CarData.z and Position.z from bytes to the columns read from text', () => {
    for (const [topic, parse] of [['CarData.z', parseCarDataStream], ['Position.z', parsePositionStream]] as const) {
      const bytes = readFileSync(topicFile(MEXICO_2025_Q, topic));
      const a = parse(bytes);
      const b = parse(bytes.toString('utf8'));
      expect(a.report).toEqual(b.report);
      expect(a.maxOffsetMicros).toBe(b.maxOffsetMicros);
      expect([...a.drivers.keys()]).toEqual([...b.drivers.keys()]);
      // Column by column as raw bytes (a deep toEqual of ~700k samples takes seconds).
      for (const [d, cols] of a.drivers) {
        const other = b.drivers.get(d) as unknown as Record<string, ArrayBufferView>;
        for (const [name, col] of Object.entries(cols as unknown as Record<string, ArrayBufferView>)) {
          expect(col.constructor, `${topic} ${d} ${name}`).toBe(other[name]!.constructor);
          expect(raw(col).equals(raw(other[name]!)), `${topic} ${d} ${name}`).toBe(true);
        }
      }
    }
  });
});

