// `npm test`: works on a fresh clone — installs, builds, then runs every test suite.
import { build, ensureInstalled, run } from './lib.mjs';

process.env.TZ = 'UTC';
ensureInstalled();
build();
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
