import * as React from 'react';
import type { ClassValue } from 'clsx';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/utils';

/** One column of an entity table: what its header says and what a row shows in it. */
export interface Column<T> {
  header: React.ReactNode;
  cell: (row: T) => React.ReactNode;
  /** Header and cells alike: alignment, and hiding the column on narrow screens (`hidden sm:table-cell`). */
  className?: string;
  /** Cells only: type face and colour, the same for every row or picked per row (the leader in yellow). */
  cellClassName?: ClassValue | ((row: T) => ClassValue);
}

/** A table of entities described by its columns; `label` is its accessible name. */
export function EntityTable<T>({ label, rows, rowKey, columns }: { label: string; rows: readonly T[]; rowKey: (row: T) => React.Key; columns: readonly Column<T>[] }) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          {columns.map((c, i) => (
            <TableHead key={i} className={c.className}>
              {c.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)}>
            {columns.map((c, i) => (
              <TableCell key={i} className={cn(c.className, typeof c.cellClassName === 'function' ? c.cellClassName(row) : c.cellClassName)}>
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
