// The comparison rules of ../shared/conformance/ergast/NORMALISATION.md, in TypeScript, so the
// conformance cases run inside vitest exactly as conformance.py runs them against a server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/config.js';

export const conformanceDir = join(sharedDir, 'conformance', 'ergast');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

export interface BodyCase {
  id: string;
  kind: 'body';
  endpoint: string;
  path: string;
  status: number;
  origin: 'ergast' | 'jolpica';
  normalise: string[];
  expected: Obj;
}
export interface ErrorCase {
  id: string;
  kind: 'error';
  endpoint: string;
  path: string;
  status: number;
  detailStartsWith?: string;
}
export interface EquivalentCase {
  id: string;
  kind: 'equivalent';
  endpoint: string;
  path: string;
  status: number;
  equivalentPath: string;
}
export interface MetadataCase {
  id: string;
  kind: 'metadata';
  endpoint: string;
  path: string;
  status: number;
  expectedEnvelope: Obj;
  table: { key: string; onlyKey: string; length: number };
}
export type ConformanceCase = BodyCase | ErrorCase | EquivalentCase | MetadataCase;

/** Every case of a .jsonl file (fails loudly when the shared data is missing). */
export function loadCases(file = join(conformanceDir, 'public.jsonl')): ConformanceCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ConformanceCase);
}

export class Mismatch extends Error {}

const WIKI = 'en.wikipedia.org/wiki';
const clone = <T>(v: T): T => structuredClone(v);
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function stripWikiUrls(node: Json): void {
  if (Array.isArray(node)) node.forEach(stripWikiUrls);
  else if (isObj(node)) {
    if (typeof node.url === 'string' && node.url.includes(WIKI)) delete node.url;
    Object.values(node).forEach(stripWikiUrls);
  }
}

/** Python's str.rstrip('0'). */
const rstrip0 = (s: string) => s.replace(/0+$/, '');

/** Replace scheme and authority of an absolute URL with http://testserver (R2, actual side). */
export function rewriteOrigin(url: string, origin = 'http://testserver'): string {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*(.*)$/.exec(url);
  return m ? origin + m[1] : url;
}

// Python truthiness of a JSON value.
const truthy = (v: Json | undefined) =>
  !(v === undefined || v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0));

function get(o: Json | undefined, ...keys: (string | number)[]): Json {
  let cur: Json | undefined = o;
  for (const k of keys) {
    if (typeof k === 'number') {
      if (!Array.isArray(cur) || k >= cur.length || k < 0) throw new Mismatch(`missing index ${k}`);
      cur = cur[k];
    } else {
      if (!isObj(cur) || !(k in cur)) throw new Mismatch(`missing key '${k}'`);
      cur = cur[k];
    }
  }
  return cur as Json;
}

const asList = (v: Json): Json[] => {
  if (!Array.isArray(v)) throw new Mismatch('not a list');
  return v;
};

/** Apply a body case's rules to copies of (actual, expected), as conformance.py's normalise_pair does. */
export function normalisePair(rules: readonly string[], endpoint: string, actual: Obj, expected: Obj): [Obj, Obj] {
  const a = clone(actual);
  const e = clone(expected);
  const has = (r: string) => rules.includes(r);
  if (has('xmlns-blank')) (get(e, 'MRData') as Obj).xmlns = '';
  if (has('mrdata-url-host')) {
    const em = get(e, 'MRData') as Obj;
    em.url = String(em.url).replaceAll('http://ergast.com/api/f1/', 'http://testserver/ergast/f1/');
    const am = isObj(a.MRData) ? a.MRData : undefined;
    if (am && typeof am.url === 'string') am.url = rewriteOrigin(am.url);
  }
  if (has('results-positionText-N-W-to-R') || has('results-time-rstrip-zeros')) {
    const key = endpoint.includes('sprint') ? 'SprintResults' : 'Results';
    const ar = asList(get(a, 'MRData', 'RaceTable', 'Races'));
    const er = asList(get(e, 'MRData', 'RaceTable', 'Races'));
    for (let i = 0; i < Math.min(ar.length, er.length); i++) {
      const ares = asList(get(ar[i], key));
      const eres = asList(get(er[i], key));
      for (let j = 0; j < Math.min(ares.length, eres.length); j++) {
        const x = ares[j] as Obj;
        const y = eres[j] as Obj;
        if ((y.positionText === 'N' || y.positionText === 'W') && y.status !== 'Withdrew') y.positionText = 'R';
        if (truthy(x.Time)) {
          const yt = get(y, 'Time') as Obj;
          yt.time = rstrip0(String(get(yt, 'time')));
          const xt = x.Time as Obj;
          xt.time = rstrip0(String(get(xt, 'time')));
        }
      }
    }
  }
  if (has('laps-time-rstrip-zeros')) {
    const races = asList(get(a, 'MRData', 'RaceTable', 'Races'));
    races.forEach((race, i) => {
      asList(get(race, 'Laps')).forEach((lap, j) => {
        asList(get(lap, 'Timings')).forEach((timing, k) => {
          const exp = get(e, 'MRData', 'RaceTable', 'Races', i, 'Laps', j, 'Timings', k) as Obj;
          const t = timing as Obj;
          if (truthy(t.time)) {
            exp.time = rstrip0(String(exp.time));
            t.time = rstrip0(String(t.time));
          }
        });
      });
    });
  }
  if (has('standings-drop-table-round')) {
    const st = isObj(a.MRData) && isObj(a.MRData.StandingsTable) ? a.MRData.StandingsTable : undefined;
    if (st) delete st.round;
  }
  for (const [rule, name] of [
    ['races-2023-SprintShootout-to-SecondPractice', 'SprintShootout'],
    ['races-2024-SprintQualifying-to-SecondPractice', 'SprintQualifying'],
  ] as const) {
    if (!has(rule)) continue;
    for (const race of asList(get(a, 'MRData', 'RaceTable', 'Races'))) {
      const r = race as Obj;
      if (!('Sprint' in r)) continue;
      if (!(name in r)) throw new Mismatch(`round ${String(r.round)}: has Sprint but no ${name}`);
      r.SecondPractice = r[name]!;
      delete r[name];
    }
  }
  if (has('status-sort-expected')) {
    const table = get(e, 'MRData', 'StatusTable') as Obj;
    const list = asList(get(table, 'Status')) as Obj[];
    // Python sorts (-int(count), status) with code-point string order.
    table.Status = [...list].sort((x, y) => {
      const d = Number(y.count) - Number(x.count);
      if (d !== 0) return d;
      const sx = String(x.status);
      const sy = String(y.status);
      return sx < sy ? -1 : sx > sy ? 1 : 0;
    });
  }
  if (has('wikipedia-url-removal')) {
    stripWikiUrls(a);
    stripWikiUrls(e);
  }
  return [a, e];
}

