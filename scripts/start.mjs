// `npm start`: installs what is missing, builds, migrates the embedded database and starts the API.
import { build, ensureInstalled, run } from './lib.mjs';

ensureInstalled();
build();
run('node', ['apps/server/bin/apex.js', 'start']);
