import type { QualifyingResult } from '@/lib/api/types';
import { ConstructorLink, DriverLink } from '@/components/entity/links';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDuration, formatGap } from '@/lib/format/time';
import { shapeQualifying, type QualiPart } from '@/lib/shape/qualifying';
import { cn } from '@/lib/utils';

const LABEL: Record<QualiPart, string> = { q1: 'Q1', q2: 'Q2', q3: 'Q3' };

/** Qualifying with each part's fastest time in purple and knocked-out drivers dimmed per part. */
export function QualifyingTable({ results, caption, sprint = false }: { results: QualifyingResult[]; caption: string; sprint?: boolean }) {
  const { rows, parts } = shapeQualifying(results);
  const millis = (r: QualifyingResult, p: QualiPart) => (p === 'q1' ? r.q1Millis : p === 'q2' ? r.q2Millis : r.q3Millis);
  return (
    <Table aria-label={caption}>
      <TableHeader>
        <TableRow>
          <TableHead className="w-10 text-right">Pos</TableHead>
          <TableHead>Driver</TableHead>
          <TableHead className="hidden md:table-cell">Team</TableHead>
          {parts.map((p) => (
            <TableHead key={p} className="text-right">
              {sprint ? `S${LABEL[p]}` : LABEL[p]}
            </TableHead>
          ))}
          <TableHead className="text-right">Gap</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ result: r, fastestIn, gapMillis }) => (
          <TableRow key={r.driver.id}>
            <TableCell className="text-right font-mono font-semibold">{r.position ?? '—'}</TableCell>
            <TableCell>
              <DriverLink driver={r.driver} constructorId={r.constructor.id} />
            </TableCell>
            <TableCell className="hidden md:table-cell">
              <ConstructorLink constructor={r.constructor} className="text-muted-foreground" />
            </TableCell>
            {parts.map((p) => {
              const t = millis(r, p);
              const best = fastestIn.includes(p);
              return (
                <TableCell key={p} className={cn('text-right font-mono', best && 'font-semibold text-timing-purple', t === null && 'text-muted-foreground/50')}>
                  {t === null ? '—' : formatDuration(t)}
                  {best ? <span className="sr-only"> (fastest in {LABEL[p]})</span> : null}
                </TableCell>
              );
            })}
            <TableCell className="text-right font-mono text-muted-foreground">{gapMillis ? formatGap(gapMillis) : gapMillis === 0 ? '' : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
