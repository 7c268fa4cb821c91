// Merged telemetry in the output formats. Rows are sample indices into the columnar arrays, so no
// per-sample objects are built; columns follow FastF1's get_telemetry() order.
import { CHANNELS, NO_DRIVER, SOURCE_NAMES, STATUS_NAMES, type ChannelName } from '../telemetry/channels.js';
import type { Telemetry } from '../telemetry/telemetry.js';
import type { Column, ColumnKind } from './table.js';

const ORDER: readonly ChannelName[] = [
  'rpm', 'speed', 'nGear', 'throttle', 'brake', 'drs', 'distance', 'relativeDistance', 'differentialDistance',
  'status', 'x', 'y', 'z', 'driverAhead', 'distanceToDriverAhead',
];

/** Columns of a telemetry slice: Date, SessionTime, Time, every channel it holds, and Source. */
export function telemetryColumns(tel: Telemetry): Column<number>[] {
  const cols: Column<number>[] = [
    { key: 'date', fastf1: 'Date', kind: 'date', get: (i) => tel.date[i] },
    { key: 'sessionTime', fastf1: 'SessionTime', kind: 'duration', get: (i) => tel.sessionTime[i] },
    { key: 'time', fastf1: 'Time', kind: 'duration', get: (i) => tel.time[i] },
  ];
  const present = new Set(tel.channelNames());
  for (const name of ORDER) {
    if (!present.has(name)) continue;
    const data = tel.channel(name)!;
    let kind: ColumnKind = 'number';
    let get: (i: number) => unknown = (i) => data[i];
    if (name === 'brake') [kind, get] = ['bool', (i) => data[i] !== 0];
    else if (name === 'status') [kind, get] = ['string', (i) => STATUS_NAMES[data[i]!] ?? null];
    else if (name === 'driverAhead') [kind, get] = ['string', (i) => (data[i] === NO_DRIVER ? '' : String(data[i]))];
    cols.push({ key: name, fastf1: CHANNELS[name].fastf1, kind, get });
    // FastF1 puts Source right after the car channels.
    if (name === 'drs') cols.push(sourceColumn(tel));
  }
  if (!present.has('drs')) cols.push(sourceColumn(tel));
  return cols;
}

function sourceColumn(tel: Telemetry): Column<number> {
  return { key: 'source', fastf1: 'Source', kind: 'string', get: (i) => SOURCE_NAMES[tel.source[i]!] ?? null };
}

/** Sample indices 0…n−1, the rows for {@link telemetryColumns}. */
export function* sampleIndices(tel: Telemetry): IterableIterator<number> {
  for (let i = 0; i < tel.length; i++) yield i;
}
