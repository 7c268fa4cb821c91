// When Jolpica (dump or API) brings an entity F1DB created first under an id we made up
// ('lewis_hamilton'), the Jolpica id ('hamilton') becomes its public id instead of a second entity:
// the row is renamed before the Jolpica writer upserts by ref, so its id — and every result that
// points at it — stays, and the made-up id stays resolvable as an 'apex' alias. Matching is the same
// as the F1DB import's (match.ts), so either import order ends in the same entities.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as s from '../../db/schema/index.js';
import { circuitCandidates, constructorCandidates, driverCandidates, partial, type Found, type Known } from './match.js';

type Kind = 'driver' | 'constructor' | 'circuit';
const tables = {
  driver: { table: s.drivers, ref: 'driverRef' },
  constructor: { table: s.constructors, ref: 'constructorRef' },
  circuit: { table: s.circuits, ref: 'circuitRef' },
} as const;

interface Incoming {
  ref: string;
  key: unknown;
}

/** Rename adoptable F1DB-created entities to the incoming refs they match; returns how many. */
export async function adoptF1dbEntities(tx: DbOrTx, kind: Kind, incoming: readonly Incoming[]): Promise<number> {
  if (incoming.length === 0) return 0;
  const { table, ref } = tables[kind];
  const refCol = (table as unknown as Record<string, Parameters<typeof inArray>[0]>)[ref]!;
  // Adoptable: created by F1DB (its 'apex' alias) and still under that id.
  const created = await tx.select().from(s.entityAliases).where(and(eq(s.entityAliases.kind, kind), eq(s.entityAliases.source, 'apex')));
  if (created.length === 0) return 0;
  const rows = (await tx.select().from(table).where(inArray((table as typeof s.drivers).id, created.map((a) => a.entityId)))) as Record<string, unknown>[];
  const adoptable = rows.filter((r) => created.some((a) => a.entityId === r.id && a.alias === r[ref]));
  if (adoptable.length === 0) return 0;
  const present = new Set(((await tx.select().from(table).where(inArray(refCol, incoming.map((i) => i.ref)))) as Record<string, unknown>[]).map((r) => r[ref] as string));
  const seasons = kind === 'constructor' ? await constructorSeasons(tx) : kind === 'circuit' ? await circuitSeasons(tx) : new Map<number, number[]>();
  const known = adoptable.map((r) => ({ id: r.id as number, ref: r[ref] as string, data: keyOfRow(kind, r, seasons.get(r.id as number) ?? []) }));
  const claims = new Map<number, string[]>();
  const byRef = new Map(known.map((k) => [k.ref, k]));
  /** `shared`: several incoming entities match one of ours fully (kept as they are, not filtered). */
  const ambiguous: { ref: string; reason: string; candidates: Known<unknown>[]; shared?: boolean }[] = [];
  for (const i of incoming) {
    const found = find(kind, i.key, known);
    const same = found.candidates.length === 1 && !found.doubtful ? found.candidates[0]! : null;
    if (present.has(i.ref)) {
      // The incoming id is one we made up for an F1DB entity that is not this one (ATS 1963 vs ATS
      // 1977): move ours aside, as a later F1DB import would have named it, so the two stay apart.
      const ours = byRef.get(i.ref);
      if (!ours) continue;
      if (same?.id === ours.id) {
        // Our made-up id is Jolpica's too ('ferrari', 'monza'): Jolpica takes the row over as it is.
        // The alias goes (the id is public anyway), so later F1DB imports leave its columns alone.
        await tx.delete(s.entityAliases).where(and(eq(s.entityAliases.kind, kind), eq(s.entityAliases.source, 'apex'), eq(s.entityAliases.alias, i.ref)));
        continue;
      }
      await moveAside(tx, kind, ours.id, i.ref);
    }
    // An entity Jolpica brings that partly matches one F1DB created: both kept, listed.
    if (!same) {
      if (found.candidates.length > 0) ambiguous.push({ ref: i.ref, reason: found.reason, candidates: found.candidates as Known<unknown>[] });
      continue;
    }
    claims.set(same.id, [...(claims.get(same.id) ?? []), i.ref]);
  }
  let n = 0;
  for (const [id, refs] of claims) {
    if (refs.length !== 1) {
      // Two Jolpica entities for one of ours: leave it to a human.
      const ours = known.find((k) => k.id === id)!;
      for (const r of refs) ambiguous.push({ ref: r, reason: `${refs.length} ${kind}s match ${ours.ref}`, candidates: [ours], shared: true });
      continue;
    }
    await tx.update(table).set({ [ref]: refs[0] } as never).where(eq((table as typeof s.drivers).id, id));
    n++;
  }
  // Partial matches lose the candidates another incoming entity matches fully (match.ts, partial).
  const adopted = new Map([...claims].filter(([, refs]) => refs.length === 1));
  await listAmbiguous(tx, kind, ambiguous.map((a) => ({ ...a, candidates: a.shared ? a.candidates : partial(a.candidates, adopted) })));
  return n;
}

