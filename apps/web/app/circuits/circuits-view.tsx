'use client';

import { EntityList } from '@/components/entity/entity-list';
import type { Column } from '@/components/entity/entity-table';
import { CircuitLink } from '@/components/entity/links';
import type { Circuit } from '@/lib/api/types';
import { circuitsQueryOptions } from '@/lib/queries/circuits';

const columns: Column<Circuit>[] = [
  // Long circuit names wrap so the location stays on a phone's screen.
  { header: 'Circuit', cell: (c) => <CircuitLink circuit={c} className="font-semibold" />, cellClassName: 'whitespace-normal' },
  { header: 'Location', cell: (c) => c.locality, cellClassName: 'text-muted-foreground' },
  { header: 'Country', cell: (c) => c.country, className: 'hidden sm:table-cell', cellClassName: 'text-muted-foreground' },
];

export function CircuitsView() {
  return <EntityList title="Circuits" searchPlaceholder="Search circuit, town or country…" options={circuitsQueryOptions} columns={columns} />;
}
