// Structural diff in the feed's own patch language, so one merge function (`applyPatch`) serves
// feed messages, replay seeks and derived views: applyPatch(copy(a), diffJson(a, b)) deep-equals b.
import type { JsonObject, JsonValue } from '../stream/merge.js';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The patch that turns `a` into `b`, or `undefined` when they are equal. Objects diff key by key
 * (removed keys in `_deleted`); arrays that grew or kept their length diff by index
 * (`{"3": …}`); a shorter array is sent whole, since the feed's `_deleted` on arrays shifts indexes.
 */
export function diffJson(a: JsonValue | undefined, b: JsonValue): JsonValue | undefined {
  if (a === b) return undefined;
  if (Array.isArray(b)) {
    if (!Array.isArray(a) || b.length < a.length) return b;
    const patch: JsonObject = {};
    let changed = false;
    for (let i = 0; i < b.length; i++) {
      const d = i < a.length ? diffJson(a[i], b[i]!) : b[i]!;
      if (d !== undefined) {
        patch[String(i)] = d;
        changed = true;
      }
    }
    return changed ? patch : undefined;
  }
  if (isObject(b)) {
    if (!isObject(a)) return b;
    const patch: JsonObject = {};
    let changed = false;
    for (const key of Object.keys(b)) {
      const d = key in a ? diffJson(a[key], b[key]!) : b[key]!;
      if (d !== undefined) {
        patch[key] = d;
        changed = true;
      }
    }
    const removed = Object.keys(a).filter((k) => !(k in b));
    if (removed.length > 0) {
      patch._deleted = removed;
      changed = true;
    }
    return changed ? patch : undefined;
  }
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)) ? undefined : b;
}
