import { describe, expect, it } from 'vitest';
import { BRAKE_OFF, BRAKE_ON, brakeColour, channelAlongTrack, NO_DATA_COLOUR, throttleColour } from './track-colours';

describe('channelAlongTrack', () => {
  // A 1 km lap sampled every 10 m: braking from 300 m to 400 m, lifted from the throttle there.
  const distance = Array.from({ length: 101 }, (_, i) => i * 10);
  const brake = distance.map((d) => (d >= 300 && d <= 400 ? 1 : 0));
  const throttle = distance.map((d) => (d >= 300 && d <= 400 ? 0 : 100));
  const comparison = { distance, channels: { brake: [brake.map(() => 0), brake], throttle: [throttle, throttle] } };

  it('should match outline points to the lap by fraction of distance (outline lap measured 2% longer)', () => {
    const track = { distance: Array.from({ length: 51 }, (_, i) => i * 20.4) };
    const along = channelAlongTrack(track, comparison, 'brake', 1);
    expect(along).toHaveLength(51);
    // Outline point k sits at k/50 of the lap: braking on points 15..20 (300–400 m of the lap).
    expect(along.map((v, k) => (v === 1 ? k : -1)).filter((k) => k >= 0)).toEqual([15, 16, 17, 18, 19, 20]);
    expect(channelAlongTrack(track, comparison, 'brake', 0).every((v) => v === 0)).toBe(true);
  });

  it('should give nulls for a lap or channel the comparison does not have', () => {
    const track = { distance: [0, 500, 1000] };
    expect(channelAlongTrack(track, comparison, 'throttle', 5)).toEqual([null, null, null]);
    expect(channelAlongTrack(track, { distance, channels: {} }, 'brake', 0)).toEqual([null, null, null]);
  });
});

describe('pedal colours', () => {
  it('should ramp throttle from red to green in ten bands and mark missing data', () => {
    expect(throttleColour(0)).toBe('hsl(0 80% 38%)');
    expect(throttleColour(100)).toBe('hsl(120 80% 46%)');
    expect(throttleColour(104)).toBe(throttleColour(100)); // the feed reports up to 104
    expect(throttleColour(51)).toBe(throttleColour(49));
    expect(new Set(Array.from({ length: 101 }, (_, v) => throttleColour(v))).size).toBe(11);
    expect(throttleColour(null)).toBe(NO_DATA_COLOUR);
  });
  it('should show brake on/off', () => {
    expect([brakeColour(1), brakeColour(0), brakeColour(null)]).toEqual([BRAKE_ON, BRAKE_OFF, NO_DATA_COLOUR]);
  });
});
