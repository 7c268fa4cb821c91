// `apex live record <file>`: the engine's part of the `apex live` command (the server registers
// `apex live` itself and adds this subcommand). The F1TV token comes from APEX_F1TV_TOKEN, never from
// an argument (arguments show up in process lists and shell history).
import { InvalidArgumentError, type Command } from 'commander';
import { F1_LIVETIMING_URL, F1_SIGNALR_URL, FEED_TOPICS } from './feed/topics.js';
import { waitForLiveSession } from './feed/streaming-status.js';
import { recordFeed } from './record.js';

interface RecordFlags {
  url: string;
  statusUrl: string;
  topics?: string[];
  minutes?: number;
  wait?: boolean;
  quiet?: boolean;
}

export interface LiveRecordHooks {
  readonly env?: NodeJS.ProcessEnv;
  /** Progress and status lines (default stderr). */
  readonly log?: (line: string) => void;
  /** The result line (default stdout). */
  readonly out?: (line: string) => void;
  /** Stops the recording besides SIGINT/SIGTERM and --minutes (tests). */
  readonly signal?: AbortSignal;
}

/** Adds `record <file>` to a `live` command. */
export function registerLiveRecordCommand(live: Command, hooks: LiveRecordHooks = {}): Command {
  return live
    .command('record')
    .description('record the F1 live feed (raw SignalR frames with receive times, JSON Lines) until Ctrl-C or --minutes; replay it later like an archived session')
    .argument('<file>', 'recording to create (never overwritten)')
    .option('--url <url>', 'SignalR Core endpoint', F1_SIGNALR_URL)
    .option('--status-url <url>', 'host of /static/StreamingStatus.json, polled by --wait', F1_LIVETIMING_URL)
    .option('--topics <list>', `comma-separated topics (default: ${FEED_TOPICS.length} timing topics)`, (v: string) => v.split(',').map((t) => t.trim()).filter(Boolean))
    .option('--minutes <n>', 'stop after this many minutes', parseMinutes)
    .option('--wait', 'wait until StreamingStatus.json says a session is live before connecting')
    .option('--quiet', 'no status lines')
    .action(async (file: string, flags: RecordFlags) => {
      const env = hooks.env ?? process.env;
      const log = flags.quiet ? () => undefined : (hooks.log ?? ((l: string) => process.stderr.write(`${l}\n`)));
      const out = hooks.out ?? ((l: string) => process.stdout.write(`${l}\n`));
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      hooks.signal?.addEventListener('abort', onSignal, { once: true });
      const timer = flags.minutes !== undefined ? setTimeout(onSignal, flags.minutes * 60_000) : null;
      try {
        if (flags.wait) {
          const live = await waitForLiveSession({
            base: flags.statusUrl, signal: stop.signal,
            onCheck: (r) => log('error' in r ? `cannot read StreamingStatus.json: ${r.error}; retrying in a minute` : r.live ? 'a session is live: connecting' : `no live session (StreamingStatus: ${r.status}); checking again in a minute`),
          });
          if (!live) return out('stopped before a session went live: nothing recorded');
        }
        const token = env.APEX_F1TV_TOKEN || null;
        if (!token) log('no APEX_F1TV_TOKEN: CarData.z, Position.z, ChampionshipPrediction and PitLaneTimeCollection will not be sent');
        const result = await recordFeed({
          path: file, url: flags.url, token, topics: flags.topics, signal: stop.signal,
          onLog: (level, message) => log(`${level}: ${message}`),
          onEvent: (e) => {
            if (e.type !== 'status') return;
            const missing = e.status.missingTopics?.length ? ` (missing: ${e.status.missingTopics.map((m) => m.topic).join(', ')})` : '';
            log(`${e.status.state}${e.status.detail ? `: ${e.status.detail}` : ''}${missing}`);
          },
        });
        out(`recorded ${result.frames} frames over ${result.connections} connection(s) to ${file}`);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EEXIST') throw new Error(`${file} already exists: a recording is never overwritten, choose another name`);
        throw err;
      } finally {
        if (timer) clearTimeout(timer);
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
      }
    });
}

function parseMinutes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`invalid --minutes "${value}" (expected a positive number)`);
  return n;
}
