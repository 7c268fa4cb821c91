// Analytics answers (/api/v1/sessions/…/analytics/*, /api/v1/seasons/{year}/heatmap,
// /api/v1/races/{year}/{round}/overtakes), named from the API's generated types.
import type { ApiJson } from './types';

type A = '/api/v1/sessions/{year}/{round}/{session}/analytics';

export type PaceAnalysis = ApiJson<`${A}/pace`>;
export type DriverPace = PaceAnalysis['items'][number];
export type AnalysisParameters = PaceAnalysis['parameters'];
export type DegradationAnalysis = ApiJson<`${A}/degradation`>;
export type StintDegradation = DegradationAnalysis['stints'][number];
export type OvertakesAnalysis = ApiJson<`${A}/overtakes`>;
export type OvertakeEvent = OvertakesAnalysis['events'][number];
export type RacecraftAnalysis = ApiJson<`${A}/racecraft`>;
export type LapHeatmap = ApiJson<`${A}/heatmap`>;
export type HeatmapCell = NonNullable<LapHeatmap['rows'][number]['cells'][number]>;
export type SeasonHeatmap = ApiJson<'/api/v1/seasons/{year}/heatmap'>;
export type RaceOvertakes = ApiJson<'/api/v1/races/{year}/{round}/overtakes'>;
