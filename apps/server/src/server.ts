// The only module that listens on a port. Builds the app around an open database, listens, and
// closes everything cleanly on SIGINT/SIGTERM (in-flight requests finish, pools and Redis close).
import type { FastifyInstance } from 'fastify';
import { loadsOnDemand, type Config } from './config.js';
import type { Database } from './db/client.js';
import { buildApp, loggerOptions, type LogFormat } from './http/app.js';

export interface RunningServer {
  app: FastifyInstance;
  /** base URL clients should use (loopback name when bound to all interfaces) */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface StartServerOptions {
  config: Config;
  /** open and migrated; closed together with the server */
  database: Database;
  port?: number;
  host?: string;
  /** how to log (default: LOG_FORMAT, else JSON) */
  logFormat?: LogFormat;
  /** forget cached responses from a previous run (data or code may have changed since) */
  clearCache?: boolean;
}

export function publicUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  const { database } = opts;
  const host = opts.host ?? opts.config.HOST;
  // Where the API listens decides the default of on-demand loads (see loadsOnDemand).
  const config: Config = { ...opts.config, APEX_AUTOLOAD: loadsOnDemand(opts.config, host) };
  const logFormat = opts.logFormat ?? config.LOG_FORMAT ?? 'json';
  const app = await buildApp({ config, database, logger: loggerOptions(config, logFormat), logFormat });
  app.addHook('onClose', async () => {
    await database.close();
  });
  try {
    await app.ready();
    // Redis down at start: this process's memory starts empty anyway; say so and serve.
    if (opts.clearCache !== false) await app.responseCache.clear().catch((err: unknown) => app.log.warn({ err: String(err) }, 'response cache not cleared at start'));
    await app.listen({ port: opts.port ?? config.PORT, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (opts.port ?? config.PORT);
    return { app, url: publicUrl(host, port), port, close: () => app.close() };
  } catch (err) {
    await app.close().catch(() => {});
    throw err;
  }
}

/**
 * SIGINT/SIGTERM close the server gracefully; a second signal, or a close taking longer than
 * `graceMs`, exits at once. `close` should stop everything the process started (API, web app).
 */
export function closeOnSignals(close: () => Promise<void>, log: { info(msg: string): void; error(obj: object, msg: string): void }, graceMs = 10_000): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) process.exit(130);
    closing = true;
    log.info(`${signal} received: closing`);
    const timer = setTimeout(() => {
      log.error({ graceMs }, 'close took too long: exiting');
      process.exit(1);
    }, graceMs);
    timer.unref();
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
