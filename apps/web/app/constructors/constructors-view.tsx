'use client';

import { EntityList } from '@/components/entity/entity-list';
import type { Column } from '@/components/entity/entity-table';
import { ConstructorLink } from '@/components/entity/links';
import type { ConstructorRef } from '@/lib/api/types';
import { constructorsQueryOptions } from '@/lib/queries/constructors';

const columns: Column<ConstructorRef>[] = [
  { header: 'Constructor', cell: (c) => <ConstructorLink constructor={c} className="font-semibold" /> },
  { header: 'Nationality', cell: (c) => c.nationality, cellClassName: 'text-muted-foreground' },
];

export function ConstructorsView() {
  return <EntityList title="Constructors" searchPlaceholder="Search teams…" options={constructorsQueryOptions} columns={columns} />;
}
