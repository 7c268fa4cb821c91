// `npm start`: installs what is missing, builds, migrates the embedded database and starts the API.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build, buildWeb, ensureInstalled, root, run } from './lib.mjs';

ensureInstalled();
build();
buildWeb();
// A .env at the repository root (see .env.example) configures the server.
const envFile = existsSync(join(root, '.env')) ? ['--env-file=.env'] : [];
run('node', [...envFile, 'apps/server/bin/apex.js', 'start']);
