import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJolpicaClient, countRows, mergePage, JolpicaPagingError, type JolpicaClient } from '../../src/history/sync/jolpica-client.js';
import type { JolpicaRace } from '../../src/history/sync/jolpica-types.js';
import { SourceNotFoundError } from '../../src/sources/index.js';
import { jolpicaRecordings, startJolpicaServer, type JolpicaServer, type JolpicaServerOptions } from '../helpers/jolpica-server.js';

function recording<T = { MRData: Record<string, unknown> }>(file: string): T {
  return JSON.parse(readFileSync(join(jolpicaRecordings, 'ergast/f1', file), 'utf8')) as T;
}
const racesOf = (doc: { MRData: Record<string, unknown> }) => (doc.MRData.RaceTable as { Races: JolpicaRace[] }).Races;

let server: JolpicaServer | undefined;
let client: JolpicaClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

async function start(pageSize?: number, options: JolpicaServerOptions = {}): Promise<{ server: JolpicaServer; client: JolpicaClient }> {
  server = await startJolpicaServer(options);
  client = createJolpicaClient({ baseUrl: server.url, pageSize, rateLimit: false, retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 } });
  return { server, client };
}

describe('Jolpica client paging', () => {
  it('follows limit/offset through lap pages cut mid-lap and stitches laps back together', async () => {
    const { server, client } = await start(30);
    const page = await client.laps(2023, 1);
    expect(server.requests.map((r) => r.path)).toEqual([0, 30, 60, 90].map((o) => `ergast/f1/2023/1/laps.json?limit=30&offset=${o}`));
    expect(page.requests).toBe(4);
    // The recording holds Jolpica's first 100 timings (laps 1–5, 20 cars each).
    const expected = racesOf(recording('2023/1/laps.json?limit=1200'))[0].Laps!;
    expect(page.items).toHaveLength(1);
    expect(page.items[0].Laps).toEqual(expected);
    expect(page.items[0].Laps!.map((l) => l.Timings.length)).toEqual([20, 20, 20, 20, 20]);
    expect(page.total).toBe(100);
  });

  it('uses limit=100 by default: one request for a 20-car race', async () => {
    const { server, client } = await start();
    const page = await client.results(2023, 1);
    expect(server.requests.map((r) => r.path)).toEqual(['ergast/f1/2023/1/results.json?limit=100&offset=0']);
    expect(page.items).toEqual(racesOf(recording('2023/1/results.json')));
  });

  it('splits a season-wide result list across races and pages and reassembles it', async () => {
    const { server, client } = await start(7);
    const page = await client.results(2022);
    const expected = racesOf(recording('2022/results.json'));
    expect(page.items.map((r) => [r.round, r.Results!.length])).toEqual([
      ['1', 20],
      ['2', 10],
    ]);
    expect(page.items).toEqual(expected);
    expect(server.requests).toHaveLength(Math.ceil(30 / 7));
  });

  it('pages plain lists (drivers) and schedules', async () => {
    const { client } = await start(10);
    const drivers = await client.drivers(2023);
    expect(drivers.requests).toBe(3);
    expect(drivers.items.map((d) => d.driverId)).toEqual(recording<{ MRData: { DriverTable: { Drivers: { driverId: string }[] } } }>('2023/drivers.json').MRData.DriverTable.Drivers.map((d) => d.driverId));
    const schedule = await client.races(2023);
    expect(schedule.items.map((r) => Number(r.round))).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(schedule.items[3].SprintShootout).toEqual({ date: '2023-04-29', time: '09:30:00Z' });
  });

  it('a round without such data is an empty list, not an error', async () => {
    const { client } = await start();
    const page = await client.sprint(2023, 1);
    expect(page).toEqual({ items: [], total: 0, requests: 1 });
  });

  it('404 is a clear error naming the URL', async () => {
    const { server, client } = await start(undefined, { missing: 'not-found' });
    const err = await client.results(2023, 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceNotFoundError);
    expect((err as Error).message).toBe(`${server.url}/ergast/f1/2023/2/results.json?limit=100&offset=0: not found (404)`);
  });

  it('rejects a page size above Jolpica’s maximum', () => {
    expect(() => createJolpicaClient({ baseUrl: jolpicaRecordings, pageSize: 1200 })).toThrow(RangeError);
  });
});

describe('Jolpica client on a directory of recordings', () => {
  it('reads the recorded default page when it covers the total', async () => {
    client = createJolpicaClient({ baseUrl: jolpicaRecordings });
    const page = await client.results(2023, 1);
    expect(page.items).toEqual(racesOf(recording('2023/1/results.json')));
  });

  it('fails clearly when the recording does not cover the total', async () => {
    client = createJolpicaClient({ baseUrl: jolpicaRecordings });
    const err = await client.results(2022).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceNotFoundError);
    expect((err as Error).message).toContain('ergast/f1/2022/results.json?limit=100&offset=30');
  });

  it('an empty page before the announced total is a paging error, not an endless loop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apex-jolpica-'));
    try {
      mkdirSync(join(dir, 'ergast/f1/2023/1'), { recursive: true });
      const body = { MRData: { limit: '100', offset: '0', total: '5', RaceTable: { Races: [] } } };
      writeFileSync(join(dir, 'ergast/f1/2023/1/results.json?limit=100&offset=0'), JSON.stringify(body));
      client = createJolpicaClient({ baseUrl: dir });
      await expect(client.results(2023, 1)).rejects.toBeInstanceOf(JolpicaPagingError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('page arithmetic', () => {
  it('counts lap timings, not laps, as rows', () => {
    const races = racesOf(recording('2023/1/laps.json?limit=1200'));
    expect(countRows(races)).toBe(100);
    expect(countRows(racesOf(recording('2023.json')))).toBe(22);
  });

  it('merging pages is the inverse of cutting them', () => {
    const races = racesOf(recording('2022/results.json'));
    const rows = races.flatMap((race) => race.Results!.map((r) => ({ race, r })));
    const merged: JolpicaRace[] = [];
    for (let i = 0; i < rows.length; i += 13) {
      const page: JolpicaRace[] = [];
      for (const { race, r } of rows.slice(i, i + 13)) {
        const last = page[page.length - 1];
        if (last?.round === race.round) last.Results!.push(r);
        else page.push({ ...race, Results: [r] });
      }
      mergePage(merged, page);
    }
    expect(merged).toEqual(races);
  });
});
