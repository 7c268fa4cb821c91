// Replay commands (admin endpoints). The admin token is the one the session pages ask for, kept in
// this tab's sessionStorage; the API answers 401/503 without it, and the page asks for it then.
import { ApiError } from '../api/client';

export const TOKEN_KEY = 'apex-admin-token';

async function post(path: string, body: object, token: string): Promise<void> {
  const res = await fetch(`/api/v1/live/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.ok) return;
  let code = `http_${res.status}`;
  let message = res.statusText;
  try {
    const e = (await res.json()) as { error?: { code?: string; message?: string } };
    code = e.error?.code ?? code;
    message = e.error?.message ?? message;
  } catch {
    // not JSON
  }
  throw new ApiError(res.status, code, message);
}

export const startReplay = (body: ({ year: number; round: number; session: string } | { recording: string }) & { speed?: number; from?: number }, token: string) => post('replay', body, token);
export const controlReplay = (body: { action: 'pause' | 'resume' | 'seek' | 'speed' | 'stop'; to?: number; speed?: number }, token: string) => post('control', body, token);

/** "1:02:03" / "12:34" for a duration in ms. */
export function clockText(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–:––';
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
