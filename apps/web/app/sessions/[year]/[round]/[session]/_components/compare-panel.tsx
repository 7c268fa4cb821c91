'use client';

import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Comparison, SessionDriver } from '@/lib/api/session-types';
import { compareQueryOptions, trackQueryOptions, type SessionKey } from '@/lib/queries/sessions';
import { ChartSkeleton, EmptyState, ErrorState } from '@/components/data/states';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ToggleGroup, ToggleGroupItem } from '@/components/ui/toggle-group';
import { formatDuration, formatGap } from '@/lib/format/time';
import { pickEnum } from '@/lib/params';
import { useSearchParam } from '@/hooks/use-search-param';
import { cn } from '@/lib/utils';
import { TelemetryStack } from './telemetry-stack';
import { lapStyles, type LapStyle } from '@/lib/shape/lap-styles';
import { BRAKE_OFF, BRAKE_ON, throttleColour } from '@/lib/shape/track-colours';
import { MAP_MODES, TrackMap, type MapMode } from './track-map';

export function ComparePanel({ sessionKey, laps, drivers }: { sessionKey: SessionKey; laps: string; drivers: SessionDriver[] | undefined }) {
  const compare = useQuery(compareQueryOptions(sessionKey, laps));
  const track = useQuery(trackQueryOptions(sessionKey));
  const [modeParam, setMode] = useSearchParam('map');
  const mode = pickEnum(modeParam, MAP_MODES, 'speed');
  // Whose speed/throttle/brake colours the track: `maplap=VER:12` (default the reference lap).
  const [pedalParam, setPedalLap] = useSearchParam('maplap');
  const [cursor, setCursor] = React.useState<number | null>(null);
  const ready = compare.data !== undefined && drivers !== undefined;
  // The telemetry charts come first; the track map and sector table follow in a later render.
  const lateComparison = React.useDeferredValue(ready ? compare.data! : null);
  const lateTrack = React.useDeferredValue(track.data);
  const styles = React.useMemo(
    () => (drivers ? lapStyles(compare.data?.laps ?? [], drivers) : []),
    [compare.data, drivers],
  );
  // bench:web measures from the moment everything the charts need is here to their first draw.
  const marked = React.useRef<unknown>(null);
  if (ready && marked.current !== compare.data) {
    marked.current = compare.data;
    performance.mark('apex:compare-data');
  }

  const compared = compare.data?.laps ?? [];
  const pedalPicked = compared.findIndex((l) => `${l.driver}:${l.lapNumber}` === pedalParam);
  const pedalLap = pedalPicked >= 0 ? pedalPicked : (compare.data?.reference ?? 0);
  const hasChannel = (c: MapMode) => (compare.data?.channels as Record<string, unknown> | undefined)?.[c] !== undefined;

  if (laps === '') return <EmptyState title="No laps chosen">Tick up to five laps in the laps table to compare their telemetry.</EmptyState>;
  if (compare.isError) return <ErrorState error={compare.error} retry={() => compare.refetch()} title="Could not load the comparison" />;

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_380px]">
      <Card>
        <CardHeader>
          <CardTitle>Telemetry</CardTitle>
          <CardDescription>against distance · drag to zoom, double-click to reset</CardDescription>
        </CardHeader>
        <CardContent>
          {drivers !== undefined ? (
            <TelemetryStack comparison={ready ? compare.data! : null} styles={styles} onCursor={setCursor} onDrawn={() => performance.mark('apex:compare-drawn')} />
          ) : (
            <ChartSkeleton height={700} />
          )}
        </CardContent>
      </Card>
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>Track</CardTitle>
            <ToggleGroup type="single" value={mode} onValueChange={(v) => v && setMode(v === 'speed' ? null : v)} aria-label="Colour the track by">
              <ToggleGroupItem value="speed">Speed</ToggleGroupItem>
              <ToggleGroupItem value="fastest" disabled={(compare.data?.laps.length ?? 0) < 2}>
                Fastest
              </ToggleGroupItem>
              <ToggleGroupItem value="throttle" disabled={!hasChannel('throttle')}>
                Throttle
              </ToggleGroupItem>
              <ToggleGroupItem value="brake" disabled={!hasChannel('brake')}>
                Brake
              </ToggleGroupItem>
            </ToggleGroup>
          </CardHeader>
          <CardContent className="flex justify-center">
            {track.isError ? (
              <ErrorState error={track.error} retry={() => track.refetch()} title="No track map" />
            ) : lateTrack ? (
              <TrackMap track={lateTrack} comparison={lateComparison} styles={styles} mode={mode} pedalLap={pedalLap} cursorDistance={cursor} />
            ) : (
              <ChartSkeleton height={300} />
            )}
          </CardContent>
          {mode === 'fastest' && compare.data ? (
            <CardContent className="flex flex-wrap gap-3 text-xs">
              {styles.map((s) => (
                <span key={s.label} className="inline-flex items-center gap-1.5">
                  <span aria-hidden className="h-2 w-4 rounded-sm" style={{ background: s.color }} />
                  {s.label}
                </span>
              ))}
            </CardContent>
          ) : null}
          {compare.data && (mode === 'throttle' || mode === 'brake' || (mode === 'speed' && styles.length > 1)) ? (
            <CardContent className="flex flex-col gap-2 text-xs">
              {mode === 'speed' ? null : <PedalLegend mode={mode} />}
              {styles.length > 1 ? (
                <div className="flex flex-wrap gap-1.5" role="group" aria-label={`Lap whose ${mode} colours the track`}>
                  {styles.map((s, i) => (
                    <button
                      key={s.label}
                      type="button"
                      aria-pressed={i === pedalLap}
                      onClick={() => setPedalLap(i === compare.data!.reference ? null : `${compared[i]!.driver}:${compared[i]!.lapNumber}`)}
                      className={cn('inline-flex items-center gap-1.5 rounded border px-2 py-0.5', i === pedalLap ? 'border-foreground font-semibold' : 'border-border text-muted-foreground')}
                    >
                      <span aria-hidden className="h-2 w-3 rounded-sm" style={{ background: s.color }} />
                      {s.label}
                    </button>
                  ))}
                </div>
              ) : null}
            </CardContent>
          ) : null}
        </Card>
        {lateComparison ? <SectorDeltas comparison={lateComparison} styles={styles} /> : null}
      </div>
    </div>
  );
}

