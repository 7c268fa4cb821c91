// Ergast's finishing-status vocabulary, indexed by statusId. Jolpica keeps these ids for its
// Ergast-compatible API (status filters, /status) and added 142 and 143; a status text outside this
// list gets the next free id when first imported.
// Index i holds statusId i + 1; null marks ids Ergast does not use.
const ERGAST_STATUS_TEXTS: readonly (string | null)[] = [
  'Finished', 'Disqualified', 'Accident', 'Collision', 'Engine', 'Gearbox', 'Transmission', 'Clutch',
  'Hydraulics', 'Electrical', '+1 Lap', '+2 Laps', '+3 Laps', '+4 Laps', '+5 Laps', '+6 Laps', '+7 Laps',
  '+8 Laps', '+9 Laps', 'Spun off', 'Radiator', 'Suspension', 'Brakes', 'Differential', 'Overheating',
  'Mechanical', 'Tyre', 'Driver Seat', 'Puncture', 'Driveshaft', 'Retired', 'Fuel pressure', 'Front wing',
  'Water pressure', 'Refuelling', 'Wheel', 'Throttle', 'Steering', 'Technical', 'Electronics', 'Broken wing',
  'Heat shield fire', 'Exhaust', 'Oil leak', '+11 Laps', 'Wheel rim', 'Water leak', 'Fuel pump', 'Track rod',
  '+17 Laps', 'Oil pressure', null, '+13 Laps', 'Withdrew', '+12 Laps', 'Engine fire', null,
  '+26 Laps', 'Tyre puncture', 'Out of fuel', 'Wheel nut', 'Not classified', 'Pneumatics', 'Handling',
  'Rear wing', 'Fire', 'Wheel bearing', 'Physical', 'Fuel system', 'Oil line', 'Fuel rig', 'Launch control',
  'Injured', 'Fuel', 'Power loss', 'Vibrations', '107% Rule', 'Safety', 'Drivetrain', 'Ignition',
  'Did not qualify', 'Injury', 'Chassis', 'Battery', 'Stalled', 'Halfshaft', 'Crankshaft', '+10 Laps',
  'Safety concerns', 'Not restarted', 'Alternator', 'Underweight', 'Safety belt', 'Oil pump', 'Fuel leak',
  'Excluded', 'Did not prequalify', 'Injection', 'Distributor', 'Driver unwell', 'Turbo', 'CV joint',
  'Water pump', 'Fatal accident', 'Spark plugs', 'Fuel pipe', 'Eye injury', 'Oil pipe', 'Axle', 'Water pipe',
  '+14 Laps', '+15 Laps', '+25 Laps', '+18 Laps', '+22 Laps', '+16 Laps', '+24 Laps', '+29 Laps', '+23 Laps',
  '+21 Laps', 'Magneto', '+44 Laps', '+30 Laps', '+19 Laps', '+46 Laps', 'Supercharger', '+20 Laps',
  '+42 Laps', 'Engine misfire', 'Collision damage', 'Power Unit', 'ERS', '+49 Laps', '+38 Laps', 'Brake duct',
  'Seat', 'Damage', 'Debris', 'Illness', 'Undertray', 'Cooling system', 'Did not start', 'Lapped',
];

export interface Status {
  id: number;
  status: string;
}

/** The known statuses: statusId = position in Ergast's table (1-based). */
export const ergastStatuses: readonly Status[] = ERGAST_STATUS_TEXTS.flatMap((status, i) =>
  status === null ? [] : [{ id: i + 1, status }],
);

/**
 * Assigns status ids: known texts keep Ergast's id, unknown texts get ids after the largest id already
 * in use (`existing`), in alphabetical order so that the same input always gives the same ids.
 */
export function assignStatusIds(texts: Iterable<string>, existing: readonly Status[] = ergastStatuses): Status[] {
  const byText = new Map(existing.map((s) => [s.status, s.id]));
  for (const s of ergastStatuses) if (!byText.has(s.status)) byText.set(s.status, s.id);
  let next = Math.max(0, ...byText.values()) + 1;
  const unknown = [...new Set(texts)].filter((t) => !byText.has(t)).sort();
  for (const t of unknown) byText.set(t, next++);
  return [...byText].map(([status, id]) => ({ id, status })).sort((a, b) => a.id - b.id);
}
