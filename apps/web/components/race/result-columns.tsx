import type { ClassValue } from 'clsx';
import type * as React from 'react';
import type { Column } from '@/components/entity/entity-table';
import { ConstructorLink, DriverLink } from '@/components/entity/links';
import type { ConstructorRef, DriverRef } from '@/lib/api/types';

// Columns that the classification tables (results, qualifying, standings) share, so they line up alike.

/** Finishing or championship place, narrow and right-aligned. */
export function positionColumn<T>(cell: (row: T) => React.ReactNode, highlight?: (row: T) => ClassValue): Column<T> {
  return { header: 'Pos', cell, className: 'w-10 text-right', cellClassName: (row) => ['font-mono font-semibold', highlight?.(row)] };
}

/** The driver with the stripe of the team they drove for. */
export function driverColumn<T>(driver: (row: T) => DriverRef, constructorId: (row: T) => string | null): Column<T> {
  return { header: 'Driver', cell: (row) => <DriverLink driver={driver(row)} constructorId={constructorId(row)} /> };
}

/** Driver and team of the result a row holds; the team gives way first on narrow screens. */
export function driverTeamColumns<T>(result: (row: T) => { driver: DriverRef; constructor: ConstructorRef }): Column<T>[] {
  return [
    driverColumn((row) => result(row).driver, (row) => result(row).constructor.id),
    { header: 'Team', cell: (row) => <ConstructorLink constructor={result(row).constructor} className="text-muted-foreground" />, className: 'hidden md:table-cell' },
  ];
}
