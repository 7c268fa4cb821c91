// `npm start`: installs what is missing, builds, migrates the embedded database and starts the API.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, buildWeb, ensureInstalled, root, run } from './lib.mjs';

ensureInstalled();
build();
buildWeb();
// A .env at the repository root (see .env.example) configures the server.
const envFile = existsSync(join(root, '.env')) ? ['--env-file=.env'] : [];
// `npm start` is for people: readable logs unless the environment or .env chose a format.
const chosen = process.env.LOG_FORMAT || (envFile.length && /^\s*LOG_FORMAT\s*=\s*\S/m.test(readFileSync(join(root, '.env'), 'utf8')));
run('node', [...envFile, 'apps/server/bin/apex.js', 'start'], { env: chosen ? process.env : { ...process.env, LOG_FORMAT: 'pretty' } });
