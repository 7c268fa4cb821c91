import type { ConstructorStanding, DriverStanding } from '@/lib/api/types';
import { ConstructorLink, DriverLink } from '@/components/entity/links';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatPoints } from '@/lib/format/time';
import { cn } from '@/lib/utils';

export function DriverStandingsTable({ rows, limit, caption = 'Drivers’ championship' }: { rows: DriverStanding[]; limit?: number; caption?: string }) {
  const shown = limit ? rows.slice(0, limit) : rows;
  const leader = rows[0]?.points ?? 0;
  return (
    <Table aria-label={caption}>
      <TableHeader>
        <TableRow>
          <TableHead className="w-10 text-right">Pos</TableHead>
          <TableHead>Driver</TableHead>
          <TableHead className="hidden sm:table-cell">Team</TableHead>
          <TableHead className="text-right">Wins</TableHead>
          <TableHead className="text-right">Pts</TableHead>
          <TableHead className="hidden text-right md:table-cell">Gap</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {shown.map((s) => (
          <TableRow key={s.driver.id}>
            <TableCell className={cn('text-right font-mono font-semibold', s.position === 1 && 'text-timing-yellow')}>{s.position ?? s.positionText}</TableCell>
            <TableCell>
              <DriverLink driver={s.driver} constructorId={s.constructors.at(-1)?.id ?? null} />
            </TableCell>
            <TableCell className="hidden text-muted-foreground sm:table-cell">{s.constructors.map((c) => c.name).join(' / ')}</TableCell>
            <TableCell className="text-right font-mono">{s.wins}</TableCell>
            <TableCell className="text-right font-mono font-semibold">{formatPoints(s.points)}</TableCell>
            <TableCell className="hidden text-right font-mono text-muted-foreground md:table-cell">{s.points === leader ? '' : `−${formatPoints(leader - s.points)}`}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ConstructorStandingsTable({ rows, limit, caption = 'Constructors’ championship' }: { rows: ConstructorStanding[]; limit?: number; caption?: string }) {
  const shown = limit ? rows.slice(0, limit) : rows;
  const leader = rows[0]?.points ?? 0;
  return (
    <Table aria-label={caption}>
      <TableHeader>
        <TableRow>
          <TableHead className="w-10 text-right">Pos</TableHead>
          <TableHead>Constructor</TableHead>
          <TableHead className="text-right">Wins</TableHead>
          <TableHead className="text-right">Pts</TableHead>
          <TableHead className="hidden text-right md:table-cell">Gap</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {shown.map((s) => (
          <TableRow key={s.constructor.id}>
            <TableCell className={cn('text-right font-mono font-semibold', s.position === 1 && 'text-timing-yellow')}>{s.position ?? s.positionText}</TableCell>
            <TableCell>
              <ConstructorLink constructor={s.constructor} />
            </TableCell>
            <TableCell className="text-right font-mono">{s.wins}</TableCell>
            <TableCell className="text-right font-mono font-semibold">{formatPoints(s.points)}</TableCell>
            <TableCell className="hidden text-right font-mono text-muted-foreground md:table-cell">{s.points === leader ? '' : `−${formatPoints(leader - s.points)}`}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
