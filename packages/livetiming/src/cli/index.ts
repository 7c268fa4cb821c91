// `apex archive …`: the engine's thin CLI. Commands print data on stdout only; problems go to stderr,
// and a failure throws so the host program prints one line and exits non-zero.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { ArchiveClient } from '../archive/client.js';
import { Source } from '../archive/source.js';
import { LAP_COLUMNS, RESULT_COLUMNS } from '../format/laps.js';
import { sampleIndices, telemetryColumns } from '../format/telemetry.js';
import { parseFormat, renderTable, type Column, type OutputFormat } from '../format/table.js';
import type { ArchiveSession } from '../archive/season.js';
import { Session, type SessionLoadOptions } from '../session.js';
import { findDriver } from '../topics/driver-list.js';
import { resolveSources, type CliSources, type SourceFlags } from './sources.js';

interface CommonFlags extends SourceFlags {
  format: string;
  verbose?: boolean;
}

/** Registers `apex archive …` (sessions, laps, telemetry, results) on a commander program. */
export function registerArchiveCommands(program: Command): void {
  const archive = program
    .command('archive')
    .description('read sessions from the F1 live-timing archive (a URL or a local directory) and print laps, telemetry or results')
    // A usage error is one line on stderr, like every other failure of these commands.
    .showHelpAfterError(false);

  withSourceOptions(
    archive
      .command('sessions')
      .description('list sessions with their archive paths')
      .option('--year <YYYY>', 'season (default: every season of a local directory, the current one for a URL)', parseYear)
      .addOption(new Option('--from <where>', 'season Index.json or a local directory listing (default: directory for a local source, index otherwise)').choices(['index', 'directory']))
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text')),
  ).action(async (flags: CommonFlags & { year?: number; from?: 'index' | 'directory' }) => {
    const sources = resolveSources(flags);
    const client = archiveClient(sources);
    const sessions = await client.listSessions({ year: flags.year, from: flags.from });
    if (sessions.length === 0) throw new Error(`no sessions found${flags.year ? ` for ${flags.year}` : ''} in ${client.source.label}`);
    write(flags.format === 'text' ? sessionsText(sessions) : renderTable(sessions, SESSION_COLUMNS, flags.format === 'csv' ? 'csv' : 'json'));
  });

  withSourceOptions(
    archive
      .command('laps')
      .description('print every lap of a session with all FastF1 Laps columns')
      .argument('<session-path>', 'archive path, e.g. 2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-28_Qualifying/')
      .option('--driver <number|TLA>', 'only this driver (repeat or comma-separate for several)', collect, [])
      .addOption(formatOption(['json', 'csv', 'fastf1'])),
  ).action(async (sessionPath: string, flags: CommonFlags & { driver: string[] }) => {
    const format = parseFormat(flags.format);
    const session = await loadSession(sessionPath, flags, { telemetry: false });
    if (!session.laps) throw new Error(`no lap data for ${session.path}: ${missingTimingReason(session)}`);
    let laps = session.laps;
    if (flags.driver.length) laps = laps.pickDrivers(flags.driver.map((d) => driverNumber(session, d)));
    write(renderTable(laps, LAP_COLUMNS, format));
  });

  withSourceOptions(
    archive
      .command('telemetry')
      .description("print one lap's merged car + position telemetry (FastF1's Lap.get_telemetry())")
      .argument('<session-path>', 'archive path of the session')
      .requiredOption('--driver <number|TLA>', 'driver')
      .requiredOption('--lap <n|fastest>', 'lap number, or "fastest" (personal bests only, as FastF1 picks)', parseLapSelector)
      .addOption(formatOption(['json', 'csv', 'fastf1'])),
  ).action(async (sessionPath: string, flags: CommonFlags & { driver: string; lap: number | 'fastest' }) => {
    const format = parseFormat(flags.format);
    const session = await loadSession(sessionPath, flags, { telemetry: true });
    if (!session.laps) throw new Error(`no lap data for ${session.path}: ${missingTimingReason(session)}`);
    const number = driverNumber(session, flags.driver);
    const laps = session.laps.pickDrivers(number);
    const lap = flags.lap === 'fastest' ? laps.pickFastest() : laps.pickLaps(flags.lap).at(0) ?? null;
    if (!lap) throw new Error(flags.lap === 'fastest' ? `driver ${flags.driver} has no timed personal-best lap in ${session.path}` : `driver ${flags.driver} has no lap ${flags.lap} in ${session.path} (laps 1–${laps.length})`);
    if (!session.telemetry) throw new Error(`no telemetry for ${session.path}: ${missingTelemetryReason(session)}`);
    const tel = session.lapTelemetry(lap);
    write(renderTable(sampleIndices(tel), telemetryColumns(tel), format));
  });

  withSourceOptions(
    archive
      .command('results')
      .description('print the session classification with FastF1 Results columns')
      .argument('<session-path>', 'archive path of the session')
      .addOption(formatOption(['json', 'fastf1'])),
  ).action(async (sessionPath: string, flags: CommonFlags) => {
    const format = parseFormat(flags.format, ['json', 'fastf1']);
    const session = await loadSession(sessionPath, flags, { telemetry: false });
    if (session.results.length === 0) throw new Error(`no results for ${session.path}: the session has no driver list`);
    write(renderTable(session.results, RESULT_COLUMNS, format));
  });
}

