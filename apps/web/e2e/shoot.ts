// Dev helper: screenshots of pages of a running web app. `npx tsx e2e/shoot.ts http://127.0.0.1:3000 /races/2023/1 …`
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './browser';
import { webDir } from './harness';

const [base, ...paths] = process.argv.slice(2);
const out = path.join(webDir, 'test-output', 'dev');
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
const mobile = process.env.MOBILE === '1';
const page = await browser.newPage({ viewport: mobile ? { width: 390, height: 844 } : { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
page.on('pageerror', (e) => console.error('pageerror:', e.message));
for (const p of paths) {
  const t = Date.now();
  await page.goto(base + p, { waitUntil: 'networkidle' });
  await page.waitForTimeout(Number(process.env.WAIT ?? 500));
  const file = path.join(out, `${(mobile ? 'm-' : '') + p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.png`);
  await page.screenshot({ path: file, fullPage: process.env.FULL !== "0" });
  console.log(`${p} ${Date.now() - t} ms → ${file}`);
}
await browser.close();
