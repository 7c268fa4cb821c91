// Gap filling of merged telemetry channels, numerically as FastF1 gets it from pandas/scipy:
// - "quadratic": an interpolating quadratic B-spline through every valid sample (scipy
//   make_interp_spline, k=2, knots at the Greville-like midpoints), extrapolating after the last
//   valid sample but leaving gaps before the first one (pandas' default forward limit direction);
// - "linear": piecewise linear in time between valid neighbours, holding the first/last valid value
//   beyond the ends (np.interp with limit_direction='both');
// - "discrete": forward fill, then back fill.
// The abscissa is the sample time as pandas hands it to numpy/scipy: nanoseconds since the epoch as
// a float64. That rounding (about 256 ns) is part of FastF1's numbers, so it is reproduced here.

/** Epoch milliseconds → float64 epoch nanoseconds, rounded as numpy converts int64 to float64. */
export function nsAbscissa(dateMs: Float64Array, x: Float64Array = new Float64Array(dateMs.length)): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] = dateMs[i]! * 1e6;
  return x;
}

/** Fills NaN gaps of `y` in place by forward fill then back fill. */
export function fillDiscrete(y: Float64Array): void {
  const n = y.length;
  let last = NaN;
  let firstValid = -1;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v === v) {
      last = v;
      if (firstValid < 0) firstValid = i;
    } else if (last === last) y[i] = last;
  }
  if (firstValid > 0) for (let i = 0; i < firstValid; i++) y[i] = y[firstValid]!;
}

/**
 * np.interp of the gaps of `y` over the valid samples, ends held constant. In place. Every gap lies
 * between two neighbouring valid samples, so they are all np.interp needs.
 */
export function fillLinear(x: Float64Array, y: Float64Array): void {
  const n = y.length;
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) if (y[i] === y[i]) { if (first < 0) first = i; last = i; }
  if (first < 0) return;
  for (let i = 0; i < first; i++) y[i] = y[first]!;
  for (let i = last + 1; i < n; i++) y[i] = y[last]!;
  let prev = first;
  for (let i = first + 1; i <= last; i++) {
    if (y[i] !== y[i]) continue;
    if (i > prev + 1) {
      const x0 = x[prev]!;
      const x1 = x[i]!;
      const y0 = y[prev]!;
      const y1 = y[i]!;
      for (let k = prev + 1; k < i; k++) y[k] = interpBetween(x0, x1, y0, y1, x[k]!);
    }
    prev = i;
  }
}

// numpy's interp kernel for x0 <= x < x1, including its NaN fallbacks.
export function interpBetween(x0: number, x1: number, y0: number, y1: number, x: number): number {
  if (x === x0) return y0;
  if (x >= x1) return y1;
  const slope = (y1 - y0) / (x1 - x0);
  let r = slope * (x - x0) + y0;
  if (r !== r) {
    r = slope * (x - x1) + y1;
    if (r !== r && y0 === y1) r = y0;
  }
  return r;
}

/** Linear interpolation of (xp, fp) at `x` (np.interp semantics). */
export function interp(xp: ArrayLike<number>, fp: ArrayLike<number>, x: number): number {
  const n = xp.length;
  if (n === 0) return NaN;
  if (x <= xp[0]!) return fp[0]!;
  if (x >= xp[n - 1]!) return fp[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xp[mid]! <= x) lo = mid; else hi = mid;
  }
  const slope = (fp[lo + 1]! - fp[lo]!) / (xp[lo + 1]! - xp[lo]!);
  return slope * (x - xp[lo]!) + fp[lo]!;
}

/**
 * Fills the gaps of `y` after its first valid sample with the quadratic interpolating spline of the
 * valid samples (extrapolated past the last one). With fewer than three valid samples scipy cannot
 * build the spline; linear interpolation is used then. In place.
 */
export function fillQuadratic(x: Float64Array, y: Float64Array): void {
  fillQuadraticChannels(x, [y]);
}

