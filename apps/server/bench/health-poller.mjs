#!/usr/bin/env node
// Polls a URL (e.g. /health) every INTERVAL ms from a process of its own — so a stalled server thread
// cannot stall the measurement — and prints one line per answer: `<sent at, epoch ms> <latency ms>`.
// Stops when its stdin closes (the parent ended or said so). Used by bench:import-stall and by
// test/http/import-stall.test.ts.
//
//   node health-poller.mjs http://127.0.0.1:8000/health 10
import http from 'node:http';

const [url, every = '10'] = process.argv.slice(2);
const interval = Number(every);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let stopped = false;
process.stdin.on('end', () => { stopped = true; });
process.stdin.on('error', () => { stopped = true; });
process.stdin.resume();

const once = () => new Promise((resolve) => {
  const at = Date.now();
  const t0 = performance.now();
  const req = http.get(url, { agent }, (res) => {
    res.resume();
    res.on('end', () => resolve(`${at} ${(performance.now() - t0).toFixed(2)} ${res.statusCode}`));
  });
  req.on('error', (err) => resolve(`${at} ${(performance.now() - t0).toFixed(2)} ${err.code ?? 'error'}`));
});

while (!stopped) {
  process.stdout.write(`${await once()}\n`);
  await new Promise((r) => setTimeout(r, interval));
}
agent.destroy();
