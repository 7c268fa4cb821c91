import type { RaceResult } from '@/lib/api/types';
import { ConstructorLink, DriverLink } from '@/components/entity/links';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDuration, formatPoints } from '@/lib/format/time';
import { cn } from '@/lib/utils';
import { resultTimeText } from '@/lib/shape/grid-finish';

/** Classified results (race or sprint) in the timing-screen layout. */
export function ResultsTable({ results, caption }: { results: RaceResult[]; caption: string }) {
  const leaderLaps = results.find((r) => r.position === 1)?.laps ?? null;
  return (
    <Table aria-label={caption}>
      <TableHeader>
        <TableRow>
          <TableHead className="w-10 text-right">Pos</TableHead>
          <TableHead className="hidden w-10 text-right sm:table-cell">No</TableHead>
          <TableHead>Driver</TableHead>
          <TableHead className="hidden md:table-cell">Team</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Laps</TableHead>
          <TableHead className="text-right">Time / status</TableHead>
          <TableHead className="text-right">Grid</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Fastest lap</TableHead>
          <TableHead className="text-right">Pts</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {results.map((r) => {
          const fastest = r.fastestLap?.rank === 1;
          const classified = /^\d+$/.test(r.positionText);
          return (
            <TableRow key={`${r.driver.id}-${r.number}`}>
              <TableCell className="text-right font-mono font-semibold">{classified ? r.position : <span className="text-muted-foreground">{r.positionText}</span>}</TableCell>
              <TableCell className="hidden text-right font-mono text-muted-foreground sm:table-cell">{r.number ?? ''}</TableCell>
              <TableCell>
                <DriverLink driver={r.driver} constructorId={r.constructor.id} />
              </TableCell>
              <TableCell className="hidden md:table-cell">
                <ConstructorLink constructor={r.constructor} className="text-muted-foreground" />
              </TableCell>
              <TableCell className="hidden text-right font-mono sm:table-cell">{r.laps ?? '—'}</TableCell>
              <TableCell className={cn('text-right font-mono', !classified && 'text-muted-foreground')}>
                {r.position === 1 && !r.timeText && r.timeMillis ? formatDuration(r.timeMillis) : resultTimeText(r, leaderLaps) || '—'}
              </TableCell>
              <TableCell className="text-right font-mono">{r.grid === 0 ? <abbr title="Pit lane start">PL</abbr> : (r.grid ?? '—')}</TableCell>
              <TableCell className="hidden text-right font-mono sm:table-cell">
                {r.fastestLap?.timeMillis ? (
                  <span className={cn(fastest && 'text-timing-purple font-semibold')}>
                    {formatDuration(r.fastestLap.timeMillis)}
                    {fastest ? <Badge variant="purple" className="ml-1.5">FL</Badge> : null}
                  </span>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell className="text-right font-mono font-semibold">{r.points ? formatPoints(r.points) : ''}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
