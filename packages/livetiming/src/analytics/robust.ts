// Robust statistics the analytics rely on: medians and quantiles, the Theil–Sen slope with Sen's
// confidence interval, and a Huber-weighted least-squares fit. Pure and dependency-free because
// they are small, exact and part of what the numbers mean (the API documents them by name).

/** Linear-interpolated quantile (type 7, as numpy/R default) of unsorted values; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Interquartile range: a spread that a few slow laps do not inflate. */
export const iqr = (values: readonly number[]): number => quantile(values, 0.75) - quantile(values, 0.25);

/** Median absolute deviation scaled to σ for normal data. */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - m)));
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
  const slopes: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (groups && groups[i] !== groups[j]) continue;
      const dx = x[j]! - x[i]!;
      if (dx !== 0) slopes.push((y[j]! - y[i]!) / dx);
    }
  }
  if (slopes.length === 0) return null;
  slopes.sort((a, b) => a - b);
  const slope = median(slopes);
  const intercept = groups ? NaN : median(x.map((xi, i) => y[i]! - slope * xi));
  let low: number | null = null;
  let high: number | null = null;
  // Variance of Kendall's S (ties ignored); with groups, S is a sum of independent per-group S.
  const sizes = groups ? [...groupSizes(groups).values()] : [n];
  const varS = sizes.reduce((v, k) => v + (k * (k - 1) * (2 * k + 5)) / 18, 0);
  if (slopes.length >= 3) {
    // Rank bounds of the interval.
    const N = slopes.length;
    const c = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(varS);
    const m1 = Math.floor((N - c) / 2);
    const m2 = Math.ceil((N + c) / 2);
    low = slopes[Math.max(0, Math.min(N - 1, m1 - 1))]!;
    high = slopes[Math.max(0, Math.min(N - 1, m2))]!;
  }
  return { slope, intercept, low, high, n };
}

function groupSizes(groups: readonly (string | number)[]): Map<string | number, number> {
  const m = new Map<string | number, number>();
  for (const g of groups) m.set(g, (m.get(g) ?? 0) + 1);
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

/** y − Xβ, skipping the zeros of the (mostly dummy) design rows. */
function residuals(rows: readonly (readonly number[])[], y: readonly number[], beta: readonly number[]): number[] {
  return rows.map((r, i) => {
    let fit = 0;
    for (let k = 0; k < r.length; k++) if (r[k] !== 0) fit += r[k]! * beta[k]!;
    return y[i]! - fit;
  });
}

/** Inverse of a symmetric positive-definite matrix by Gauss–Jordan with partial pivoting; null if singular. */
function invert(m: number[][]): number[][] | null {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(...m.map((row, i) => Math.abs(row[i]!)), 1e-300);
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[piv]![col]!)) piv = r;
    if (Math.abs(a[piv]![col]!) < 1e-10 * scale) return null;
    [a[col], a[piv]] = [a[piv]!, a[col]!];
    const p = a[col]![col]!;
    for (let k = 0; k < 2 * n; k++) a[col]![k]! /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f === 0) continue;
      for (let k = 0; k < 2 * n; k++) a[r]![k]! -= f * a[col]![k]!;
    }
  }
  return a.map((row) => row.slice(n));
}

/**
 * Least squares with Huber weights (iteratively reweighted, k = 1.345σ): laps that are slow for a
 * reason the clean-lap filter missed (traffic, a lock-up) pull the fit much less than in OLS.
 */
export function huberFit(rows: readonly (readonly number[])[], y: readonly number[], maxIterations = 50): LinearFit {
  const p = rows[0]?.length ?? 0;
  const n = rows.length;
  let w = new Array<number>(n).fill(1);
  let beta = new Array<number>(p).fill(0);
  let inv: number[][] | null = null;
  let scale = NaN;
  let it = 0;
  // Design rows are mostly zeros (driver and compound dummies): accumulate only non-zero pairs.
  const nonZero = rows.map((r) => r.flatMap((v, k) => (v !== 0 ? [k] : [])));
  for (; it < maxIterations; it++) {
    const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const xty = new Array<number>(p).fill(0);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      const wi = w[i]!;
      const nz = nonZero[i]!;
      for (const a of nz) {
        const wa = wi * r[a]!;
        xty[a]! += wa * y[i]!;
        for (const b of nz) xtx[a]![b]! += wa * r[b]!;
      }
    }
    inv = invert(xtx);
    if (!inv) break;
    const next = inv.map((row) => row.reduce((s, v, k) => s + v * xty[k]!, 0));
    const resid = residuals(rows, y, next);
    scale = mad(resid) || 1e-9;
    const k = 1.345 * scale;
    // Lap times are in ms: a change below a microsecond per unit is converged.
    const converged = next.every((b, i) => Math.abs(b - beta[i]!) < 1e-6 * (1 + Math.abs(b)));
    beta = next;
    w = resid.map((e) => (Math.abs(e) <= k ? 1 : k / Math.abs(e)));
    if (converged) break;
  }
  if (!inv) return { coefficients: beta.map(() => NaN), standardErrors: beta.map(() => NaN), scale, determined: false, iterations: it };
  const dof = Math.max(1, n - p);
  const resid = residuals(rows, y, beta);
  const sigma2 = resid.reduce((s, e, i) => s + w[i]! * e * e, 0) / dof;
  return { coefficients: beta, standardErrors: inv.map((row, i) => Math.sqrt(Math.max(0, row[i]! * sigma2))), scale, determined: true, iterations: it };
}
