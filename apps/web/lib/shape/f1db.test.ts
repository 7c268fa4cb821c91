import { describe, expect, it } from 'vitest';
import type { RaceEntry } from '../api/types';
import { f1dbGrid, readF1db } from '../test/f1db-fixtures';
import { carsByDriver, gridRows, penaltyLabel, yearRanges } from './f1db';

describe('F1DB shaping', () => {
  it('should compact seasons into ranges (Monaco’s current layout: 2003–2019, then 2021 on)', () => {
    const years = [...Array.from({ length: 17 }, (_, i) => 2003 + i), 2021, 2022, 2023, 2024, 2025, 2026];
    expect(yearRanges(years)).toBe('2003–2019, 2021–2026');
    expect(yearRanges([1950])).toBe('1950');
    expect(yearRanges([])).toBe('');
  });

  it('should lay out the 2024 Australian grid in rows of two, with the pit-lane starter apart', () => {
    const grid = f1dbGrid('seasons/2024/races/03-australia/starting-grid-positions.yml');
    const { rows, elsewhere } = gridRows(grid);
    expect(rows[0]!.map((g) => g.driver.id)).toEqual(['max-verstappen', 'carlos-sainz-jr']);
    expect(rows.flat()).toHaveLength(grid.length - elsewhere.length);
    expect(rows.every((r, i) => r.every((g) => Math.ceil(g.position! / 2) === i + 1))).toBe(true);
    expect(elsewhere.map((g) => g.positionText)).toEqual(['PL']);
    // Pérez qualified third and started sixth: a three-place penalty for impeding
    const perez = grid.find((g) => g.driver.id === 'sergio-perez')!;
    expect([perez.position, penaltyLabel(perez)]).toEqual([6, '+3 places']);
  });

  it('should name a start from the back of the grid (2024 British GP)', () => {
    const grid = f1dbGrid('seasons/2024/races/12-great-britain/starting-grid-positions.yml');
    const labels = grid.map(penaltyLabel).filter(Boolean);
    expect(labels).toContain('back of the grid');
    expect(penaltyLabel({ gridPenalty: null, gridPenaltyPlaces: null })).toBeNull();
  });

  it('should name each driver’s chassis and engine, several when the entry changed (1985 Williams FW10/FW10B)', () => {
    const williams = readF1db('seasons/1985/entrants.yml').find((e) => e.constructorId === 'williams')!;
    const entry = (driverId: string): RaceEntry => ({
      number: null,
      driver: { id: driverId, code: null, permanentNumber: null, givenName: '', familyName: driverId, nationality: null },
      constructor: { id: 'williams', name: 'Williams', nationality: null },
      entrant: null,
      engineManufacturer: { id: 'honda', name: 'Honda' },
      chassis: (williams.chassis as { chassisId: string }[]).map((c) => ({ id: c.chassisId, name: c.chassisId.replace('williams-', '').toUpperCase(), fullName: c.chassisId })),
      engines: (williams.engines as { engineId: string }[]).map((e) => ({ id: e.engineId, name: e.engineId.split('-')[1]!.toUpperCase(), fullName: e.engineId, manufacturer: { id: 'honda', name: 'Honda' }, capacity: 1.5, configuration: 'V6', aspiration: null })),
      tyreManufacturer: null,
    });
    const cars = carsByDriver([entry('nigel-mansell'), entry('keke-rosberg')]);
    expect(cars.get('nigel-mansell')).toEqual({ chassis: 'FW10 / FW10B', engine: 'Honda RA164E / Honda RA165E' });
    expect(carsByDriver([{ ...entry('x'), engines: [] }]).get('x')!.engine).toBe('Honda');
  });
});
