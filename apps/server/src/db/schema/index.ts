// The whole database schema. One file per domain; later capabilities add their own files here.
export * from './rules.js';
export * from './seasons-circuits.js';
export * from './people.js';
export * from './races.js';
export * from './results.js';
export * from './laps-pitstops.js';
export * from './standings.js';
export * from './sync.js';
export * from './sessions.js';
export * from './reference.js';
export * from './entity-details.js';
export * from './race-sessions-f1db.js';
export * from './provenance.js';
