import type { RaceResult } from '@/lib/api/types';
import { EntityTable, type Column } from '@/components/entity/entity-table';
import { driverTeamColumns, positionColumn } from '@/components/race/result-columns';
import { Badge } from '@/components/ui/badge';
import { formatDuration, formatPoints } from '@/lib/format/time';
import { cn } from '@/lib/utils';
import { resultTimeText } from '@/lib/shape/grid-finish';

/** Classified finishers have a numeric place; the others a letter (R retired, D disqualified, …), shown dimmed. */
const classified = (r: RaceResult) => /^\d+$/.test(r.positionText);

/** The driver's best lap; the race's fastest in purple with the FL badge. */
function fastestLap(r: RaceResult) {
  if (!r.fastestLap?.timeMillis) return '—';
  const fastest = r.fastestLap.rank === 1;
  return (
    <span className={cn(fastest && 'text-timing-purple font-semibold')}>
      {formatDuration(r.fastestLap.timeMillis)}
      {fastest ? <Badge variant="purple" className="ml-1.5">FL</Badge> : null}
    </span>
  );
}

/** Classified results (race or sprint) in the timing-screen layout. */
export function ResultsTable({ results, caption, cars }: { results: RaceResult[]; caption: string; cars?: Map<string, { chassis: string; engine: string }> }) {
  const leaderLaps = results.find((r) => r.position === 1)?.laps ?? null;
  const columns: Column<RaceResult>[] = [
    positionColumn((r) => (classified(r) ? r.position : <span className="text-muted-foreground">{r.positionText}</span>)),
    { header: 'No', cell: (r) => r.number ?? '', className: 'hidden w-10 text-right sm:table-cell', cellClassName: 'font-mono text-muted-foreground' },
    ...driverTeamColumns((r: RaceResult) => r),
    ...(cars && cars.size > 0
      ? [
          {
            header: 'Car',
            cell: (r: RaceResult) => {
              const car = cars.get(r.driver.id);
              return car ? (
                <span className="flex flex-col leading-tight">
                  <span>{car.chassis}</span>
                  <span className="text-[11px] text-muted-foreground">{car.engine}</span>
                </span>
              ) : (
                '—'
              );
            },
            className: 'hidden xl:table-cell',
          },
        ]
      : []),
    { header: 'Laps', cell: (r) => r.laps ?? '—', className: 'hidden text-right sm:table-cell', cellClassName: 'font-mono' },
    {
      header: 'Time / status',
      cell: (r) => (r.position === 1 && !r.timeText && r.timeMillis ? formatDuration(r.timeMillis) : resultTimeText(r, leaderLaps) || '—'),
      className: 'text-right',
      cellClassName: (r) => ['font-mono', !classified(r) && 'text-muted-foreground'],
    },
    { header: 'Grid', cell: (r) => (r.grid === 0 ? <abbr title="Pit lane start">PL</abbr> : (r.grid ?? '—')), className: 'text-right', cellClassName: 'font-mono' },
    { header: 'Fastest lap', cell: fastestLap, className: 'hidden text-right sm:table-cell', cellClassName: 'font-mono' },
    { header: 'Pts', cell: (r) => (r.points ? formatPoints(r.points) : ''), className: 'text-right', cellClassName: 'font-mono font-semibold' },
  ];
  return <EntityTable label={caption} rows={results} rowKey={(r) => `${r.driver.id}-${r.number}`} columns={columns} />;
}
