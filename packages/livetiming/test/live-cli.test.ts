import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerLiveRecordCommand } from '../src/live/cli.js';
import { fetchStreamingStatus, waitForLiveSession } from '../src/live/feed/streaming-status.js';
import { readLiveRecording } from '../src/live/recording.js';
import { startArchiveServer } from './archive-server.js';
import { BAKU_2018_RACE, timeline } from './live-fixtures.js';
import { startFeedServer } from './live-signalr-server.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apex-live-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function program(hooks: Parameters<typeof registerLiveRecordCommand>[1]) {
  const apex = new Command('apex').exitOverride().configureOutput({ writeErr: () => undefined });
  registerLiveRecordCommand(apex.command('live').exitOverride(), hooks);
  return apex;
}

describe('apex live record', () => {
  it('records a session from a SignalR Core endpoint, says what is missing without a token, and never overwrites', async () => {
    const baku = await timeline(BAKU_2018_RACE);
    const from = baku.messages.findIndex((m) => m.at >= baku.zeroUtc + 50 * 60_000);
    const server = await startFeedServer({ timeline: baku, from, to: from + 400 });
    const file = join(dir, 'rec.jsonl');
    const logs: string[] = [];
    const outs: string[] = [];
    const stop = new AbortController();
    const poll = setInterval(() => {
      if (existsSync(file) && readFileSync(file, 'utf8').includes(server.endUtc)) stop.abort();
    }, 50);
    try {
      await program({ env: {}, log: (l) => logs.push(l), out: (l) => outs.push(l), signal: stop.signal })
        .parseAsync(['live', 'record', file, '--url', server.url, '--topics', 'TimingData,LapCount,CarData.z'], { from: 'user' });
    } finally {
      clearInterval(poll);
      await server.close();
    }
    expect(outs).toEqual([expect.stringMatching(new RegExp(`^recorded \\d+ frames over 1 connection\\(s\\) to ${file}$`))]);
    expect(logs[0]).toMatch(/no APEX_F1TV_TOKEN: CarData\.z, Position\.z/);
    expect(logs).toContain('live (missing: CarData.z)');
    const read = readLiveRecording(readFileSync(file, 'utf8'));
    expect(read.header!.topics).toEqual(['TimingData', 'LapCount', 'CarData.z']);
    expect(new Set(read.timeline.messages.map((m) => m.topic))).toEqual(new Set(['TimingData', 'LapCount', 'Heartbeat']));

    await expect(program({ env: {}, log: () => undefined, out: () => undefined }).parseAsync(['live', 'record', file, '--url', server.url], { from: 'user' }))
      .rejects.toThrow(`${file} already exists: a recording is never overwritten, choose another name`);
    await expect(program({}).parseAsync(['live', 'record', join(dir, 'x.jsonl'), '--minutes', 'soon'], { from: 'user' }))
      .rejects.toThrow(/invalid --minutes "soon"/);
  });
});

describe('StreamingStatus.json', () => {
  it('tells a live session from none, over HTTP and from a directory', async () => {
    const root = join(dir, 'host');
    await mkdir(join(root, 'static'), { recursive: true });
    const status = join(root, 'static', 'StreamingStatus.json');
    await writeFile(status, '\ufeff{"Status":"Offline"}');
    const http = await startArchiveServer(root);
    try {
      expect(await fetchStreamingStatus(http.url)).toEqual({ live: false, status: 'Offline' });
      await writeFile(status, '{"Status":"Available"}');
      expect(await fetchStreamingStatus(http.url)).toEqual({ live: true, status: 'Available' });
      expect(await fetchStreamingStatus(root)).toEqual({ live: true, status: 'Available' });
      await writeFile(status, '<html>maintenance</html>');
      expect(await fetchStreamingStatus(http.url)).toEqual({ live: false, status: 'Unreadable' });
      http.rules.push({ match: () => true, fault: 500 });
      await expect(fetchStreamingStatus(http.url)).rejects.toThrow(/StreamingStatus\.json/);
    } finally {
      await http.close();
    }
    expect(await fetchStreamingStatus(join(dir, 'nowhere'))).toEqual({ live: false, status: 'Missing' });

    // Waiting: offline twice, then a session goes live.
    await writeFile(status, '{"Status":"Offline"}');
    const checks: unknown[] = [];
    const live = await waitForLiveSession({
      base: root, intervalMs: 10,
      onCheck: (r) => {
        checks.push(r);
        if (checks.length === 2) void writeFile(status, '{"Status":"Available"}');
      },
    });
    expect(live).toBe(true);
    expect(checks.at(-1)).toEqual({ live: true, status: 'Available' });
    expect(checks.length).toBeGreaterThanOrEqual(3);
    await writeFile(status, '{"Status":"Offline"}');
    expect(await waitForLiveSession({ base: root, intervalMs: 10, signal: AbortSignal.timeout(50) })).toBe(false);
  });
});
