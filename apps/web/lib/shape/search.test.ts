import { describe, expect, it } from 'vitest';
import { ergastCalendar } from '../test/ergast-fixtures';
import { matchRaces, normalise, parseSearch } from './search';

// The real 2023 calendar as Jolpica serves it.
const races = ergastCalendar('2023.json');

describe('parseSearch', () => {
  it('should pull a season out of the text wherever it stands', () => {
    expect(parseSearch('2023 Monaco')).toEqual({ year: 2023, text: 'monaco' });
    expect(parseSearch('monaco 1958')).toEqual({ year: 1958, text: 'monaco' });
    expect(parseSearch('Hamilton')).toEqual({ year: null, text: 'hamilton' });
    expect(parseSearch('1234 x').year).toBeNull();
  });
  it('should fold accents and case', () => {
    expect(normalise('  Pérez  ')).toBe('perez');
  });
});

describe('matchRaces (2023 calendar)', () => {
  it('should find a race by its name, circuit or place', () => {
    const byName = matchRaces(races, 'monaco');
    expect(byName).toHaveLength(1);
    expect(byName[0]!.circuit.id).toBe('monaco');
    const spa = matchRaces(races, 'spa');
    expect(spa.map((r) => r.circuit.id)).toContain('spa');
    for (const r of spa) expect(normalise(`${r.name} ${r.circuit.name} ${r.circuit.locality}`)).toContain('spa');
  });
  it('should require every word and ignore empty text', () => {
    const usa = matchRaces(races, 'usa');
    expect(usa.length).toBeGreaterThanOrEqual(2); // Miami, Austin, Las Vegas
    expect(matchRaces(races, 'usa miami').every((r) => /miami/i.test(r.name + r.circuit.locality))).toBe(true);
    expect(matchRaces(races, '   ')).toEqual([]);
  });
});
