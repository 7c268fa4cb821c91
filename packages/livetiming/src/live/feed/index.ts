export { FeedSource } from './client.js';
export type { FeedOptions } from './client.js';
export { feedRetryPolicy, signalrRetryPolicy } from './retry-policy.js';
export { fetchStreamingStatus, waitForLiveSession } from './streaming-status.js';
export type { StreamingStatus } from './streaming-status.js';
export { F1_SIGNALR_URL, F1_LIVETIMING_URL, FEED_TOPICS, TOKEN_TOPICS, missingTopics } from './topics.js';
export type { MissingTopic } from './topics.js';
