// TypeBox schemas of the analytics endpoints (→ OpenAPI, tag `analytics`). Each answer echoes the
// parameters it used and says in `method` how its numbers were computed.
// Nullable and StringEnum (not anyOf unions): fast-json-stringify serializes anyOf by running a
// validator per value, which made the 848-row clean-laps answer cost more than the analysis.
import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../history/routes/v1/schemas.js';

const Ms = (description: string) => Type.Number({ description });

export const OvertakeEvent = Type.Object({
  lap: Type.Integer({ description: 'lap at whose end the new order was seen (last lap + 1 = official classification)' }),
  driver: Type.String({ description: 'who gained the place' }),
  over: Type.String({ description: 'who lost it (for retirement: who dropped out)' }),
  kind: StringEnum(['on-track', 'pit-cycle', 'retirement', 'rejoin', 'classification'] as const),
  sector: Nullable(Type.Integer({ description: 'sector at whose end the gainer was first ahead (session data only)' })),
}, { title: 'OvertakeEvent' });

export const DriverOvertakes = Type.Object({
  driver: Type.String(),
  startRank: Nullable(Type.Integer()),
  finalRank: Nullable(Type.Integer()),
  made: Type.Integer({ description: 'on-track passes made' }),
  suffered: Type.Integer({ description: 'on-track passes suffered' }),
  pitCycleGained: Type.Integer(),
  pitCycleLost: Type.Integer(),
  retirementGained: Type.Integer(),
  otherGained: Type.Integer(),
  otherLost: Type.Integer(),
}, { title: 'DriverOvertakes' });

const OvertakesBody = {
  method: Type.String(),
  drivers: Type.Array(DriverOvertakes),
  perLap: Type.Array(Type.Object({ lap: Type.Integer(), onTrack: Type.Integer(), pitCycle: Type.Integer() })),
  events: Type.Array(OvertakeEvent),
};

export const RaceOvertakesResponse = Type.Object({
  season: Type.Integer(),
  round: Type.Integer(),
  raceName: Type.String(),
  laps: Type.Integer({ description: 'laps with lap-end positions (0: the race has no lap times)' }),
  ...OvertakesBody,
}, { title: 'RaceOvertakes' });

const HeatCell = Type.Object({
  position: Type.Integer(),
  positionText: Type.String(),
  points: Type.Number(),
  sprintPoints: Nullable(Type.Number()),
  status: Nullable(Type.String()),
});

export const SeasonHeatmapResponse = Type.Object({
  season: Type.Integer(),
  rounds: Type.Array(Type.Object({ round: Type.Integer(), raceName: Type.String(), date: Nullable(Type.String()) })),
  drivers: Type.Array(Type.Object({
    driverId: Type.String(),
    code: Nullable(Type.String()),
    name: Type.String(),
    constructors: Type.Array(Type.String()),
    points: Nullable(Type.Number()),
    championshipPosition: Nullable(Type.Integer()),
    cells: Type.Array(Nullable(HeatCell), { description: 'one per round, in round order; null = not entered' }),
  })),
}, { title: 'SeasonHeatmap' });

// ── session analytics ───────────────────────────────────────────────────────────────────────────

export const AnalyticsQuery = {
  excludeTrackStatus: Type.Optional(Type.String({ pattern: '^[1-7](,[1-7])*$|^none$', description: 'track-status codes that make a lap unclean, comma-separated (default 2,4,5,6,7), or `none`' })),
  slowThreshold: Type.Optional(Type.Number({ minimum: 1, maximum: 2, description: 'laps slower than this × the driver\'s median clean lap are left out (default 1.07)' })),
  includeLap1: Type.Optional(Type.Boolean({ description: 'keep lap 1 (default false)' })),
  startFuelKg: Type.Optional(Type.Number({ minimum: 0, maximum: 150, description: 'fuel at the start (default 100 kg race, 35 kg sprint)' })),
  burnKgPerLap: Type.Optional(Type.Number({ minimum: 0, maximum: 10, description: 'burn per lap (default start load / scheduled laps; 1.8 kg in practice and qualifying)' })),
  fuelEffect: Type.Optional(Type.Number({ minimum: 0, maximum: 200, description: 'fuel effect in ms per kg: skips the fit' })),
};

export const AnalysisParameters = Type.Object({
  clean: Type.Object({
    excludedTrackStatus: Type.Array(Type.String()),
    slowThreshold: Type.Number(),
    excludeLap1: Type.Boolean(),
  }),
  fuel: Type.Object({
    startKg: Type.Number(),
    burnKgPerLap: Type.Number(),
    effectMsPerKg: Type.Number(),
    effectSource: StringEnum(['fit', 'prior', 'override'] as const),
    reason: Nullable(Type.String({ description: 'why the prior was used' })),
    fit: Nullable(Type.Object({
      msPerKg: Type.Number(), standardError: Type.Number(), tyreMsPerLap: Type.Number(),
      laps: Type.Integer(), drivers: Type.Integer(), stints: Type.Integer(),
    })),
  }),
}, { title: 'AnalysisParameters' });

