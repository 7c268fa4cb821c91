import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyPatch, finalState, parseSessionTimestamp, parseStream, splitStreamLines, type JsonValue } from '../src/index.js';
import { MEXICO_2025_Q, topicFile } from './paths.js';

const read = (topic: string) => readFileSync(topicFile(MEXICO_2025_Q, topic), 'utf8');

describe('stream lines', () => {
  it('parses HH:MM:SS.mmm to ms and rejects malformed stamps', () => {
    expect(parseSessionTimestamp('01:02:03.456')).toBe(3_723_456);
    expect(parseSessionTimestamp('1:02:03.456')).toBeNaN();
    expect(parseSessionTimestamp('01:0x:03.456')).toBeNaN();
  });

  it('handles BOM, CRLF and LF alike and counts lines without a timestamp', () => {
    const text = '\ufeff00:00:01.000{"a":1}\r\n00:00:02.500{"a":2}\ngarbage\r\n\r\n';
    const report = { lines: 0, corrupt: [] as { line: number; reason: string }[] };
    const lines = splitStreamLines(text, report);
    expect(lines.map((l) => [l.time, l.payload])).toEqual([[1000, '{"a":1}'], [2500, '{"a":2}']]);
    expect(report.lines).toBe(3);
    expect(report.corrupt).toEqual([{ line: 3, reason: expect.stringContaining('timestamp') }]);
  });
});

describe('patch merge', () => {
  it('merges objects, patches arrays by index key and honours _deleted', () => {
    let state: JsonValue = {};
    state = applyPatch(state, { Lines: { '1': { Sectors: [{ Value: '' }, { Value: '' }, { Value: '' }] } } });
    state = applyPatch(state, { Lines: { '1': { Sectors: { '1': { Value: '28.100' } } } } });
    state = applyPatch(state, { Lines: { '44': { Position: '2' } } });
    state = applyPatch(state, { Lines: { _deleted: ['44'] } });
    expect(state).toEqual({ Lines: { '1': { Sectors: [{ Value: '' }, { Value: '28.100' }, { Value: '' }] } } });
  });

  it('never aliases patch objects into the state', () => {
    const patch = { A: { B: 1 } };
    const state = applyPatch({}, patch) as { A: { B: number } };
    state.A.B = 2;
    expect(patch.A.B).toBe(1);
  });
});

describe('real archive topics (2025 Mexico City qualifying)', () => {
  it('decodes every CarData.z line into car entries with UTC stamps', () => {
    const { messages, report } = parseStream<{ Entries: { Utc: string; Cars: Record<string, unknown> }[] }>(read('CarData.z'), { compressed: true });
    expect(report.corrupt).toEqual([]);
    expect(messages.length).toBe(report.lines);
    const first = messages[0]!.data.Entries[0]!;
    expect(first.Utc).toMatch(/^2025-10-25T/);
    expect(Object.keys(first.Cars)).toHaveLength(20);
    // session times are non-decreasing
    for (let i = 1; i < messages.length; i++) expect(messages[i]!.time).toBeGreaterThanOrEqual(messages[i - 1]!.time);
  });

  it('replays TimingData into a final state holding all 20 drivers with lap counts', () => {
    const { messages, report } = parseStream(read('TimingData'));
    expect(report.corrupt).toEqual([]);
    const state = finalState(messages) as { Lines: Record<string, { NumberOfLaps?: number }> };
    expect(Object.keys(state.Lines)).toHaveLength(20);
    const laps = Object.values(state.Lines).map((l) => l.NumberOfLaps ?? 0);
    expect(Math.max(...laps)).toBeGreaterThan(15);
  });
});
