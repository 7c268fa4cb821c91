import type { QualifyingResult } from '@/lib/api/types';
import { EntityTable, type Column } from '@/components/entity/entity-table';
import { driverTeamColumns, positionColumn } from '@/components/race/result-columns';
import { formatDuration, formatGap } from '@/lib/format/time';
import { partMillis, shapeQualifying, type QualiPart, type QualifyingRow } from '@/lib/shape/qualifying';

const LABEL: Record<QualiPart, string> = { q1: 'Q1', q2: 'Q2', q3: 'Q3' };

/** One part's time, the part's fastest in purple, a part the driver did not run dimmed. */
function partColumn(p: QualiPart, sprint: boolean): Column<QualifyingRow> {
  return {
    header: sprint ? `S${LABEL[p]}` : LABEL[p],
    cell: ({ result, fastestIn }) => {
      const t = partMillis(result, p);
      return (
        <>
          {t === null ? '—' : formatDuration(t)}
          {fastestIn.includes(p) ? <span className="sr-only"> (fastest in {LABEL[p]})</span> : null}
        </>
      );
    },
    className: 'text-right',
    cellClassName: ({ result, fastestIn }) => ['font-mono', fastestIn.includes(p) && 'font-semibold text-timing-purple', partMillis(result, p) === null && 'text-muted-foreground/50'],
  };
}

/** Qualifying with each part's fastest time in purple and knocked-out drivers dimmed per part. */
export function QualifyingTable({ results, caption, sprint = false }: { results: QualifyingResult[]; caption: string; sprint?: boolean }) {
  const { rows, parts } = shapeQualifying(results);
  const columns: Column<QualifyingRow>[] = [
    positionColumn(({ result }) => result.position ?? '—'),
    ...driverTeamColumns(({ result }: QualifyingRow) => result),
    ...parts.map((p) => partColumn(p, sprint)),
    {
      header: 'Gap',
      cell: ({ gapMillis }) => (gapMillis ? formatGap(gapMillis) : gapMillis === 0 ? '' : '—'),
      className: 'text-right',
      cellClassName: 'font-mono text-muted-foreground',
    },
  ];
  return <EntityTable label={caption} rows={rows} rowKey={({ result }) => result.driver.id} columns={columns} />;
}
