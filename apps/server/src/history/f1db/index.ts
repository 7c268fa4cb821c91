// F1DB (github.com/f1db/f1db, CC BY 4.0) as a history source: read the YAML tree, map it onto our
// entity graph, write it. See README "History sources".
export { F1dbFormatError } from './errors.js';
export { readF1db, dataFolder, type ReadOptions } from './read.js';
export { parseFile } from './parse-file.js';
export type * from './types.js';
