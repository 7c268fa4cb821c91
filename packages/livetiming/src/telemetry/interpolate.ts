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
export function nsAbscissa(dateMs: Float64Array): Float64Array {
  const x = new Float64Array(dateMs.length);
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

/** np.interp of the gaps of `y` over the valid samples, ends held constant. In place. */
export function fillLinear(x: Float64Array, y: Float64Array): void {
  const n = y.length;
  let valid = 0;
  for (let i = 0; i < n; i++) if (y[i] === y[i]) valid++;
  if (valid === 0 || valid === n) return;
  const xp = new Float64Array(valid);
  const fp = new Float64Array(valid);
  for (let i = 0, k = 0; i < n; i++) if (y[i] === y[i]) { xp[k] = x[i]!; fp[k] = y[i]!; k++; }
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] === y[i]) continue;
    const xv = x[i]!;
    if (xv <= xp[0]!) { y[i] = fp[0]!; continue; }
    if (xv >= xp[valid - 1]!) { y[i] = fp[valid - 1]!; continue; }
    while (j + 1 < valid && xp[j + 1]! <= xv) j++;
    while (j > 0 && xp[j]! > xv) j--;
    y[i] = interpAt(xp, fp, j, xv);
  }
}

// numpy's interp kernel for xp[j] <= x < xp[j+1], including its NaN fallbacks.
function interpAt(xp: Float64Array, fp: Float64Array, j: number, x: number): number {
  if (x === xp[j]!) return fp[j]!;
  const slope = (fp[j + 1]! - fp[j]!) / (xp[j + 1]! - xp[j]!);
  let r = slope * (x - xp[j]!) + fp[j]!;
  if (r !== r) {
    r = slope * (x - xp[j + 1]!) + fp[j + 1]!;
    if (r !== r && fp[j] === fp[j + 1]) r = fp[j]!;
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
  const n = y.length;
  let valid = 0;
  let first = -1;
  for (let i = 0; i < n; i++) if (y[i] === y[i]) { valid++; if (first < 0) first = i; }
  if (valid === 0 || valid === n) return;
  const xp = new Float64Array(valid);
  const fp = new Float64Array(valid);
  for (let i = 0, k = 0; i < n; i++) if (y[i] === y[i]) { xp[k] = x[i]!; fp[k] = y[i]!; k++; }
  if (valid < 3) {
    for (let i = first + 1; i < n; i++) if (y[i] !== y[i]) y[i] = interp(xp, fp, x[i]!);
    return;
  }
  const spline = QuadraticSpline.interpolating(xp, fp);
  let hint = 2;
  for (let i = first + 1; i < n; i++) {
    if (y[i] === y[i]) continue;
    hint = spline.interval(x[i]!, hint);
    y[i] = spline.evaluateIn(x[i]!, hint);
  }
}

const K = 2;

/** A quadratic B-spline (knots t, coefficients c), evaluated as scipy's BSpline does. */
export class QuadraticSpline {
  private readonly h = new Float64Array(K + 1);
  private readonly hh = new Float64Array(K);

  constructor(readonly t: Float64Array, readonly c: Float64Array) {}

  /** scipy.interpolate.make_interp_spline(x, y, k=2): x strictly increasing, at least 3 points. */
  static interpolating(x: Float64Array, y: Float64Array): QuadraticSpline {
    const n = x.length;
    if (n < 3) throw new RangeError('a quadratic spline needs at least 3 points');
    // Knots: x0 three times, the midpoints of the data without the first and the last, x[n-1] three times.
    const t = new Float64Array(n + 3);
    t[0] = t[1] = t[2] = x[0]!;
    for (let j = 1; j <= n - 3; j++) t[2 + j] = (x[j + 1]! + x[j]!) / 2;
    t[n] = t[n + 1] = t[n + 2] = x[n - 1]!;
    const spline = new QuadraticSpline(t, new Float64Array(n));
    // Collocation matrix in LAPACK band storage (kl = ku = 2), solved like dgbsv.
    const kl = K;
    const ku = K;
    const kv = kl + ku;
    const ldab = 2 * kl + ku + 1;
    const ab = new Float64Array(ldab * n);
    const w = new Float64Array(K + 1);
    let left = K;
    for (let j = 0; j < n; j++) {
      left = spline.findInterval(x[j]!, left, false);
      spline.basis(x[j]!, left, w);
      for (let a = 0; a <= K; a++) {
        const col = left - K + a;
        ab[kv + j - col + col * ldab] = w[a]!;
      }
    }
    const rhs = Float64Array.from(y);
    solveBanded(ab, n, kl, ku, rhs);
    spline.c.set(rhs);
    return spline;
  }

  /** scipy's find_interval: l with t[l] <= x < t[l+1], clamped to [k, n-1] (extrapolating). */
  findInterval(x: number, prev: number, extrapolate = true): number {
    const t = this.t;
    const n = t.length - K - 1;
    if (x !== x) return -1;
    if (!extrapolate && (x < t[K]! || x > t[n]!)) return -1;
    let l = K < prev && prev < n ? prev : K;
    while (x < t[l]! && l !== K) l--;
    l++;
    while (x >= t[l]! && l !== n) l++;
    return l - 1;
  }

  interval(x: number, hint: number): number {
    return this.findInterval(x, hint, true);
  }

  /** The k+1 non-zero B-spline values at x in interval m (de Boor's recursion, scipy's operation order). */
  basis(x: number, m: number, out: Float64Array): void {
    const t = this.t;
    const h = out;
    const hh = this.hh;
    h[0] = 1;
    for (let j = 1; j <= K; j++) {
      for (let i = 0; i < j; i++) hh[i] = h[i]!;
      h[0] = 0;
      for (let n = 1; n <= j; n++) {
        const xb = t[m + n]!;
        const xa = t[m + n - j]!;
        if (xb === xa) { h[n] = 0; continue; }
        const w = hh[n - 1]! / (xb - xa);
        h[n - 1] = h[n - 1]! + w * (xb - x);
        h[n] = w * (x - xa);
      }
    }
  }

  evaluateIn(x: number, m: number): number {
    this.basis(x, m, this.h);
    let s = 0;
    for (let a = 0; a <= K; a++) s += this.c[m + a - K]! * this.h[a]!;
    return s;
  }

  evaluate(x: number): number {
    return this.evaluateIn(x, this.findInterval(x, K, true));
  }
}

/**
 * Solves A·x = b in place for a band matrix in LAPACK storage (A(i,j) at ab[kl+ku+i-j + j*ldab]),
 * with the operation order of LAPACK's dgbtf2 (partial pivoting) and dgbtrs. Throws when singular.
 */
export function solveBanded(ab: Float64Array, n: number, kl: number, ku: number, b: Float64Array): void {
  const kv = ku + kl;
  const ldab = 2 * kl + ku + 1;
  const ipiv = new Int32Array(n);
  const at = (i: number, j: number) => kv + i - j + j * ldab;
  let ju = 0;
  for (let j = 0; j < n; j++) {
    if (j + kv < n) for (let i = 0; i < kl; i++) ab[i + (j + kv) * ldab] = 0;
    const km = Math.min(kl, n - 1 - j);
    // idamax: first entry of largest magnitude
    let jp = 0;
    let best = Math.abs(ab[at(j, j)]!);
    for (let i = 1; i <= km; i++) {
      const v = Math.abs(ab[at(j + i, j)]!);
      if (v > best) { best = v; jp = i; }
    }
    ipiv[j] = j + jp;
    if (ab[at(j + jp, j)] === 0) throw new RangeError('singular collocation matrix');
    ju = Math.max(ju, Math.min(j + ku + jp, n - 1));
    if (jp !== 0) {
      for (let c = j; c <= ju; c++) {
        const p = at(j + jp, c);
        const q = at(j, c);
        const tmp = ab[p]!;
        ab[p] = ab[q]!;
        ab[q] = tmp;
      }
    }
    if (km > 0) {
      const r = 1 / ab[at(j, j)]!;
      for (let i = 1; i <= km; i++) ab[at(j + i, j)] = ab[at(j + i, j)]! * r;
      for (let c = j + 1; c <= ju; c++) {
        const yv = ab[at(j, c)]!;
        if (yv === 0) continue;
        const temp = -yv;
        for (let i = 1; i <= km; i++) ab[at(j + i, c)] = ab[at(j + i, c)]! + ab[at(j + i, j)]! * temp;
      }
    }
  }
  // L·y = P·b
  for (let j = 0; j < n - 1; j++) {
    const lm = Math.min(kl, n - 1 - j);
    const l = ipiv[j]!;
    if (l !== j) { const tmp = b[l]!; b[l] = b[j]!; b[j] = tmp; }
    const bj = b[j]!;
    if (bj === 0) continue;
    const temp = -bj;
    for (let i = 1; i <= lm; i++) b[j + i] = b[j + i]! + ab[at(j + i, j)]! * temp;
  }
  // U·x = y (dtbsv, upper, bandwidth kl+ku)
  for (let j = n - 1; j >= 0; j--) {
    if (b[j] === 0) continue;
    b[j] = b[j]! / ab[at(j, j)]!;
    const temp = b[j]!;
    for (let i = j - 1; i >= Math.max(0, j - kv); i--) b[i] = b[i]! - temp * ab[at(i, j)]!;
  }
}
