// The sessions of a season as GET /api/v1/sessions/{year} lists them: the archive's catalogue (the
// event, its round, the session's code, name, start and archive path) joined with the state of
// each session's data in the platform (not loaded, loading with progress, loaded, failed).
import { sessionKind } from '@apexdata/livetiming';
import type { CatalogEntry } from '../catalog.js';
import { statusKey, statusView, type SessionStatusView, type StoredStatus } from '../store.js';
import { utcOf } from '../store-write.js';
import { field, type Column } from './table.js';

export interface SeasonSession {
  readonly year: number;
  readonly round: number;
  readonly session: string;
  readonly name: string;
  readonly eventName: string;
  /** Race day of the event (YYYY-MM-DD). */
  readonly eventDate: string;
  readonly kind: string;
  readonly startUtc: string | null;
  readonly archivePath: string;
  readonly state: SessionStatusView['state'];
  readonly stage: string | null;
  readonly percent: number | null;
  readonly jobId: string | null;
  readonly error: string | null;
  readonly hasData: boolean;
  readonly loadedAt: string | null;
  readonly dataVersion: number;
}

/**
 * Every catalogued session in the catalogue's order, with its status (not loaded when the platform
 * has no row for it). A loaded session's start comes from its SessionInfo, which a season listed
 * from a directory (no Index.json) lacks.
 */
export function seasonSessions(catalogue: readonly CatalogEntry[], stored: ReadonlyMap<string, StoredStatus>): SeasonSession[] {
  return catalogue.map(({ key, archive }) => {
    const known = stored.get(statusKey(key));
    const status = known?.status ?? statusView(null);
    return {
      year: key.year,
      round: key.round,
      session: key.session,
      name: archive.name,
      eventName: archive.meetingName,
      eventDate: archive.eventDate,
      kind: sessionKind(archive.name, key.year),
      startUtc: known?.row.startUtc ?? utcOf(archive.startDate, archive.gmtOffset),
      archivePath: archive.path,
      state: status.state,
      stage: status.stage,
      percent: status.percent,
      jobId: status.jobId,
      error: status.error,
      hasData: status.hasData,
      loadedAt: status.loadedAt,
      dataVersion: status.dataVersion,
    };
  });
}

export const seasonSessionColumns: readonly Column<SeasonSession>[] = [
  field('year', 'int'),
  field('round', 'int'),
  field('session', 'string'),
  field('name', 'string'),
  field('eventName', 'string'),
  field('eventDate', 'string'),
  field('kind', 'string'),
  field('startUtc', 'date'),
  field('archivePath', 'string'),
  field('state', 'string'),
  field('stage', 'string'),
  field('percent', 'number'),
  field('jobId', 'string'),
  field('error', 'string'),
  field('hasData', 'bool'),
  field('loadedAt', 'date'),
  field('dataVersion', 'int'),
];