/**
 * {@link fillQuadratic} for several channels on the same abscissa. Channels whose gaps are in the
 * same places share one factorisation (the numbers are the same as solving each on its own).
 */
export function fillQuadraticChannels(x: Float64Array, ys: readonly Float64Array[]): void {
  const n = x.length;
  // Channels with gaps and values (the scan stops once it has seen both: merged rows alternate).
  const pending = ys.filter((y) => {
    let nan = false;
    let value = false;
    for (let i = 0; i < n && !(nan && value); i++) if (y[i] !== y[i]) nan = true; else value = true;
    return nan && value;
  });
  while (pending.length > 0) {
    const lead = pending[0]!;
    const group = pending.filter((y) => sameGaps(lead, y, n));
    for (const y of group) pending.splice(pending.indexOf(y), 1);
    fillGroup(x, group);
  }
}

function sameGaps(a: Float64Array, b: Float64Array, n: number): boolean {
  if (a === b) return true;
  for (let i = 0; i < n; i++) if ((a[i] === a[i]) !== (b[i] === b[i])) return false;
  return true;
}

function fillGroup(x: Float64Array, group: Float64Array[]): void {
  const lead = group[0]!;
  const n = x.length;
  let valid = 0;
  let first = -1;
  for (let i = 0; i < n; i++) if (lead[i] === lead[i]) { valid++; if (first < 0) first = i; }
  const xs = scratchF64(valid);
  for (let i = 0, k = 0; i < n; i++) if (lead[i] === lead[i]) xs[k++] = x[i]!;
  const xp = xs.subarray(0, valid);
  if (valid < 3) {
    for (const y of group) {
      const fp = new Float64Array(valid);
      for (let i = 0, k = 0; i < n; i++) if (y[i] === y[i]) fp[k++] = y[i]!;
      for (let i = first + 1; i < n; i++) if (y[i] !== y[i]) y[i] = interp(xp, fp, x[i]!);
    }
    return;
  }
  const basis = new QuadraticInterpolator(xp, true);
  const coefs = group.map((y, g) => {
    const c = reusable(2 + g, valid);
    for (let i = 0, k = 0; i < n; i++) if (y[i] === y[i]) c[k++] = y[i]!;
    basis.solve(c);
    return c;
  });
  const h = new Float64Array(3);
  let m = 2;
  for (let i = first + 1; i < n; i++) {
    if (lead[i] === lead[i]) continue;
    const xv = x[i]!;
    m = basis.interval(xv, m);
    basis.basisAt(xv, m, h);
    const h0 = h[0]!;
    const h1 = h[1]!;
    const h2 = h[2]!;
    for (let g = 0; g < group.length; g++) {
      const c = coefs[g]!;
      let s = 0;
      s += c[m - 2]! * h0;
      s += c[m - 1]! * h1;
      s += c[m]! * h2;
      group[g]![i] = s;
    }
  }
}

/**
 * Value at `xq` of the quadratic interpolating spline through the valid samples of each channel in
 * `ys` (all with the same gaps), as {@link fillQuadratic} would fill it, but solving only the
 * `window` valid samples on each side of `xq`. The spline's dependence on far samples decays
 * geometrically (well below 1e-16 within a few dozen samples), so the result is the full solve's.
 * NaN before the first valid sample (pandas leaves leading gaps open).
 */
