'use client';

import * as React from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Download, Loader2 } from 'lucide-react';
import type { SessionInfo } from '@/lib/api/session-types';
import { jobQueryOptions, sessionKeys, startSessionLoad, type SessionKey } from '@/lib/queries/sessions';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { ErrorState } from '@/components/data/states';

const TOKEN_KEY = 'apex-admin-token';

/**
 * A session that is not loaded yet. Where the API loads sessions on demand (`info.onDemand`: a local
 * install by default) the load starts as soon as the page opens and its progress shows; a failed
 * load is not retried by itself. Where loads need the admin token (a deployment), ask for it.
 */
export function LoadPanel({ sessionKey, info }: { sessionKey: SessionKey; info: SessionInfo }) {
  const qc = useQueryClient();
  const [token, setToken] = React.useState('');
  const [jobId, setJobId] = React.useState<string | null>(info.status.jobId);
  const [error, setError] = React.useState<unknown>(null);
  const [starting, setStarting] = React.useState(false);
  React.useEffect(() => setToken(sessionStorage.getItem(TOKEN_KEY) ?? ''), []);
  const job = useQuery({ ...jobQueryOptions(jobId ?? ''), enabled: jobId !== null });

  React.useEffect(() => {
    if (job.data?.state === 'done') void qc.invalidateQueries({ queryKey: sessionKeys.detail(sessionKey) });
  }, [job.data?.state]); // eslint-disable-line react-hooks/exhaustive-deps

  const state = job.data?.state ?? (info.status.state === 'loading' ? 'running' : null);
  const percent = job.data?.percent ?? info.status.percent ?? 0;
  const stage = job.data?.stage ?? info.status.stage;
  const failed = job.data?.state === 'failed' ? job.data.error : info.status.state === 'failed' ? info.status.error : null;
  const cmd = `npx apex session load ${sessionKey.year} ${sessionKey.round} ${sessionKey.session}`;

  const load = async () => {
    setStarting(true);
    setError(null);
    try {
      if (!info.onDemand) sessionStorage.setItem(TOKEN_KEY, token);
      setJobId(await startSessionLoad(sessionKey, info.onDemand ? null : token));
    } catch (err) {
      setError(err);
    } finally {
      setStarting(false);
    }
  };
  const start = (e: React.FormEvent) => {
    e.preventDefault();
    void load();
  };
  // On demand: opening the page is the request to load it (once; never over a failed load).
  const autoStarted = React.useRef(false);
  React.useEffect(() => {
    if (!info.onDemand || autoStarted.current || jobId !== null || info.status.state !== 'not_loaded') return;
    autoStarted.current = true;
    void load();
  }, [info.onDemand, info.status.state, jobId]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Card data-state="not-loaded">
      <CardHeader>
        <CardTitle>{state === 'running' || state === 'queued' ? 'Loading session…' : 'Session not loaded'}</CardTitle>
        <CardDescription>Timing, tyres, weather and telemetry come from the F1 live-timing archive after one background load.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {state === 'running' || state === 'queued' ? (
          <div role="status" aria-live="polite" className="flex flex-col gap-2">
            <div className="flex items-center gap-2 text-sm">
              <Loader2 aria-hidden className="size-4 animate-spin" /> {stage ?? 'queued'} · {Math.round(percent)}%
            </div>
            <div className="h-2 w-full max-w-md overflow-hidden rounded bg-muted" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)} aria-label="Load progress">
              <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
            </div>
          </div>
        ) : (
          <>
            {failed ? <ErrorState error={new Error(failed)} title="The last load failed" /> : null}
            {info.onDemand ? (
              <div className="flex items-center gap-3">
                <Button onClick={() => void load()} disabled={starting}>
                  {starting ? <Loader2 aria-hidden className="animate-spin" /> : <Download aria-hidden />} {failed ? 'Try again' : 'Load'}
                </Button>
                <span className="text-xs text-muted-foreground">{starting ? 'Starting the load…' : 'This server loads sessions on request.'}</span>
              </div>
            ) : (
              <form onSubmit={start} className="flex max-w-md flex-col gap-2">
                <label htmlFor="admin-token" className="text-xs font-semibold uppercase tracking-wider text-muted-foreground">
                  Admin token (APEX_ADMIN_TOKEN)
                </label>
                <div className="flex gap-2">
                  <Input id="admin-token" type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" required />
                  <Button type="submit" disabled={starting || !token}>
                    {starting ? <Loader2 aria-hidden className="animate-spin" /> : <Download aria-hidden />} Load
                  </Button>
                </div>
              </form>
            )}
            {error ? <ErrorState error={error} title="Could not start the load" /> : null}
            <p className="text-xs text-muted-foreground">
              Or from a terminal: <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-foreground">{cmd}</code>
            </p>
          </>
        )}
      </CardContent>
    </Card>
  );
}