const Reasons = Type.Array(StringEnum(['no-time', 'lap-1', 'in-lap', 'out-lap', 'track-status', 'deleted', 'slow'] as const));

export const CleanLapsResponse = Type.Object({
  method: Type.String(),
  parameters: AnalysisParameters,
  items: Type.Array(Type.Object({
    driverNumber: Type.String(), driver: Nullable(Type.String()), lapNumber: Type.Integer(),
    lapTime: Nullable(Ms('ms')), correctedLapTime: Nullable(Ms('fuel-corrected lap time (ms), clean laps only')),
    clean: Type.Boolean(), reasons: Reasons,
  })),
}, { title: 'CleanLaps' });

export const PaceResponse = Type.Object({
  method: Type.String(),
  parameters: AnalysisParameters,
  items: Type.Array(Type.Object({
    rank: Type.Integer(), driverNumber: Type.String(), driver: Nullable(Type.String()), team: Nullable(Type.String()),
    medianMs: Ms('median fuel-corrected clean lap'), rawMedianMs: Ms('median raw clean lap'), iqrMs: Ms('interquartile range of corrected clean laps'),
    gapToBestMs: Type.Number(), cleanLaps: Type.Integer(), totalLaps: Type.Integer(),
    laps: Type.Array(Type.Object({ lapNumber: Type.Integer(), lapTime: Type.Number(), correctedLapTime: Type.Number(), compound: Nullable(Type.String()), tyreLife: Nullable(Type.Number()) }), { description: 'the clean laps used (for the scatter)' }),
  })),
}, { title: 'Pace' });

const Slope = {
  slopeMsPerLap: Type.Number({ description: 'Theil–Sen slope of corrected clean lap time on tyre age (ms per lap)' }),
  slopeLowMsPerLap: Nullable(Type.Number({ description: 'Sen 95% interval, low' })),
  slopeHighMsPerLap: Nullable(Type.Number({ description: 'Sen 95% interval, high' })),
};

export const DegradationResponse = Type.Object({
  method: Type.String(),
  parameters: AnalysisParameters,
  minLaps: Type.Integer(),
  referenceCompound: Nullable(Type.String()),
  compounds: Type.Array(Type.Object({ compound: Type.String(), stints: Type.Integer(), cleanLaps: Type.Integer(), ...Slope, offsetMs: Nullable(Type.Number()), offsetDrivers: Type.Integer() })),
  stints: Type.Array(Type.Object({
    driverNumber: Type.String(), driver: Nullable(Type.String()), team: Nullable(Type.String()), stint: Type.Integer(), compound: Nullable(Type.String()),
    cleanLaps: Type.Integer(), firstLap: Type.Integer(), lastLap: Type.Integer(), tyreLifeFrom: Type.Number(), tyreLifeTo: Type.Number(),
    ...Slope, interceptMs: Type.Number(), points: Type.Array(Type.Tuple([Type.Number(), Type.Number()])),
  })),
}, { title: 'Degradation' });

export const SessionOvertakesResponse = Type.Object({ ...OvertakesBody }, { title: 'SessionOvertakes' });

export const RacecraftResponse = Type.Object({
  method: Type.String(),
  parameters: AnalysisParameters,
  items: Type.Array(Type.Object({
    driver: Type.String(), team: Nullable(Type.String()), teammate: Nullable(Type.String()),
    gridRank: Nullable(Type.Integer()), finalRank: Nullable(Type.Integer()), lap1Gain: Nullable(Type.Integer()), positionsGained: Nullable(Type.Integer()),
    overtakesMade: Nullable(Type.Integer()), overtakesSuffered: Nullable(Type.Integer()),
    paceVsTeammateMs: Nullable(Type.Number()), consistencyMs: Nullable(Type.Number()), cleanLaps: Type.Integer(),
    qualifyingGapToTeammateMs: Nullable(Type.Number()),
  })),
}, { title: 'Racecraft' });

export const HeatmapResponse = Type.Object({
  method: Type.String(),
  parameters: AnalysisParameters,
  bestCleanLapMs: Nullable(Type.Number()),
  lastLap: Type.Integer(),
  rows: Type.Array(Type.Object({
    driverNumber: Type.String(), driver: Nullable(Type.String()), team: Nullable(Type.String()),
    cells: Type.Array(Nullable(Type.Object({ lapTimeMs: Nullable(Type.Number()), deltaMs: Nullable(Type.Number()), clean: Type.Boolean(), reasons: Reasons }))),
  })),
}, { title: 'LapHeatmap' });
