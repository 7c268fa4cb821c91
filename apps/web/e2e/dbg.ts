import { launchChromium } from './browser';
const b = await launchChromium();
for (let i = 0; i < 4; i++) {
  const ctx = await b.newContext({ viewport: { width: 1440, height: 1000 } });
  const p = await ctx.newPage();
  await p.goto('http://127.0.0.1:3100/sessions/2025/20/Q?laps=NOR:fastest,LEC:fastest,HAM:fastest,RUS:fastest,VER:fastest', { waitUntil: 'networkidle' });
  await p.waitForFunction(() => performance.getEntriesByName('apex:compare-drawn').length > 0);
  console.log(await p.evaluate(() => performance.getEntriesByType('mark').filter((m) => (m.name.startsWith('apex') || m.name.startsWith('dbg'))).map((m) => `${m.name}@${m.startTime.toFixed(0)}`).join(' ')));
  console.log(await p.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/')).map((r) => `${r.name.split('/').slice(-1)[0].slice(0, 20)} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`).join(' | ')));
  await ctx.close();
}
await b.close();
