import { launchChromium } from './browser';
const b = await launchChromium();
for (let k = 0; k < 3; k++) {
const ctx = await b.newContext({ viewport: { width: 1440, height: 1000 } });
const p = await ctx.newPage();
await p.addInitScript(() => {
  (window as any).__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
});
await p.goto('http://127.0.0.1:3100/sessions/2025/20/Q?laps=NOR:fastest,LEC:fastest,HAM:fastest,RUS:fastest,VER:fastest', { waitUntil: 'networkidle' });
await p.waitForFunction(() => performance.getEntriesByName('apex:compare-drawn').length > 0);
await p.waitForTimeout(300);
console.log(await p.evaluate(() => JSON.stringify({ marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('apex')).map((m) => [m.name, Math.round(m.startTime)]), long: (window as any).__long, res: performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/')).map((r) => [r.name.split('/').pop()!.slice(0, 12), Math.round(r.startTime), Math.round(r.responseEnd)]) })));
await ctx.close();
}
await b.close();