export function quadraticAt(dateMs: Float64Array, ys: readonly (Float64Array | Float32Array)[], xq: number, out: Float64Array, window = 48): void {
  const lead = ys[0]!;
  const n = dateMs.length;
  // valid samples before and after xq (dates sorted; abscissa = epoch ns as float64, see nsAbscissa)
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dateMs[mid]! * 1e6 < xq) lo = mid + 1; else hi = mid;
  }
  let first = lo;
  let nb = 0;
  for (let k = lo - 1; k >= 0 && nb < window; k--) if (lead[k] === lead[k]) { first = k; nb++; }
  if (nb === 0) { out.fill(NaN, 0, ys.length); return; }
  let last = lo - 1;
  let na = 0;
  for (let k = lo; k < n && na < window; k++) if (lead[k] === lead[k]) { last = k; na++; }
  const m = nb + na;
  const xs = new Float64Array(m);
  for (let k = first, j = 0; k <= last; k++) if (lead[k] === lead[k]) xs[j++] = dateMs[k]! * 1e6;
  const values = (y: Float64Array | Float32Array) => {
    const c = new Float64Array(m);
    for (let k = first, j = 0; k <= last; k++) if (lead[k] === lead[k]) c[j++] = y[k]!;
    return c;
  };
  if (m < 3) {
    for (let g = 0; g < ys.length; g++) out[g] = interp(xs, values(ys[g]!), xq);
    return;
  }
  const basis = new QuadraticInterpolator(xs);
  const h = new Float64Array(3);
  const mi = basis.interval(xq, 2);
  basis.basisAt(xq, mi, h);
  for (let g = 0; g < ys.length; g++) {
    const c = values(ys[g]!);
    basis.solve(c);
    let s = 0;
    s += c[mi - 2]! * h[0]!;
    s += c[mi - 1]! * h[1]!;
    s += c[mi]! * h[2]!;
    out[g] = s;
  }
}

/**
 * The knots and the factorised collocation matrix of scipy's make_interp_spline(x, ·, k=2) for
 * strictly increasing x (at least 3 points): one factorisation, any number of value sets.
 */
export class QuadraticInterpolator {
  readonly t: Float64Array;
  readonly n: number;
  private readonly ab: Float64Array;
  private readonly ipiv: Int32Array;

  /**
   * `reuseBuffers`: knots and factors go into buffers shared by every such interpolator, valid
   * until the next one is built (for a fill that is done with it before then).
   */
  constructor(x: Float64Array, reuseBuffers = false) {
    const n = x.length;
    if (n < 3) throw new RangeError('a quadratic spline needs at least 3 points');
    this.n = n;
    // Knots: x0 three times, the midpoints of the data without the first and the last, x[n-1] three times.
    const t = reuseBuffers ? reusable(0, n + 3) : new Float64Array(n + 3);
    t[0] = t[1] = t[2] = x[0]!;
    for (let j = 1; j <= n - 3; j++) t[2 + j] = (x[j + 1]! + x[j]!) / 2;
    t[n] = t[n + 1] = t[n + 2] = x[n - 1]!;
    this.t = t;
    // Collocation matrix in LAPACK band storage (kl = ku = 2: A(i,j) at 4 + i - j + 7j).
    // (zeros outside the band entries written here: the factorisation relies on them)
    const ab = reuseBuffers ? reusable(1, LDAB * n).fill(0) : new Float64Array(LDAB * n);
    const h = new Float64Array(3);
    let left = K;
    for (let j = 0; j < n; j++) {
      left = findInterval(t, x[j]!, left, false);
      basis2(t, x[j]!, left, h);
      for (let a = 0; a <= K; a++) {
        const col = left - K + a;
        ab[KV + j - col + col * LDAB] = h[a]!;
      }
    }
    this.ab = ab;
    this.ipiv = reuseBuffers ? reusablePivots(n) : new Int32Array(n);
    factorBanded(ab, n, K, K, this.ipiv);
  }

  /** Replaces the values `y` (one per abscissa) by the spline coefficients. */
  solve(y: Float64Array): void {
    solveFactored(this.ab, this.n, K, K, this.ipiv, y);
  }

  interval(x: number, hint: number): number {
    return findInterval(this.t, x, hint, true);
  }

  basisAt(x: number, m: number, out: Float64Array): void {
    basis2(this.t, x, m, out);
  }
}

const K = 2;
const KV = 4;
const LDAB = 7;

