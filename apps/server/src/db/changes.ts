// How a write tells every process that data changed. The writer does it inside its own transaction:
// history writes raise the `history` generation (data_generations), a session load announces the
// session (its row's data_version is that session's generation). PostgreSQL delivers pg_notify
// messages when, and only if, the transaction commits, to every process LISTENing on the database
// (the API: src/http/cache/data-changes.ts). Nothing here needs Redis, so a CLI import run with only
// DATABASE_URL reaches every API process, and a rolled-back write announces nothing.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from './client.js';
import { dataGenerations } from './schema/index.js';

export const CHANGES_CHANNEL = 'apex_data_changed';

/** A session by its platform key (structural, so this module does not depend on src/sessions). */
export interface ChangedSession {
  readonly year: number;
  readonly round: number;
  readonly session: string;
}

export type DataChange = { readonly scope: 'history'; readonly generation: number } | { readonly scope: 'session'; readonly key: ChangedSession };

export function encodeChange(change: DataChange): string {
  return change.scope === 'history' ? `history:${change.generation}` : `session:${change.key.year}/${change.key.round}/${change.key.session}`;
}

/** null for a payload this version does not know (another version of ApexData on the same database). */
export function decodeChange(payload: string): DataChange | null {
  const history = /^history:(\d+)$/.exec(payload);
  if (history) return { scope: 'history', generation: Number(history[1]) };
  const session = /^session:(\d+)\/(\d+)\/([A-Za-z0-9]{1,3})$/.exec(payload);
  if (session) return { scope: 'session', key: { year: Number(session[1]), round: Number(session[2]), session: session[3]! } };
  return null;
}

async function notify(tx: DbOrTx, change: DataChange): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${encodeChange(change)})`);
}

/**
 * Call inside the transaction that changed history data, last (the row stays locked until commit, so
 * concurrent writers queue here only briefly). Returns the new generation.
 */
export async function raiseHistoryGeneration(tx: DbOrTx): Promise<number> {
  const [row] = await tx
    .insert(dataGenerations)
    .values({ scope: 'history', generation: 1 })
    .onConflictDoUpdate({ target: dataGenerations.scope, set: { generation: sql`${dataGenerations.generation} + 1`, changedAt: sql`now()` } })
    .returning({ generation: dataGenerations.generation });
  const generation = Number(row!.generation);
  await notify(tx, { scope: 'history', generation });
  return generation;
}

/** Call inside the transaction that replaced a session's data. */
export async function announceSessionChange(tx: DbOrTx, key: ChangedSession): Promise<void> {
  await notify(tx, { scope: 'session', key });
}

/** The committed generation of history data; 0 before the first change. */
export async function historyGeneration(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ generation: dataGenerations.generation }).from(dataGenerations).where(eq(dataGenerations.scope, 'history'));
  return row ? Number(row.generation) : 0;
}
