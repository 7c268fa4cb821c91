import { describe, expect, it } from 'vitest';
import { compoundColor, compoundLetter, seriesStyles, teamColor } from './colors';

describe('colours', () => {
  it('should give known teams their livery and unknown ids a stable fallback', () => {
    expect(teamColor('ferrari')).toBe('#e8002d');
    expect(teamColor('some_1961_privateer')).toBe(teamColor('some_1961_privateer'));
    expect(teamColor('some_1961_privateer')).toMatch(/^#[0-9a-f]{6}$/);
  });
  it('should dash the second driver of a team', () => {
    const styles = seriesStyles([
      { key: 'max_verstappen', constructorId: 'red_bull' },
      { key: 'perez', constructorId: 'red_bull' },
      { key: 'leclerc', constructorId: 'ferrari' },
    ]);
    expect(styles.get('max_verstappen')).toEqual({ color: '#3671c6', dashed: false });
    expect(styles.get('perez')).toEqual({ color: '#3671c6', dashed: true });
    expect(styles.get('leclerc')?.dashed).toBe(false);
  });
  it('should map compounds case-insensitively', () => {
    expect(compoundColor('soft')).toBe(compoundColor('SOFT'));
    expect(compoundLetter('INTERMEDIATE')).toBe('I');
    expect(compoundLetter(null)).toBe('?');
  });
});