/** scipy's find_interval: l with t[l] <= x < t[l+1], clamped to [k, n-1] when extrapolating. */
function findInterval(t: Float64Array, x: number, prev: number, extrapolate: boolean): number {
  const n = t.length - K - 1;
  if (x !== x) return -1;
  if (!extrapolate && (x < t[K]! || x > t[n]!)) return -1;
  let l = K < prev && prev < n ? prev : K;
  while (x < t[l]! && l !== K) l--;
  l++;
  while (x >= t[l]! && l !== n) l++;
  return l - 1;
}

/** The 3 non-zero quadratic B-splines at x in interval m: de Boor's recursion in scipy's order. */
function basis2(t: Float64Array, x: number, m: number, out: Float64Array): void {
  let h0 = 0;
  let h1 = 0;
  let h2 = 0;
  // degree 1
  let xb = t[m + 1]!;
  let xa = t[m]!;
  if (xb !== xa) {
    const w = 1 / (xb - xa);
    h0 = h0 + w * (xb - x);
    h1 = w * (x - xa);
  }
  // degree 2
  const hh0 = h0;
  const hh1 = h1;
  h0 = 0;
  xb = t[m + 1]!;
  xa = t[m - 1]!;
  if (xb === xa) h1 = 0;
  else {
    const w = hh0 / (xb - xa);
    h0 = h0 + w * (xb - x);
    h1 = w * (x - xa);
  }
  xb = t[m + 2]!;
  xa = t[m]!;
  if (xb !== xa) {
    const w = hh1 / (xb - xa);
    h1 = h1 + w * (xb - x);
    h2 = w * (x - xa);
  }
  out[0] = h0;
  out[1] = h1;
  out[2] = h2;
}

/** A quadratic B-spline (knots t, coefficients c), evaluated as scipy's BSpline does. */
export class QuadraticSpline {
  private readonly h = new Float64Array(3);
  constructor(readonly t: Float64Array, readonly c: Float64Array) {}

  /** scipy.interpolate.make_interp_spline(x, y, k=2): x strictly increasing, at least 3 points. */
  static interpolating(x: Float64Array, y: ArrayLike<number>): QuadraticSpline {
    const basis = new QuadraticInterpolator(x);
    const c = Float64Array.from({ length: x.length }, (_, i) => y[i]!);
    basis.solve(c);
    return new QuadraticSpline(basis.t, c);
  }

  evaluate(x: number): number {
    const m = findInterval(this.t, x, K, true);
    basis2(this.t, x, m, this.h);
    let s = 0;
    for (let a = 0; a <= K; a++) s += this.c[m + a - K]! * this.h[a]!;
    return s;
  }
}

/** Solves A·x = b in place for a band matrix in LAPACK storage (A(i,j) at ab[kl+ku+i-j + j*ldab]). */
export function solveBanded(ab: Float64Array, n: number, kl: number, ku: number, b: Float64Array): void {
  const ipiv = new Int32Array(n);
  factorBanded(ab, n, kl, ku, ipiv);
  solveFactored(ab, n, kl, ku, ipiv, b);
}

/** LU with partial pivoting in LAPACK dgbtf2's operation order. Throws when singular. */
function factorBanded(ab: Float64Array, n: number, kl: number, ku: number, ipiv: Int32Array): void {
  const kv = ku + kl;
  const ldab = 2 * kl + ku + 1;
  const ld1 = ldab - 1; // step between A(i, j) and A(i, j+1) in band storage
  let ju = 0;
  for (let j = 0; j < n; j++) {
    if (j + kv < n) for (let i = 0; i < kl; i++) ab[i + (j + kv) * ldab] = 0;
    const km = Math.min(kl, n - 1 - j);
    const dj = kv + j * ldab; // A(j, j)
    // idamax: first entry of largest magnitude
    let jp = 0;
    let best = Math.abs(ab[dj]!);
    for (let i = 1; i <= km; i++) {
      const v = Math.abs(ab[dj + i]!);
      if (v > best) { best = v; jp = i; }
    }
    ipiv[j] = j + jp;
    if (ab[dj + jp] === 0) throw new RangeError('singular collocation matrix');
    const juNew = Math.min(j + ku + jp, n - 1);
    if (juNew > ju) ju = juNew;
    if (jp !== 0) {
      // swap rows j and j+jp over columns j..ju
      for (let c = 0, p = dj + jp, q = dj; c <= ju - j; c++, p += ld1, q += ld1) {
        const tmp = ab[p]!;
        ab[p] = ab[q]!;
        ab[q] = tmp;
      }
    }
    if (km > 0) {
      const r = 1 / ab[dj]!;
      for (let i = 1; i <= km; i++) ab[dj + i] = ab[dj + i]! * r;
      for (let c = 1, q = dj + ld1; c <= ju - j; c++, q += ld1) {
        // q = A(j, j+c); A(j+i, j+c) = q + i
        const yv = ab[q]!;
        if (yv === 0) continue;
        const temp = -yv;
        for (let i = 1; i <= km; i++) ab[q + i] = ab[q + i]! + ab[dj + i]! * temp;
      }
    }
  }
}

