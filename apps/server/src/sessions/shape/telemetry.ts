// Merged lap telemetry (the engine's Telemetry) as columnar JSON: one array per channel, values
// rounded to what the sources can resolve so that a full lap with every channel stays small once
// compressed. Integer channels stay integers; floats keep a fixed number of decimals:
//   time, sessionTime, date   1 ms (car and position clocks are millisecond clocks)
//   rpm                       1 rpm
//   speed, throttle           0.1 (the feed sends integers; interpolated samples get one decimal)
//   x, y, z                   0.1 feed unit (= 1 cm; the feed sends whole units of 10 cm)
//   distance, distanceToDriverAhead  0.01 m
//   relativeDistance          1e-6 (5 mm on a 5 km lap)
import { NO_DRIVER, SOURCE_NAMES, STATUS_NAMES, type ChannelName, type Telemetry } from '@apexdata/livetiming';

/** Columns the telemetry endpoint can return, in response order. */
export const TELEMETRY_COLUMNS = [
  'time', 'sessionTime', 'date', 'distance', 'relativeDistance', 'speed', 'rpm', 'nGear', 'throttle', 'brake', 'drs',
  'x', 'y', 'z', 'status', 'driverAhead', 'distanceToDriverAhead', 'source',
] as const;
export type TelemetryColumn = (typeof TELEMETRY_COLUMNS)[number];

/**
 * Returned unless `channels=` says otherwise: everything except the absolute clocks, which follow
 * from `time` (sessionTime = lapStartTime + time, date = t0 + sessionTime).
 */
export const DEFAULT_TELEMETRY_COLUMNS: readonly TelemetryColumn[] = TELEMETRY_COLUMNS.filter((c) => c !== 'sessionTime' && c !== 'date');

export type TelemetryAxis = 'distance' | 'time';

export type ColumnValues = (number | null)[] | (string | null)[] | boolean[];

export interface ColumnarTelemetry {
  readonly axis: TelemetryAxis;
  readonly samples: number;
  /** Channel name → values, one per sample (the axis channel always among them; first in CSV). */
  readonly channels: Record<string, ColumnValues>;
}

const roundTo = (decimals: number) => {
  const f = 10 ** decimals;
  return (v: number): number | null => (Number.isFinite(v) ? Math.round(v * f) / f : null);
};

/** Rounding of each numeric column (see the header comment). */
export const COLUMN_ROUNDING: Readonly<Partial<Record<TelemetryColumn, (v: number) => number | null>>> = {
  time: roundTo(0),
  sessionTime: roundTo(0),
  date: roundTo(0),
  rpm: roundTo(0),
  speed: roundTo(1),
  throttle: roundTo(1),
  x: roundTo(1),
  y: roundTo(1),
  z: roundTo(1),
  distance: roundTo(2),
  distanceToDriverAhead: roundTo(2),
  relativeDistance: roundTo(6),
};

/** Integer channels are stored in typed integer arrays already; only NaN needs care. */
const asInteger = (v: number): number | null => (Number.isFinite(v) ? v : null);

function columnValues(tel: Telemetry, name: TelemetryColumn): ColumnValues | null {
  switch (name) {
    case 'time':
    case 'sessionTime':
    case 'date':
      return Array.from(tel[name], COLUMN_ROUNDING[name]!);
    case 'source':
      return Array.from(tel.source, (s) => SOURCE_NAMES[s] ?? null);
    default: {
      const col = tel.channel(name as ChannelName);
      if (col === undefined) return null;
      if (name === 'brake') return Array.from(col, (v) => v !== 0);
      if (name === 'status') return Array.from(col, (v) => STATUS_NAMES[v] ?? null);
      if (name === 'driverAhead') return Array.from(col, (v) => (v === NO_DRIVER ? null : String(v)));
      return Array.from(col, COLUMN_ROUNDING[name] ?? asInteger);
    }
  }
}

/**
 * The requested columns of a telemetry, axis column first (always included). Columns the
 * telemetry does not hold are left out.
 */
export function columnarTelemetry(tel: Telemetry, columns: readonly TelemetryColumn[] = DEFAULT_TELEMETRY_COLUMNS, axis: TelemetryAxis = 'distance'): ColumnarTelemetry {
  const channels: Record<string, ColumnValues> = {};
  const order = [axis, ...TELEMETRY_COLUMNS.filter((c) => c !== axis && columns.includes(c))];
  for (const name of order) {
    const values = columnValues(tel, name);
    if (values !== null) channels[name] = values;
  }
  return { axis, samples: tel.length, channels };
}

/** Parses `channels=speed,throttle,…`; throws naming the first unknown one. */
export function parseTelemetryColumns(value: string | undefined): TelemetryColumn[] {
  if (value === undefined || value.trim() === '' || value.trim() === 'all') return [...(value?.trim() === 'all' ? TELEMETRY_COLUMNS : DEFAULT_TELEMETRY_COLUMNS)];
  const byLower = new Map(TELEMETRY_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const out: TelemetryColumn[] = [];
  for (const raw of value.split(',')) {
    const name = raw.trim();
    if (!name) continue;
    const c = byLower.get(name.toLowerCase());
    if (!c) throw new RangeError(`unknown channel '${name}' (known: ${TELEMETRY_COLUMNS.join(', ')}, or all)`);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}
