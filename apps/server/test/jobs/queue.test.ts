// The job abstraction on both queues (in-process, and BullMQ on a private redis-server with a worker
// in this process): ids from the domain key (a second request returns the running job), progress
// readable while running, transient failures retried with capped backoff, permanent ones not,
// failures reported to the definition with the right `final` flag, finished jobs re-runnable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backoffDelay, BullJobQueue, InProcessQueue, PermanentJobError, startBullWorkers, type BullWorkers, type FailureInfo,
  type JobDefinition, type JobQueue, type JobView,
} from '../../src/jobs/index.js';
import { PrivateRedis, waitFor } from './processes.js';

interface Data { key: string; failTimes?: number; permanent?: boolean; gate?: boolean }
interface Deps {
  gates: Map<string, () => void>;
  runs: Map<string, number>;
  failures: (FailureInfo & { key: string })[];
}

class Flaky extends Error {}

const def: JobDefinition<Data, { key: string; run: number }, Deps> = {
  name: 'test-job',
  jobId: (d) => `test-${d.key}`,
  validate: (d) => {
    const x = d as Data;
    if (typeof x?.key !== 'string' || !/^[a-z0-9-]+$/.test(x.key)) throw new Error('bad key');
    return x;
  },
  async process(data, deps, report, ctx) {
    const run = (deps.runs.get(data.key) ?? 0) + 1;
    deps.runs.set(data.key, run);
    report({ stage: 'half', percent: 50, detail: `attempt ${ctx.attempt}` });
    if (data.gate) await new Promise<void>((resolve) => deps.gates.set(data.key, resolve));
    if (data.permanent) throw new PermanentJobError(`no such thing as ${data.key}`);
    if (run <= (data.failTimes ?? 0)) throw new Flaky(`flaky ${data.key} #${run}`);
    return { key: data.key, run };
  },
  isTransient: (err) => err instanceof Flaky,
  async onFailure(data, deps, _err, info) {
    deps.failures.push({ ...info, key: data.key });
  },
  attempts: 3,
  backoff: { baseMs: 20, maxMs: 50 },
};

const kinds = ['in-process', 'bullmq'] as const;

describe.each(kinds)('%s queue', (kind) => {
  const deps: Deps = { gates: new Map(), runs: new Map(), failures: [] };
  let queue: JobQueue;
  let redis: PrivateRedis | undefined;
  let workers: BullWorkers | undefined;

  beforeAll(async () => {
    if (kind === 'in-process') {
      queue = new InProcessQueue([def], deps);
    } else {
      redis = await PrivateRedis.start();
      queue = new BullJobQueue([def], deps, { url: redis.url, prefix: 'qtest' });
      workers = startBullWorkers([def], deps, { url: redis.url, prefix: 'qtest', concurrency: 2 });
    }
  }, 30_000);

  afterAll(async () => {
    await workers?.close();
    await queue?.close();
    await redis?.kill();
  });

  const finished = (id: string) => waitFor(`job ${id} to finish`, async () => {
    const j = await queue.get(id);
    return j && (j.state === 'done' || j.state === 'failed') ? j : null;
  }, 20_000, 25);

  it('derives the id from the key, reports progress while running, and returns the running job to a second request', async () => {
    const first = await queue.enqueue('test-job', { key: 'gated', gate: true });
    expect(first.created).toBe(true);
    expect(first.job.id).toBe('test-gated');
    const running = await waitFor('progress', async () => {
      const j = await queue.get('test-gated');
      return j?.state === 'running' && j.percent === 50 ? j : null;
    });
    expect(running).toMatchObject({ stage: 'half', percent: 50, detail: 'attempt 1', error: null });
    const second = await queue.enqueue('test-job', { key: 'gated', gate: true });
    expect(second.created).toBe(false);
    expect(second.job.id).toBe('test-gated');
    deps.gates.get('gated')!();
    const done = await finished('test-gated');
    expect(done).toMatchObject({ state: 'done', stage: 'done', percent: 100, result: { key: 'gated', run: 1 } });
    expect(deps.runs.get('gated')).toBe(1);
    // A finished job of the same key is a new run when asked again (a reload).
    const again = await queue.enqueue('test-job', { key: 'gated' });
    expect(again.created).toBe(true);
    expect((await finished('test-gated')).result).toEqual({ key: 'gated', run: 2 });
  });

  it('retries transient failures with backoff and succeeds; the definition hears of each failed attempt', async () => {
    await queue.enqueue('test-job', { key: 'flaky', failTimes: 2 });
    const done = await finished('test-flaky');
    expect(done.state).toBe('done');
    expect(done.result).toEqual({ key: 'flaky', run: 3 });
    expect(deps.runs.get('flaky')).toBe(3);
    expect(deps.failures.filter((f) => f.key === 'flaky').map((f) => [f.attempt, f.final, f.reason])).toEqual([
      [1, false, 'flaky flaky #1'], [2, false, 'flaky flaky #2'],
    ]);
  });

  it('gives up after the last attempt with the reason, and never retries a permanent failure', async () => {
    await queue.enqueue('test-job', { key: 'hopeless', failTimes: 99 });
    await queue.enqueue('test-job', { key: 'wrong', permanent: true });
    const hopeless: JobView = await finished('test-hopeless');
    const wrong: JobView = await finished('test-wrong');
    expect(hopeless).toMatchObject({ state: 'failed', error: 'flaky hopeless #3' });
    expect(deps.runs.get('hopeless')).toBe(3);
    expect(deps.failures.filter((f) => f.key === 'hopeless').map((f) => f.final)).toEqual([false, false, true]);
    expect(wrong).toMatchObject({ state: 'failed', error: 'no such thing as wrong' });
    expect(deps.runs.get('wrong')).toBe(1);
    expect(deps.failures.filter((f) => f.key === 'wrong')).toMatchObject([{ attempt: 1, final: true }]);
  });

  it('rejects invalid data before queueing and answers null for unknown ids', async () => {
    await expect(queue.enqueue('test-job', { key: 'Not Valid!' })).rejects.toThrow(/bad key/);
    expect(await queue.get('test-nothing')).toBeNull();
  });
});

describe('backoff', () => {
  it('doubles from the base and is capped', () => {
    const b = { baseMs: 5_000, maxMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, b))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });
});
