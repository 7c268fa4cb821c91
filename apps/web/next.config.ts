import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

// The API is reached through this app's own origin: proxy.ts forwards /api, /ergast, /docs and
// /openapi.json at request time, so one build works against any API origin (API_ORIGIN / PORT).
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // One lockfile at the monorepo root: trace and bundle from there.
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  images: { unoptimized: true },
};

export default config;
