// Shared by the browser tests: open pages, read the API through the web origin, screenshots, and
// checks that charts really hold data.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { webDir } from './harness';

export const shots = path.join(webDir, 'test-output', 'e2e');
mkdirSync(shots, { recursive: true });

export function pageHelpers(web: string, getContext: () => BrowserContext) {
  const pageErrors: string[] = [];
  return {
    pageErrors,
    async open(pathname: string): Promise<Page> {
      const page = await getContext().newPage();
      page.on('pageerror', (e) => pageErrors.push(`${pathname}: ${e.message}`));
      const res = await page.goto(web + pathname, { waitUntil: 'networkidle' });
      expect(res?.status(), pathname).toBeLessThan(500);
      return page;
    },
    async api<T>(p: string): Promise<T> {
      const res = await fetch(web + p);
      expect(res.ok, p).toBe(true);
      return (await res.json()) as T;
    },
  };
}

/** A phone as the mobile checks use it: 390 × 844 CSS px at 2×, touch. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * One Chromium for a test file, opened before its tests and closed after them, with a desktop
 * context of `viewport` that `open` uses; `openPhone()` opens a context as a phone.
 */
export function useBrowser(web: string, viewport = { width: 1440, height: 1000 }) {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport });
  });
  afterAll(async () => {
    await browser?.close();
  });
  const started = () => {
    if (!browser || !context) throw new Error('the browser is not started (useBrowser runs in beforeAll)');
    return { browser, context };
  };
  return {
    ...pageHelpers(web, () => started().context),
    context: () => started().context,
    openPhone: () => started().browser.newContext(PHONE),
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** data-points of the charts matching `selector` once every one of them has data. */
export async function chartPoints(page: Page, selector = '[data-chart]'): Promise<number[]> {
  await page.waitForSelector(selector, { timeout: 20_000 });
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((e) => Number(e.getAttribute('data-points')) > 0), selector, { timeout: 20_000 });
  return page.locator(selector).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-points'))));
}

/** uPlot draws to canvas: count painted pixels so that an empty canvas fails. */
export async function inkedCanvases(page: Page, scope = '[data-chart="uplot"] canvas'): Promise<number[]> {
  return page.locator(scope).evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((c) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) inked++;
      return inked;
    }),
  );
}

/**
 * Trace-coloured pixels (saturated, unlike the grey grid, frames and labels) in each band of the
 * stacked telemetry chart, from the band boxes the chart publishes: a band with no trace fails.
 */
export async function colouredPixelsPerBand(page: Page, stack = '[data-telemetry-stack]'): Promise<number[]> {
  return page.locator(stack).evaluate((el) => {
    const canvas = el.querySelector('canvas')!;
    const scale = canvas.width / canvas.clientWidth;
    const ctx = canvas.getContext('2d')!;
    return (el.getAttribute('data-band-boxes') ?? '').split(',').map((box) => {
      const [top, height] = box.split(':').map(Number) as [number, number];
      const d = ctx.getImageData(0, Math.round(top * scale), canvas.width, Math.round(height * scale)).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.max(d[i]!, d[i + 1]!, d[i + 2]!) - Math.min(d[i]!, d[i + 1]!, d[i + 2]!) > 60) n++;
      return n;
    });
  });
}
