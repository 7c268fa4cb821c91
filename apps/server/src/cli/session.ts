// `apex session …`: load a session into the configured database from the CLI (the same processor
// the job queue runs, in this process, with a progress bar), show its status, list the archive's
// sessions of a season with their platform keys.
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/client.js';
import { jobDepsFromConfig, runToCompletion, sessionJobId, sessionLoadJob } from '../jobs/index.js';
import { CatalogError, describeSession, parseSessionCode, resolveSession, seasonCatalogue, type SessionKey } from '../sessions/catalog.js';
import type { LoadSummary } from '../sessions/load.js';
import { sessionStore } from '../sessions/store.js';
import { releaseAbandonedClaims } from '../sessions/store-write.js';

function parseYear(value: string): number {
  const n = Number(value);
  if (!/^\d{4}$/.test(value) || n < 2018) throw new InvalidArgumentError('must be a season year (2018 or later: the live-timing archive)');
  return n;
}

function parseRound(value: string): number {
  const n = Number(value);
  if (!/^\d{1,2}$/.test(value) || n < 1) throw new InvalidArgumentError('must be a round number ≥ 1');
  return n;
}

function parseSession(value: string): SessionKey['session'] {
  const code = parseSessionCode(value);
  if (!code) throw new InvalidArgumentError('must be one of FP1, FP2, FP3, SQ (or SS), S, Q, R');
  return code;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

/** Registers `apex session …`. */
export function registerSessionCommands(program: Command): void {
  const session = program.command('session').description('session data: laps, telemetry, tyres, weather, race control');

  session
    .command('load')
    .description('load a session from the F1 live-timing archive into the database (replaces what is stored; nothing changes if it fails)')
    .argument('<year>', 'season', parseYear)
    .argument('<round>', 'championship round', parseRound)
    .argument('<session>', 'FP1, FP2, FP3, SQ, S, Q or R', parseSession)
    .option('--allow-corrupt', 'store the session even if some stream lines cannot be decoded (they are skipped)')
    .option('--json', 'print the load summary as JSON')
    .action(async (year: number, round: number, code: SessionKey['session'], opts: { allowCorrupt?: boolean; json?: boolean }) => {
      await runLoad({ year, round, session: code }, opts);
    });

  session
    .command('status')
    .description('state of a session\'s data (not loaded, loading with progress, loaded, failed with the reason)')
    .argument('<year>', 'season', parseYear)
    .argument('<round>', 'championship round', parseRound)
    .argument('<session>', 'FP1, FP2, FP3, SQ, S, Q or R', parseSession)
    .action(async (year: number, round: number, code: SessionKey['session']) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await migrate(database);
        const status = await sessionStore(database.db).status({ year, round, session: code });
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      } finally {
        await database.close();
      }
    });

  session
    .command('list')
    .description('sessions of a season in the archive, with the year/round/session keys to load them by')
    .requiredOption('--year <year>', 'season', parseYear)
    .action(async (opts: { year: number }) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await migrate(database);
        const deps = jobDepsFromConfig(config, database.db);
        const store = sessionStore(database.db);
        const stored = new Map((await store.list({ year: opts.year })).map((s) => [`${s.round}-${s.session}`, s.state]));
        for (const e of await seasonCatalogue(database.db, deps.sources, opts.year)) {
          const state = stored.get(`${e.key.round}-${e.key.session}`) ?? 'not_loaded';
          process.stdout.write(`${e.key.year} ${String(e.key.round).padStart(2)} ${e.key.session.padEnd(3)}  ${state.padEnd(10)} ${e.archive.path}\n`);
        }
      } finally {
        await database.close();
      }
    });
}

async function runLoad(key: SessionKey, opts: { allowCorrupt?: boolean; json?: boolean }): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const interactive = Boolean(process.stderr.isTTY);
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: ' {bar} {percentage}% | {stage} | {detail}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  // Ctrl-C (or SIGTERM) stops the load where it is: the parser thread ends, nothing is written, the
  // session says `failed: interrupted (SIGINT)` and the command exits 130 (143). A second Ctrl-C
  // while it winds down exits at once.
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    process.exitCode = signal === 'SIGINT' ? 130 : 143;
    controller.abort(new Error(`interrupted (${signal}); nothing was written`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await migrate(database);
    const deps = { ...jobDepsFromConfig(config, database.db), allowCorruptLines: Boolean(opts.allowCorrupt) };
    // Claims left by processes that are gone (a killed CLI or server) must not block this load.
    await releaseAbandonedClaims(database.db, { embedded: database.kind === 'pglite' });
    const status = await sessionStore(database.db).status(key);
    if (status.state === 'loading' && status.jobId) {
      throw new Error(`${describeSession(key)} is already being loaded by job ${status.jobId} (${status.stage ?? 'queued'}); see \`apex session status\``);
    }
    // A session the archive lacks fails here, before any progress is printed.
    await resolveSession(database.db, deps.sources, key).catch((err: unknown) => {
      if (err instanceof CatalogError && err.code === 'not-found') throw new Error(err.message);
    });
    if (!opts.json) process.stdout.write(`▸ loading ${describeSession(key)} from ${deps.sources.archive.source.label}\n`);
    if (interactive) bar.start(100, 0, { stage: 'resolve', detail: '' });
    let lastStage = '';
    const summary: LoadSummary = await runToCompletion(sessionLoadJob, key, deps, {
      // Distinct from the queue's job id: a worker and the CLI never share a claim.
      jobId: `${sessionJobId(key)}@cli-${process.pid}`,
      signal: controller.signal,
      report: (p) => {
        if (interactive) bar.update(p.percent, { stage: p.stage, detail: p.detail ?? '' });
        else if (p.stage !== lastStage && !opts.json) process.stderr.write(`  ${p.stage} (${p.percent}%)\n`);
        lastStage = p.stage;
      },
      onRetry: (failure, attempt, delayMs) => {
        const line = `  attempt ${attempt} failed (${failure.reason}); retrying in ${Math.round(delayMs / 1000)} s`;
        if (interactive) bar.stop();
        process.stderr.write(`${line}\n`);
      },
    });
    bar.stop();
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return;
    }
    const r = summary.rows;
    process.stdout.write([
      `✓ ${describeSession(key)} loaded (${summary.archivePath}) in ${(summary.timings.totalMs / 1000).toFixed(1)} s`,
      `  ${r.drivers} drivers, ${r.laps} laps, ${r.stints} stints, ${r.pitStops} pit stops, ${r.weather} weather samples, ${r.raceControl} race-control messages`,
      `  telemetry: ${summary.telemetrySamples.toLocaleString('en')} samples in ${mib(summary.telemetryBytes)}; rows ${mib(summary.rowBytes)} (archive streams ${mib(summary.sourceBytes)})`,
      ...summary.issues.map((i) => `  note: ${i}`),
    ].join('\n') + '\n');
  } finally {
    bar.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (interactive) process.stderr.write('\x1b[?25h');
    await database.close();
  }
}
