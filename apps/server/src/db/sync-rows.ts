// Make a slice of a table equal to a given set of rows with the fewest writes: rows are matched to
// existing ones by a natural key; equal rows are left untouched, changed ones updated in place
// (ids stay stable), new ones inserted in multi-row batches, and unmatched ones deleted.
// Re-running with the same rows therefore writes nothing.
import { and, eq, getTableColumns, getTableName, inArray, or, sql, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { slicer, type DbOrTx } from './client.js';

type Row = Record<string, unknown>;

export interface SyncRowsOptions<T extends PgTable> {
  table: T;
  /** The rows the slice must hold after the call (field names as in the TS schema). */
  rows: readonly object[];
  /** Natural key of a row (existing or incoming). Several rows may share a key; they pair in order. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  keyOf: (row: Record<string, any>) => string;
  /** The slice of the table owned by this call; omit for the whole table. */
  scope?: SQL | undefined;
  /** Delete existing rows of the scope that are not in `rows` (default true). */
  deleteMissing?: boolean;
  /** Columns identifying one row for update/delete: the serial id, or the composite primary key. */
  identity: string[];
  /** Called after each written batch with rows processed so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface SyncRowsResult {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/**
 * Rows per insert statement. On the embedded PGlite one statement holds the thread that serves the
 * API until it ends (db/client.ts lets it turn only between statements): 5,000 rows took 300–450 ms
 * on a loaded machine, 1,000 some tens of ms. On PostgreSQL the extra round trips cost little.
 */
const INSERT_BATCH = 1000;

/**
 * INSERT … SELECT * FROM unnest($1::t1[], $2::t2[], …): one array parameter per column, so a batch
 * costs the same to build whatever its size (drizzle's per-value builder dominates otherwise).
 */
function unnestInsert(table: PgTable, columns: Record<string, PgColumn>, fields: string[], rows: Row[]): SQL {
  const names = fields.map((f) => {
    const c = columns[f]!;
    return sql.identifier(c.keyAsName ? toSnakeCase(c.name) : c.name);
  });
  // jsonb values travel as JSON text (an array parameter cannot hold nested arrays) and are cast back.
  const isJson = (f: string) => columns[f]!.getSQLType() === 'jsonb';
  const arrays = fields.map((f) => {
    if (isJson(f)) return sql`${sql.param(rows.map((r) => (r[f] === null || r[f] === undefined ? null : JSON.stringify(r[f]))))}::text[]`;
    const type = columns[f]!.getSQLType().replace(/^serial$/, 'integer').replace(/^bigserial$/, 'bigint');
    return sql`${sql.param(rows.map((r) => r[f] ?? null))}::${sql.raw(type)}[]`;
  });
  const aliases = fields.map((_, i) => sql.raw(`c${i}`));
  const select = fields.map((f, i) => (isJson(f) ? sql.raw(`c${i}::jsonb`) : aliases[i]!));
  return sql`insert into ${sql.identifier(getTableName(table))} (${sql.join(names, sql`, `)}) select ${sql.join(select, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.join(aliases, sql`, `)})`;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

export async function syncRows<T extends PgTable>(db: DbOrTx, options: SyncRowsOptions<T>): Promise<SyncRowsResult> {
  const { table, rows, keyOf, scope, identity } = options;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const existing = (await (db as any).select().from(table).where(scope)) as Row[];
  // Keying and comparing tens of thousands of rows is seconds of JavaScript on a loaded machine: pause
  // now and then so the API thread keeps answering (on PGlite it is the same thread; issue 13).
  const pause = slicer();

  const pool = new Map<string, Row[]>();
  for (const row of existing) {
    await pause();
    const k = keyOf(row);
    const list = pool.get(k);
    if (list) list.push(row);
    else pool.set(k, [row]);
  }

  const inserts: Row[] = [];
  // (rows are plain objects keyed by schema field names)
  const updates: { target: Row; set: Row }[] = [];
  let unchanged = 0;
  for (const row of rows as Row[]) {
    await pause();
    const match = pool.get(keyOf(row))?.shift();
    if (!match) {
      inserts.push(row);
      continue;
    }
    const set: Row = {};
    for (const [field, value] of Object.entries(row)) {
      if (!(field in columns) || identity.includes(field)) continue;
      if (!sameValue(value, match[field])) set[field] = value;
    }
    if (Object.keys(set).length > 0) updates.push({ target: match, set });
    else unchanged++;
  }
  const leftovers = options.deleteMissing === false ? [] : [...pool.values()].flat();

  const total = rows.length + leftovers.length;
  let done = unchanged;
  const whereIdentity = (target: Row) => and(...identity.map((f) => eq(columns[f]!, target[f] as never)))!;

  if (leftovers.length > 0) {
    if (identity.length === 1) {
      const col = columns[identity[0]!]!;
      for (let i = 0; i < leftovers.length; i += 5000) {
        const ids = leftovers.slice(i, i + 5000).map((r) => r[identity[0]!]);
        await (db as any).delete(table).where(inArray(col, ids));
      }
    } else {
      for (let i = 0; i < leftovers.length; i += 500) {
        await (db as any).delete(table).where(or(...leftovers.slice(i, i + 500).map(whereIdentity)));
      }
    }
    done += leftovers.length;
    options.onProgress?.(done, total);
  }

  for (const { target, set } of updates) {
    await (db as any).update(table).set(set).where(whereIdentity(target));
    done++;
    if (done % 200 === 0) options.onProgress?.(done, total);
  }

  if (inserts.length > 0) {
    // Every column any row sets (rows may omit optional fields; those insert as NULL).
    const present = new Set<string>();
    for (const row of inserts) for (const f of Object.keys(row)) present.add(f);
    const fields = Object.keys(columns).filter((f) => present.has(f));
    for (let i = 0; i < inserts.length; i += INSERT_BATCH) {
      const chunk = inserts.slice(i, i + INSERT_BATCH);
      await db.execute(unnestInsert(table, columns, fields, chunk));
      done += chunk.length;
      options.onProgress?.(done, total);
    }
  }
  options.onProgress?.(total, total);
  return { inserted: inserts.length, updated: updates.length, deleted: leftovers.length, unchanged };
}
