export { renderTable, toRecords, toCsv, jsonLines, jsonCell, fastf1Cell, isoDate, parseFormat, OUTPUT_FORMATS } from './table.js';
export type { OutputFormat, Column, ColumnKind, Cell } from './table.js';
export { LAP_COLUMNS, WEATHER_COLUMNS, RESULT_COLUMNS } from './laps.js';
export { telemetryColumns, sampleIndices } from './telemetry.js';
