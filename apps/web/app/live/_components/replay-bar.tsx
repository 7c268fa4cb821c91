'use client';

import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Pause, Play, Square } from 'lucide-react';
import { ApiError, apiGet } from '@/lib/api/client';
import { clockText, controlReplay, startReplay, TOKEN_KEY } from '@/lib/live/replay';
import type { LiveRecording, LiveStatus } from '@/lib/live/types';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';

const SPEEDS = [1, 2, 5, 10, 20, 50, 100] as const;
/** Picker values of recordings (sessions are `round/session`). */
const RECORDING = 'recording:';
const YEARS = Array.from({ length: new Date().getUTCFullYear() - 2017 }, (_, i) => new Date().getUTCFullYear() - i);

interface SeasonSession {
  year: number;
  round: number;
  session: string;
  name: string;
  eventName: string;
}

/** Runs an admin command; asks for the token when the API wants one. */
function useAdminAction() {
  const [token, setToken] = React.useState('');
  const [needToken, setNeedToken] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  React.useEffect(() => setToken(sessionStorage.getItem(TOKEN_KEY) ?? ''), []);
  const run = async (action: (token: string) => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action(token);
      setNeedToken(false);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.code === 'APX_ERR_ADMIN_DISABLED')) setNeedToken(true);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const saveToken = (t: string) => {
    setToken(t);
    sessionStorage.setItem(TOKEN_KEY, t);
  };
  return { run, busy, error, needToken, token, saveToken };
}

