import { describe, expect, it } from 'vitest';
import { addSamples, positionAt, turner } from './track';

const s = (utc: number, x: number, y: number) => ({ utc, x, y, z: 0 });

describe('car interpolation between Position samples', () => {
  it('is linear between the samples around t and clamped outside them', () => {
    const samples = [s(1000, 0, 0), s(1300, 300, 30), s(1600, 300, 330)];
    expect(positionAt(samples, 1150)).toEqual({ x: 150, y: 15 });
    expect(positionAt(samples, 1450)).toEqual({ x: 300, y: 180 });
    expect(positionAt(samples, 500)).toMatchObject({ x: 0, y: 0 });
    expect(positionAt(samples, 9000)).toMatchObject({ x: 300, y: 330 });
    expect(positionAt([], 1)).toBeNull();
  });

  it('keeps samples ordered and unique, never a car at 0,0', () => {
    let buf = addSamples([], [s(2000, 5, 5), s(1000, 1, 1), null, s(1500, 0, 0)]);
    buf = addSamples(buf, [s(2000, 5, 5), s(2500, 9, 9)]);
    expect(buf.map((b) => b.utc)).toEqual([1000, 2000, 2500]);
    expect(addSamples([], Array.from({ length: 40 }, (_, i) => s(i + 1, i + 1, 1)), 10).length).toBe(10);
  });
});

describe('turning the live map as the API says', () => {
  it('turns feed X/Y counter-clockwise by the outline\'s rotation', () => {
    const [x, y] = turner(90)(100, 0);
    expect(x).toBeCloseTo(0, 9);
    expect(y).toBeCloseTo(100, 9);
    const [x2, y2] = turner(180)(3, 4);
    expect(x2).toBeCloseTo(-3, 9);
    expect(y2).toBeCloseTo(-4, 9);
    expect(turner(0)(7, -2)).toEqual([7, -2]);
  });
});
