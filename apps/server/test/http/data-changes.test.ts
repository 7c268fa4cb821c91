// How API processes learn of data changes (src/db/changes.ts, src/http/cache/data-changes.ts), on a
// real PostgreSQL database: a commit in another connection is heard at once, a rolled-back write is
// never announced, a listener whose connection is killed reconnects and catches up with what was
// committed meanwhile, and on PGlite (one process) refresh() after a write is enough.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { announceSessionChange, CHANGES_CHANNEL, decodeChange, encodeChange, historyGeneration, raiseHistoryGeneration, type ChangedSession } from '../../src/db/changes.js';
import { openPostgres, type Database } from '../../src/db/client.js';
import { DataChanges } from '../../src/http/cache/data-changes.js';
import { waitFor } from '../jobs/processes.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';

describe('change messages', () => {
  it('round-trip, and unknown payloads are ignored rather than misread', () => {
    for (const c of [{ scope: 'history', generation: 42 }, { scope: 'session', key: { year: 2025, round: 20, session: 'SQ' } }] as const) {
      expect(decodeChange(encodeChange(c))).toEqual(c);
    }
    for (const bad of ['', 'history:', 'history:x', 'session:2025/20', 'session:2025/20/Q;drop', 'other:1']) expect(decodeChange(bad)).toBeNull();
  });
});

describe('data changes on PostgreSQL', () => {
  let t: TestDatabase;
  let writer: Database;
  let changes: DataChanges;
  const warnings: string[] = [];
  const history: [number, number][] = [];
  const sessions: ChangedSession[] = [];

  beforeAll(async () => {
    t = await testDatabase('postgres');
    // The writer is another pool, as another process would be.
    writer = openPostgres(t.url!, { max: 2 });
    changes = new DataChanges({
      db: t.database.db,
      listenUrl: t.url,
      logger: { warn: (_o, msg) => warnings.push(msg), info: () => undefined },
    });
    changes.onHistory((g, prev) => history.push([g, prev]));
    changes.onSession((k) => sessions.push(k));
    await changes.start();
  });
  afterAll(async () => {
    await changes?.close();
    await writer?.close();
    await t?.cleanup();
  });

  it('starts at generation 0 and hears every committed raise from another connection', async () => {
    expect(changes.history).toBe(0);
    const g1 = await writer.db.transaction((tx) => raiseHistoryGeneration(tx));
    expect(g1).toBe(1);
    await waitFor('generation 1', () => changes.history === 1, 5000, 5);
    const g2 = await writer.db.transaction((tx) => raiseHistoryGeneration(tx));
    await waitFor('generation 2', () => changes.history === g2, 5000, 5);
    expect(history).toEqual([[1, 0], [2, 1]]);
  });

  it('announces nothing for a rolled-back write, and the generation stays', async () => {
    // What goes over the channel, as any listener sees it.
    const raw = new pg.Client({ connectionString: t.url });
    const payloads: string[] = [];
    raw.on('notification', (m) => payloads.push(m.payload ?? ''));
    await raw.connect();
    await raw.query(`LISTEN ${CHANGES_CHANNEL}`);
    try {
      await expect(
        writer.db.transaction(async (tx) => {
          await raiseHistoryGeneration(tx);
          throw new Error('the import failed');
        }),
      ).rejects.toThrow('the import failed');
      // A later committed announcement: once it arrived, everything sent before it has too.
      await writer.db.transaction((tx) => announceSessionChange(tx, { year: 2024, round: 3, session: 'Q' }));
      await waitFor('the session announcement', () => sessions.length === 1, 5000, 5);
      await waitFor('the raw announcement', () => payloads.length > 0, 5000, 5);
      expect(payloads).toEqual(['session:2024/3/Q']);
      expect(sessions).toEqual([{ year: 2024, round: 3, session: 'Q' }]);
      expect(await historyGeneration(writer.db)).toBe(2);
      expect(changes.history).toBe(2);
    } finally {
      await raw.end();
    }
  });

  it('reconnects after its connection is killed and catches up with changes committed meanwhile', async () => {
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    try {
      const listeners = async () =>
        (await admin.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`)).rows;
      const [listener] = await listeners();
      expect(listener).toBeDefined();
      await admin.query('select pg_terminate_backend($1)', [listener!.pid]);
      // Committed while nobody listens: no notification can reach the API for it.
      const g = await writer.db.transaction((tx) => raiseHistoryGeneration(tx));
      await waitFor('the missed generation after reconnecting', () => changes.history === g, 10_000, 20);
      expect(warnings.some((w) => /not listening to the database/.test(w))).toBe(true);
      expect((await listeners()).length).toBe(1);
      // And it listens again.
      const next = await writer.db.transaction((tx) => raiseHistoryGeneration(tx));
      await waitFor('the next generation', () => changes.history === next, 5000, 5);
    } finally {
      await admin.end();
    }
  });
});

describe('data changes on PGlite (one process)', () => {
  it('sees its own write after refresh(), and a polled re-read catches one it was not told of', async () => {
    const t = await testDatabase('pglite');
    const changes = new DataChanges({ db: t.database.db, pollMs: 50 });
    try {
      await changes.start();
      expect(changes.history).toBe(0);
      await t.database.db.transaction((tx) => raiseHistoryGeneration(tx));
      await changes.refresh();
      expect(changes.history).toBe(1);
      await t.database.db.transaction((tx) => raiseHistoryGeneration(tx));
      await waitFor('the polled generation', () => changes.history === 2, 5000, 10);
    } finally {
      await changes.close();
      await t.cleanup();
    }
  });
});
