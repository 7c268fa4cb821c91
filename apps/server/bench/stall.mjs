// How long a server leaves requests waiting while it works: /health polled every 10 ms from a child
// process (health-poller.mjs), summarised per time window. Shared by bench:import-stall and the
// import-stall test.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const poller = join(dirname(fileURLToPath(import.meta.url)), 'health-poller.mjs');

/**
 * Starts polling `url` every `everyMs`. `stop()` ends the poller and resolves with every sample
 * ({ at: epoch ms sent, ms: latency, status }).
 */
export function startPoller(url, everyMs = 10) {
  const child = spawn(process.execPath, [poller, url, String(everyMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const samples = () => out.trim().split('\n').filter(Boolean).map((line) => {
    const [at, ms, status] = line.split(' ');
    return { at: Number(at), ms: Number(ms), status };
  });
  return {
    /** Samples so far. */
    samples,
    async stop() {
      child.stdin.end();
      await exited;
      return samples();
    },
  };
}

/** Count, p50, p99 and max latency (ms) of the samples sent in [from, to). */
export function summarise(samples, from = -Infinity, to = Infinity) {
  const ms = samples.filter((s) => s.at >= from && s.at < to).map((s) => s.ms).sort((a, b) => a - b);
  const q = (p) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(ms.length * p))] : NaN);
  return { n: ms.length, p50: q(0.5), p99: q(0.99), max: ms.length ? ms[ms.length - 1] : NaN, failed: samples.filter((s) => s.at >= from && s.at < to && s.status !== '200').length };
}
