// The feed sends sparse patches against a per-topic state: objects merge key by key, arrays are
// patched through objects keyed by index ("Sectors":{"1":{…}}), and `_deleted` lists keys to drop.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Applies one patch to a state value and returns the new value. Objects and arrays in `state` are
 * updated in place (callers that need history must clone first), which keeps replaying a whole
 * session linear in the number of messages.
 */
export function applyPatch(state: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (Array.isArray(patch)) return patch.map((v) => applyPatch(undefined, v));
  if (!isObject(patch)) return patch;
  if (Array.isArray(state)) {
    for (const [key, value] of Object.entries(patch)) {
      if (key === '_deleted' || key === '_kf') continue;
      const index = Number(key);
      if (Number.isInteger(index) && index >= 0) state[index] = applyPatch(state[index], value);
    }
    deleteKeys(state, patch._deleted);
    return state;
  }
  const target: JsonObject = isObject(state) ? state : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '_deleted' || key === '_kf') continue;
    target[key] = applyPatch(target[key], value);
  }
  deleteKeys(target, patch._deleted);
  return target;
}

function deleteKeys(target: JsonObject | JsonValue[], deleted: JsonValue | undefined): void {
  if (!Array.isArray(deleted)) return;
  for (const key of deleted) {
    if (Array.isArray(target)) {
      const i = Number(key);
      if (Number.isInteger(i)) target.splice(i, 1);
    } else if (typeof key === 'string' || typeof key === 'number') {
      delete target[String(key)];
    }
  }
}
