import { readFileSync } from 'node:fs';

// src/http and dist/http sit at the same depth, so the package manifest is two levels up from both.
export const serverVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
