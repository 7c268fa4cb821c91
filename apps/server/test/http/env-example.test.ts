// .env.example documents every configuration variable, and every documented default is the real one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig, repoRoot } from '../../src/config.js';

const example = readFileSync(join(repoRoot, '.env.example'), 'utf8');
const documented = new Map([...example.matchAll(/^#?([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));

describe('.env.example', () => {
  it('names every variable of the configuration schema, and no other', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(configSchema.properties).sort());
  });

  it('shows the actual defaults for the simple settings', () => {
    const defaults = loadConfig({});
    for (const key of ['PORT', 'HOST', 'WEB_PORT', 'APEX_RATE_LIMIT', 'APEX_AUTOLOAD', 'LOG_LEVEL', 'APEX_OFFLINE'] as const) {
      expect(documented.get(key), key).toBe(String(defaults[key]));
    }
  });

  it('holds only values the configuration accepts', () => {
    const env = Object.fromEntries([...documented].filter(([, v]) => v !== ''));
    expect(() => loadConfig(env)).not.toThrow();
  });
});
