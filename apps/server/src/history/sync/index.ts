// Jolpica API sync: the client, the incremental sync and the pieces a caller (CLI, HTTP job,
// first-start bootstrap) needs to run it from the configuration.
import type { Config } from '../../config.js';
import { createJolpicaClient, type JolpicaClient, type JolpicaClientOptions } from './jolpica-client.js';

export { syncHistory, SyncError } from './sync-history.js';
export type { SyncHistoryOptions, SyncProgress, SyncSummary } from './sync-history.js';
export { seasonsToSync, DOC_KINDS } from './plan.js';
export type { DocKind } from './plan.js';
export { createJolpicaClient, JOLPICA_API_URL, JOLPICA_MAX_LIMIT, JolpicaPagingError } from './jolpica-client.js';
export type { JolpicaClient, JolpicaClientOptions, Page } from './jolpica-client.js';

/** The client the configuration asks for: JOLPICA_BASE_URL, offline mode, Jolpica's published limits. */
export function jolpicaClientFromConfig(
  config: Pick<Config, 'JOLPICA_BASE_URL' | 'APEX_OFFLINE'>,
  overrides: Omit<JolpicaClientOptions, 'source'> = {},
): JolpicaClient {
  return createJolpicaClient({ baseUrl: config.JOLPICA_BASE_URL, offline: config.APEX_OFFLINE, ...overrides });
}
