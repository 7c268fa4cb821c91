// Robust statistics the analytics rely on: medians and quantiles, the Theil–Sen slope with Sen's
// confidence interval, and a Huber-weighted least-squares fit. Pure and dependency-free because
// they are small, exact and part of what the numbers mean (the API documents them by name).

/** Linear-interpolated quantile (type 7, as numpy/R default) of unsorted values; NaN when empty. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return NaN;
  // A typed copy sorts numerically without a comparator call per comparison (several times faster).
  return sortedQuantile(Float64Array.from(values).sort(), q);
}

/** quantile() of values already sorted ascending. */
function sortedQuantile(s: ArrayLike<number>, q: number): number {
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export const median = (values: ArrayLike<number>): number => quantile(values, 0.5);

/** Interquartile range: a spread that a few slow laps do not inflate. */
export const iqr = (values: readonly number[]): number => quantile(values, 0.75) - quantile(values, 0.25);

/** Median absolute deviation scaled to σ for normal data. */
export function mad(values: ArrayLike<number>): number {
  const m = median(values);
  const dev = new Float64Array(values.length);
  for (let i = 0; i < dev.length; i++) dev[i] = Math.abs(values[i]! - m);
  return 1.4826 * sortedQuantile(dev.sort(), 0.5);
}

export interface SlopeFit {
  slope: number;
  intercept: number;
  /** Confidence interval of the slope (Sen 1968, from Kendall's S variance); null with < 3 points. */
  low: number | null;
  high: number | null;
  n: number;
}

/** Two-sided standard normal quantile for a confidence level (0.9, 0.95, 0.99 …). */
export function normalQuantile(p: number): number {
  // Acklam's rational approximation; |error| < 1.2e-9, plenty for interval ranks.
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lowP = 0.02425;
  if (p < lowP) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lowP) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/**
 * Theil–Sen estimator: the median of the slopes of every pair of points with distinct x, the
 * intercept as the median of y − slope·x. Insensitive to up to ~29% outliers, which is why lap-time
 * trends use it rather than least squares. `groups` (optional, same length) restricts pairs to
 * points of the same group: a pooled slope across stints without mixing their levels.
 */
export function theilSen(x: readonly number[], y: readonly number[], confidence = 0.95, groups?: readonly (string | number)[]): SlopeFit | null {
  const n = x.length;
  // Pairs only inside a group: index lists per group, so ungrouped pairs are never visited.
  const members = groups ? [...groupIndices(groups).values()] : [Array.from({ length: n }, (_, i) => i)];
  let pairs = 0;
  for (const m of members) pairs += (m.length * (m.length - 1)) / 2;
  const buffer = new Float64Array(pairs);
  let N = 0;
  for (const m of members) {
    for (let a = 0; a < m.length; a++) {
      const i = m[a]!;
      for (let b = a + 1; b < m.length; b++) {
        const j = m[b]!;
        const dx = x[j]! - x[i]!;
        if (dx !== 0) buffer[N++] = (y[j]! - y[i]!) / dx;
      }
    }
  }
  if (N === 0) return null;
  const slopes = buffer.subarray(0, N).sort();
  const slope = sortedQuantile(slopes, 0.5);
  const intercept = groups ? NaN : median(x.map((xi, i) => y[i]! - slope * xi));
  let low: number | null = null;
  let high: number | null = null;
  // Variance of Kendall's S (ties ignored); with groups, S is a sum of independent per-group S.
  const varS = members.reduce((v, m) => v + (m.length * (m.length - 1) * (2 * m.length + 5)) / 18, 0);
  if (N >= 3) {
    // Rank bounds of the interval.
    const c = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(varS);
    const m1 = Math.floor((N - c) / 2);
    const m2 = Math.ceil((N + c) / 2);
    low = slopes[Math.max(0, Math.min(N - 1, m1 - 1))]!;
    high = slopes[Math.max(0, Math.min(N - 1, m2))]!;
  }
  return { slope, intercept, low, high, n };
}

/** Indices of each group's members, groups in first-seen order. */
function groupIndices(groups: readonly (string | number)[]): Map<string | number, number[]> {
  const m = new Map<string | number, number[]>();
  groups.forEach((g, i) => {
    const list = m.get(g);
    if (list) list.push(i);
    else m.set(g, [i]);
  });
  return m;
}

export interface LinearFit {
  coefficients: number[];
  /** Standard errors from the weighted residual variance; NaN where the system is not determined. */
  standardErrors: number[];
  /** Residual scale (MAD-based σ of the final residuals). */
  scale: number;
  /** False when the normal equations are (near) singular: some coefficient is not identified. */
  determined: boolean;
  iterations: number;
}

/** A design matrix by rows, each kept as its non-zero entries (driver and compound dummies are mostly zeros). */
interface SparseRows {
  p: number;
  index: Int32Array[];
  value: Float64Array[];
}

function sparse(rows: readonly (readonly number[])[]): SparseRows {
  const p = rows[0]?.length ?? 0;
  const index: Int32Array[] = [];
  const value: Float64Array[] = [];
  for (const r of rows) {
    const k: number[] = [];
    for (let j = 0; j < p; j++) if (r[j] !== 0) k.push(j);
    index.push(Int32Array.from(k));
    value.push(Float64Array.from(k, (j) => r[j]!));
  }
  return { p, index, value };
}

/** y − Xβ into `out`. */
function residualsInto(X: SparseRows, y: readonly number[], beta: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) {
    const idx = X.index[i]!;
    const val = X.value[i]!;
    let fit = 0;
    for (let k = 0; k < idx.length; k++) fit += val[k]! * beta[idx[k]!]!;
    out[i] = y[i]! - fit;
  }
  return out;
}

