export { parseSessionTimestamp, formatSessionTimestamp, splitStreamLines } from './lines.js';
export type { StreamLine, CorruptLine, ParseReport } from './lines.js';
export { decodeCompressed } from './decode.js';
export { applyPatch } from './merge.js';
export type { JsonValue, JsonObject } from './merge.js';
export { parseStream, finalState } from './parse.js';
export type { StreamMessage, ParsedStream } from './parse.js';
