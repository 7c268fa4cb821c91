// `apex live`: `run` is the live ingester as its own process, for installations with several API
// processes sharing REDIS_URL (without Redis the API process ingests itself); `record` is the
// engine's feed recorder.
import { InvalidArgumentError, type Command } from 'commander';
import { checkSpeed, type ReplaySpeed } from '@apexdata/livetiming';
import { registerLiveRecordCommand } from '@apexdata/livetiming/cli';
import { loadConfig } from '../config.js';
import { resolveRecording } from '../live/recordings.js';
import { IngesterSeat, liveBuses } from '../live/runtime.js';
import { closeOnSignals } from '../server.js';
import { sourcesFromConfig } from '../sessions/catalog.js';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function registerLiveCommands(program: Command): void {
  const live = program.command('live').description('live timing: the ingester process (with REDIS_URL) and feed recordings');
  live
    .command('run')
    .description('run the one live ingester for the API processes sharing REDIS_URL (replays on request; takes over when another ingester stops)')
    .option('--recording <name>', 'start by replaying this recording (a file name in APEX_LIVE_RECORDINGS: `apex live record` or FastF1 recorder files)')
    .option('--speed <n|max>', 'replay speed ×1–×100 or max', parseSpeed, 1 as ReplaySpeed)
    .option('--from <seconds>', 'start this many seconds into the recording', parseSeconds, 0)
    .action(async (flags: { recording?: string; speed: ReplaySpeed; from: number }) => {
      const config = loadConfig();
      if (!config.REDIS_URL) {
        throw new Error('apex live run needs REDIS_URL (the API processes reach it through Redis); without Redis, `apex serve` runs the ingester itself');
      }
      const log = {
        info: (obj: object, msg: string) => say(`${msg} ${JSON.stringify(obj)}`),
        warn: (obj: object, msg: string) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`),
      };
      // A bad or unknown recording is said before anything starts.
      const target = flags.recording !== undefined ? await resolveRecording(config.APEX_LIVE_RECORDINGS, flags.recording) : null;
      const buses = liveBuses(config, config.APEX_LIVE_HISTORY * 1000, log);
      const seat = new IngesterSeat(buses, config, sourcesFromConfig(config), {}, log);
      await seat.start();
      // Said and commanded after the first lease check, not before: otherwise every start says
      // "standing by" and a --recording request races the seat's own take-over.
      await seat.checked();
      say(seat.ingester ? '▸ live ingester running' : '▸ another process runs the live ingester: standing by to take over');
      if (target) {
        // Through the command bus: whichever process ingests plays it.
        const result = await buses.commands.request({ type: 'replay', target, speed: flags.speed, fromMs: flags.from * 1000 });
        if (!result.ok) {
          await seat.stop();
          await buses.close();
          throw new Error(result.message);
        }
        say(`▸ replaying recording ${target.recording} at ${flags.speed === 'max' ? 'full speed' : `×${flags.speed}`}`);
      }
      closeOnSignals(async () => {
        await seat.stop();
        await buses.close();
      }, { info: say, error: (obj, msg) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`) });
    });
  registerLiveRecordCommand(live);
}

function parseSpeed(value: string): ReplaySpeed {
  try {
    return checkSpeed(value === 'max' ? value : Number(value));
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`invalid --from "${value}" (expected seconds ≥ 0)`);
  return n;
}
