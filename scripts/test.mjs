// `npm test`: works on a fresh clone — installs, builds, then runs every test suite.
import { build, ensureInstalled, run } from './lib.mjs';

process.env.TZ = 'UTC';
ensureInstalled();
build();
process.env.APEX_TEST_BUILT = '1'; // the vitest global setup need not build again
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
// Browser tests of the web app (production build, real API, Debian Chromium): full runs only.
if (process.argv.length <= 2) run('npx', ['vitest', 'run', '--config', 'apps/web/vitest.e2e.config.ts']);
