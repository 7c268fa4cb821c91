// `npm run bench:web`: page speed of the production build in Chromium, against the real API on the
// imported history. Prints FCP and LCP (median and worst of N cold page loads, server warm) for the
// home page, a race page and the telemetry page, and the time from the comparison data arriving to
// all telemetry charts drawn. Results are also written to bench-output/web.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/browser';
import { repoRoot, startStack, type Stack } from '../e2e/harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Sample {
  fcp: number;
  lcp: number;
  compare?: number;
  /** The same comparison's every sample stroked as plain canvas polylines, in the same page. */
  floor?: number;
}

/**
 * The baseline for the comparison figure, measured in the same page right after it: the least a
 * browser can do with this data — every sample of the page's comparison (laps × channels) stroked
 * as one polyline per series on one canvas of the chart's size, no scales, axes or decimation.
 */
async function rawCanvasFloor(): Promise<number> {
  const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('/compare?'));
  if (!entry) return NaN;
  const body = (await (await fetch(entry.name)).json()) as { distance: number[]; channels: Record<string, (number | null)[][]>; delta: (number | null)[][] };
  const chart = document.querySelector('[data-telemetry-stack] canvas') as HTMLCanvasElement;
  const t0 = performance.now();
  const canvas = document.createElement('canvas');
  canvas.width = chart.width;
  canvas.height = chart.height;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d')!;
  const series = [...Object.values(body.channels).flat(), ...body.delta];
  const total = body.distance[body.distance.length - 1]!;
  const rowH = canvas.height / (series.length / body.delta.length);
  series.forEach((ys, k) => {
    const row = Math.floor(k / body.delta.length);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of ys) if (v !== null) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    ctx.beginPath();
    ctx.strokeStyle = `hsl(${k * 37} 80% 60%)`;
    ys.forEach((v, i) => {
      if (v === null) return;
      const x = (body.distance[i]! / total) * canvas.width;
      const y = row * rowH + rowH - ((v - lo) / (hi - lo || 1)) * rowH;
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
  });
  const t = performance.now() - t0;
  canvas.remove();
  return t;
}

async function measure(browser: Browser, url: string, waitForCompare: boolean): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as any).__lcp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as any).__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  if (waitForCompare) await page.waitForFunction(() => performance.getEntriesByName('apex:compare-drawn').length > 0, undefined, { timeout: 30_000 });
  await page.waitForTimeout(200);
  const sample = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const data = performance.getEntriesByName('apex:compare-data')[0]?.startTime;
    const drawn = performance.getEntriesByName('apex:compare-drawn')[0]?.startTime;
    return { fcp, lcp: (window as any).__lcp as number, compare: data !== undefined && drawn !== undefined ? drawn - data : undefined };
  });
  if (waitForCompare) sample.floor = await page.evaluate(rawCanvasFloor);
  await context.close();
  return sample;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const fmt = (v: number) => `${v.toFixed(0).padStart(5)} ms`;

async function sessionLoaded(web: string, p: string): Promise<boolean> {
  try {
    const res = await fetch(`${web}/api/v1/sessions/${p}`);
    if (!res.ok) return false;
    const body = (await res.json()) as { status?: { state?: string } };
    return body.status?.state === 'loaded';
  } catch {
    return false;
  }
}

async function fastestFive(web: string, session: string): Promise<string> {
  const res = await fetch(`${web}/api/v1/sessions/${session}/laps`);
  if (!res.ok) return '';
  const { items } = (await res.json()) as { items: { driver: string | null; driverNumber: string; lapTime: number | null; deleted: boolean | null }[] };
  const best = new Map<string, number>();
  for (const l of items) {
    const d = l.driver ?? l.driverNumber;
    if (l.lapTime !== null && l.deleted !== true && l.lapTime < (best.get(d) ?? Infinity)) best.set(d, l.lapTime);
  }
  return [...best.entries()].sort((a, b) => a[1] - b[1]).slice(0, 5).map(([d]) => `${d}:fastest`).join(',');
}

let stack: Stack | null = null;
const existing = process.env.APEX_BENCH_WEB_URL?.replace(/\/+$/, '');
const web = existing ?? (stack = await startStack()).webUrl;
const browser = await launchChromium();
const results: Record<string, { fcp: number[]; lcp: number[]; compare?: number[]; floor?: number[] }> = {};
try {
  const telemetrySession = process.env.BENCH_SESSION ?? '2025/20/Q';
  // Five laps: the fastest lap of each of the five quickest drivers (or BENCH_LAPS=VER:12,…).
  const fiveLaps = process.env.BENCH_LAPS ?? (await fastestFive(web, telemetrySession));
  const telemetryPath = `/sessions/${telemetrySession}?laps=${fiveLaps}`;
  const pages: [string, string, boolean][] = [
    ['home', '/', false],
    ['race 2023/1', '/races/2023/1', false],
    ['race 2023/1 lap charts', '/races/2023/1?tab=laps', false],
  ];
  if (await sessionLoaded(web, telemetrySession)) pages.push(['telemetry (5 laps)', telemetryPath, true]);
  else console.log(`telemetry page: session ${telemetrySession} is not loaded in this installation — skipped`);

  for (const [name, p, compare] of pages) {
    await measure(browser, web + p, compare); // warm the server and its caches
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await measure(browser, web + p, compare));
    results[name] = {
      fcp: samples.map((s) => s.fcp),
      lcp: samples.map((s) => s.lcp),
      ...(compare ? { compare: samples.map((s) => s.compare ?? NaN), floor: samples.map((s) => s.floor ?? NaN) } : {}),
    };
  }
} finally {
  await browser.close();
  await stack?.stop();
}

console.log(`\nweb page speed, Chromium headless, ${RUNS} cold page loads each (median / worst)`);
console.log(`${'page'.padEnd(26)} ${'FCP'.padStart(19)} ${'LCP'.padStart(19)}   compare drawn after data`);
for (const [name, r] of Object.entries(results)) {
  const cmp = r.compare ? `${fmt(median(r.compare))} / ${fmt(Math.max(...r.compare))}` : '';
  console.log(`${name.padEnd(26)} ${fmt(median(r.fcp))} / ${fmt(Math.max(...r.fcp))} ${fmt(median(r.lcp))} / ${fmt(Math.max(...r.lcp))}   ${cmp}`);
  if (r.compare && r.floor) {
    const ratio = median(r.compare.map((c, i) => c / r.floor![i]!));
    console.log(`${''.padEnd(26)} baseline, same pages: the comparison's samples as raw canvas polylines ${fmt(median(r.floor))} / ${fmt(Math.max(...r.floor))} · ratio ${ratio.toFixed(1)}× (median of per-load ratios)`);
  }
}
const out = path.join(repoRoot, 'bench-output');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'web.json'), JSON.stringify({ runs: RUNS, date: new Date().toISOString(), results }, null, 2));