/** Forward/back substitution with the factors of {@link factorBanded} (LAPACK dgbtrs). In place. */
function solveFactored(ab: Float64Array, n: number, kl: number, ku: number, ipiv: Int32Array, b: Float64Array): void {
  const kv = ku + kl;
  const ldab = 2 * kl + ku + 1;
  // L·y = P·b
  for (let j = 0; j < n - 1; j++) {
    const lm = Math.min(kl, n - 1 - j);
    const l = ipiv[j]!;
    if (l !== j) { const tmp = b[l]!; b[l] = b[j]!; b[j] = tmp; }
    const bj = b[j]!;
    if (bj === 0) continue;
    const temp = -bj;
    const dj = kv + j * ldab;
    for (let i = 1; i <= lm; i++) b[j + i] = b[j + i]! + ab[dj + i]! * temp;
  }
  // U·x = y (dtbsv, upper, bandwidth kl+ku)
  for (let j = n - 1; j >= 0; j--) {
    if (b[j] === 0) continue;
    const dj = kv + j * ldab;
    b[j] = b[j]! / ab[dj]!;
    const temp = b[j]!;
    const lo = Math.max(0, j - kv);
    // A(i, j) for i < j sits at dj - (j - i)
    for (let i = j - 1; i >= lo; i--) b[i] = b[i]! - temp * ab[dj - (j - i)]!;
  }
}

/**
 * Length of a reused buffer grown to hold n values: n plus 1/8. Successive whole-session laps of
 * a job differ by a few percent (e.g. 26996, 27039, 27101 union rows), so a buffer sized exactly,
 * or grown by 1.5× its old length, was replaced on the second or third call: every reused
 * buffer then lived twice (the dead one until a GC, the new one half empty) while the peak RSS
 * builds up. 1/8 of headroom absorbs those steps and keeps the retained size close to the need.
 */
export function reusedLength(n: number): number {
  return Math.ceil(n * 1.125);
}

// Buffers of the spline fills of merged channels, reused from merge to merge: a whole session's
// merge solves systems of tens of thousands of points, megabytes per merge that would otherwise be
// garbage until V8 collects it. Slots: 0 knots, 1 band matrix, 2… coefficients per channel.
const fillBuffers: Float64Array[] = [];
let pivots = new Int32Array(0);
function reusable(slot: number, n: number): Float64Array {
  let a = fillBuffers[slot];
  if (a === undefined || a.length < n) fillBuffers[slot] = a = new Float64Array(reusedLength(n));
  return a.subarray(0, n);
}
function reusablePivots(n: number): Int32Array {
  if (pivots.length < n) pivots = new Int32Array(reusedLength(n));
  return pivots.subarray(0, n);
}

// Abscissa of the valid samples of a spline fill, reused across calls: merges run thousands of
// small solves.
let f64Scratch = new Float64Array(1024);
/** A reusable float buffer of at least n values (contents undefined). */
export function scratchF64(n: number): Float64Array {
  if (f64Scratch.length < n) f64Scratch = new Float64Array(reusedLength(n));
  return f64Scratch;
}