export function ReplayBar({ status, compact = false }: { status: LiveStatus; compact?: boolean }) {
  const admin = useAdminAction();
  const [year, setYear] = React.useState(status.session?.year ?? 2025);
  const current = status.recording
    ? `${RECORDING}${status.recording.name}`
    : status.session?.round && status.session.session ? `${status.session.round}/${status.session.session}` : '';
  const [pick, setPick] = React.useState(current);
  const [speed, setSpeed] = React.useState(20);
  const sessions = useQuery({
    queryKey: ['sessions', year, 'catalogue'],
    queryFn: ({ signal }) => apiGet<{ items: SeasonSession[] }>(`/api/v1/sessions/${year}`, undefined, { signal }),
    staleTime: 60_000,
  });
  const recordings = useQuery({
    queryKey: ['live', 'recordings'],
    queryFn: ({ signal }) => apiGet<{ recordings: LiveRecording[] }>('/api/v1/live/recordings', undefined, { signal }),
    staleTime: 60_000,
  });
  const items = sessions.data?.items ?? [];
  const recs = recordings.data?.recordings ?? [];
  React.useEffect(() => {
    if (!pick && items[0]) setPick(`${items[0].round}/${items[0].session}`);
  }, [items, pick]);
  const replay = status.replay;
  const live = status.source === 'live';
  const [seekTo, setSeekTo] = React.useState<number | null>(null);

  const start = () => {
    if (pick.startsWith(RECORDING)) {
      void admin.run((t) => startReplay({ recording: pick.slice(RECORDING.length), speed }, t));
      return;
    }
    const [round, session] = pick.split('/');
    void admin.run((t) => startReplay({ year, round: Number(round), session: session!, speed }, t));
  };

  return (
    <section className="flex flex-col gap-2 rounded-lg border bg-card p-3" aria-label="Replay" data-testid="replay-bar">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-[10px] uppercase tracking-wider text-muted-foreground">
          Season
          <NativeSelect value={year} onChange={(e) => { setYear(Number(e.target.value)); setPick(''); }} aria-label="Season" disabled={live}>
            {YEARS.map((y) => <option key={y} value={y}>{y}</option>)}
          </NativeSelect>
        </label>
        <label className="flex min-w-0 basis-full flex-col gap-1 text-[10px] uppercase tracking-wider text-muted-foreground sm:flex-1 sm:basis-auto">
          Session
          <NativeSelect value={pick} onChange={(e) => setPick(e.target.value)} aria-label="Session to replay" className="w-full" disabled={live || (items.length === 0 && recs.length === 0)}>
            {items.length === 0 && <option value="">{sessions.isPending ? 'Loading…' : sessions.isError ? 'No archive for this season' : 'No sessions'}</option>}
            <optgroup label={`${year} sessions (archive)`}>
              {items.map((s) => (
                <option key={`${s.round}/${s.session}`} value={`${s.round}/${s.session}`}>
                  R{s.round} {s.eventName} · {s.name}
                </option>
              ))}
            </optgroup>
            {recs.length > 0 && (
              <optgroup label="Recordings of the live feed">
                {recs.map((r) => (
                  <option key={r.name} value={`${RECORDING}${r.name}`}>
                    {r.name} ({r.format === 'fastf1' ? 'FastF1' : 'apex live record'}, {Math.max(1, Math.round(r.bytes / 1024))} KB)
                  </option>
                ))}
              </optgroup>
            )}
          </NativeSelect>
        </label>
        <label className="flex flex-col gap-1 text-[10px] uppercase tracking-wider text-muted-foreground">
          Speed
          <NativeSelect
            value={replay && !compact ? String(replay.speed) : String(speed)}
            aria-label="Replay speed"
            onChange={(e) => {
              const v = Number(e.target.value);
              setSpeed(v);
              if (replay) void admin.run((t) => controlReplay({ action: 'speed', speed: v }, t));
            }}
          >
            {SPEEDS.map((s) => <option key={s} value={s}>×{s}</option>)}
          </NativeSelect>
        </label>
        <Button onClick={start} disabled={live || admin.busy || !pick} data-testid="replay-start">
          <Play /> Replay
        </Button>
      </div>
      {replay && (
        <div className="flex items-center gap-2">
          <Button
            size="icon"
            variant="outline"
            aria-label={replay.paused ? 'Play' : 'Pause'}
            data-testid="replay-toggle"
            onClick={() => void admin.run((t) => controlReplay({ action: replay.paused ? 'resume' : 'pause' }, t))}
          >
            {replay.paused ? <Play /> : <Pause />}
          </Button>
          <input
            type="range"
            aria-label="Seek"
            data-testid="replay-seek"
            className="min-w-0 flex-1 accent-[var(--primary)]"
            min={0}
            max={Math.round(replay.durationMs / 1000)}
            value={seekTo ?? Math.round(replay.positionMs / 1000)}
            onChange={(e) => setSeekTo(Number(e.target.value))}
            onPointerUp={() => {
              if (seekTo !== null) void admin.run((t) => controlReplay({ action: 'seek', to: seekTo }, t)).then(() => setSeekTo(null));
            }}
            onKeyUp={() => {
              if (seekTo !== null) void admin.run((t) => controlReplay({ action: 'seek', to: seekTo }, t)).then(() => setSeekTo(null));
            }}
          />
          <span className="w-28 shrink-0 text-right text-xs tabular-nums text-muted-foreground" data-testid="replay-position">
            {clockText(seekTo !== null ? seekTo * 1000 : replay.positionMs)} / {clockText(replay.durationMs)}
          </span>
          <Button size="icon" variant="ghost" aria-label="Stop replay" onClick={() => void admin.run((t) => controlReplay({ action: 'stop' }, t))}>
            <Square />
          </Button>
        </div>
      )}
      {live && <p className="text-xs text-muted-foreground">A session is live: replays are available when it ends.</p>}
      {admin.needToken && (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <label htmlFor="live-admin-token" className="text-xs text-muted-foreground">Replays are started by the server’s admin: admin token (APEX_ADMIN_TOKEN)</label>
          <Input id="live-admin-token" type="password" className="w-56" value={admin.token} onChange={(e) => admin.saveToken(e.target.value)} autoComplete="off" />
        </form>
      )}
      {admin.error && <p className="text-xs text-destructive" role="status">{admin.error}</p>}
    </section>
  );
}
