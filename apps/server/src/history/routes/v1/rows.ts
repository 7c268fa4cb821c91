// Reading rows for /api/v1: the query runner, value coercions, and the column sets and mappers of
// the refs every answer embeds (a prefix keeps joined tables apart).
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../../db/client.js';
import type { ConstructorRef, DriverRef } from './schemas.js';

export type Row = Record<string, unknown>;

export async function all<T = Row>(db: DbOrTx, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

export const int = (n: number) => sql`${n}::int`;
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

// ── column sets and row mappers (prefix keeps joined tables apart) ───────────────────────────

export const driverCols = (a: string, p: string) =>
  sql.raw(
    `${a}.driver_ref as "${p}id", ${a}.code as "${p}code", ${a}.permanent_number as "${p}number",
     ${a}.given_name as "${p}given", ${a}.family_name as "${p}family", ${a}.nationality as "${p}nat"`,
  );
export const constructorCols = (a: string, p: string) =>
  sql.raw(`${a}.constructor_ref as "${p}id", ${a}.name as "${p}name", ${a}.nationality as "${p}nat"`);
export const circuitRefCols = (a: string, p: string) =>
  sql.raw(`${a}.circuit_ref as "${p}id", ${a}.name as "${p}name", ${a}.locality as "${p}locality", ${a}.country as "${p}country"`);

export function driverRef(r: Row, p: string): DriverRef {
  return {
    id: String(r[`${p}id`]),
    code: str(r[`${p}code`]),
    permanentNumber: num(r[`${p}number`]),
    givenName: String(r[`${p}given`]),
    familyName: String(r[`${p}family`]),
    nationality: str(r[`${p}nat`]),
  };
}

export function constructorRef(r: Row, p: string): ConstructorRef {
  return { id: String(r[`${p}id`]), name: String(r[`${p}name`]), nationality: str(r[`${p}nat`]) };
}

export function circuitRef(r: Row, p: string) {
  return { id: String(r[`${p}id`]), name: String(r[`${p}name`]), locality: str(r[`${p}locality`]), country: str(r[`${p}country`]) };
}
