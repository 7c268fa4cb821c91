// Reading PostgreSQL `COPY … CSV HEADER` files by column name, with typed accessors that report the
// file, line and column of any value they cannot read.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';

export class DumpFormatError extends Error {
  override name = 'DumpFormatError';
}

/** One data row. Accessors throw DumpFormatError naming file, line and column. */
export class CsvRow {
  constructor(
    private readonly table: CsvTable,
    private readonly values: (string | null)[],
    /** 1-based line number of the row in the file. */
    readonly line: number,
  ) {}

  private raw(column: string): string | null {
    const index = this.table.columnIndex(column);
    return this.values[index] ?? null;
  }

  fail(column: string, message: string): never {
    const v = this.raw(column);
    throw new DumpFormatError(
      `${this.table.file} line ${this.line}, column "${column}": ${message}${v === null ? ' (got NULL)' : ` (got "${v}")`}`,
    );
  }

  private required(column: string, what: string): string {
    const v = this.raw(column);
    if (v === null) this.fail(column, `expected ${what}`);
    return v;
  }

  textOrNull(column: string): string | null {
    return this.raw(column);
  }
  text(column: string): string {
    return this.required(column, 'a value');
  }

  intOrNull(column: string): number | null {
    const v = this.raw(column);
    if (v === null) return null;
    if (!/^-?\d+$/.test(v)) this.fail(column, 'expected an integer');
    return Number(v);
  }
  int(column: string): number {
    this.required(column, 'an integer');
    return this.intOrNull(column)!;
  }

  floatOrNull(column: string): number | null {
    const v = this.raw(column);
    if (v === null) return null;
    if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) this.fail(column, 'expected a number');
    return Number(v);
  }
  float(column: string): number {
    this.required(column, 'a number');
    return this.floatOrNull(column)!;
  }

  boolOrNull(column: string): boolean | null {
    const v = this.raw(column);
    if (v === null) return null;
    if (v === 't' || v === 'true') return true;
    if (v === 'f' || v === 'false') return false;
    return this.fail(column, 'expected a boolean (t/f)');
  }
  bool(column: string): boolean {
    this.required(column, 'a boolean (t/f)');
    return this.boolOrNull(column)!;
  }

  /** A date 'YYYY-MM-DD'. */
  dateOrNull(column: string): string | null {
    const v = this.raw(column);
    if (v === null) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) this.fail(column, 'expected a date YYYY-MM-DD');
    return v;
  }

  /** A timestamp 'YYYY-MM-DD HH:MM:SS[.f]+00' → UTC { date, time 'HH:MM:SS' }. */
  timestampOrNull(column: string): { date: string; time: string } | null {
    const v = this.raw(column);
    if (v === null) return null;
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2}(:?\d{2})?|Z)?$/.exec(v);
    if (!m) this.fail(column, 'expected a timestamp YYYY-MM-DD HH:MM:SS+00');
    const ms = Date.parse(`${m[1]}T${m[2]}${normaliseOffset(m[4])}`);
    if (Number.isNaN(ms)) this.fail(column, 'expected a timestamp YYYY-MM-DD HH:MM:SS+00');
    const iso = new Date(ms).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
  }

  /** An interval 'HH:MM:SS[.fraction]' (or 'D day[s] HH:MM:SS') → integer microseconds. */
  intervalOrNull(column: string): number | null {
    const v = this.raw(column);
    if (v === null) return null;
    const us = parseIntervalMicros(v);
    if (us === null) this.fail(column, 'expected an interval HH:MM:SS[.fraction]');
    return us;
  }

  /** A time of day 'HH:MM:SS'. */
  timeOfDayOrNull(column: string): string | null {
    const v = this.raw(column);
    if (v === null) return null;
    if (!/^\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(v)) this.fail(column, 'expected a time of day HH:MM:SS');
    return v;
  }
}

function normaliseOffset(offset: string | undefined): string {
  if (!offset || offset === 'Z') return 'Z';
  if (/^[+-]\d{2}$/.test(offset)) return `${offset}:00`;
  if (/^[+-]\d{4}$/.test(offset)) return `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return offset;
}

/** PostgreSQL interval text → microseconds, or null if it is not one. */
export function parseIntervalMicros(v: string): number | null {
  const m = /^(?:(\d+) days? )?(\d+):([0-5]\d):([0-5]\d)(?:\.(\d{1,6}))?$/.exec(v);
  if (!m) return null;
  const [, days, h, min, s, frac] = m;
  const seconds = Number(days ?? 0) * 86400 + Number(h) * 3600 + Number(min) * 60 + Number(s);
  return seconds * 1_000_000 + Number((frac ?? '').padEnd(6, '0'));
}

/** A parsed CSV file with its header. */
export class CsvTable {
  readonly rows: CsvRow[];
  private readonly index: Map<string, number>;

  constructor(
    readonly file: string,
    readonly header: string[],
    records: { values: (string | null)[]; line: number }[],
  ) {
    this.index = new Map(header.map((h, i) => [h, i]));
    this.rows = records.map((r) => new CsvRow(this, r.values, r.line));
  }

  columnIndex(column: string): number {
    const i = this.index.get(column);
    if (i === undefined) throw new DumpFormatError(`${this.file}: missing column "${column}" in header`);
    return i;
  }

  /** Throws unless every named column is in the header (checked up front, before any row is read). */
  requireColumns(columns: readonly string[]): void {
    for (const c of columns) this.columnIndex(c);
  }
}

/**
 * Parse CSV text. Empty unquoted fields are NULL; an empty quoted field is the empty string.
 * (csv-parse's per-field `cast` hook would tell the two apart but is ~20× slower, so only records
 * whose raw text contains a quote are re-parsed with it.)
 */
export function parseCsv(file: string, text: string): CsvTable {
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, { bom: true, raw: true, relax_column_count: false }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new DumpFormatError(`${file}${e.lines ? ` line ${e.lines}` : ''}: malformed CSV: ${e.message.split('\n')[0]}`);
  }
  if (records.length === 0) throw new DumpFormatError(`${file}: empty file (no header row)`);
  const header = records[0]!.record;
  let line = 1 + countNewlines(records[0]!.raw);
  const rows: { values: (string | null)[]; line: number }[] = [];
  for (let i = 1; i < records.length; i++) {
    const { record, raw } = records[i]!;
    const start = line;
    line += countNewlines(raw);
    if (record.length === 1 && record[0] === '' && raw.trim() === '') continue;
    let values: (string | null)[];
    if (raw.includes('"')) {
      const [exact] = parse(raw, { cast: (value, ctx) => (value === '' && !ctx.quoting ? null : value) }) as (string | null)[][];
      values = exact!;
    } else {
      values = record.map((v) => (v === '' ? null : v));
    }
    rows.push({ values, line: start });
  }
  return new CsvTable(file, header, rows);
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export async function readCsv(path: string): Promise<CsvTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DumpFormatError(code === 'ENOENT' ? `missing file ${path}` : `cannot read ${path}: ${(err as Error).message}`);
  }
  return parseCsv(basename(path), text);
}
