// `apex worker`: a BullMQ worker process for background jobs (session loads). Needs REDIS_URL; run
// as many as the machine allows. Stopping it (SIGINT/SIGTERM) lets the running job finish first; a
// worker that dies mid-job loses its lock and the job runs again on the next worker.
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config.js';
import { migrate, openDatabase, type Database } from '../db/client.js';
import { jobDepsFromConfig, startWorkers, workerRefusal, type WorkerEvent } from '../jobs/index.js';
import { releaseAbandonedClaims } from '../sessions/store-write.js';

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
}

interface WorkerOptions {
  concurrency: number;
  lockDuration?: number;
  stalledInterval?: number;
}

function line(event: WorkerEvent): string | null {
  switch (event.type) {
    case 'active': return `▸ ${event.jobId}: started (attempt ${event.attempt})`;
    case 'completed': return `✓ ${event.jobId}: done`;
    case 'failed': return `✗ ${event.jobId}: ${event.reason}${event.final ? '' : ' (will retry)'}`;
    case 'stalled': return `↻ ${event.jobId}: its worker stopped; queued again`;
    case 'error': return `! ${event.message}`;
    default: return null;
  }
}

/**
 * Workers usually start together with the API and other workers (docker compose): when two
 * processes apply the same migration at once one of them fails; by then the other has applied it.
 */
async function migrateOnce(database: Database): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(database);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
    }
  }
}

export function registerWorkerCommands(program: Command): void {
  program
    .command('worker')
    .description('process background jobs (session loads) from the Redis queue; needs REDIS_URL')
    .option('--concurrency <n>', 'jobs at once', parsePositive, 1)
    .option('--lock-duration <ms>', 'how long a job stays locked to a silent worker before it is retried elsewhere (default 30000)', parsePositive)
    .option('--stalled-interval <ms>', 'how often to look for jobs of dead workers (default 30000)', parsePositive)
    .action(async (opts: WorkerOptions) => {
      const config = loadConfig();
      const refusal = workerRefusal(config);
      if (refusal) throw new Error(refusal);
      const database = await openDatabase(config);
      await migrateOnce(database);
      await releaseAbandonedClaims(database.db);
      const workers = startWorkers(config, jobDepsFromConfig(config, database.db), {
        concurrency: opts.concurrency,
        lockDurationMs: opts.lockDuration,
        stalledIntervalMs: opts.stalledInterval,
        onEvent: (e) => {
          const text = line(e);
          if (text) process.stdout.write(`${new Date().toISOString()} ${text}\n`);
        },
      });
      await Promise.all(workers.workers.map((w) => w.waitUntilReady()));
      process.stdout.write(`▸ worker ${process.pid} ready (concurrency ${opts.concurrency})\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      process.stdout.write('▸ stopping: waiting for running jobs\n');
      await workers.close();
      await database.close();
    });
}
