// The live view as /api/v1/live serves it — the engine's derived views (tower, clock, lap count,
// track status, race control, weather, car positions), the circuit outline and the ingester's
// status — named from the API's generated types (openapi.gen.ts). The web only shows these; every
// rule (gaps, colours, knocked-out, clock extrapolation, the outline) is computed upstream.
import type { components } from '../api/openapi.gen';
import type { ApiJson } from '../api/types';

type Schemas = components['schemas'];

export type LiveView = Schemas['LiveView'];
/** What feeds the view (the `status` inside every view). */
export type LiveStatus = Schemas['LiveSourceStatus'];
export type LiveTrack = Schemas['LiveTrack'];
export type LiveRecording = ApiJson<'/api/v1/live/recordings'>['recordings'][number];
export type TimingTower = NonNullable<LiveView['tower']>;
export type TowerRow = Schemas['LiveTowerRow'];
export type TimedValue = NonNullable<TowerRow['lastLap']>;
export type SectorCell = TowerRow['sectors'][number];
export type SegmentColour = SectorCell['segments'][number];
export type TimeColour = TimedValue['colour'];
export type CarPosition = NonNullable<LiveView['positions']>[number];
export type PositionSample = CarPosition['latest'];
export type RaceControlMessage = NonNullable<LiveView['raceControl']>[number];
