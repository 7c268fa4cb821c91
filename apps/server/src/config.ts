// Configuration comes from the environment only, validated once at start-up. The type is derived
// from the schema so the two cannot drift apart.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DEFAULT_PGLITE_SHARED_BUFFERS_MB } from './db/pglite-memory.js';

/** Repository root (two levels above apps/server/{src,dist}). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The offline copy of the upstreams, beside the checkout, when it exists. */
export const sharedDir = process.env.APEX_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
const f1data = resolve(sharedDir, 'f1data');
const hasOffline = existsSync(f1data);

const EnvSchema = Type.Object({
  APEX_HOME: Type.String({ default: resolve(repoRoot, '.apexdata'), description: 'embedded database, caches, downloads' }),
  DATABASE_URL: Type.Optional(Type.String({ description: 'PostgreSQL URL; unset = embedded PGlite in $APEX_HOME/db' })),
  APEX_PGLITE_SHARED_BUFFERS: Type.Integer({
    default: DEFAULT_PGLITE_SHARED_BUFFERS_MB,
    minimum: 1,
    maximum: 1024,
    description: "MiB of shared_buffers for the embedded PGlite database (PostgreSQL's page cache; resident once touched, in the API's own memory)",
  }),
  REDIS_URL: Type.Optional(Type.String({ description: 'Redis URL (response cache, shared rate limit, job queue); unset = all in-process' })),
  PORT: Type.Integer({ default: 8000, minimum: 0, maximum: 65535 }),
  HOST: Type.String({ default: '127.0.0.1' }),
  WEB_PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  WEB_ORIGIN: Type.Optional(Type.String({ description: 'CORS origin of the web app; default http://localhost:$WEB_PORT' })),
  APEX_ADMIN_TOKEN: Type.Optional(Type.String({ minLength: 1, description: 'bearer token for write endpoints' })),
  APEX_AUTOLOAD: Type.Optional(Type.Boolean({
    description: 'load a session on request without the admin token (data endpoints queue the load and answer 202; POST …/load is open); unset = on when the API listens on loopback only (a local install), off otherwise',
  })),
  APEX_RATE_LIMIT: Type.Integer({ default: 1200, minimum: 0, description: 'requests per minute per IP; 0 disables' }),
  TRUST_PROXY: Type.String({ default: 'loopback', description: 'proxies whose X-Forwarded-For is believed: comma-separated addresses/CIDRs, or loopback, linklocal, uniquelocal' }),
  APEX_LIVE_HISTORY: Type.Integer({ default: 600, minimum: 30, maximum: 3600, description: 'seconds of live history each API process keeps: the largest broadcast delay served' }),
  APEX_LIVE_RECORDINGS: Type.String({
    default: existsSync(resolve(f1data, 'recordings')) ? resolve(f1data, 'recordings') : resolve(repoRoot, '.apexdata', 'recordings'),
    description: 'folder of live-feed recordings that can be replayed (`apex live record` files and FastF1 recorder files)',
  }),
  APEX_F1TV_TOKEN: Type.Optional(Type.String({ minLength: 1, description: 'F1TV subscription token for the live feed topics that need it (CarData.z, Position.z); kept server-side' })),
  LOG_FORMAT: Type.Optional(Type.Union([Type.Literal('pretty'), Type.Literal('json')], {
    description: 'pretty: one readable line per request, errors with their stack (people); json: one JSON object per line (log shippers). Unset: pretty on a terminal and for npm start, json otherwise',
  })),
  LOG_LEVEL: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')], { default: 'info' }),
  JOLPICA_BASE_URL: Type.String({ default: hasOffline ? resolve(f1data, 'jolpica') : 'https://api.jolpi.ca' }),
  LIVETIMING_BASE_URL: Type.String({ default: hasOffline ? resolve(f1data, 'livetiming') : 'https://livetiming.formula1.com' }),
  LIVETIMING_MIRROR_URL: Type.Optional(Type.String()),
  LIVETIMING_FEED_URL: Type.Optional(Type.String({ description: "SignalR Core endpoint of the live feed; default the F1 host's when LIVETIMING_BASE_URL is it; 'off' disables" })),
  JOLPICA_DUMP_DIR: Type.Optional(Type.String({ default: hasOffline ? resolve(sharedDir, 'jolpica-dump') : undefined })),
  F1DB_DIR: Type.Optional(Type.String({ default: existsSync(resolve(sharedDir, 'f1db')) ? resolve(sharedDir, 'f1db') : undefined, description: 'F1DB source tree imported on first start' })),
  F1DB_RELEASE_URL: Type.String({
    default: 'https://github.com/f1db/f1db/archive/refs/tags/v2026.11.0.tar.gz',
    description: 'F1DB release tarball imported on first start when F1DB_DIR is absent',
  }),
  F1DB_RELEASE_SHA256: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: 'expected SHA-256 of F1DB_RELEASE_URL' })),
  APEX_OFFLINE: Type.Boolean({ default: false, description: 'never touch the network' }),
});

export type Config = Static<typeof EnvSchema>;

export class ConfigError extends Error {}

/** Parse and validate an environment (defaults to process.env). Throws ConfigError naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const withDefaults = Value.Default(EnvSchema, Value.Convert(EnvSchema, picked));
  const errors = [...Value.Errors(EnvSchema, withDefaults)];
  if (errors.length > 0) {
    const e = errors[0]!;
    throw new ConfigError(`invalid configuration: ${e.path.slice(1) || 'environment'} ${e.message}`);
  }
  const config = withDefaults as Config;
  config.APEX_HOME = resolve(config.APEX_HOME);
  return config;
}

export const configSchema = EnvSchema;

/** Is `host` a loopback interface (only this machine can connect)? */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * Whether sessions load on request without the admin token: APEX_AUTOLOAD when set; otherwise on
 * for an API that only this machine can reach (a local install: nothing to protect, and the web
 * app can load any session with no configuration), off when it listens on other interfaces (a
 * deployment: loads cost upstream requests and CPU, so they stay behind the token).
 */
export function loadsOnDemand(config: Pick<Config, 'APEX_AUTOLOAD'>, host: string): boolean {
  return config.APEX_AUTOLOAD ?? isLoopbackHost(host);
}
