// Public entry of the engine. Named exports only; anything not listed here is internal.
export * from './stream/index.js';
