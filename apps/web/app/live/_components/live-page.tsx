'use client';

import * as React from 'react';
import { KeyRound, Loader2, RadioTower, WifiOff } from 'lucide-react';
import { useSearchParam } from '@/hooks/use-search-param';
import { useLiveStream } from '@/lib/live/use-live-stream';
import type { LiveView } from '@/lib/live/types';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { PageHeader } from '@/components/layout/page-header';
import { RaceControl, SessionStrip, Weather } from './panels';
import { ReplayBar } from './replay-bar';
import { TimingTower } from './timing-tower';
import { TrackMap } from './track-map';

const MAX_DELAY = 600;

/** `?delay=` → seconds, within what the server keeps. */
export function parseDelay(value: string | null): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? Math.min(MAX_DELAY, Math.max(0, Math.round(n))) : 0;
}

function DelayControl({ delay, onChange }: { delay: number; onChange: (s: number) => void }) {
  const [text, setText] = React.useState(String(delay));
  React.useEffect(() => setText(String(delay)), [delay]);
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onChange(parseDelay(text));
      }}
      data-testid="delay-control"
    >
      <label htmlFor="live-delay" className="text-[10px] uppercase tracking-wider text-muted-foreground">
        Delay (s)
      </label>
      <Input id="live-delay" inputMode="numeric" className="h-8 w-16 tabular-nums" value={text} onChange={(e) => setText(e.target.value)} onBlur={() => onChange(parseDelay(text))} />
      {[0, 30, 60].map((s) => (
        <button key={s} type="button" className="rounded border px-1.5 py-1 text-xs text-muted-foreground hover:text-foreground aria-pressed:border-primary aria-pressed:text-foreground" aria-pressed={delay === s} onClick={() => onChange(s)}>
          {s}s
        </button>
      ))}
    </form>
  );
}

function Connecting() {
  return (
    <div className="flex flex-col gap-3" data-testid="live-connecting">
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Loader2 className="size-4 animate-spin" /> Connecting to the live timing…
      </p>
      <Skeleton className="h-10 w-full" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}

function NothingLive({ view }: { view: LiveView }) {
  return (
    <div className="flex flex-col gap-3" data-testid="live-idle">
      <Alert>
        <RadioTower />
        <AlertTitle>No session is live right now</AlertTitle>
        <AlertDescription>
          When F1 streams a session it appears here by itself. Meanwhile, replay any archived session — or a recording of the live feed —
          as if it were live, with pause, seek, speed and the same broadcast delay.
        </AlertDescription>
      </Alert>
      <ReplayBar status={view.status} />
    </div>
  );
}

export function LivePage() {
  const [delayParam, setDelayParam] = useSearchParam('delay');
  const delay = parseDelay(delayParam);
  const { view, state, receivedAt } = useLiveStream(delay);
  const status = view?.status;
  const title = status?.session?.name ?? view?.session?.meeting ?? 'Live timing';

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        className="mb-0"
        eyebrow={status && status.source !== 'none' ? ({ replay: 'Replay', recording: 'Recording', live: 'Live' } as const)[status.source] : undefined}
        title={title}
        actions={<DelayControl delay={delay} onChange={(s) => setDelayParam(s === 0 ? null : String(s))} />}
      />
      {state === 'reconnecting' && (
        <Alert variant="destructive" data-testid="live-reconnecting">
          <WifiOff />
          <AlertTitle>Reconnecting…</AlertTitle>
          <AlertDescription>The connection to the server dropped; showing the last state received. It resumes where it stopped.</AlertDescription>
        </Alert>
      )}
      {!view ? (
        <Connecting />
      ) : view.status.source === 'none' ? (
        <NothingLive view={view} />
      ) : (
        <>
          {view.status.topicsMissing.length > 0 && (view.status.source === 'recording' || !view.status.tokenConfigured) && (
            <Alert data-testid="topics-missing">
              <KeyRound />
              <AlertTitle>Car positions and telemetry are not in this {view.status.source === 'recording' ? 'recording' : 'feed'}</AlertTitle>
              {view.status.source === 'recording' ? (
                <AlertDescription>
                  It was recorded without an F1TV token: since August 2025 F1 sends {view.status.topicsMissing.join(', ')} only to F1TV
                  subscribers. Set <code>APEX_F1TV_TOKEN</code> on the server before <code>apex live record</code> to keep them; the token never
                  leaves the server.
                </AlertDescription>
              ) : (
                <AlertDescription>
                  Since August 2025 F1 sends {view.status.topicsMissing.join(', ')} only to F1TV subscribers. Set <code>APEX_F1TV_TOKEN</code> on the
                  server to receive them; the token never leaves the server.
                </AlertDescription>
              )}
            </Alert>
          )}
          {view.status.message && <p className="text-sm text-muted-foreground">{view.status.message}</p>}
          <SessionStrip view={view} />
          <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_380px]">
            {view.tower ? <TimingTower tower={view.tower} delayKey={String(delay)} /> : <Skeleton className="h-96" />}
            <div className="flex flex-col gap-3">
              <TrackMap view={view} receivedAt={receivedAt} />
              <Weather weather={view.weather ?? null} />
              <RaceControl messages={view.raceControl ?? []} />
            </div>
          </div>
          {view.status.source !== 'live' && <ReplayBar status={view.status} />}
        </>
      )}
    </div>
  );
}
