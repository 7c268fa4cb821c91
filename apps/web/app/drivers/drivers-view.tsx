'use client';

import { EntityList } from '@/components/entity/entity-list';
import type { Column } from '@/components/entity/entity-table';
import { DriverLink } from '@/components/entity/links';
import type { Driver } from '@/lib/api/types';
import { formatDate } from '@/lib/format/time';
import { driversQueryOptions } from '@/lib/queries/drivers';

const columns: Column<Driver>[] = [
  { header: 'Driver', cell: (d) => <DriverLink driver={d} /> },
  { header: 'Code', cell: (d) => d.code ?? '', cellClassName: 'font-mono' },
  { header: 'No', cell: (d) => d.permanentNumber ?? '', className: 'text-right', cellClassName: 'font-mono' },
  { header: 'Nationality', cell: (d) => d.nationality, className: 'hidden sm:table-cell', cellClassName: 'text-muted-foreground' },
  { header: 'Born', cell: (d) => formatDate(d.dateOfBirth), className: 'hidden md:table-cell', cellClassName: 'font-mono text-muted-foreground' },
];

export function DriversView() {
  return <EntityList title="Drivers" searchPlaceholder="Search by name or code…" options={driversQueryOptions} columns={columns} />;
}
