// Laps and weather in the three output formats, with FastF1's column names and order.
import type { SessionResult } from '../timing/results.js';
import type { Lap } from '../timing/types.js';
import type { WeatherSample } from '../topics/weather.js';
import type { Column } from './table.js';

const col = <R>(key: keyof R & string, fastf1: string | null, kind: Column<R>['kind']): Column<R> => ({ key, fastf1, kind, get: (r) => r[key] });

/** Every column of FastF1's `Laps`, in its order. */
export const LAP_COLUMNS: readonly Column<Lap>[] = [
  col('time', 'Time', 'duration'),
  col('driver', 'Driver', 'string'),
  col('driverNumber', 'DriverNumber', 'string'),
  col('lapTime', 'LapTime', 'duration'),
  col('lapNumber', 'LapNumber', 'number'),
  col('stint', 'Stint', 'number'),
  col('pitOutTime', 'PitOutTime', 'duration'),
  col('pitInTime', 'PitInTime', 'duration'),
  col('sector1Time', 'Sector1Time', 'duration'),
  col('sector2Time', 'Sector2Time', 'duration'),
  col('sector3Time', 'Sector3Time', 'duration'),
  col('sector1SessionTime', 'Sector1SessionTime', 'duration'),
  col('sector2SessionTime', 'Sector2SessionTime', 'duration'),
  col('sector3SessionTime', 'Sector3SessionTime', 'duration'),
  col('speedI1', 'SpeedI1', 'number'),
  col('speedI2', 'SpeedI2', 'number'),
  col('speedFL', 'SpeedFL', 'number'),
  col('speedST', 'SpeedST', 'number'),
  col('isPersonalBest', 'IsPersonalBest', 'bool'),
  col('compound', 'Compound', 'string'),
  col('tyreLife', 'TyreLife', 'number'),
  col('freshTyre', 'FreshTyre', 'bool'),
  col('team', 'Team', 'string'),
  col('lapStartTime', 'LapStartTime', 'duration'),
  col('lapStartDate', 'LapStartDate', 'date'),
  col('trackStatus', 'TrackStatus', 'string'),
  col('position', 'Position', 'number'),
  col('deleted', 'Deleted', 'bool'),
  col('deletedReason', 'DeletedReason', 'string'),
  col('fastF1Generated', 'FastF1Generated', 'bool'),
  col('isAccurate', 'IsAccurate', 'bool'),
];

/** FastF1's `weather_data` columns. */
export const WEATHER_COLUMNS: readonly Column<WeatherSample>[] = [
  col('time', 'Time', 'duration'),
  col('airTemp', 'AirTemp', 'number'),
  col('humidity', 'Humidity', 'number'),
  col('pressure', 'Pressure', 'number'),
  col('rainfall', 'Rainfall', 'bool'),
  col('trackTemp', 'TrackTemp', 'number'),
  col('windDirection', 'WindDirection', 'number'),
  col('windSpeed', 'WindSpeed', 'number'),
];

/** FastF1's `SessionResults` columns, plus where the classification came from (ApexData only). */
export const RESULT_COLUMNS: readonly Column<SessionResult>[] = [
  col('driverNumber', 'DriverNumber', 'string'),
  col('broadcastName', 'BroadcastName', 'string'),
  col('abbreviation', 'Abbreviation', 'string'),
  col('driverId', 'DriverId', 'string'),
  col('teamName', 'TeamName', 'string'),
  col('teamColor', 'TeamColor', 'string'),
  col('teamId', 'TeamId', 'string'),
  col('firstName', 'FirstName', 'string'),
  col('lastName', 'LastName', 'string'),
  col('fullName', 'FullName', 'string'),
  col('headshotUrl', 'HeadshotUrl', 'string'),
  col('countryCode', 'CountryCode', 'string'),
  col('position', 'Position', 'number'),
  col('classifiedPosition', 'ClassifiedPosition', 'string'),
  col('gridPosition', 'GridPosition', 'number'),
  col('q1', 'Q1', 'duration'),
  col('q2', 'Q2', 'duration'),
  col('q3', 'Q3', 'duration'),
  col('time', 'Time', 'duration'),
  col('status', 'Status', 'string'),
  col('points', 'Points', 'number'),
  col('laps', 'Laps', 'number'),
  col('source', null, 'string'),
];
