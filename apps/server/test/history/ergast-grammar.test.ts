import { describe, expect, it } from 'vitest';
import { checkErgastPath, parseErgastPath, parsePaging, type ErgastPath } from '../../src/history/ergast/grammar.js';
import { compareNames, formatDuration, formatSpeed } from '../../src/history/ergast/format.js';
import { echo, scheduleSessions } from '../../src/history/ergast/serialise.js';

function parsed(path: string): ErgastPath {
  const p = parseErgastPath(path);
  if ('status' in p) throw new Error(`${path}: ${p.status}`);
  return p;
}

describe('Ergast URL grammar', () => {
  it('treats inherited object keys in the path as unknown segments (404), found by the HTTP fuzz test', () => {
    for (const path of ['/__proto__', '/__proto__.json', '/2023/24/constructor/', '/drivers/x/toString/1/results', '/2023/hasOwnProperty']) {
      expect(parseErgastPath(path)).toMatchObject({ status: 404 });
    }
  });

  it('reads season, round, filters in any order and the resource', () => {
    expect(parsed('/2008/drivers/alonso/fastest/0/circuits.json')).toEqual({
      resource: 'circuits',
      filters: { season: '2008', driver: 'alonso', fastest: '0' },
    });
    expect(parsed('/drivers/glock/constructors/toyota/grid/1/results/1/seasons.json').filters).toEqual({
      driver: 'glock',
      team: 'toyota',
      grid: '1',
      result: '1',
    });
    expect(parsed('/grid/999/constructors/notexist/seasons/')).toEqual({
      resource: 'seasons',
      filters: { grid: '999', team: 'notexist' },
    });
    expect(parsed('/current/last/results')).toEqual({ resource: 'results', filters: { season: 'current', round: 'last' } });
  });

  it('treats the value after the resource as its final filter', () => {
    expect(parsed('/2023/results/2.json')).toEqual({ resource: 'results', filters: { season: '2023', result: '2' }, finalValue: '2' });
    expect(parsed('/circuits/monaco')).toEqual({ resource: 'circuits', filters: { circuit: 'monaco' }, finalValue: 'monaco' });
    expect(parsed('/2023/4/driverStandings/22.json').filters).toEqual({ season: '2023', round: '4', driverStanding: '22' });
    expect(parsed('/2023/constructorstandings/1/').resource).toBe('constructorStandings');
    // a filter pair at the very end is the resource with its value, not a filter
    expect(parsed('/drivers/alonso/').resource).toBe('drivers');
    expect(parsed('/2023/10/laps/7/pitstops.json').filters).toEqual({ season: '2023', round: '10', lap: '7' });
    expect(parsed('/2023/10/laps/1.json')).toEqual({ resource: 'laps', filters: { season: '2023', round: '10', lap: '1' }, finalValue: '1' });
  });

  it('serves the schedule for bare season/round paths', () => {
    expect(parsed('/2023.json')).toEqual({ resource: 'races', filters: { season: '2023' } });
    expect(parsed('/2023/next.json')).toEqual({ resource: 'races', filters: { season: '2023', round: 'next' } });
    expect(parsed('/2023/5/')).toEqual({ resource: 'races', filters: { season: '2023', round: '5' } });
    expect(parsed('/')).toEqual({ resource: 'races', filters: {} });
  });

  it('gives 404 to paths with no route', () => {
    for (const p of [
      '/2023/results/fish.json',
      '/2023/grid/fish/results/1.json',
      '/2023/results.xml',
      '/2023/unknown.json',
      '/2023/100/results.json',
      '/2023//results.json',
      '/drivers/alonso/grid/results.json',
      '/drivers/al.onso/results.json',
      '/results/1/2/3',
    ]) {
      const r = parseErgastPath(p);
      expect('status' in r && r.status, p).toBe(404);
    }
  });

  it('rejects unsupported combinations with Jolpica details', () => {
    const detail = (p: string) => checkErgastPath(parsed(p))?.detail;
    expect(detail('/laps.json')).toMatch(/^Bad Request: Missing one of the required parameters/);
    expect(detail('/2023/pitstops.json')).toMatch(/^Bad Request: Missing one of the required parameters/);
    expect(detail('/2023/races/1.json')).toMatch(/^Bad Request: Endpoint does not support final filter/);
    expect(detail('/seasons/2010.json')).toMatch(/^Bad Request: Endpoint does not support final filter/);
    expect(detail('/2023/11/laps/1/races.json')).toMatch(/^Bad Request: Unsupported filter for endpoint/);
    expect(detail('/2023/11/drivers/1/constructorstandings.json')).toMatch(/^Bad Request: Unsupported filter for endpoint/);
    expect(detail('/2023/11/constructors/1/driverstandings.json')).toMatch(/^Bad Request: Unsupported filter for endpoint/);
    expect(detail('/2023/11/pitstops/1/laps.json')).toMatch(/^Bad Request: Unsupported filter for endpoint/);
    expect(checkErgastPath(parsed('/2023/10/laps/7/pitstops/1.json'))).toBeNull();
    expect(checkErgastPath(parsed('/2023/drivers/alonso/driverStandings.json'))).toBeNull();
  });

  it('parses limit and offset like Jolpica', () => {
    expect(parsePaging({})).toEqual({ limit: 30, offset: 0 });
    expect(parsePaging({ limit: '21', offset: '45' })).toEqual({ limit: 21, offset: 45 });
    expect(parsePaging({ limit: '1000' })).toEqual({ limit: 100, offset: 0 });
    expect(parsePaging({ limit: '0', offset: '-3' })).toEqual({ limit: 30, offset: 0 });
    expect(parsePaging({ limit: 'x', offset: '1e3' })).toEqual({ limit: 30, offset: 0 });
    expect(parsePaging({ limit: ['5', '7'] })).toEqual({ limit: 7, offset: 0 });
  });
});