/**
 * Cholesky factor (lower, row-major p×p) of a symmetric positive-definite matrix; null when a pivot
 * falls below 1e-10 × the largest diagonal entry (a coefficient the data does not identify).
 */
function cholesky(a: Float64Array, p: number): Float64Array | null {
  let scale = 1e-300;
  for (let i = 0; i < p; i++) scale = Math.max(scale, Math.abs(a[i * p + i]!));
  const L = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j]!;
    for (let k = 0; k < j; k++) d -= L[j * p + k]! ** 2;
    if (!(d > 1e-10 * scale)) return null;
    const ljj = Math.sqrt(d);
    L[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      L[i * p + j] = s / ljj;
    }
  }
  return L;
}

/** Solves (L Lᵀ) x = b. */
function choleskySolve(L: Float64Array, p: number, b: Float64Array): Float64Array {
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * p + k]! * z[k]!;
    z[i] = s / L[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < p; k++) s -= L[k * p + i]! * x[k]!;
    x[i] = s / L[i * p + i]!;
  }
  return x;
}

/** Diagonal of (L Lᵀ)⁻¹: the variances' factors for the standard errors (once per fit, not per iteration). */
function inverseDiagonal(L: Float64Array, p: number): number[] {
  const e = new Float64Array(p);
  return Array.from({ length: p }, (_, i) => {
    e.fill(0);
    e[i] = 1;
    return choleskySolve(L, p, e)[i]!;
  });
}

/**
 * Least squares with Huber weights (iteratively reweighted, k = 1.345σ): laps that are slow for a
 * reason the clean-lap filter missed (traffic, a lock-up) pull the fit much less than in OLS.
 * Each iteration accumulates XᵀWX over the non-zero entries only and solves it by Cholesky.
 */
export function huberFit(rows: readonly (readonly number[])[], y: readonly number[], maxIterations = 50): LinearFit {
  const X = sparse(rows);
  const { p } = X;
  const n = rows.length;
  const w = new Float64Array(n).fill(1);
  const resid = new Float64Array(n);
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  let beta: Float64Array = new Float64Array(p);
  let L: Float64Array | null = null;
  let scale = NaN;
  let it = 0;
  for (; it < maxIterations; it++) {
    xtx.fill(0);
    xty.fill(0);
    for (let i = 0; i < n; i++) {
      const idx = X.index[i]!;
      const val = X.value[i]!;
      const wi = w[i]!;
      for (let a = 0; a < idx.length; a++) {
        const wa = wi * val[a]!;
        const row = idx[a]! * p;
        xty[idx[a]!]! += wa * y[i]!;
        for (let b = 0; b < idx.length; b++) xtx[row + idx[b]!]! += wa * val[b]!;
      }
    }
    L = cholesky(xtx, p);
    if (!L) break;
    const next = choleskySolve(L, p, xty);
    residualsInto(X, y, next, resid);
    scale = mad(resid) || 1e-9;
    const k = 1.345 * scale;
    // Lap times are in ms: a change below a microsecond per unit is converged.
    let converged = true;
    for (let j = 0; j < p; j++) if (!(Math.abs(next[j]! - beta[j]!) < 1e-6 * (1 + Math.abs(next[j]!)))) converged = false;
    beta = next;
    for (let i = 0; i < n; i++) {
      const e = Math.abs(resid[i]!);
      w[i] = e <= k ? 1 : k / e;
    }
    if (converged) break;
  }
  const coefficients = Array.from(beta);
  if (!L) return { coefficients: coefficients.map(() => NaN), standardErrors: coefficients.map(() => NaN), scale, determined: false, iterations: it };
  const dof = Math.max(1, n - p);
  residualsInto(X, y, beta, resid);
  let sigma2 = 0;
  for (let i = 0; i < n; i++) sigma2 += w[i]! * resid[i]! ** 2;
  sigma2 /= dof;
  return { coefficients, standardErrors: inverseDiagonal(L, p).map((v) => Math.sqrt(Math.max(0, v * sigma2))), scale, determined: true, iterations: it };
}
