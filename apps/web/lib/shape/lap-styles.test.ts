import { describe, expect, it } from 'vitest';
import type { SessionDriver } from '../api/session-types';
import { loadSession } from '../test/session';
import { lapStyles, lighten } from './lap-styles';

// The 2025 Mexico City GP qualifying driver list: team colours as the feed gives them.
const session = await loadSession('2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/');
const drivers: SessionDriver[] = session.drivers.map((d) => ({
  driverNumber: d.driverNumber,
  abbreviation: d.abbreviation ?? d.driverNumber,
  fullName: d.fullName ?? '',
  teamName: d.teamName,
  teamColor: d.teamColour ? `#${d.teamColour.toLowerCase()}` : null,
}));
const team = (tla: string) => drivers.find((d) => d.abbreviation === tla)!;

describe('lapStyles (Mexico City 2025 Q driver list)', () => {
  it('should draw each driver in the team colour, solid, when the teams differ', () => {
    const styles = lapStyles(
      [
        { driver: 'NOR', lapNumber: 20 },
        { driver: 'LEC', lapNumber: 19 },
      ],
      drivers,
    );
    expect(styles).toEqual([
      { label: 'NOR L20', color: team('NOR').teamColor, dashed: false },
      { label: 'LEC L19', color: team('LEC').teamColor, dashed: false },
    ]);
  });

  it('should dash and lighten a teammate, and the same driver twice', () => {
    expect(team('LEC').teamName).toBe(team('HAM').teamName);
    const [lec, ham, lec2] = lapStyles(
      [
        { driver: 'LEC', lapNumber: 19 },
        { driver: 'HAM', lapNumber: 'fastest' },
        { driver: 'LEC', lapNumber: 12 },
      ],
      drivers,
    );
    expect(lec!.dashed).toBe(false);
    expect(ham).toMatchObject({ label: 'HAM fastest', dashed: true, color: lighten(team('HAM').teamColor!, 0.3) });
    expect(lec2!.dashed).toBe(true);
    expect(lec2!.color).not.toBe(ham!.color); // a third lap of one colour is lighter still
  });

  it('should tell apart two teams whose colours look alike (Red Bull and Alpine blues)', () => {
    expect(team('VER').teamName).not.toBe(team('GAS').teamName);
    const [ver, gas] = lapStyles(
      [
        { driver: 'VER', lapNumber: 17 },
        { driver: 'GAS', lapNumber: 8 },
      ],
      drivers,
    );
    expect(ver!.dashed).toBe(false);
    expect(gas!.dashed).toBe(true);
  });

  it('should fall back to a palette for a driver the list does not know', () => {
    const [x] = lapStyles([{ driver: 'ZZZ', lapNumber: 1 }], drivers);
    expect(x!.color).toMatch(/^#[0-9a-f]{6}$/);
  });
});
