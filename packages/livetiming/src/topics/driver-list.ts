import { finalState, type StreamMessage } from '../stream/index.js';

/** A driver as the DriverList topic describes them at the end of the session. */
export interface Driver {
  /** Racing number as a string (F1's key). */
  readonly driverNumber: string;
  /** Three-letter abbreviation (F1's `Tla`). */
  readonly abbreviation: string | null;
  readonly broadcastName: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  /** `firstName lastName`, as FastF1 builds it (F1's own FullName upper-cases the last name). */
  readonly fullName: string | null;
  readonly teamName: string | null;
  /** Team colour as sent: hex without `#`. */
  readonly teamColour: string | null;
  readonly headshotUrl: string | null;
  readonly countryCode: string | null;
  /** F1's driver reference, e.g. `LEWHAM01`. */
  readonly reference: string | null;
  /** Last position in F1's timing-screen order; null when F1 removed it. */
  readonly line: number | null;
}

/**
 * Replays every DriverList patch (later patches reorder `Line`, `_deleted` removes fields) and
 * returns the final list ordered by `Line`, drivers without a line last by number.
 */
export function parseDriverList(messages: readonly StreamMessage[]): Driver[] {
  const state = finalState(messages);
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return [];
  const drivers: Driver[] = [];
  for (const [key, value] of Object.entries(state)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const d = value as Record<string, unknown>;
    const number = text(d.RacingNumber) ?? key;
    const firstName = text(d.FirstName);
    const lastName = text(d.LastName);
    drivers.push({
      driverNumber: number,
      abbreviation: text(d.Tla),
      broadcastName: text(d.BroadcastName),
      firstName,
      lastName,
      fullName: firstName !== null || lastName !== null ? [firstName, lastName].filter((s) => s).join(' ') : null,
      teamName: text(d.TeamName),
      teamColour: text(d.TeamColour),
      headshotUrl: text(d.HeadshotUrl),
      countryCode: text(d.CountryCode),
      reference: text(d.Reference),
      line: typeof d.Line === 'number' ? d.Line : null,
    });
  }
  return drivers.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || Number(a.driverNumber) - Number(b.driverNumber));
}

/** Finds a driver by racing number or abbreviation (case-insensitive). */
export function findDriver(drivers: readonly Driver[], query: string): Driver | undefined {
  const q = query.trim();
  return drivers.find((d) => d.driverNumber === q) ?? drivers.find((d) => d.abbreviation !== null && d.abbreviation.toUpperCase() === q.toUpperCase());
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
