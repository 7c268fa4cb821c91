// `apex live`: `run` is the live ingester as its own process, for installations with several API
// processes sharing REDIS_URL (without Redis the API process ingests itself); `record` is the
// engine's feed recorder.
import type { Command } from 'commander';
import { registerLiveRecordCommand } from '@apexdata/livetiming/cli';
import { loadConfig } from '../config.js';
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
    .action(async () => {
      const config = loadConfig();
      if (!config.REDIS_URL) {
        throw new Error('apex live run needs REDIS_URL (the API processes reach it through Redis); without Redis, `apex serve` runs the ingester itself');
      }
      const log = {
        info: (obj: object, msg: string) => say(`${msg} ${JSON.stringify(obj)}`),
        warn: (obj: object, msg: string) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`),
      };
      const buses = liveBuses(config, config.APEX_LIVE_HISTORY * 1000, log);
      const seat = new IngesterSeat(buses, config, sourcesFromConfig(config), {}, log);
      await seat.start();
      say(seat.ingester ? '▸ live ingester running' : '▸ another process runs the live ingester: standing by to take over');
      closeOnSignals(async () => {
        await seat.stop();
        await buses.close();
      }, { info: say, error: (obj, msg) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`) });
    });
  registerLiveRecordCommand(live);
}
