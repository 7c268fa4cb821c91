// A loopback stand-in for api.jolpi.ca that serves the real recorded responses in
// ../shared/f1data/jolpica and injects the failures the real service (and the network) produce.
//
// What it answers for GET <path>?<query>:
//  1. The recorded file whose name is exactly <path><?query> (query kept literally, as in f1data):
//     served byte for byte.
//  2. Otherwise, paging emulation: among the recordings of <path> (the file <path> itself and every
//     <path>?<anything>), the one holding the most rows is sliced by the request's `limit` (default
//     30, capped at 100 like Jolpica) and `offset` (default 0). A "row" is Jolpica's paging unit: one
//     result / qualifying / sprint / pit-stop entry, one lap *timing* (pages cut through laps), one
//     schedule race, one driver… MRData.limit/offset are set to the request's values. MRData.total is
//     the recording's total, EXCEPT when the recording holds fewer rows than that total (e.g.
//     `2023/1/laps.json?limit=1200` holds the first 100 of 1055 timings): then total = rows held, so
//     the served data is a complete, consistent, smaller universe rather than pages we cannot answer.
//  3. Otherwise, for a race-scoped data path (`ergast/f1/<season>/<round>/<results|qualifying|sprint|
//     laps|pitstops>.json`) and `missing: 'empty'`: what Jolpica answers for a round without such data,
//     an empty RaceTable with total "0". Any other path (or `missing: 'not-found'`): 404.
//
// Faults are injected per path (string = exact path+query or path without query, RegExp on
// path+query), per global request number, or per N-th request to the same path.
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sharedDir } from '../../src/config.js';

export const jolpicaRecordings = resolve(sharedDir, 'f1data', 'jolpica');

export type Fault =
  | { type: 'status'; status: number; retryAfter?: string }
  | { type: 'hang' }
  | { type: 'truncate'; keepFraction?: number }
  | { type: 'reset'; keepFraction?: number };

export interface FaultRule {
  fault: Fault;
  /** Matches the request path (with query when the string has one), or path+query for a RegExp. */
  path?: string | RegExp;
  /** Global request numbers (1-based, counting every request the server received). */
  requests?: number[];
  /** N-th request (1-based) to the same path+query: `[1]` = fail each resource's first attempt. */
  pathHits?: number[];
  /** How many times the rule may fire; default unlimited. */
  times?: number;
}

export interface ServedRequest {
  n: number;
  /** performance.now() at arrival, ms. */
  at: number;
  path: string;
  status: number;
  fault?: Fault['type'];
  /** `exact` file, `sliced` from a recording, `empty` synthesised, or none. */
  served?: 'exact' | 'sliced' | 'empty';
}

export interface JolpicaServerOptions {
  root?: string;
  missing?: 'empty' | 'not-found';
  faults?: FaultRule[];
  /** Emulates the server-side throttle: more than `limit` requests in `intervalMs` → 429. */
  throttle?: { limit: number; intervalMs: number; retryAfterSeconds: number };
  /**
   * Rewrites a JSON answer before it is sent (after paging): simulates an upstream correction such
   * as a disqualification, without touching the recordings.
   */
  transform?: Transform;
}

export type Transform = (path: string, doc: { MRData: Record<string, unknown> }) => { MRData: Record<string, unknown> };

export interface JolpicaServer {
  /** Base URL to give the client, e.g. http://127.0.0.1:41234 (paths start with ergast/f1/…). */
  url: string;
  requests: ServedRequest[];
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  setTransform(transform: Transform | undefined): void;
  close(): Promise<void>;
}

const PAGE_MAX = 100;
const PAGE_DEFAULT = 30;

