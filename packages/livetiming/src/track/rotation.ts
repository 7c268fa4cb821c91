// Which way up to draw a circuit. F1's X/Y frame is fixed per circuit but arbitrary, so a map drawn
// as sent can be tall, tilted or upside down. The turn is derived from the outline itself, needing
// no external circuit database: the outline's smallest bounding rectangle (its convex hull's edges
// are the only candidates) is laid landscape, and of the two landscape turns the one that puts the
// start/finish line in the lower half is kept. One rule for every map: the session map (a lap's
// telemetry) and the live map (a lap of Position.z) turn a circuit the same way.

export interface TrackPoint {
  readonly x: number;
  readonly y: number;
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

/** `p` turned `deg` degrees counter-clockwise about the origin. */
export function rotatePoint(p: readonly [number, number], deg: number): [number, number] {
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

/** Degrees in [0, 360), to one decimal. */
export const normaliseDegrees = (deg: number) => Math.round((((deg % 360) + 360) % 360) * 10) / 10 % 360;

/**
 * The turn (degrees, counter-clockwise) that lays an outline landscape in its smallest bounding
 * rectangle with `start` (the start/finish line) in the lower half.
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
    const bb = bounds(hull.map((p) => rotatePoint(p, angle)));
    const area = (bb.maxX - bb.minX) * (bb.maxY - bb.minY);
    if (area < best.area - 1e-6) best = { area, angle };
  }
  let angle = best.angle;
  let bb = bounds(hull.map((p) => rotatePoint(p, angle)));
  if (bb.maxY - bb.minY > bb.maxX - bb.minX) {
    angle += 90;
    bb = bounds(hull.map((p) => rotatePoint(p, angle)));
  }
  const s = rotatePoint([start.x, start.y], angle);
  if (s[1] > (bb.minY + bb.maxY) / 2) angle += 180;
  return normaliseDegrees(angle);
}
