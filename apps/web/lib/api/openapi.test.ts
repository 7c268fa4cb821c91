// The web app's API types are generated from the server's OpenAPI document (scripts/api-types.mjs).
// This fails when a route or schema changed and the committed types were not regenerated, so the
// web app is always type-checked against what the API really answers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain ESM script without type declarations
import { apiTypesDrift, typesFile } from '../../scripts/api-types.mjs';

describe('generated API types', () => {
  it('match the server’s current OpenAPI document', async () => {
    expect(await apiTypesDrift()).toBeNull();
  }, 180_000);

  it('type every session endpoint the web app reads', () => {
    const text: string = readFileSync(typesFile, 'utf8');
    for (const part of ['laps', 'stints', 'pitstops', 'race-control', 'track-status', 'weather', 'compare', 'track', 'gaps', 'drivers']) {
      expect(text).toContain(`"/api/v1/sessions/{year}/{round}/{session}/${part}"`);
    }
  });
});
