// The telemetry channels we know, how each is stored and how its gaps are filled when two
// telemetry sets with different clocks are merged (FastF1's channel registry, same rules).

export type FillKind = 'quadratic' | 'linear' | 'discrete';

type ArrayCtor = Float64ArrayConstructor | Int16ArrayConstructor | Uint8ArrayConstructor;

/** Any array a channel can be held in (see {@link ChannelArray}). */
export type ChannelColumn = Float64Array | Float32Array | Int16Array | Uint16Array | Uint8Array;

export interface ChannelSpec {
  /** How gaps are filled after a merge. */
  readonly fill: FillKind;
  /** The array type of the channel in merged or derived telemetry. */
  readonly array: ArrayCtor;
  /** Stored value that means "no value" (e.g. unknown track status); NaN for float channels. */
  readonly missing?: number;
  /** FastF1's column name. */
  readonly fastf1: string;
}

export const CHANNELS = {
  rpm: { fill: 'linear', array: Float64Array, fastf1: 'RPM' },
  speed: { fill: 'linear', array: Float64Array, fastf1: 'Speed' },
  nGear: { fill: 'discrete', array: Int16Array, fastf1: 'nGear' },
  throttle: { fill: 'linear', array: Float64Array, fastf1: 'Throttle' },
  brake: { fill: 'discrete', array: Uint8Array, fastf1: 'Brake' },
  drs: { fill: 'discrete', array: Int16Array, fastf1: 'DRS' },
  x: { fill: 'quadratic', array: Float64Array, fastf1: 'X' },
  y: { fill: 'quadratic', array: Float64Array, fastf1: 'Y' },
  z: { fill: 'quadratic', array: Float64Array, fastf1: 'Z' },
  status: { fill: 'discrete', array: Uint8Array, missing: 0, fastf1: 'Status' },
  distance: { fill: 'quadratic', array: Float64Array, fastf1: 'Distance' },
  relativeDistance: { fill: 'quadratic', array: Float64Array, fastf1: 'RelativeDistance' },
  differentialDistance: { fill: 'quadratic', array: Float64Array, fastf1: 'DifferentialDistance' },
  driverAhead: { fill: 'discrete', array: Int16Array, fastf1: 'DriverAhead' },
  distanceToDriverAhead: { fill: 'linear', array: Float64Array, fastf1: 'DistanceToDriverAhead' },
} as const satisfies Record<string, ChannelSpec>;

export type ChannelName = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

type MergedArray<K extends ChannelName> = (typeof CHANNELS)[K]['array'] extends Float64ArrayConstructor ? Float64Array
  : (typeof CHANNELS)[K]['array'] extends Int16ArrayConstructor ? Int16Array : Uint8Array;
/**
 * Arrays the feed's channels are parsed into besides the merged type: a driver's car and position
 * data over a whole session hold the feed's integers in the narrowest type they fit (see
 * RawCarChannels, RawPositionChannels); merging always produces the registry's `array` type.
 */
interface FeedArrays {
  rpm: Uint16Array;
  speed: Uint16Array;
  nGear: Uint8Array;
  throttle: Uint8Array;
  drs: Uint8Array;
  x: Float32Array;
  y: Float32Array;
  z: Float32Array;
}
/** The typed array a channel is stored in. */
export type ChannelArray<K extends ChannelName> = MergedArray<K> | (K extends keyof FeedArrays ? FeedArrays[K] : never);
export type ChannelColumns = { [K in ChannelName]?: ChannelArray<K> };

/** Where a sample came from. */
export const SampleSource = { car: 0, pos: 1, interpolation: 2 } as const;
export const SOURCE_NAMES = ['car', 'pos', 'interpolation'] as const;
export type SampleSourceName = (typeof SOURCE_NAMES)[number];

/** Track status of a position sample: 0 unknown, 1 OnTrack, 2 OffTrack. */
export const STATUS_NAMES = [null, 'OnTrack', 'OffTrack'] as const;
export type StatusName = (typeof STATUS_NAMES)[number];

/** DriverAhead is stored as the racing number; this marks "no car ahead" (FastF1's ''). */
export const NO_DRIVER = -1;
