// The circuit outline from one clean lap's position data, turned so that every session of a circuit
// draws the same way, with the sector lines and the speed along the lap for track-map colouring.
//
// The rotation is the engine's `deriveRotation` (the live map turns a circuit the same way) with the
// lap's first sample as the start/finish line; laps of any session of a circuit give the same turn to
// within a degree. A caller who prefers another convention (MultiViewer's published rotation, say)
// passes it explicitly.
import { deriveRotation, interp, normaliseDegrees, rotatePoint, type Lap, type Telemetry, type TrackPoint } from '@apexdata/livetiming';

export interface TrackOutline {
  /** The lap the outline was taken from. */
  readonly driver: string | null;
  readonly driverNumber: string;
  readonly lapNumber: number;
  readonly lapTime: number | null;
  /** Degrees the feed's X/Y were turned, counter-clockwise about the origin. */
  readonly rotation: number;
  readonly rotationSource: 'derived' | 'request';
  /** Feed units (1/10 m), x to the right and y up, after rotation; one point per telemetry sample. */
  readonly x: number[];
  readonly y: number[];
  /** Metres from the start line for each point. */
  readonly distance: number[];
  /** km/h at each point (for colouring). */
  readonly speed: (number | null)[];
  /** Lap length (m) as integrated from the lap's speed. */
  readonly length: number;
  /** Distances of the sector 1→2 and 2→3 lines (empty when the lap has no sector times). */
  readonly sectorDistances: number[];
  /** Start/finish line, then the two sector lines, on the rotated outline. */
  readonly linePoints: TrackPoint[];
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const r2 = (v: number) => Math.round(v * 100) / 100;

/** The outline of a lap from its merged telemetry (needs x, y, distance and speed). */
export function trackOutline(lap: Lap, tel: Telemetry, options: { rotation?: number } = {}): TrackOutline {
  const xs = tel.channel('x');
  const ys = tel.channel('y');
  const dist = tel.channel('distance');
  const speed = tel.channel('speed');
  if (!xs || !ys || !dist || tel.length < 3) throw new Error(`lap ${lap.lapNumber} of ${lap.driver ?? lap.driverNumber} has no position telemetry`);
  const n = tel.length;
  const d0 = dist[0]!;
  const distance = Array.from(dist, (d) => d - d0);
  const points = Array.from({ length: n }, (_, i) => ({ x: xs[i]!, y: ys[i]! }));
  const rotation = options.rotation !== undefined ? normaliseDegrees(options.rotation) : deriveRotation(points, points[0]!);
  const turned = points.map((p) => rotatePoint([p.x, p.y], rotation));

  const sectorDistances: number[] = [];
  const { lapStartTime, sector1SessionTime: s1, sector2SessionTime: s2 } = lap;
  if (lapStartTime !== null && s1 !== null && s2 !== null) {
    for (const s of [s1, s2]) sectorDistances.push(interp(tel.time, distance, s - lapStartTime));
  }
  const pointAt = (d: number): TrackPoint => ({ x: r1(interp(distance, turned.map((p) => p[0]), d)), y: r1(interp(distance, turned.map((p) => p[1]), d)) });
  return {
    driver: lap.driver,
    driverNumber: lap.driverNumber,
    lapNumber: lap.lapNumber,
    lapTime: lap.lapTime,
    rotation,
    rotationSource: options.rotation !== undefined ? 'request' : 'derived',
    x: turned.map((p) => r1(p[0])),
    y: turned.map((p) => r1(p[1])),
    distance: distance.map(r2),
    speed: speed ? Array.from(speed, (v) => (Number.isFinite(v) ? r1(v) : null)) : distance.map(() => null),
    length: r2(distance[n - 1]!),
    sectorDistances: sectorDistances.map(r2),
    linePoints: [pointAt(0), ...sectorDistances.map(pointAt)],
  };
}
