'use client';

import * as React from 'react';
import type { SessionDriver, SessionLap } from '@/lib/api/session-types';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Checkbox } from '@/components/ui/checkbox';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/native-select';
import { EmptyState } from '@/components/data/states';
import { DriverPicker } from '@/components/race/driver-picker';
import { compoundColor, compoundLetter } from '@/lib/colors';
import { formatDuration } from '@/lib/format/time';
import { filterLaps, type LapFilter, type LapPick } from '@/lib/shape/telemetry';
import { pickList } from '@/lib/params';
import { useSearchParam } from '@/hooks/use-search-param';
import { cn } from '@/lib/utils';

const PAGE = 200;

function useLapFilter(): [LapFilter, (patch: Partial<LapFilter>) => void] {
  const [drivers, setDrivers] = useSearchParam('ld');
  const [compound, setCompound] = useSearchParam('compound');
  const [flags, setFlags] = useSearchParam('lf');
  const flagSet = new Set(pickList(flags));
  const filter: LapFilter = {
    drivers: pickList(drivers, 30),
    compound,
    accurateOnly: flagSet.has('accurate'),
    hideDeleted: flagSet.has('valid'),
    quickOnly: flagSet.has('quick'),
    personalBestOnly: flagSet.has('pb'),
  };
  const update = (patch: Partial<LapFilter>) => {
    const next = { ...filter, ...patch };
    if ('drivers' in patch) setDrivers(next.drivers.length ? next.drivers.join(',') : null);
    if ('compound' in patch) setCompound(next.compound);
    const f = [next.accurateOnly && 'accurate', next.hideDeleted && 'valid', next.quickOnly && 'quick', next.personalBestOnly && 'pb'].filter(Boolean);
    setFlags(f.length ? f.join(',') : null);
  };
  return [filter, update];
}

