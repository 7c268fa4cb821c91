// Three renderings of one table: `json` (camelCase domain records: durations in ms, dates ISO 8601),
// `csv` (the same values, RFC 4180) and `fastf1` (FastF1's column names, durations in seconds with
// millisecond precision, dates ISO 8601 UTC with milliseconds, missing values null) — the last one
// lets FastF1 notebooks read ApexData output unchanged.
import { stringify } from 'csv-stringify/sync';

export type OutputFormat = 'json' | 'csv' | 'fastf1';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'csv', 'fastf1'];

/**
 * How a column's domain value is typed: `duration` and `sessionTime` are ms, `date` is epoch ms,
 * `number`/`int` plain numbers, `string`, `bool`.
 */
export type ColumnKind = 'duration' | 'date' | 'number' | 'int' | 'string' | 'bool';

export interface Column<R> {
  /** Domain (camelCase) name, used by `json` and `csv`. */
  readonly key: string;
  /** FastF1's column name, used by `fastf1`; null for ApexData-only columns (left out of `fastf1`). */
  readonly fastf1: string | null;
  readonly kind: ColumnKind;
  readonly get: (row: R) => unknown;
}

export type Cell = string | number | boolean | null;

/** A domain value as `json` writes it: numbers as they are (ms), dates as ISO strings, NaN → null. */
export function jsonCell(kind: ColumnKind, v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (kind === 'date') return isoDate(v);
  return v as Cell;
}

/** A domain value as `fastf1` writes it. */
export function fastf1Cell(kind: ColumnKind, v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  switch (kind) {
    case 'duration':
      return Math.round(v as number) / 1000;
    case 'date':
      return isoDate(v);
    default:
      return v as Cell;
  }
}

/** Epoch ms (or a Date, or an ISO string) to `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
export function isoDate(v: unknown): string | null {
  const ms = typeof v === 'number' ? v : v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(ms) ? new Date(Math.round(ms)).toISOString() : null;
}

export function toRecords<R>(rows: Iterable<R>, columns: readonly Column<R>[], format: 'json' | 'fastf1'): Record<string, Cell>[] {
  const out: Record<string, Cell>[] = [];
  for (const row of rows) {
    const rec: Record<string, Cell> = {};
    for (const c of columns) {
      if (format === 'json') rec[c.key] = jsonCell(c.kind, c.get(row));
      else if (c.fastf1 !== null) rec[c.fastf1] = fastf1Cell(c.kind, c.get(row));
    }
    out.push(rec);
  }
  return out;
}

/** A JSON array with one record per line: valid JSON, and still readable and diffable line by line. */
export function jsonLines(records: readonly unknown[]): string {
  if (records.length === 0) return '[]\n';
  return `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

const csvOptions = {
  record_delimiter: 'windows' as const,
  // RFC 4180: a field holding a line break is quoted too (csv-stringify quotes only the delimiter
  // it writes, \r\n, by default).
  quoted_match: /[\r\n]/,
  cast: { boolean: (v: boolean) => (v ? 'true' : 'false') },
};

/**
 * RFC 4180 CSV (csv-stringify) with a header of domain names; cells as `json` writes them, null an
 * empty field. The platform's one CSV writer: the CLI and the HTTP API both render through it.
 */
export function toCsv<R>(rows: Iterable<R>, columns: readonly Column<R>[]): string {
  const table: Cell[][] = [columns.map((c) => c.key)];
  for (const row of rows) table.push(columns.map((c) => jsonCell(c.kind, c.get(row))));
  return stringify(table, csvOptions);
}

/** Renders a table in one of the output formats. */
export function renderTable<R>(rows: Iterable<R>, columns: readonly Column<R>[], format: OutputFormat): string {
  if (format === 'csv') return toCsv(rows, columns);
  return jsonLines(toRecords(rows, columns, format));
}

/** Parses a `--format` value; throws a one-line message naming the allowed values. */
export function parseFormat(value: string, allowed: readonly OutputFormat[] = OUTPUT_FORMATS): OutputFormat {
  if ((allowed as readonly string[]).includes(value)) return value as OutputFormat;
  throw new Error(`unknown format "${value}" (expected ${allowed.join(', ')})`);
}