export async function startJolpicaServer(options: JolpicaServerOptions = {}): Promise<JolpicaServer> {
  const root = options.root ?? jolpicaRecordings;
  if (!existsSync(root)) throw new Error(`recorded Jolpica responses not found at ${root} (set APEX_SHARED_DIR)`);
  const missing = options.missing ?? 'empty';
  const rules: { rule: FaultRule; fired: number }[] = (options.faults ?? []).map((rule) => ({ rule, fired: 0 }));
  const requests: ServedRequest[] = [];
  const hitsPerPath = new Map<string, number>();
  const throttleLog: number[] = [];
  const sockets = new Set<Socket>();
  let transform = options.transform;

  const server: Server = createServer((req, res) => {
    const raw = req.url ?? '/';
    const path = raw.replace(/^\/+/, '');
    const n = requests.length + 1;
    const hit = (hitsPerPath.get(path) ?? 0) + 1;
    hitsPerPath.set(path, hit);
    const entry: ServedRequest = { n, at: performance.now(), path, status: 0 };
    requests.push(entry);

    if (options.throttle) {
      const { limit, intervalMs, retryAfterSeconds } = options.throttle;
      while (throttleLog.length > 0 && throttleLog[0] <= entry.at - intervalMs) throttleLog.shift();
      if (throttleLog.length >= limit) {
        entry.status = 429;
        entry.fault = 'status';
        return sendJson(res, 429, { detail: 'Request was throttled.' }, { 'retry-after': String(retryAfterSeconds) });
      }
      throttleLog.push(entry.at);
    }

    const fault = pickFault(rules, path, n, hit);
    if (fault?.type === 'status') {
      entry.status = fault.status;
      entry.fault = 'status';
      const headers = fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : undefined;
      return sendJson(res, fault.status, { detail: `injected ${fault.status}` }, headers);
    }
    if (fault?.type === 'hang') {
      entry.fault = 'hang';
      return; // never answer; the socket is destroyed on close()
    }

    if (req.method !== 'GET') {
      entry.status = 405;
      return sendJson(res, 405, { detail: 'Method not allowed.' });
    }
    let answer = answerFor(root, path, missing);
    if (transform && answer.status === 200) {
      const doc = transform(path, JSON.parse(Buffer.from(answer.body).toString('utf8')) as { MRData: Record<string, unknown> });
      answer = { ...answer, body: Buffer.from(JSON.stringify(doc)) };
    }
    entry.status = answer.status;
    entry.served = answer.served;
    if (!fault) return send(res, answer.status, answer.body);
    entry.fault = fault.type;
    const keep = Math.max(1, Math.floor(answer.body.byteLength * (fault.keepFraction ?? 0.5)));
    if (fault.type === 'truncate') {
      // Well-framed HTTP, cut JSON: the client sees a "complete" response that does not parse.
      return send(res, answer.status, answer.body.subarray(0, keep));
    }
    // reset: announce the full length, send part of it, drop the connection.
    res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': String(answer.body.byteLength) });
    res.write(answer.body.subarray(0, keep), () => res.socket?.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addFault: (rule) => rules.push({ rule, fired: 0 }),
    clearFaults: () => rules.splice(0),
    setTransform: (t) => {
      transform = t;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function pickFault(rules: { rule: FaultRule; fired: number }[], path: string, n: number, hit: number): Fault | undefined {
  for (const r of rules) {
    const { rule } = r;
    if (rule.times !== undefined && r.fired >= rule.times) continue;
    if (rule.path !== undefined && !pathMatches(rule.path, path)) continue;
    if (rule.requests && !rule.requests.includes(n)) continue;
    if (rule.pathHits && !rule.pathHits.includes(hit)) continue;
    r.fired++;
    return rule.fault;
  }
  return undefined;
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(path);
  const p = pattern.replace(/^\/+/, '');
  return p.includes('?') ? p === path : p === path.split('?')[0];
}

function send(res: ServerResponse, status: number, body: Uint8Array): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.byteLength) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers?: Record<string, string>): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.byteLength), ...headers });
  res.end(body);
}

interface Answer {
  status: number;
  body: Uint8Array;
  served?: ServedRequest['served'];
}

function answerFor(root: string, path: string, missing: 'empty' | 'not-found'): Answer {
  const q = path.indexOf('?');
  const pathname = decodeURIComponent(q < 0 ? path : path.slice(0, q));
  const query = q < 0 ? '' : path.slice(q);
  if (pathname.split('/').includes('..')) return notFound();
  const exact = join(root, pathname) + query;
  if (isFile(exact)) return { status: 200, body: readFileSync(exact), served: 'exact' };

  const recording = richestRecording(root, pathname);
  const params = new URLSearchParams(query);
  const limit = Math.min(PAGE_MAX, positiveInt(params.get('limit'), PAGE_DEFAULT));
  const offset = positiveInt(params.get('offset'), 0);
  if (recording) {
    return { status: 200, body: Buffer.from(JSON.stringify(slicePage(recording, limit, offset))), served: 'sliced' };
  }
  const m = /^ergast\/f1\/(\d{4})\/(\d+)\/(results|qualifying|sprint|laps|pitstops)\.json$/.exec(pathname);
  if (m && missing === 'empty') {
    const [, season, round] = m;
    const body = {
      MRData: {
        xmlns: '',
        series: 'f1',
        url: `https://api.jolpi.ca/${pathname}`,
        limit: String(limit),
        offset: String(offset),
        total: '0',
        RaceTable: { season, round, Races: [] },
      },
    };
    return { status: 200, body: Buffer.from(JSON.stringify(body)), served: 'empty' };
  }
  return notFound();
}

