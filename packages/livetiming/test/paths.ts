import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared beside the checkout (or $APEX_SHARED_DIR). Tests fail loudly when it is missing. */
export const sharedDir = process.env.APEX_SHARED_DIR
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared');
if (!existsSync(sharedDir)) throw new Error(`shared test data not found at ${sharedDir}`);

export const liveTimingDir = resolve(sharedDir, 'f1data', 'livetiming');
export const oracleDir = resolve(sharedDir, 'oracle');

export const MEXICO_2025_Q = '2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/';

/** Absolute path of a topic file of an archived session (path relative to static/). */
export function topicFile(sessionPath: string, topic: string): string {
  return resolve(liveTimingDir, 'static', sessionPath, `${topic}.jsonStream`);
}
