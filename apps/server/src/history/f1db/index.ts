// F1DB (github.com/f1db/f1db, CC BY 4.0) as a history source: read the YAML tree, map it onto our
// entity graph, write it. See README "History sources".
export { F1dbFormatError } from './errors.js';
export { readF1db, dataFolder, type ReadOptions } from './read.js';
export { parseFile } from './parse-file.js';
export type * from './types.js';
export { importF1db, loadF1db, writeLoadedF1db, type F1dbImportReport, type LoadedF1db } from './import.js';
export { mergeF1db } from './merge.js';
export type { AmbiguousMatch, EntityKind, MatchCounts } from './write.js';
export { fetchF1dbRelease, isUrl } from './fetch.js';
