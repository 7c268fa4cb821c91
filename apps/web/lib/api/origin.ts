/**
 * Where the API listens, seen from the web server process. Read at request time (not baked in at
 * build) so one production build serves any deployment. `apex start` passes APEX_API_URL; the
 * docker-compose deployment passes API_ORIGIN. PORT is deliberately not read: `next start` uses it
 * for the web app's own port.
 */
export function apiOrigin(env: Record<string, string | undefined> = process.env): string {
  const explicit = (env.APEX_API_URL || env.API_ORIGIN)?.trim();
  if (explicit) return explicit.replace(/\/+$/, '');
  const port = env.API_PORT && /^\d+$/.test(env.API_PORT) ? env.API_PORT : '8000';
  return `http://127.0.0.1:${port}`;
}