/** Jolpica entities kept apart from F1DB-created ones they partly match, listed like the F1DB import's (under their refs now). */
async function listAmbiguous(tx: DbOrTx, kind: Kind, list: readonly { ref: string; reason: string; candidates: Known<unknown>[] }[]): Promise<void> {
  const { table, ref } = tables[kind];
  const ids = [...new Set(list.flatMap((a) => a.candidates.map((c) => c.id)))];
  if (ids.length === 0) return;
  const refOf = new Map(((await tx.select().from(table).where(inArray((table as typeof s.drivers).id, ids))) as Record<string, unknown>[]).map((r) => [r.id as number, r[ref] as string]));
  for (const a of list.filter((x) => x.candidates.length > 0))
    await tx
      .insert(s.ambiguousMatches)
      .values({ kind, source: 'jolpica', sourceId: a.ref, reason: a.reason, candidates: a.candidates.map((c) => refOf.get(c.id)!) })
      .onConflictDoUpdate({ target: [s.ambiguousMatches.kind, s.ambiguousMatches.source, s.ambiguousMatches.sourceId], set: { reason: a.reason, candidates: a.candidates.map((c) => refOf.get(c.id)!) } });
}

/** Seasons each constructor of the graph took part in (results and team drivers of any source). */
export async function constructorSeasons(tx: DbOrTx): Promise<Map<number, number[]>> {
  const res = await tx.execute<{ constructor_id: number; years: number[] }>(
    sql`select constructor_id, array_agg(distinct season order by season) as years from (
          select r.constructor_id, ra.season from ${s.results} r join ${s.races} ra on ra.id = r.race_id
          union select constructor_id, season from ${s.teamDrivers}) x group by constructor_id`,
  );
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { constructor_id: number; years: number[] }[];
  return new Map(rows.map((r) => [r.constructor_id, r.years.map(Number)]));
}

/** Seasons raced at each circuit. */
export async function circuitSeasons(tx: DbOrTx): Promise<Map<number, number[]>> {
  const rows = await tx.selectDistinct({ circuitId: s.races.circuitId, season: s.races.season }).from(s.races);
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.circuitId, [...(out.get(r.circuitId) ?? []), r.season]);
  return out;
}

/** Give an F1DB-created entity the next free variant of `ref` ('ats' → 'ats_2'), and alias it so. */
async function moveAside(tx: DbOrTx, kind: Kind, id: number, ref: string): Promise<void> {
  const { table, ref: field } = tables[kind];
  const taken = new Set(((await tx.select().from(table)) as Record<string, unknown>[]).map((r) => r[field] as string));
  let next = ref;
  for (let n = 2; taken.has(next); n++) next = `${ref}_${n}`;
  await tx.update(table).set({ [field]: next } as never).where(eq((table as typeof s.drivers).id, id));
  await tx.delete(s.entityAliases).where(and(eq(s.entityAliases.kind, kind), eq(s.entityAliases.source, 'apex'), eq(s.entityAliases.alias, ref)));
  await tx.insert(s.entityAliases).values({ kind, source: 'apex', alias: next, entityId: id }).onConflictDoNothing();
}

function keyOfRow(kind: Kind, r: Record<string, unknown>, years: number[]): unknown {
  if (kind === 'driver') return { dateOfBirth: r.dateOfBirth, givenName: r.givenName, familyName: r.familyName };
  if (kind === 'constructor') return { names: [r.name], years };
  return { names: [r.name], place: r.locality, lat: r.lat, lng: r.lng, years };
}

function find(kind: Kind, key: unknown, known: Known<unknown>[]): Found<unknown> {
  if (kind === 'driver') return driverCandidates(key as never, known as never) as Found<unknown>;
  if (kind === 'constructor') return constructorCandidates(key as never, known as never) as Found<unknown>;
  return circuitCandidates(key as never, known as never) as Found<unknown>;
}

/** What the Jolpica writers pass: their rows' refs and natural keys. */
export const incomingDrivers = (rows: readonly { driverRef: string; dateOfBirth: string | null; givenName: string; familyName: string }[]) =>
  rows.map((r) => ({ ref: r.driverRef, key: { dateOfBirth: r.dateOfBirth, givenName: r.givenName, familyName: r.familyName } }));
export const incomingConstructors = (rows: readonly { constructorRef: string; name: string }[], years: ReadonlyMap<string, number[]> = new Map()) =>
  rows.map((r) => ({ ref: r.constructorRef, key: { names: [r.name], years: years.get(r.constructorRef) ?? [] } }));
export const incomingCircuits = (rows: readonly { circuitRef: string; name: string; locality: string | null; lat: number | null; lng: number | null }[], years: ReadonlyMap<string, number[]> = new Map()) =>
  rows.map((r) => ({ ref: r.circuitRef, key: { names: [r.name], place: r.locality, lat: r.lat, lng: r.lng, years: years.get(r.circuitRef) ?? [] } }));
