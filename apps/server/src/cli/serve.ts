// `apex serve` (migrate + serve the API) and `apex start` (what `npm start` runs: migrate, bootstrap
// history on first start, serve the API and the web app, print the URLs).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, repoRoot, type Config } from '../config.js';
import { hasHistory, migrate, openDatabase, type Database } from '../db/client.js';
import { jolpicaClientFromConfig, seasonsToSync, syncHistory, type SyncProgress } from '../history/sync/index.js';
import { logFormatOf } from '../http/app.js';
import { closeOnSignals, publicUrl, startServer } from '../server.js';
import { importDumpWithProgress, summarise } from './import.js';
import { importF1dbWithProgress, matchSummary } from './import-f1db.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be an integer 0–65535');
  return n;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function describeDatabase(config: Config, database: Database): string {
  if (database.kind === 'postgres') return `PostgreSQL (${redactUrl(config.DATABASE_URL ?? '')})`;
  return `embedded PGlite in ${join(config.APEX_HOME, 'db')}`;
}

/** Never print a password from a URL. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

async function openMigrated(config: Config): Promise<Database> {
  const database = await openDatabase(config);
  try {
    say(`▸ database: ${describeDatabase(config, database)} — applying migrations…`);
    await migrate(database);
    return database;
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}

/** Seasons synced on a first start without a dump: from `from` (default: last season) to the current one. */
export function bootstrapSeasons(now: Date, from?: number): number[] {
  return seasonsToSync({ from: from ?? now.getUTCFullYear() - 1, now });
}

/**
 * First start with an empty database: load history with visible progress, in this order —
 *  1. F1DB (all of 1950–today, offline): F1DB_DIR when it exists, else the F1DB_RELEASE_URL download
 *     (not when APEX_OFFLINE);
 *  2. the Jolpica dump when JOLPICA_DUMP_DIR exists (laps, pit-stop details; Jolpica wins per race);
 *  3. without a dump, recent seasons from the Jolpica API, as before.
 * A failed step is reported, not fatal: the API starts anyway and `apex import …` / `apex sync
 * history` complete it later.
 */