/** The first difference between two JSON values, or null (key order ignored, types strict). */
export function firstDiff(a: Json, e: Json, path = '$'): string | null {
  const type = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);
  if (type(a) !== type(e)) return `${path}: type ${type(a)} != expected ${type(e)}`;
  if (Array.isArray(a) && Array.isArray(e)) {
    if (a.length !== e.length) return `${path}: length ${a.length} != expected ${e.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDiff(a[i]!, e[i]!, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObj(a) && isObj(e)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(e)])].sort()) {
      if (!(k in a)) return `${path}.${k}: missing`;
      if (!(k in e)) return `${path}.${k}: unexpected key`;
      const d = firstDiff(a[k]!, e[k]!, `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === e ? null : `${path}: ${JSON.stringify(a)} != expected ${JSON.stringify(e)}`;
}

export const endpointOf = (path: string) => (path.startsWith('/ergast/f1/') ? path.slice('/ergast/f1/'.length) : path);

/** A GET against the implementation: status and parsed JSON body (or raw text). */
export type Fetch = (path: string, followRedirects: boolean) => Promise<{ status: number; body: unknown }>;

/** Run one case; null = pass, otherwise the reason it failed. */
export async function runCase(c: ConformanceCase, get_: Fetch): Promise<string | null> {
  if (c.kind === 'body') {
    const { status, body } = await get_(c.path, false);
    if (status !== c.status) return `status ${status} != ${c.status}`;
    if (!isObj(body as Json)) return 'body is not a JSON object';
    try {
      const [a, e] = normalisePair(c.normalise, endpointOf(c.path), body as Obj, c.expected);
      return firstDiff(a, e);
    } catch (err) {
      if (err instanceof Mismatch) return err.message;
      throw err;
    }
  }
  if (c.kind === 'error') {
    const { status, body } = await get_(c.path, false);
    if (status !== c.status) return `status ${status} != ${c.status}`;
    if (c.detailStartsWith !== undefined) {
      const detail = isObj(body as Json) ? (body as Obj).detail : undefined;
      if (typeof detail !== 'string' || !detail.startsWith(c.detailStartsWith)) {
        return `detail ${JSON.stringify(detail)} does not start with ${JSON.stringify(c.detailStartsWith)}`;
      }
    }
    return null;
  }
  if (c.kind === 'equivalent') {
    const first = await get_(c.path, true);
    const second = await get_(c.equivalentPath, true);
    if (first.status !== second.status) return `status ${first.status} != ${second.status}`;
    let b1 = first.body as Json;
    const b2 = second.body as Json;
    if (isObj(b1) && isObj(b2) && 'MRData' in b1) {
      b1 = clone(b1);
      (b1.MRData as Obj).url = (isObj(b2.MRData) ? b2.MRData.url : undefined) ?? null;
    }
    return firstDiff(b1, b2) ?? null;
  }
  const { status, body } = await get_(c.path, true);
  if (status !== 200) return `status ${status} != 200`;
  const b = clone(body as Obj);
  const mr = (isObj(b.MRData) ? b.MRData : {}) as Obj;
  const table = mr[c.table.key];
  delete mr[c.table.key];
  if (typeof mr.url === 'string') mr.url = rewriteOrigin(mr.url);
  const d = firstDiff(b, c.expectedEnvelope);
  if (d) return d;
  if (!isObj(table as Json) || Object.keys(table as Obj).join() !== c.table.onlyKey) {
    return `table keys ${JSON.stringify(Object.keys((table as Obj) ?? {}))} != [${c.table.onlyKey}]`;
  }
  const n = asList((table as Obj)[c.table.onlyKey]!).length;
  return n === c.table.length ? null : `item count ${n} != ${c.table.length}`;
}
