// The Ergast-compatible JSON that Jolpica serves, as it arrives: every scalar a string, optional
// fields omitted. Converting to our types happens in jolpica-rows.ts, never here.

export interface JolpicaLocation {
  lat?: string;
  long?: string;
  locality?: string;
  country?: string;
}

export interface JolpicaCircuit {
  circuitId: string;
  url?: string;
  circuitName: string;
  Location?: JolpicaLocation;
}

export interface JolpicaDriver {
  driverId: string;
  permanentNumber?: string;
  code?: string;
  url?: string;
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
  nationality?: string;
}

export interface JolpicaConstructor {
  constructorId: string;
  url?: string;
  name: string;
  nationality?: string;
}

export interface JolpicaSeason {
  season: string;
  url?: string;
}

export interface JolpicaStatus {
  statusId: string;
  count?: string;
  status: string;
}

export interface JolpicaDateTime {
  date: string;
  time?: string;
}

export interface JolpicaTime {
  millis?: string;
  time?: string;
}

export interface JolpicaFastestLap {
  rank?: string;
  lap?: string;
  Time?: { time?: string };
  AverageSpeed?: { units?: string; speed?: string };
}

export interface JolpicaResult {
  number: string;
  position: string;
  positionText: string;
  points?: string;
  Driver: JolpicaDriver;
  Constructor: JolpicaConstructor;
  grid?: string;
  laps?: string;
  status?: string;
  Time?: JolpicaTime;
  FastestLap?: JolpicaFastestLap;
}

export interface JolpicaQualifyingResult {
  number: string;
  position?: string;
  Driver: JolpicaDriver;
  Constructor: JolpicaConstructor;
  Q1?: string;
  Q2?: string;
  Q3?: string;
}

export interface JolpicaTiming {
  driverId: string;
  position?: string;
  time?: string;
}

export interface JolpicaLap {
  number: string;
  Timings: JolpicaTiming[];
}

export interface JolpicaPitStop {
  driverId: string;
  lap: string;
  stop: string;
  time?: string;
  duration?: string;
}

/** A race as the RaceTable lists it; which data list it carries depends on the endpoint. */
export interface JolpicaRace {
  season: string;
  round: string;
  url?: string;
  raceName: string;
  Circuit: JolpicaCircuit;
  date: string;
  time?: string;
  FirstPractice?: JolpicaDateTime;
  SecondPractice?: JolpicaDateTime;
  ThirdPractice?: JolpicaDateTime;
  Qualifying?: JolpicaDateTime;
  Sprint?: JolpicaDateTime;
  SprintQualifying?: JolpicaDateTime;
  SprintShootout?: JolpicaDateTime;
  Results?: JolpicaResult[];
  QualifyingResults?: JolpicaQualifyingResult[];
  SprintResults?: JolpicaResult[];
  Laps?: JolpicaLap[];
  PitStops?: JolpicaPitStop[];
}

/** The envelope of every answer. */
export interface MRData {
  xmlns?: string;
  series?: string;
  url?: string;
  limit: string;
  offset: string;
  total: string;
  [table: string]: unknown;
}