/** The colour key of the throttle and brake maps. */
function PedalLegend({ mode }: { mode: 'throttle' | 'brake' }) {
  if (mode === 'brake') {
    return (
      <div className="flex items-center gap-3">
        {([['on', BRAKE_ON], ['off', BRAKE_OFF]] as const).map(([label, colour]) => (
          <span key={label} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="h-2 w-4 rounded-sm" style={{ background: colour }} />
            brake {label}
          </span>
        ))}
      </div>
    );
  }
  return (
    <div className="flex items-center gap-2">
      <span>0 %</span>
      <span aria-hidden className="flex h-2 w-40 overflow-hidden rounded-sm">
        {Array.from({ length: 11 }, (_, i) => (
          <span key={i} className="h-full flex-1" style={{ background: throttleColour(i * 10) }} />
        ))}
      </span>
      <span>100 % throttle</span>
    </div>
  );
}

function SectorDeltas({ comparison, styles }: { comparison: Comparison; styles: LapStyle[] }) {
  const ref = comparison.laps[comparison.reference];
  const bestSector = [0, 1, 2].map((s) => Math.min(...comparison.laps.map((l) => l.sectors[s] ?? Infinity)));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sectors</CardTitle>
        <CardDescription>gap to {ref ? `${ref.driver} lap ${ref.lapNumber}` : 'the reference'}</CardDescription>
      </CardHeader>
      <CardContent>
        <Table aria-label="Sector times and deltas">
          <TableHeader>
            <TableRow>
              <TableHead>Lap</TableHead>
              <TableHead className="text-right">S1</TableHead>
              <TableHead className="text-right">S2</TableHead>
              <TableHead className="text-right">S3</TableHead>
              <TableHead className="text-right">Lap</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {comparison.laps.map((l, i) => (
              <TableRow key={`${l.driver}-${l.lapNumber}`}>
                <TableCell>
                  <span className="inline-flex items-center gap-1.5 font-semibold">
                    <span aria-hidden className="h-3 w-1 rounded-sm" style={{ background: styles[i]?.color }} />
                    {styles[i]?.label}
                  </span>
                </TableCell>
                {[0, 1, 2].map((s) => {
                  const t = l.sectors[s] ?? null;
                  const r = ref?.sectors[s] ?? null;
                  return (
                    <TableCell key={s} className={cn('text-right font-mono text-xs', t !== null && t === bestSector[s] && 'text-timing-purple font-semibold')}>
                      <div>{formatDuration(t)}</div>
                      {i !== comparison.reference && t !== null && r !== null ? <div className={t - r > 0 ? 'text-destructive' : 'text-timing-green'}>{formatGap(t - r)}</div> : null}
                    </TableCell>
                  );
                })}
                <TableCell className="text-right font-mono text-xs">
                  <div>{formatDuration(l.lapTime)}</div>
                  {i !== comparison.reference && l.lapTime !== null && ref?.lapTime ? <div className={l.lapTime - ref.lapTime > 0 ? 'text-destructive' : 'text-timing-green'}>{formatGap(l.lapTime - ref.lapTime)}</div> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
