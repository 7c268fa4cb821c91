import type { PitStop, RaceResult } from '@/lib/api/types';
import { DriverLink } from '@/components/entity/links';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDuration } from '@/lib/format/time';
import { cn } from '@/lib/utils';

/** Pit stops in race order; the quickest pit-lane time is highlighted. */
export function PitStopsTable({ pitStops, results }: { pitStops: PitStop[]; results: RaceResult[] }) {
  const byId = new Map(results.map((r) => [r.driver.id, r]));
  const stops = [...pitStops].sort((a, b) => a.lap - b.lap || (a.localTime ?? '').localeCompare(b.localTime ?? ''));
  const quickest = Math.min(...stops.map((s) => s.durationMillis ?? Infinity));
  return (
    <Table aria-label="Pit stops">
      <TableHeader>
        <TableRow>
          <TableHead className="text-right">Lap</TableHead>
          <TableHead>Driver</TableHead>
          <TableHead className="text-right">Stop</TableHead>
          <TableHead className="text-right">Time of day</TableHead>
          <TableHead className="text-right">Pit lane</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {stops.map((s) => {
          const r = byId.get(s.driverId);
          return (
            <TableRow key={`${s.driverId}-${s.stop}`}>
              <TableCell className="text-right font-mono">{s.lap}</TableCell>
              <TableCell>{r ? <DriverLink driver={r.driver} constructorId={r.constructor.id} /> : s.driverId}</TableCell>
              <TableCell className="text-right font-mono">{s.stop}</TableCell>
              <TableCell className="text-right font-mono text-muted-foreground">{s.localTime ?? '—'}</TableCell>
              <TableCell className={cn('text-right font-mono', s.durationMillis === quickest && 'font-semibold text-timing-purple')}>
                {formatDuration(s.durationMillis)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
