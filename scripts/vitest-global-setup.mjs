// Root vitest config's global setup: tests spawn the built `apex` CLI (as users run it), so build
// first — `tsc -b` is incremental, a no-op of a few seconds when dist/ is current. `npm test` has
// just built and says so (APEX_TEST_BUILT), so it is skipped there.
import { build } from './lib.mjs';

export default function setup() {
  if (process.env.APEX_TEST_BUILT !== '1') build();
}
