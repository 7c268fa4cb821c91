// Tolerant readers for the merged feed state: the feed sends numbers as strings, lists as
// index-keyed objects, and leaves holes; views read through these instead of trusting shapes.
import type { JsonObject, JsonValue } from '../../stream/merge.js';
import { parseDuration } from '../../timing/time.js';

export const obj = (v: JsonValue | undefined): JsonObject | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : null);

/** Items of a list sent as an array or as an index-keyed object, in index order, holes skipped. */
export function items(v: JsonValue | undefined): JsonValue[] {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined && x !== null);
  const o = obj(v);
  if (!o) return [];
  return Object.keys(o).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b)).map((k) => o[k]!);
}

/** Item `i` of a list sent as an array or an index-keyed object. */
export const at = (v: JsonValue | undefined, i: number): JsonValue | undefined => (Array.isArray(v) ? v[i] : obj(v)?.[String(i)]);

export const str = (v: JsonValue | undefined): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
export const bool = (v: JsonValue | undefined): boolean => v === true || v === 'true';

export function num(v: JsonValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** A feed duration ("1:23.456", "23.456") in ms; null when empty or unreadable. */
export function ms(v: JsonValue | undefined): number | null {
  const d = parseDuration(v);
  return Number.isNaN(d) ? null : d;
}