function withSourceOptions(cmd: Command): Command {
  return cmd
    .option('--source <url|dir>', 'archive base URL or local directory (default: $LIVETIMING_BASE_URL, else ../shared/f1data/livetiming when present, else https://livetiming.formula1.com)')
    .option('--mirror <url>', 'fallback archive base, tried on 4xx/5xx/timeouts (repeatable; default: FastF1\'s mirror for the official host)', collect)
    .option('--jolpica <url|dir>', 'Jolpica base for race lap-1 times and official results (default: beside a local source, else https://api.jolpi.ca)')
    .option('--cache <dir>', 'persistent cache of raw responses (default: $APEX_CACHE_DIR, else none)')
    .option('--offline', 'never touch the network: local directories and the cache only')
    .option('-v, --verbose', 'print load progress and data issues on stderr');
}

function formatOption(formats: readonly OutputFormat[]): Option {
  return new Option('--format <format>', 'output format').choices(formats as string[]).default('json');
}

function archiveClient(s: CliSources): ArchiveClient {
  return new ArchiveClient({ base: s.livetiming, mirrors: s.mirrors.length ? s.mirrors : undefined, cacheDir: s.cacheDir, offline: s.offline });
}

async function loadSession(sessionPath: string, flags: CommonFlags, extra: Pick<SessionLoadOptions, 'telemetry'>): Promise<Session> {
  const s = resolveSources(flags);
  const options: SessionLoadOptions = {
    ...extra,
    archive: archiveClient(s),
    jolpica: new Source({ base: s.jolpica, offline: s.offline, cacheDir: s.cacheDir }),
    schedule: new Source({ base: s.schedule, offline: s.offline, cacheDir: s.cacheDir }),
    onProgress: flags.verbose ? (p) => process.stderr.write(`apex: ${p.stage} ${p.percent}%${p.detail ? ` ${p.detail}` : ''}\n`) : undefined,
  };
  const session = await Session.load(sessionPath, options);
  if (flags.verbose) for (const issue of session.issues) process.stderr.write(`apex: ${issue.code}: ${issue.message}\n`);
  return session;
}

function driverNumber(session: Session, query: string): string {
  const driver = findDriver(session.drivers, query);
  if (driver) return driver.driverNumber;
  // A car with laps but absent from the driver list is still addressable by number.
  if (/^\d+$/.test(query) && session.laps?.pickDrivers(query).length) return query;
  const known = session.drivers.map((d) => d.abbreviation ?? d.driverNumber).join(', ');
  throw new Error(`unknown driver "${query}" in ${session.path}${known ? ` (drivers: ${known})` : ''}`);
}

function missingTelemetryReason(session: Session): string {
  const issue = session.issues.find((i) => i.topic === 'CarData.z' || i.topic === 'Position.z' || (i.code === 'step-failed' && /telemetry/.test(i.message)));
  return issue?.message ?? 'CarData.z/Position.z could not be read';
}

function missingTimingReason(session: Session): string {
  return session.issues.find((i) => i.topic === 'TimingData')?.message ?? 'the laps could not be built';
}

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError(`invalid year "${value}" (expected YYYY)`);
  return Number(value);
}

function parseLapSelector(value: string): number | 'fastest' {
  if (value === 'fastest') return value;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`invalid lap "${value}" (expected a lap number or "fastest")`);
  return Number(value);
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

const SESSION_COLUMNS: readonly Column<ArchiveSession>[] = [
  { key: 'path', fastf1: 'Path', kind: 'string', get: (s) => s.path },
  { key: 'year', fastf1: 'Year', kind: 'int', get: (s) => s.year },
  { key: 'eventDate', fastf1: 'EventDate', kind: 'string', get: (s) => s.eventDate },
  { key: 'sessionDate', fastf1: 'SessionDate', kind: 'string', get: (s) => s.sessionDate },
  { key: 'meetingName', fastf1: 'EventName', kind: 'string', get: (s) => s.meetingName },
  { key: 'name', fastf1: 'SessionName', kind: 'string', get: (s) => s.name },
  { key: 'type', fastf1: 'SessionType', kind: 'string', get: (s) => s.type },
  { key: 'key', fastf1: 'SessionKey', kind: 'int', get: (s) => s.key },
  { key: 'startDate', fastf1: 'StartDate', kind: 'string', get: (s) => s.startDate },
  { key: 'gmtOffset', fastf1: 'GmtOffset', kind: 'string', get: (s) => s.gmtOffset },
  { key: 'topics', fastf1: 'Topics', kind: 'string', get: (s) => s.topics?.join(' ') ?? null },
];

function sessionsText(sessions: readonly ArchiveSession[]): string {
  const width = Math.max(...sessions.map((s) => s.path.length));
  return sessions
    .map((s) => `${s.path.padEnd(width)}  ${s.sessionDate}  ${s.meetingName} — ${s.name}${s.topics ? `  (${s.topics.length} topic${s.topics.length === 1 ? '' : 's'})` : ''}`)
    .join('\n') + '\n';
}

function write(text: string): void {
  process.stdout.write(text);
}


// `apex live record`: the server registers `apex live` and adds this subcommand to it.
export { registerLiveRecordCommand } from '../live/cli.js';
export type { LiveRecordHooks } from '../live/cli.js';
