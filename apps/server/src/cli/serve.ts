// `apex serve` (migrate + serve the API) and `apex start` (what `npm start` runs: migrate, bootstrap
// history on first start, serve the API and the web app, print the URLs).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, repoRoot, type Config } from '../config.js';
import { hasHistory, migrate, openDatabase, type Database } from '../db/client.js';
import { closeOnSignals, publicUrl, startServer } from '../server.js';

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

/**
 * First start with an empty database: load history with visible progress — offline from the Jolpica
 * dump when JOLPICA_DUMP_DIR exists, otherwise by syncing recent seasons from the Jolpica API.
 */
async function bootstrapHistory(config: Config, database: Database): Promise<void> {
  if (await hasHistory(database.db)) return;
  const dump = config.JOLPICA_DUMP_DIR;
  if (dump && existsSync(dump)) {
    say(`▸ empty database: importing F1 history from the Jolpica dump in ${dump}`);
    // TODO(import): call the dump importer from src/history/import/ once it lands.
    say('  (the dump importer has not landed yet — skipping; run `apex import jolpica-dump <dir>` later)');
    return;
  }
  if (config.APEX_OFFLINE) {
    say('▸ empty database and APEX_OFFLINE=true: starting without history (import a dump with `apex import jolpica-dump <dir>`)');
    return;
  }
  say(`▸ empty database: syncing recent seasons from ${config.JOLPICA_BASE_URL}`);
  // TODO(sync): call the Jolpica sync from src/history/sync/ once it lands.
  say('  (the Jolpica sync has not landed yet — skipping; run `apex sync history` later)');
}

interface WebApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * Hook for the web app (apps/web, a later capability): when it exists and is built, run its
 * production server on WEB_PORT, pointed at this API. Returns null when there is nothing to start.
 */
function startWebApp(config: Config, apiUrl: string): WebApp | null {
  const webDir = join(repoRoot, 'apps', 'web');
  if (!existsSync(join(webDir, 'package.json')) || !existsSync(join(webDir, '.next'))) return null;
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'start'], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, PORT: String(config.WEB_PORT), APEX_API_URL: apiUrl },
  });
  return {
    url: publicUrl(config.HOST, config.WEB_PORT),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface ServeFlags {
  port?: number;
  host?: string;
}

async function serve(flags: ServeFlags, mode: 'serve' | 'start'): Promise<void> {
  const config = loadConfig();
  const database = await openMigrated(config);
  if (mode === 'start') {
    try {
      await bootstrapHistory(config, database);
    } catch (err) {
      await database.close().catch(() => {});
      throw err;
    }
  }
  const server = await startServer({
    config,
    database,
    port: flags.port,
    host: flags.host,
    prettyLogs: process.stdout.isTTY,
  });
  const web = mode === 'start' ? startWebApp(config, server.url) : null;
  say('');
  say(`  ApexData API   ${server.url}/api/v1`);
  say(`  API docs       ${server.url}/docs   (OpenAPI: ${server.url}/openapi.json)`);
  say(`  Ergast API     ${server.url}/ergast/f1`);
  if (web) say(`  Web app        ${web.url}`);
  else if (mode === 'start') say('  Web app        (not built yet)');
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
  ).action((flags: ServeFlags) => serve(flags, 'start'));
}
