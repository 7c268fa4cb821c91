// Entry point for the session facade: from the two telemetry topics (file text or decoded
// messages) and the session's laps to a SessionTelemetry.
import { isStreamFile } from '../stream/parse.js';
import type { StreamMessage } from '../stream/index.js';
import { carDataFromMessages, parseCarDataStream, type RawCarData } from '../topics/car-data.js';
import { parsePositionStream, positionFromMessages, type RawPositionData } from '../topics/position.js';
import { SessionTelemetry, type SessionTelemetryOptions } from './session-telemetry.js';
import type { TelemetryLap } from './telemetry.js';

/**
 * A topic as the facade holds it: the `.jsonStream` file's bytes (read without a string of the
 * whole file) or text, or messages from parseStream(…, {compressed: true}).
 */
export type TelemetryTopicInput = string | Uint8Array | readonly StreamMessage[];

export function readCarData(input: TelemetryTopicInput): RawCarData {
  return isStreamFile(input) ? parseCarDataStream(input) : carDataFromMessages(input);
}

export function readPositionData(input: TelemetryTopicInput): RawPositionData {
  return isStreamFile(input) ? parsePositionStream(input) : positionFromMessages(input);
}

/**
 * Parses CarData.z and Position.z and builds the session's telemetry. `laps` are needed for lap
 * slicing and DriverAhead; pass [] and use {@link SessionTelemetry.withLaps} once they are known.
 */
export function buildSessionTelemetry(carData: TelemetryTopicInput, position: TelemetryTopicInput,
  laps: readonly TelemetryLap[] = [], options: SessionTelemetryOptions = {}): SessionTelemetry {
  return SessionTelemetry.fromRaw(readCarData(carData), readPositionData(position), laps, options);
}
