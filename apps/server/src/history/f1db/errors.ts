/** A file of the F1DB tree that is missing, unreadable, unexpected or does not match its schema. */
export class F1dbFormatError extends Error {
  override name = 'F1dbFormatError';
  constructor(
    /** Path relative to the data folder ('seasons/2024/races/01-bahrain/race.yml'), or the folder. */
    readonly file: string,
    readonly line: number | null,
    /** Dotted path of the offending field ('3.gridPosition'), or null for the whole file. */
    readonly field: string | null,
    readonly problem: string,
  ) {
    super(`F1DB ${file}${line === null ? '' : ` line ${line}`}${field ? `, field "${field}"` : ''}: ${problem}`);
  }
}
