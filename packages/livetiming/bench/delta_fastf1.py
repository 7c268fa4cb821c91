"""FastF1's side of delta.bench.mjs: its lap delta, read at the sector lines, on Mexico City 2025 Q.

Run by delta.bench.mjs with the fastf1-baseline tool's venv python: `python delta_fastf1.py TOOL_DIR`.
The tool's own module loads FastF1 offline on the recorded files (its frozen HTTP layer); nothing of
the tool is copied here.

FastF1 no longer ships `fastf1.utils.delta_time` (the build in the tool has removed it), so its last
released body (3.x, deprecated since 3.0) is restated here over FastF1's own telemetry: each lap's
car data with interpolated edges and FastF1's `add_distance()`, the compared lap's distance scaled
so that both laps have the same length, its time interpolated at the reference's distances. Nothing
pins the sector lines, so both are held out, as in the test 'lap delta at a sector line the
comparison was not pinned to'. Prints one JSON line: {case: {n, median_ms, max_ms, signed_median_ms}}.
"""
import json
import sys

import numpy as np


def delta_time(reference_lap, compare_lap):
    """FastF1 3.x utils.delta_time (as last released): delta (s) along the reference's distance."""
    ref = reference_lap.get_car_data(interpolate_edges=True).add_distance()
    comp = compare_lap.get_car_data(interpolate_edges=True).add_distance()

    def extend(stream):  # one extrapolated sample at each end, as FastF1 did
        return np.concatenate([[stream[0] - (stream[1] - stream[0])], stream, [stream[-1] + (stream[-1] - stream[-2])]])

    ltime = extend(comp['Time'].dt.total_seconds().to_numpy())
    ldistance = extend(comp['Distance'].to_numpy()) * (ref.Distance.iat[-1] / comp.Distance.iat[-1])
    lap_time = np.interp(ref['Distance'], ldistance, ltime)
    return lap_time - ref['Time'].dt.total_seconds().to_numpy(), ref


def main(tool_dir):
    sys.path.insert(0, tool_dir)
    import fastf1_bench  # the baseline tool: offline FastF1 (frozen HTTP, network blocked)

    fastf1, _frozen, _import_s, _cache = fastf1_bench.import_fastf1(None)
    s = fastf1.get_session(2025, 20, 'Q')
    s.load(laps=True, telemetry=True, weather=False, messages=False)
    laps = s.laps
    # The test's clean laps: timed, all sectors and sector session times, no pit in or out.
    clean = laps[laps.LapTime.notna() & laps.Sector1Time.notna() & laps.Sector2Time.notna() & laps.Sector3Time.notna()
                 & laps.Sector1SessionTime.notna() & laps.Sector2SessionTime.notna() & laps.PitInTime.isna() & laps.PitOutTime.isna()]
    by_time = clean.sort_values('LapTime')
    secs = lambda lap: [lap.Sector1Time.total_seconds(), (lap.Sector1Time + lap.Sector2Time).total_seconds()]
    out = {}
    for name, reference in (('pole', by_time.iloc[0]), ('slowest', by_time.iloc[-1])):
        errors = {0: [], 1: []}
        ref_lines = secs(reference)
        for _, lap in clean.iterrows():
            if lap.name == reference.name:
                continue
            delta, ref = delta_time(reference, lap)
            ref_t = ref['Time'].dt.total_seconds().to_numpy()
            for k in (0, 1):
                at = np.interp(ref_lines[k], ref_t, ref['Distance'].to_numpy())
                got = np.interp(at, ref['Distance'].to_numpy(), delta)
                errors[k].append((got - (secs(lap)[k] - ref_lines[k])) * 1000)
        for k in (0, 1):
            e = np.array(errors[k])
            out[f'{name}/sector{k + 1}'] = {'n': int(e.size), 'median_ms': round(float(np.median(np.abs(e))), 1),
                                          'max_ms': round(float(np.max(np.abs(e))), 1),
                                          'signed_median_ms': round(float(np.median(e)), 1)}
    print(json.dumps(out))


if __name__ == '__main__':
    main(sys.argv[1])
