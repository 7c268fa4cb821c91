import type { ConstructorStanding, DriverStanding } from '@/lib/api/types';
import { EntityTable, type Column } from '@/components/entity/entity-table';
import { ConstructorLink } from '@/components/entity/links';
import { driverColumn, positionColumn } from '@/components/race/result-columns';
import { formatPoints } from '@/lib/format/time';

type Standing = Pick<DriverStanding, 'position' | 'positionText' | 'points' | 'wins'>;

/** Place (the leader in yellow), who, wins, points and the gap to the leader. */
function StandingsTable<T extends Standing>({ rows, limit, caption, rowKey, who }: { rows: T[]; limit?: number; caption: string; rowKey: (row: T) => string; who: Column<T>[] }) {
  const leader = rows[0]?.points ?? 0;
  const columns: Column<T>[] = [
    positionColumn((s) => s.position ?? s.positionText, (s) => s.position === 1 && 'text-timing-yellow'),
    ...who,
    { header: 'Wins', cell: (s) => s.wins, className: 'text-right', cellClassName: 'font-mono' },
    { header: 'Pts', cell: (s) => formatPoints(s.points), className: 'text-right', cellClassName: 'font-mono font-semibold' },
    { header: 'Gap', cell: (s) => (s.points === leader ? '' : `−${formatPoints(leader - s.points)}`), className: 'hidden text-right md:table-cell', cellClassName: 'font-mono text-muted-foreground' },
  ];
  return <EntityTable label={caption} rows={limit ? rows.slice(0, limit) : rows} rowKey={rowKey} columns={columns} />;
}

type Props<T> = { rows: T[]; limit?: number; caption?: string };

const driverWho: Column<DriverStanding>[] = [
  driverColumn((s) => s.driver, (s) => s.constructors.at(-1)?.id ?? null),
  { header: 'Team', cell: (s) => s.constructors.map((c) => c.name).join(' / '), className: 'hidden sm:table-cell', cellClassName: 'text-muted-foreground' },
];

export function DriverStandingsTable({ rows, limit, caption = 'Drivers’ championship' }: Props<DriverStanding>) {
  return <StandingsTable rows={rows} limit={limit} caption={caption} rowKey={(s) => s.driver.id} who={driverWho} />;
}

const constructorWho: Column<ConstructorStanding>[] = [{ header: 'Constructor', cell: (s) => <ConstructorLink constructor={s.constructor} /> }];

export function ConstructorStandingsTable({ rows, limit, caption = 'Constructors’ championship' }: Props<ConstructorStanding>) {
  return <StandingsTable rows={rows} limit={limit} caption={caption} rowKey={(s) => s.constructor.id} who={constructorWho} />;
}