function notFound(): Answer {
  return { status: 404, body: Buffer.from(JSON.stringify({ detail: 'Not found.' })) };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function positiveInt(v: string | null, fallback: number): number {
  if (v === null || !/^\d+$/.test(v)) return fallback;
  return Number(v);
}

// ---- paging emulation -------------------------------------------------------------------------

type Json = Record<string, unknown>;
const LEAF_LISTS = ['Results', 'QualifyingResults', 'SprintResults', 'PitStops', 'Laps', 'DriverStandings', 'ConstructorStandings'];

/** The recording of `pathname` (with or without a recorded query) that holds the most rows. */
function richestRecording(root: string, pathname: string): Json | undefined {
  const file = join(root, pathname);
  const dir = dirname(file);
  const name = basename(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  let best: { doc: Json; rows: number } | undefined;
  for (const entry of readdirSync(dir)) {
    if (entry !== name && !entry.startsWith(`${name}?`)) continue;
    const full = join(dir, entry);
    if (!isFile(full)) continue;
    const doc = JSON.parse(readFileSync(full, 'utf8')) as Json;
    const rows = flattenRows(doc).rows.length;
    if (!best || rows > best.rows) best = { doc, rows };
  }
  return best?.doc;
}

interface Flat {
  mr: Json;
  tableKey: string;
  listKey: string;
  /** One entry per paging row, with the ancestors needed to rebuild the nesting. */
  rows: { parents: Json[]; item: unknown }[];
}

/**
 * Rows in document order. Races that carry a leaf list (Results, Laps…) contribute their entries
 * (for Laps: each lap's Timings); a schedule's races, drivers, seasons… are rows themselves.
 */
function flattenRows(doc: Json): Flat {
  const mr = doc.MRData as Json;
  const tableKey = Object.keys(mr).find((k) => k.endsWith('Table'));
  if (!tableKey) throw new Error('recording without a *Table');
  const table = mr[tableKey] as Json;
  const listKey = Object.keys(table).find((k) => Array.isArray(table[k]));
  if (!listKey) throw new Error(`${tableKey} without a list`);
  const rows: Flat['rows'] = [];
  for (const element of table[listKey] as unknown[]) {
    const el = element as Json;
    const leafKey = LEAF_LISTS.find((k) => Array.isArray(el?.[k]));
    if (!leafKey) {
      rows.push({ parents: [], item: element });
      continue;
    }
    for (const child of el[leafKey] as Json[]) {
      if (leafKey === 'Laps') {
        for (const timing of child.Timings as unknown[]) rows.push({ parents: [el, child], item: timing });
      } else {
        rows.push({ parents: [el], item: child });
      }
    }
  }
  return { mr, tableKey, listKey, rows };
}

function slicePage(doc: Json, limit: number, offset: number): Json {
  const { mr, tableKey, listKey, rows } = flattenRows(doc);
  const declared = Number(mr.total);
  const total = Number.isFinite(declared) && declared <= rows.length ? declared : rows.length;
  const page = rows.slice(offset, Math.min(offset + limit, total));
  // Rebuild the nesting from the page's rows, keeping each parent's other fields.
  const list: Json[] = [];
  const rebuilt = new Map<Json, Json>();
  const leafOf = (parent: Json) => LEAF_LISTS.find((k) => Array.isArray(parent[k]))!;
  for (const row of page) {
    if (row.parents.length === 0) {
      list.push(row.item as Json);
      continue;
    }
    const race = row.parents[0];
    let raceCopy = rebuilt.get(race);
    if (!raceCopy) {
      raceCopy = { ...race, [leafOf(race)]: [] };
      rebuilt.set(race, raceCopy);
      list.push(raceCopy);
    }
    const leaf = raceCopy[leafOf(race)] as Json[];
    if (row.parents.length === 1) {
      leaf.push(row.item as Json);
      continue;
    }
    const lap = row.parents[1];
    let lapCopy = rebuilt.get(lap);
    if (!lapCopy) {
      lapCopy = { ...lap, Timings: [] };
      rebuilt.set(lap, lapCopy);
      leaf.push(lapCopy);
    }
    (lapCopy.Timings as unknown[]).push(row.item);
  }
  return {
    MRData: {
      ...mr,
      limit: String(limit),
      offset: String(offset),
      total: String(total),
      [tableKey]: { ...(mr[tableKey] as Json), [listKey]: list },
    },
  };
}
