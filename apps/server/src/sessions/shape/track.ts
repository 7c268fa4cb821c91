// The circuit outline from one clean lap's position data, turned so that every session of a circuit
// draws the same way, with the sector lines and the speed along the lap for track-map colouring.
//
// The rotation is derived from the outline itself, so it needs no external circuit database: the
// smallest bounding rectangle of the outline (its convex hull's edges are the only candidates) is
// laid landscape, and of the two landscape turns the one that puts the start/finish line in the
// lower half is kept. F1's X/Y frame is fixed per circuit, so laps of any session of a circuit give
// the same turn to within a degree. A caller who prefers another convention (MultiViewer's
// published rotation, say) passes it explicitly.
import { interp, type Lap, type Telemetry } from '@apexdata/livetiming';

export interface TrackPoint {
  readonly x: number;
  readonly y: number;
}

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

type Pt = [number, number];

/** Convex hull (Andrew's monotone chain), counter-clockwise. */
function convexHull(points: Pt[]): Pt[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Pt[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Pt[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

function rotate(p: Pt, deg: number): Pt {
  const a = (deg * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [p[0] * c - p[1] * s, p[0] * s + p[1] * c];
}

function bounds(points: readonly Pt[]): { minX: number; maxX: number; minY: number; maxY: number } {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, maxX, minY, maxY };
}

const norm = (deg: number) => Math.round((((deg % 360) + 360) % 360) * 10) / 10 % 360;

/**
 * The turn (degrees, counter-clockwise) that lays an outline landscape in its smallest bounding
 * rectangle with `start` in the lower half.
 */
export function deriveRotation(points: readonly TrackPoint[], start: TrackPoint): number {
  const pts: Pt[] = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map((p) => [p.x, p.y]);
  if (pts.length < 3) return 0;
  const hull = convexHull(pts);
  let best = { area: Infinity, angle: 0 };
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    // Turning by −(edge angle) lays this edge horizontal.
    const angle = (-Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
    const bb = bounds(hull.map((p) => rotate(p, angle)));
    const area = (bb.maxX - bb.minX) * (bb.maxY - bb.minY);
    if (area < best.area - 1e-6) best = { area, angle };
  }
  let angle = best.angle;
  let bb = bounds(hull.map((p) => rotate(p, angle)));
  if (bb.maxY - bb.minY > bb.maxX - bb.minX) {
    angle += 90;
    bb = bounds(hull.map((p) => rotate(p, angle)));
  }
  const s = rotate([start.x, start.y], angle);
  if (s[1] > (bb.minY + bb.maxY) / 2) angle += 180;
  return norm(angle);
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
  const rotation = options.rotation !== undefined ? norm(options.rotation) : deriveRotation(points, points[0]!);
  const turned = points.map((p) => rotate([p.x, p.y], rotation));

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
