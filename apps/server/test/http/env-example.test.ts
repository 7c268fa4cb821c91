// .env.example documents every configuration variable, and every documented default is the real one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig, loadsOnDemand, repoRoot } from '../../src/config.js';

const example = readFileSync(join(repoRoot, '.env.example'), 'utf8');
const documented = new Map([...example.matchAll(/^#?([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));

describe('.env.example', () => {
  it('names every variable of the configuration schema, and no other', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(configSchema.properties).sort());
  });

  it('shows the actual defaults for the simple settings', () => {
    const defaults = loadConfig({});
    for (const key of ['PORT', 'HOST', 'WEB_PORT', 'APEX_RATE_LIMIT', 'LOG_LEVEL', 'APEX_OFFLINE'] as const) {
      expect(documented.get(key), key).toBe(String(defaults[key]));
    }
  });

  it('leaves APEX_AUTOLOAD unset: on for a loopback-only API, off for one other machines reach, or as set', () => {
    expect(documented.get('APEX_AUTOLOAD')).toBe('');
    const unset = loadConfig({});
    expect(unset.APEX_AUTOLOAD).toBeUndefined();
    expect(loadsOnDemand(unset, unset.HOST)).toBe(true);
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) expect(loadsOnDemand(unset, host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'apex.example.org']) expect(loadsOnDemand(unset, host), host).toBe(false);
    expect(loadsOnDemand(loadConfig({ APEX_AUTOLOAD: 'false' }), '127.0.0.1')).toBe(false);
    expect(loadsOnDemand(loadConfig({ APEX_AUTOLOAD: 'true' }), '0.0.0.0')).toBe(true);
  });

  it('holds only values the configuration accepts', () => {
    const env = Object.fromEntries([...documented].filter(([, v]) => v !== ''));
    expect(() => loadConfig(env)).not.toThrow();
  });
});
