'use client';

import * as React from 'react';
import { AppLink as Link } from '@/components/app-link';
import { SeriesChart } from '@/components/charts/series-chart';
import { EntityTable, type Column } from '@/components/entity/entity-table';
import { teamColor } from '@/lib/colors';
import { formatPoints } from '@/lib/format/time';
import { newestFirst, positionAxisMax, type PositionChart } from '@/lib/shape/profile';

/** The reference series (grid slots) next to the team-coloured ones. */
const NEUTRAL = '#6b6b80';
/** Year ticks: without the long steps a 75-season career on a phone found no step that fits and showed none. */
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50];

/** Positions over the seasons of a career, P1 at the top, one point per race or season. */
export function PositionsChart({ chart, label, height, floor, yIncrs }: { chart: PositionChart; label: string; height: number; floor: number; yIncrs: number[] }) {
  const series = React.useMemo(() => chart.series.map((s) => ({ ...s, color: s.constructorId ? teamColor(s.constructorId) : NEUTRAL, points: true })), [chart.series]);
  return (
    <SeriesChart
      x={chart.x}
      series={series}
      height={height}
      label={label}
      invertY
      yRange={[0.5, positionAxisMax(chart.series, floor) + 0.5]}
      formatY={(v) => `P${Math.round(v)}`}
      formatX={(v) => String(Math.floor(v))}
      xIncrs={YEAR_STEPS}
      yIncrs={yIncrs}
    />
  );
}

export interface SeasonRow {
  season: number;
  position: number | null;
  points: number;
  wins: number;
}

/** Who a season was with: the team(s) of a driver, stacked, or the drivers of a team, side by side. */
export interface SeasonPeople<T> {
  header: string;
  links: (season: T) => React.ReactNode[];
  stacked?: boolean;
}

/** A career season by season, newest first: year, who with, championship place, [wins,] points. */
export function SeasonsTable<T extends SeasonRow>({ seasons, who, wins = false }: { seasons: readonly T[]; who: SeasonPeople<T>; wins?: boolean }) {
  const columns: Column<T>[] = [
    {
      header: 'Year',
      cell: (s) => (
        <Link href={`/seasons/${s.season}`} className="font-mono hover:underline">
          {s.season}
        </Link>
      ),
    },
    {
      header: who.header,
      cell: (s) => <span className={who.stacked ? 'flex flex-col gap-0.5' : 'flex flex-wrap gap-x-3 gap-y-0.5'}>{who.links(s)}</span>,
      cellClassName: 'whitespace-normal',
    },
    { header: 'Pos', cell: (s) => s.position ?? '—', className: 'text-right', cellClassName: 'font-mono font-semibold' },
    ...(wins ? [{ header: 'Wins', cell: (s: T) => s.wins, className: 'text-right', cellClassName: 'font-mono' }] : []),
    { header: 'Pts', cell: (s) => formatPoints(s.points), className: 'text-right', cellClassName: 'font-mono' },
  ];
  return (
    <div className="max-h-[640px] overflow-y-auto">
      <EntityTable label="Seasons" rows={newestFirst(seasons)} rowKey={(s) => s.season} columns={columns} />
    </div>
  );
}
