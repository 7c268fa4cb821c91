// `apex sync history`: incremental sync of F1 history from the Jolpica API (or a directory of
// recorded answers) into the configured database, with a progress bar.
import cliProgress from 'cli-progress';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/client.js';
import { jolpicaClientFromConfig, seasonsToSync, syncHistory, type SyncProgress, type SyncSummary } from '../history/sync/index.js';
import type { RetryEvent } from '../sources/index.js';

function parseYear(value: string): number {
  const n = Number(value);
  if (!/^\d{4}$/.test(value) || n < 1950) throw new InvalidArgumentError('must be a season year (1950 or later)');
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number ≥ 0');
  return n;
}

function parseRounds(value: string, previous: number[] = []): number[] {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a round number ≥ 1');
  return [...previous, n];
}

interface HistoryOptions {
  season?: number;
  from?: number;
  to?: number;
  round?: number[];
  force?: boolean;
  laps: boolean;
  pitstops: boolean;
  settleDays?: number;
  baseUrl?: string;
}

/** Registers `apex sync …`. */
export function registerSyncCommands(program: Command): void {
  const sync = program.command('sync').description('sync data from upstream sources');
  sync
    .command('history')
    .description('fetch missing or changed F1 history (schedule, results, qualifying, sprint, laps, pit stops) from the Jolpica API')
    .addOption(new Option('--season <year>', 'one season').argParser(parseYear).conflicts(['from', 'to']))
    .addOption(new Option('--from <year>', 'first season of a range (default: the current season)').argParser(parseYear))
    .addOption(new Option('--to <year>', 'last season of a range (default: the current season)').argParser(parseYear))
    .addOption(new Option('--round <n>', 'only this round (repeatable)').argParser(parseRounds))
    .option('--force', 'fetch everything again, even rounds already stored and settled')
    .option('--no-laps', 'skip lap-by-lap times (the most requests: about 12 per race)')
    .option('--no-pitstops', 'skip pit stops')
    .addOption(new Option('--settle-days <n>', 'days after a race during which it is re-fetched on every sync').argParser(parseCount))
    .option('--base-url <url>', 'Jolpica base URL or a directory of recorded answers (default: $JOLPICA_BASE_URL)')
    .addHelpText(
      'after',
      `
Requests respect Jolpica's published limits (4/s, 500/hour): a full season with laps is ~400
requests. Interrupting is safe: each round is committed on its own; run again to resume.`,
    )
    .action(async (opts: HistoryOptions) => {
      await runHistorySync(opts);
    });
}

async function runHistorySync(opts: HistoryOptions): Promise<void> {
  const config = loadConfig();
  const now = new Date();
  const seasons = seasonsToSync({ season: opts.season, from: opts.from, to: opts.to, now });
  if (seasons.length === 0) throw new InvalidArgumentError(`--from ${opts.from} is after --to ${opts.to ?? now.getUTCFullYear()}`);

  const interactive = Boolean(process.stderr.isTTY);
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: ' {bar} {percentage}% | {value}/{total} {unit} | {requests} requests | ETA {eta_formatted} | {message}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const note = (line: string) => (interactive ? bars.log(`${line}\n`) : process.stderr.write(`${line}\n`));
  const onRetry = (e: RetryEvent) => {
    if (e.delayMs >= 5_000 || e.attempt >= 3) note(`  retrying in ${Math.round(e.delayMs / 1000)} s (attempt ${e.attempt + 1}): ${e.error.message}`);
  };

  const baseUrl = opts.baseUrl ?? config.JOLPICA_BASE_URL;
  const client = jolpicaClientFromConfig(config, { baseUrl, onRetry });
  const database = await openDatabase(config);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let bar: cliProgress.SingleBar | undefined;
  let phase: SyncProgress['phase'] | undefined;
  try {
    await migrate(database);
    process.stdout.write(`▸ syncing ${describeSeasons(seasons)} from ${baseUrl}\n`);
    const onProgress = (p: SyncProgress) => {
      if (!interactive) {
        if (p.phase === 'round' || p.phase === 'schedule') process.stderr.write(`  [${p.done + 1}/${p.total}] ${p.message}\n`);
        else if (p.phase === 'standings') process.stderr.write(`  ${p.message}\n`);
        return;
      }
      const unit = p.phase === 'schedule' ? 'seasons' : 'rounds';
      if (!bar || p.phase !== phase) {
        bar?.update(bar.getTotal());
        bars.remove(bar as cliProgress.SingleBar);
        bar = bars.create(Math.max(p.total, 1), p.done, { unit, requests: p.requests, message: p.message });
      }
      phase = p.phase;
      bar.setTotal(Math.max(p.total, 1));
      bar.update(p.done, { unit, requests: p.requests, message: p.message });
    };
    const summary = await syncHistory(
      database.db,
      {
        seasons,
        rounds: opts.round,
        client,
        force: opts.force,
        settleDays: opts.settleDays,
        include: { laps: opts.laps, pitstops: opts.pitstops },
        signal: controller.signal,
        now,
      },
      onProgress,
    );
    bars.stop();
    process.stdout.write(`${describeSummary(summary)}\n`);
  } finally {
    bars.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await client.close();
    await database.close();
  }
}

function describeSeasons(seasons: number[]): string {
  return seasons.length === 1 ? `season ${seasons[0]}` : `seasons ${seasons[0]}–${seasons[seasons.length - 1]}`;
}

function describeSummary(s: SyncSummary): string {
  const rows = Object.entries(s.rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
  return [
    `✓ ${describeSeasons(s.seasons)}: ${s.roundsPlanned} rounds checked, ${s.roundsWritten} changed; ` +
      `${s.documentsFetched} documents fetched (${s.documentsUnchanged} unchanged) in ${s.requests} requests` +
      (s.retries > 0 ? ` (${s.retries} retried)` : ''),
    `  rows written: ${rows || 'none (already up to date)'}`,
    ...(s.standingsRecomputed.length > 0 ? [`  standings recomputed: ${s.standingsRecomputed.join(', ')}`] : []),
  ].join('\n');
}
