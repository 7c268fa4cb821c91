/**
 * Where the API listens, seen from the web server process. Read at request time (not baked in at
 * build) so one production build serves any deployment: API_ORIGIN wins, else the API's PORT on
 * loopback — the same default `apex serve` uses.
 */
export function apiOrigin(env: Record<string, string | undefined> = process.env): string {
  const explicit = env.API_ORIGIN?.trim();
  if (explicit) return explicit.replace(/\/+$/, '');
  const port = env.PORT && /^\d+$/.test(env.PORT) ? env.PORT : '8000';
  return `http://127.0.0.1:${port}`;
}
