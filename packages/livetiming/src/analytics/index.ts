// Race analytics on the engine's laps: clean laps, fuel-corrected pace, tyre degradation,
// overtakes, racecraft and heatmaps. Pure functions; the server stores nothing of them.
export * from './clean-laps.js';
export * from './fuel.js';
export * from './prepare.js';
export * from './pace.js';
export * from './degradation.js';
export * from './overtakes.js';
export * from './racecraft.js';
export * from './heatmap.js';
export { median, quantile, iqr, mad, theilSen, huberFit } from './robust.js';
export type { SlopeFit, LinearFit } from './robust.js';
