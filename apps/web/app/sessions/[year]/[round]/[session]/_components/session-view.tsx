'use client';

import * as React from 'react';
import { AppLink as Link } from '@/components/app-link';
import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import type { SessionInfo } from '@/lib/api/session-types';
import { compareQueryOptions, sessionDriversQueryOptions, sessionLapsQueryOptions, sessionQueryOptions, type SessionKey } from '@/lib/queries/sessions';
import { raceQueryOptions } from '@/lib/queries/races';
import { PageHeader } from '@/components/layout/page-header';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { NativeSelect } from '@/components/ui/native-select';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/data/states';
import { defaultLapPicks, formatLapPicks, resolvedPicks, type LapPick } from '@/lib/shape/telemetry';
import { sessionCodes } from '@/lib/shape/sessions';
import { pickEnum, sessionLabel } from '@/lib/params';
import { formatDate } from '@/lib/format/time';
import { useSearchParam } from '@/hooks/use-search-param';
import { LoadPanel } from './load-panel';
import { LapsTable } from './laps-table';
import { ComparePanel } from './compare-panel';
import { StrategyPanel } from './strategy-panel';
import { WeatherPanel } from './weather-panel';
import { RaceControlPanel } from './race-control-panel';
import { AnalysisPanel } from './analysis-panel';

const VIEWS = ['telemetry', 'laps', 'strategy', 'analysis', 'weather', 'race-control'] as const;

export function SessionView({ sessionKey }: { sessionKey: SessionKey }) {
  const info = useQuery(sessionQueryOptions(sessionKey));
  return (
    <>
      <Header sessionKey={sessionKey} info={info.data ?? null} />
      {info.isPending ? (
        <TableSkeleton rows={12} />
      ) : info.isError ? (
        <ErrorState error={info.error} retry={() => info.refetch()} />
      ) : info.data.status.state !== 'loaded' ? (
        <LoadPanel sessionKey={sessionKey} info={info.data} />
      ) : (
        <LoadedSession sessionKey={sessionKey} raceLike={info.data.kind === 'race'} hasTelemetry={info.data.data?.hasTelemetry !== false} />
      )}
    </>
  );
}

function Header({ sessionKey, info }: { sessionKey: SessionKey; info: SessionInfo | null }) {
  const router = useRouter();
  const race = useQuery(raceQueryOptions(sessionKey.year, sessionKey.round));
  const codes = race.data ? sessionCodes(race.data) : [];
  const options = codes.includes(sessionKey.session) ? codes : [...codes, sessionKey.session];
  return (
    <PageHeader
      eyebrow={
        <span>
          <Link href={`/races/${sessionKey.year}/${sessionKey.round}`} className="hover:underline">
            {sessionKey.year} · Round {sessionKey.round}
          </Link>
        </span>
      }
      title={`${info?.eventName ?? race.data?.name ?? 'Session'} · ${info?.name ?? sessionLabel(sessionKey.session, sessionKey.year)}`}
      actions={
        <label className="inline-flex items-center gap-2 text-xs">
          <span className="font-semibold uppercase tracking-wider text-muted-foreground">Session</span>
          <NativeSelect
            value={sessionKey.session}
            onChange={(e) => router.push(`/sessions/${sessionKey.year}/${sessionKey.round}/${e.target.value}`)}
            aria-label="Choose a session of this weekend"
          >
            {options.map((c) => (
              <option key={c} value={c}>
                {sessionLabel(c, sessionKey.year)}
              </option>
            ))}
          </NativeSelect>
        </label>
      }
    >
      {info?.startUtc ? formatDate(info.startUtc) : race.data ? formatDate(race.data.date) : null}
    </PageHeader>
  );
}

function LoadedSession({ sessionKey, raceLike, hasTelemetry }: { sessionKey: SessionKey; raceLike: boolean; hasTelemetry: boolean }) {
  const laps = useQuery(sessionLapsQueryOptions(sessionKey));
  const drivers = useQuery(sessionDriversQueryOptions(sessionKey));
  const [viewParam, setView] = useSearchParam('view');
  const defaultView = hasTelemetry ? 'telemetry' : 'laps';
  const view = pickEnum(viewParam, VIEWS, defaultView);
  const [lapsParam, setLapsParam] = useSearchParam('laps');

  // The URL's laps go to the API as written; the API parses them and answers with the laps it
  // resolved, which are the ones shown as chosen. Default: the three quickest drivers' fastest laps.
  const compared = lapsParam ?? (laps.data ? formatLapPicks(defaultLapPicks(laps.data.items, 3)) : '');
  const comparison = useQuery({ ...compareQueryOptions(sessionKey, compared), enabled: hasTelemetry && compared !== '' });
  const picks = React.useMemo(() => resolvedPicks(comparison.data), [comparison.data]);
  const setPicks = (p: LapPick[]) => setLapsParam(p.length ? formatLapPicks(p) : null);

  if (laps.isError) return <ErrorState error={laps.error} retry={() => laps.refetch()} />;
  if (drivers.isError) return <ErrorState error={drivers.error} retry={() => drivers.refetch()} />;
  // The comparison only waits for the laps when it has to pick the default laps from them.
  const lapsReady = laps.data !== undefined && drivers.data !== undefined;

  return (
    <Tabs value={view} onValueChange={(v) => setView(v === defaultView ? null : v)}>
      <TabsList aria-label="Session data" className="flex-wrap">
        {VIEWS.map((v) => (
          <TabsTrigger key={v} value={v}>
            {v.replace('-', ' ')}
          </TabsTrigger>
        ))}
      </TabsList>
      <TabsContent value="telemetry">
        {hasTelemetry ? (
          compared === '' && !laps.data ? (
            <TableSkeleton rows={12} />
          ) : (
            <ComparePanel sessionKey={sessionKey} laps={compared} drivers={drivers.data?.items} />
          )
        ) : (
          <EmptyState title="No car telemetry in the archive for this session">
            The live-timing archive has timing and tyres for it but no CarData/Position streams. Laps, strategy and weather are available.
          </EmptyState>
        )}
      </TabsContent>
      <TabsContent value="laps">
        <Card>
          <CardHeader>
            <CardTitle>Laps</CardTitle>
          </CardHeader>
          <CardContent>
            {lapsReady ? (
              <LapsTable laps={laps.data!.items} drivers={drivers.data!.items} picks={picks} onPicks={hasTelemetry ? setPicks : undefined} />
            ) : (
              <TableSkeleton rows={12} />
            )}
          </CardContent>
        </Card>
      </TabsContent>
      <TabsContent value="strategy">
        {lapsReady ? <StrategyPanel sessionKey={sessionKey} laps={laps.data!.items} drivers={drivers.data!.items} raceLike={raceLike} /> : <TableSkeleton rows={12} />}
      </TabsContent>
      <TabsContent value="analysis">
        {drivers.data ? <AnalysisPanel sessionKey={sessionKey} drivers={drivers.data.items} raceLike={raceLike} /> : <TableSkeleton rows={12} />}
      </TabsContent>
      <TabsContent value="weather">
        {lapsReady ? <WeatherPanel sessionKey={sessionKey} laps={laps.data!.items} /> : <TableSkeleton rows={8} />}
      </TabsContent>
      <TabsContent value="race-control">
        {lapsReady ? <RaceControlPanel sessionKey={sessionKey} laps={laps.data!.items} drivers={drivers.data!.items} raceLike={raceLike} /> : <TableSkeleton rows={12} />}
      </TabsContent>
    </Tabs>
  );
}
