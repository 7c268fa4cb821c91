// One column definition per table serves both renderings of a tabular endpoint: JSON records (the
// engine's `json` cells: durations in ms, dates ISO 8601, NaN → null) and CSV (the engine's toCsv,
// RFC 4180, the same cells). The column type is the engine's, so laps, weather and results reuse the
// engine's own column lists and names.
import { toCsv, toRecords, type Cell, type Column, type ColumnKind } from '@apexdata/livetiming';

export type { Cell, Column, ColumnKind };

export type TableFormat = 'json' | 'csv';

/** A column read from a record's own field. */
export function field<R>(key: keyof R & string, kind: ColumnKind): Column<R> {
  return { key, fastf1: null, kind, get: (r) => r[key] };
}

/** A computed column. */
export function computed<R>(key: string, kind: ColumnKind, get: (row: R) => unknown): Column<R> {
  return { key, fastf1: null, kind, get };
}

/** Rows as JSON records keyed by the columns' domain names. */
export function records<R>(rows: Iterable<R>, columns: readonly Column<R>[]): Record<string, Cell>[] {
  return toRecords(rows, columns, 'json');
}

/** RFC 4180 CSV with a header of domain names; a null cell is an empty field (the engine's writer). */
export const csv: <R>(rows: Iterable<R>, columns: readonly Column<R>[]) => string = toCsv;

/** CSV of columnar data (equal-length arrays by name), one row per index. */
export function columnsCsv(columns: Readonly<Record<string, readonly unknown[]>>): string {
  const names = Object.keys(columns);
  const n = names.length ? columns[names[0]!]!.length : 0;
  const cols: Column<number>[] = names.map((k) => ({ key: k, fastf1: null, kind: 'number', get: (i) => columns[k]![i] }));
  return toCsv(Array.from({ length: n }, (_, i) => i), cols);
}