async function bootstrapHistory(config: Config, database: Database, syncFrom?: number): Promise<void> {
  if (await hasHistory(database.db)) return;
  const f1db = config.F1DB_DIR && existsSync(config.F1DB_DIR) ? config.F1DB_DIR : config.APEX_OFFLINE ? null : config.F1DB_RELEASE_URL;
  if (f1db) {
    say(`▸ empty database: importing F1 history 1950–today from F1DB (${f1db}; first start only)…`);
    try {
      const report = await importF1dbWithProgress(database, config, f1db, { sha256: f1db === config.F1DB_RELEASE_URL ? config.F1DB_RELEASE_SHA256 : undefined });
      say(summarise(report));
      say(matchSummary(report));
    } catch (err) {
      say(`  ✗ F1DB import failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      say('    run `apex import f1db <dir|url>` later');
    }
  }
  const dump = config.JOLPICA_DUMP_DIR;
  if (dump && existsSync(dump)) {
    say(`▸ importing F1 history from the Jolpica dump in ${dump} (lap times, pit-stop details; first start only)…`);
    const report = await importDumpWithProgress(database, dump);
    say(summarise(report));
    return;
  }
  const now = new Date();
  const seasons = bootstrapSeasons(now, syncFrom);
  say(`▸ empty database: syncing seasons ${seasons.join(', ')} from ${config.JOLPICA_BASE_URL} (first start only; lap times later with \`apex sync history\`)…`);
  const client = jolpicaClientFromConfig(config);
  const tty = process.stderr.isTTY;
  try {
    const summary = await syncHistory(
      database.db,
      { seasons, client, now, include: { laps: false } },
      (p: SyncProgress) => {
        const line = `  [${Math.min(p.done + 1, p.total)}/${p.total}] ${p.message} (${p.requests} requests)`;
        if (tty) process.stderr.write(`\r\x1b[2K${line}`);
        else if (p.phase !== 'done') process.stderr.write(`${line}\n`);
      },
    );
    if (tty) process.stderr.write('\n');
    say(`  ✓ ${summary.roundsWritten} rounds stored from ${summary.requests} requests`);
  } catch (err) {
    if (tty) process.stderr.write('\n');
    say(`  ✗ history sync failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    say('    the API starts without it; run `apex sync history` (or `apex import jolpica-dump <dir>`) later');
  } finally {
    await client.close();
  }
}

interface WebApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * The web app (apps/web): when it is built, run its production server on WEB_PORT, pointed at this
 * API. Returns null when there is nothing to start. Next's own binary is spawned (not `npm run`) so
 * that stopping it reaches the server process itself.
 */
function startWebApp(config: Config, apiUrl: string): WebApp | null {
  const webDir = join(repoRoot, 'apps', 'web');
  if (!existsSync(join(webDir, '.next', 'BUILD_ID'))) return null;
  let nextBin: string;
  try {
    nextBin = createRequire(join(webDir, 'package.json')).resolve('next/dist/bin/next');
  } catch {
    return null;
  }
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-p', String(config.WEB_PORT), '-H', config.HOST], {
    cwd: webDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, APEX_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' },
  });
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`apex: the web app stopped (${signal ?? `exit ${code}`}); the API keeps running\n`);
  });
  return {
    url: publicUrl(config.HOST, config.WEB_PORT),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface ServeFlags {
  port?: number;
  host?: string;
  /** start only: run the web app too (commander's --no-web sets false) */
  web?: boolean;
  syncFrom?: number;
}

function parseYear(value: string): number {
  const n = Number(value);
  if (!/^\d{4}$/.test(value) || n < 1950) throw new InvalidArgumentError('must be a season year (1950 or later)');
  return n;
}

/**
 * First start: the history imports run in a child process (`apex bootstrap-history`, its output
 * straight to this terminal), so the hundreds of MiB the importers leave behind leave with it
 * instead of staying in the API for as long as it runs (a first `npm start` idled at ~505 MiB on
 * the embedded database, ~260 MiB when started again). The database is closed meanwhile: PGlite's
 * folder belongs to one process at a time.
 */
async function bootstrapInChild(config: Config, database: Database, syncFrom?: number): Promise<Database> {
  if (await hasHistory(database.db)) return database;
  await database.close();
  const args = [...process.execArgv, process.argv[1]!, 'bootstrap-history', ...(syncFrom !== undefined ? ['--sync-from', String(syncFrom)] : [])];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  // Stopping `apex start` while it imports stops the import too (it rolls back), not only this process.
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onTerm = forward('SIGTERM');
  const onInt = forward('SIGINT');
  process.on('SIGTERM', onTerm).on('SIGINT', onInt);
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  process.off('SIGTERM', onTerm).off('SIGINT', onInt);
  if (signal) process.exit(1);
  if (code !== 0) say(`  ✗ the history import stopped (exit ${code}); the API starts without it`);
  return openDatabase(config);
}

async function serve(flags: ServeFlags, mode: 'serve' | 'start'): Promise<void> {
  const config = loadConfig();
  let database = await openMigrated(config);
  if (mode === 'start') database = await bootstrapInChild(config, database, flags.syncFrom);
  const server = await startServer({
    config,
    database,
    port: flags.port,
    host: flags.host,
    logFormat: logFormatOf(config, process.stdout.isTTY === true),
  });
  const web = mode === 'start' && flags.web !== false ? startWebApp(config, server.url) : null;
  say('');
  say(`  ApexData API   ${server.url}/api/v1`);
  say(`  API docs       ${server.url}/docs   (OpenAPI: ${server.url}/openapi.json)`);
  say(`  Ergast API     ${server.url}/ergast/f1`);
  if (web) say(`  Web app        ${web.url}`);
  else if (mode === 'start' && flags.web !== false) say('  Web app        (not built: npm start builds it)');
  say(server.app.config.APEX_AUTOLOAD
    ? '  Session loads  on request, no token (this machine only; APEX_AUTOLOAD=false to require APEX_ADMIN_TOKEN)'
    : `  Session loads  with the admin token${server.app.config.APEX_ADMIN_TOKEN ? '' : ' (APEX_ADMIN_TOKEN is not set)'}, or \`apex session load\`; APEX_AUTOLOAD=true loads on request`);
  say('');
  closeOnSignals(async () => {
    await web?.stop();
    await server.close();
  }, server.app.log);
}

export function registerServeCommands(program: Command): void {
  const addFlags = (cmd: Command) =>
    cmd
      .option('-p, --port <port>', 'port to listen on (default: $PORT or 8000)', parsePort)
      .option('-H, --host <host>', 'interface to bind (default: $HOST or 127.0.0.1)');

  addFlags(
    program
      .command('serve')
      .description('migrate the database and serve the API (/api/v1, /ergast/f1, /docs)'),
  ).action((flags: ServeFlags) => serve(flags, 'serve'));

  addFlags(
    program
      .command('start')
      .description('what `npm start` runs: migrate, import history on first start, serve the API and web app'),
  )
    .option('--no-web', 'serve the API only')
    .option('--sync-from <year>', 'first start without a dump: sync seasons from this one to the current (default: last season)', parseYear)
    .action((flags: ServeFlags) => serve(flags, 'start'));

  // What `apex start` runs in a child process on an empty database (see bootstrapInChild).
  program
    .command('bootstrap-history', { hidden: true })
    .option('--sync-from <year>', 'sync seasons from this one when there is no dump', parseYear)
    .action(async (flags: ServeFlags) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await bootstrapHistory(config, database, flags.syncFrom);
      } finally {
        await database.close();
      }
    });
}
