// The web app's API types, generated from the server's own OpenAPI document (built in-process from
// the server's routes: no network, no running server) with openapi-typescript.
//
//   node scripts/api-types.mjs          write lib/api/openapi.gen.ts
//   node scripts/api-types.mjs --check  exit 1 when the committed file differs (the web build runs this)
//
// Needs the server built (`npm run build` at the repository root).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const typesFile = fileURLToPath(new URL('../lib/api/openapi.gen.ts', import.meta.url));

const banner = `// GENERATED from the API's OpenAPI document by apps/web/scripts/api-types.mjs — do not edit.
// Regenerate after changing a route or schema: npm run api-types -w apps/web
`;

/** The generated module's text for the server's current routes. */
export async function generateApiTypes() {
  const { openapiDocument } = await import('@apexdata/server/openapi');
  const ast = await openapiTS(JSON.parse(await openapiDocument()));
  return banner + astToString(ast);
}

/** Null when the committed types match the API; otherwise why not, in one line. */
export async function apiTypesDrift() {
  let committed = '';
  try {
    committed = readFileSync(typesFile, 'utf8');
  } catch {
    return `${typesFile} is missing: run npm run api-types -w apps/web`;
  }
  return committed === (await generateApiTypes())
    ? null
    : 'apps/web/lib/api/openapi.gen.ts is out of date with the API\'s OpenAPI document: run `npm run api-types -w apps/web` and commit it';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--check')) {
      const drift = await apiTypesDrift();
      if (drift) {
        console.error(`api-types: ${drift}`);
        process.exit(1);
      }
    } else {
      writeFileSync(typesFile, await generateApiTypes());
      console.log(`api-types: wrote ${typesFile}`);
    }
  } catch (err) {
    console.error(`api-types: ${err instanceof Error ? err.message.split('\n')[0] : err} (is the server built? npm run build)`);
    process.exit(1);
  }
}
