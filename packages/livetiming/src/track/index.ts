export { deriveRotation, normaliseDegrees, rotatePoint } from './rotation.js';
export type { TrackPoint } from './rotation.js';