describe('Ergast value formats', () => {
  it('prints durations without leading zero units', () => {
    expect(formatDuration(5133607)).toBe('1:25:33.607');
    expect(formatDuration(67012)).toBe('1:07.012');
    expect(formatDuration(25636)).toBe('25.636');
    expect(formatDuration(179)).toBe('0.179');
    expect(formatDuration(1998000)).toBe('33:18.000');
    expect(formatSpeed('231.97')).toBe('231.970');
  });

  it('orders names like glibc en_US: case, accents and spaces secondary', () => {
    const names = ['Zhou', 'de Vries', 'Hülkenberg', 'Hamilton', 'Bottas', 'di Resta', 'Diniz'];
    expect([...names].sort(compareNames)).toEqual(['Bottas', 'de Vries', 'Diniz', 'di Resta', 'Hamilton', 'Hülkenberg', 'Zhou']);
  });

  it('echoes criteria under Ergast names and hides final quali/sprint/lap positions', () => {
    expect(echo('results', { season: '2023', result: '2' })).toEqual({ season: '2023', position: '2' });
    expect(echo('laps', { season: '2023', round: '10', lap: '1' })).toEqual({ season: '2023', round: '10' });
    expect(echo('pitstops', { season: '2023', round: '10', lap: '7', pitstop: '2' })).toEqual({ season: '2023', round: '10', lap: '7', stop: '2' });
    expect(echo('qualifying', { season: '2023', grid: '12', circuit: 'bahrain', qualifying: '12' })).toEqual({ season: '2023', grid: '12', circuitId: 'bahrain' });
  });

  it('lists the sessions of each weekend format', () => {
    expect(scheduleSessions(2023, new Set(['R', 'Q1', 'FP1', 'FP2', 'FP3'])).map(([k]) => k)).toEqual(['FirstPractice', 'SecondPractice', 'ThirdPractice', 'Qualifying']);
    expect(scheduleSessions(2023, new Set(['R', 'SR', 'SQ1'])).map(([k]) => k)).toContain('SprintShootout');
    expect(scheduleSessions(2024, new Set(['R', 'SR', 'SQ1'])).map(([k]) => k)).toContain('SprintQualifying');
    expect(scheduleSessions(2021, new Set(['R', 'SR'])).map(([k]) => k)).toEqual(['FirstPractice', 'SecondPractice', 'Qualifying', 'Sprint']);
  });
});
