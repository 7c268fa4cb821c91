// What the F1 feed offers, and what it withholds from anonymous connections.

/** Base URL of the F1 SignalR Core endpoint (the classic `/signalr` one answers 401 since June 2026). */
export const F1_SIGNALR_URL = 'https://livetiming.formula1.com/signalrcore';
/** Host of `/static/StreamingStatus.json`. */
export const F1_LIVETIMING_URL = 'https://livetiming.formula1.com';

/** Topics subscribed to by default: everything the timing screens use. */
export const FEED_TOPICS = [
  'Heartbeat', 'CarData.z', 'Position.z', 'ExtrapolatedClock', 'TopThree', 'TimingStats', 'TimingAppData',
  'TimingData', 'DriverList', 'RaceControlMessages', 'SessionInfo', 'SessionStatus', 'SessionData', 'LapCount',
  'TrackStatus', 'WeatherData', 'TeamRadio', 'ChampionshipPrediction', 'TyreStintSeries', 'PitLaneTimeCollection',
  'PitStopSeries', 'PitStop', 'DriverRaceInfo',
] as const;

/**
 * Topics the feed sends only to connections with an F1TV subscription token (since the 2025 Dutch
 * GP): car telemetry, positions, the championship prediction and pit-lane times.
 */
export const TOKEN_TOPICS = ['CarData.z', 'Position.z', 'ChampionshipPrediction', 'PitLaneTimeCollection'] as const;

export interface MissingTopic {
  readonly topic: string;
  readonly reason: string;
}

/**
 * Topics asked for but absent from the Subscribe snapshot, each with the likely reason: no token for
 * the token-only topics, otherwise not (yet) sent in this session.
 */
export function missingTopics(requested: readonly string[], received: readonly string[], hasToken: boolean): MissingTopic[] {
  const got = new Set(received);
  return requested.filter((t) => !got.has(t)).map((topic) => ({
    topic,
    reason: (TOKEN_TOPICS as readonly string[]).includes(topic) && !hasToken
      ? 'sent only to F1TV subscribers: configure a subscription token (server-side) to receive it'
      : 'not sent by the feed for this session (yet)',
  }));
}
