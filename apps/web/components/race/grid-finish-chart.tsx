import type { RaceResult } from '@/lib/api/types';
import { teamColor } from '@/lib/colors';
import { biggestGainer, gridVsFinish } from '@/lib/shape/grid-finish';
import { driverLabel } from '@/lib/shape/progression';

const ROW = 22;
const PAD_Y = 28;

/** Slope chart: each car's grid slot on the left joined to its finishing place on the right. */
export function GridFinishChart({ results }: { results: RaceResult[] }) {
  const rows = gridVsFinish(results);
  const n = Math.max(rows.length, ...rows.map((r) => r.grid ?? 0));
  const height = PAD_Y * 2 + (n - 1) * ROW;
  const y = (p: number) => PAD_Y + (p - 1) * ROW;
  const gainer = biggestGainer(rows);
  const xL = 90;
  const xR = 410;
  return (
    <figure className="m-0">
      <svg
        viewBox={`0 0 500 ${height}`}
        className="h-auto w-full max-w-2xl"
        role="img"
        aria-label={`Grid against finish for ${rows.length} cars${gainer ? `; biggest gain: ${gainer.result.driver.familyName}, ${gainer.gained} places` : ''}`}
        data-chart="grid-finish"
        data-points={rows.filter((r) => r.grid !== null).length}
      >
        <text x={xL} y={14} textAnchor="middle" className="fill-muted-foreground text-[10px] uppercase tracking-widest">Grid</text>
        <text x={xR} y={14} textAnchor="middle" className="fill-muted-foreground text-[10px] uppercase tracking-widest">Finish</text>
        {rows.map((r) => {
          const color = teamColor(r.result.constructor.id);
          const startY = r.grid !== null ? y(r.grid) : y(n);
          const code = driverLabel(r.result.driver);
          return (
            <g key={r.result.driver.id} opacity={r.classified ? 1 : 0.55}>
              <line x1={xL + 8} y1={startY} x2={xR - 8} y2={y(r.finish)} stroke={color} strokeWidth={r === gainer ? 3 : 1.75} strokeDasharray={r.classified ? undefined : '4 3'} />
              <circle cx={xL + 8} cy={startY} r={3.5} fill={color} />
              <circle cx={xR - 8} cy={y(r.finish)} r={3.5} fill={color} />
              <text x={xL - 4} y={startY + 4} textAnchor="end" className="fill-foreground font-mono text-[11px]">
                {r.grid !== null ? `${r.grid} ${code}` : `PL ${code}`}
              </text>
              <text x={xR + 4} y={y(r.finish) + 4} className="fill-foreground font-mono text-[11px]">
                {r.classified ? r.finish : r.result.positionText} {code}
                {r.gained ? ` ${r.gained > 0 ? '▲' : '▼'}${Math.abs(r.gained)}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      {gainer ? (
        <figcaption className="mt-2 text-xs text-muted-foreground">
          Biggest gain: <span className="font-semibold text-timing-green">{gainer.result.driver.givenName} {gainer.result.driver.familyName}</span>, {gainer.gained} places (P{gainer.grid} → P{gainer.finish}).
        </figcaption>
      ) : null}
    </figure>
  );
}