/** Every lap of the session, filterable; tick up to five laps to compare their telemetry. */
export function LapsTable({
  laps,
  drivers,
  picks,
  onPicks,
  maxPicks = 5,
}: {
  laps: SessionLap[];
  drivers: SessionDriver[];
  /** Laps chosen for comparison (as the API resolved them). */
  picks: LapPick[];
  /** Absent when the session has no telemetry to compare: no pick column then. */
  onPicks?: (p: LapPick[]) => void;
  maxPicks?: number;
}) {
  const [filter, setFilter] = useLapFilter();
  const [shown, setShown] = React.useState(PAGE);
  const rows = React.useMemo(() => filterLaps(laps, filter), [laps, filter]);
  const compounds = React.useMemo(() => [...new Set(laps.map((l) => l.compound).filter((c): c is string => Boolean(c)))].sort(), [laps]);
  const best = React.useMemo(() => {
    const min = (k: 'lapTime' | 'sector1Time' | 'sector2Time' | 'sector3Time') => Math.min(...laps.filter((l) => l.deleted !== true).map((l) => l[k] ?? Infinity));
    return { lap: min('lapTime'), s1: min('sector1Time'), s2: min('sector2Time'), s3: min('sector3Time') };
  }, [laps]);
  const driverInfo = new Map(drivers.map((d) => [d.abbreviation, d]));
  const isPicked = (l: SessionLap) => picks.some((p) => p.driver === l.driver && p.lap === l.lapNumber);
  const toggle = (l: SessionLap) => {
    if (!onPicks) return;
    if (isPicked(l)) onPicks(picks.filter((p) => !(p.driver === l.driver && p.lap === l.lapNumber)));
    else if (picks.length < maxPicks) onPicks([...picks, { driver: l.driver, lap: l.lapNumber }]);
  };
  const timeCell = (v: number | null, sessionBest: number, pb: boolean) => (
    <span className={cn(v !== null && v === sessionBest ? 'font-semibold text-timing-purple' : pb ? 'text-timing-green' : undefined)}>{formatDuration(v)}</span>
  );

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-2">
        <DriverPicker
          drivers={drivers.map((d) => ({ id: d.abbreviation, label: d.abbreviation, name: d.fullName, constructorId: null, color: d.teamColor }))}
          selected={filter.drivers}
          onChange={(ids) => setFilter({ drivers: ids })}
          label="Filter laps by driver"
        />
        <div className="flex flex-wrap items-center gap-3 text-xs">
          <label className="inline-flex items-center gap-2">
            <span className="text-muted-foreground">Compound</span>
            <NativeSelect value={filter.compound ?? ''} onChange={(e) => setFilter({ compound: e.target.value || null })} className="h-8 text-xs">
              <option value="">All</option>
              {compounds.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </NativeSelect>
          </label>
          {(
            [
              ['accurateOnly', 'Accurate only'],
              ['hideDeleted', 'Hide deleted'],
              ['quickOnly', 'Within 107%'],
              ['personalBestOnly', 'Personal bests'],
            ] as const
          ).map(([key, label]) => (
            <label key={key} className="inline-flex items-center gap-2">
              <Checkbox checked={filter[key]} onCheckedChange={(v) => setFilter({ [key]: v === true })} />
              {label}
            </label>
          ))}
          <span className="ml-auto text-muted-foreground">
            {rows.length} of {laps.length} laps{onPicks ? ` · ${picks.length}/${maxPicks} chosen for comparison` : ''}
          </span>
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No laps match these filters" />
      ) : (
        <>
          <Table aria-label="Laps">
            <TableHeader>
              <TableRow>
                {onPicks ? (
                  <TableHead className="w-8">
                    <span className="sr-only">Compare</span>
                  </TableHead>
                ) : null}
                <TableHead>Driver</TableHead>
                <TableHead className="text-right">Lap</TableHead>
                <TableHead className="text-right">Time</TableHead>
                <TableHead className="hidden text-right sm:table-cell">S1</TableHead>
                <TableHead className="hidden text-right sm:table-cell">S2</TableHead>
                <TableHead className="hidden text-right sm:table-cell">S3</TableHead>
                <TableHead>Tyre</TableHead>
                <TableHead className="hidden text-right md:table-cell">ST</TableHead>
                <TableHead className="hidden md:table-cell">Notes</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.slice(0, shown).map((l) => {
                const picked = isPicked(l);
                const d = driverInfo.get(l.driver);
                return (
                  <TableRow key={`${l.driver}-${l.lapNumber}`} data-state={picked ? 'selected' : undefined} className={cn(l.deleted && 'text-muted-foreground line-through decoration-destructive/70')}>
                    {onPicks ? (
                      <TableCell>
                        <Checkbox
                          checked={picked}
                          disabled={!picked && (picks.length >= maxPicks || l.lapTime === null)}
                          onCheckedChange={() => toggle(l)}
                          aria-label={`Compare ${l.driver} lap ${l.lapNumber}`}
                        />
                      </TableCell>
                    ) : null}
                    <TableCell>
                      <span className="inline-flex items-center gap-2 font-semibold">
                        <span aria-hidden className="h-4 w-1 rounded-sm" style={{ background: d?.teamColor ?? '#888' }} />
                        {l.driver}
                      </span>
                    </TableCell>
                    <TableCell className="text-right font-mono">{l.lapNumber}</TableCell>
                    <TableCell className="text-right font-mono">{timeCell(l.lapTime, best.lap, l.isPersonalBest)}</TableCell>
                    <TableCell className="hidden text-right font-mono sm:table-cell">{timeCell(l.sector1Time, best.s1, false)}</TableCell>
                    <TableCell className="hidden text-right font-mono sm:table-cell">{timeCell(l.sector2Time, best.s2, false)}</TableCell>
                    <TableCell className="hidden text-right font-mono sm:table-cell">{timeCell(l.sector3Time, best.s3, false)}</TableCell>
                    <TableCell>
                      {l.compound ? (
                        <span className="inline-flex items-center gap-1.5 font-mono text-xs">
                          <span
                            className="inline-flex size-5 items-center justify-center rounded-full border-2 text-[10px] font-bold"
                            style={{ borderColor: compoundColor(l.compound), color: compoundColor(l.compound) }}
                            title={l.compound}
                          >
                            {compoundLetter(l.compound)}
                          </span>
                          {l.tyreLife ?? ''}
                        </span>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                    <TableCell className="hidden text-right font-mono text-muted-foreground md:table-cell">{l.speedST ?? '—'}</TableCell>
                    <TableCell className="hidden text-xs text-muted-foreground md:table-cell">
                      {[l.pitOutTime !== null && 'out', l.pitInTime !== null && 'in', l.deleted && 'deleted', !l.isAccurate && 'inaccurate'].filter(Boolean).join(' · ')}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {rows.length > shown ? (
            <Button variant="outline" size="sm" className="self-center" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, rows.length - shown)} more
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
