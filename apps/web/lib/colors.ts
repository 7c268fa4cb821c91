// Colours are part of how F1 fans read a chart: a team's livery colour, and the tyre compound's
// sidewall colour. The palette is our own approximation of the liveries.

const TEAM_COLORS: Record<string, string> = {
  red_bull: '#3671c6',
  ferrari: '#e8002d',
  mercedes: '#27f4d2',
  mclaren: '#ff8000',
  aston_martin: '#229971',
  alpine: '#ff87bc',
  williams: '#64c4ff',
  rb: '#6692ff',
  alphatauri: '#5e8faa',
  toro_rosso: '#469bff',
  sauber: '#52e252',
  alfa: '#c92d4b',
  haas: '#b6babd',
  racing_point: '#f596c8',
  force_india: '#f596c8',
  renault: '#fff500',
  lotus_f1: '#ffb800',
  brawn: '#d4f542',
  toyota: '#cc2a2a',
  bmw_sauber: '#9bb8d8',
  honda: '#e8e8e8',
  super_aguri: '#d33b3b',
  spyker: '#f07d00',
  spyker_mf1: '#f07d00',
  mf1: '#c43c3c',
  jordan: '#f7d21e',
  minardi: '#555555',
  bar: '#c8c8c8',
  jaguar: '#00643c',
  prost: '#2f4bb5',
  arrows: '#f28c28',
  stewart: '#ffffff',
  benetton: '#35bf6d',
  tyrrell: '#3a78c2',
  ligier: '#2a5bd7',
  brabham: '#31a85a',
  lotus: '#2d5f3a',
  team_lotus: '#2d5f3a',
  cooper: '#1f5e9e',
  brm: '#4f7a4f',
  vanwall: '#2c6e49',
  maserati: '#b22222',
  march: '#ef7b2b',
  shadow: '#6b6b6b',
  alfa_romeo: '#c92d4b',
  osella: '#dddddd',
  ats: '#ffcc33',
  ensign: '#d33682',
  fittipaldi: '#f3c623',
  kauhsen: '#aaaaaa',
  wolf: '#274472',
  ferrari_engine: '#e8002d',
};

// Distinct, readable on a dark background; used for teams we have no livery for.
const FALLBACK = ['#4cc9f0', '#f72585', '#b5e48c', '#ffd166', '#9d4edd', '#06d6a0', '#ff9f1c', '#e5e5e5', '#ef476f', '#118ab2'];

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/** A constructor's chart colour, stable for ids we do not know. */
export function teamColor(constructorId: string | null | undefined): string {
  if (!constructorId) return '#9a9aa8';
  return TEAM_COLORS[constructorId] ?? FALLBACK[hash(constructorId) % FALLBACK.length]!;
}

const COMPOUND_COLORS: Record<string, string> = {
  SOFT: '#ff3333',
  MEDIUM: '#ffd12e',
  HARD: '#f0f0ec',
  INTERMEDIATE: '#43b02a',
  WET: '#0067ad',
  HYPERSOFT: '#feb1c1',
  ULTRASOFT: '#b24ba7',
  SUPERSOFT: '#fc2b2a',
  SUPERHARD: '#fd7d3c',
  TEST_UNKNOWN: '#434649',
  UNKNOWN: '#6b6b7b',
};

export function compoundColor(compound: string | null | undefined): string {
  return COMPOUND_COLORS[(compound ?? 'UNKNOWN').toUpperCase()] ?? COMPOUND_COLORS.UNKNOWN!;
}

/** The one-letter sidewall mark. */
export function compoundLetter(compound: string | null | undefined): string {
  const c = (compound ?? '').toUpperCase();
  if (c === 'INTERMEDIATE') return 'I';
  if (c === 'TEST_UNKNOWN' || c === 'UNKNOWN' || c === '') return '?';
  return c.charAt(0);
}

/**
 * Colours for several drivers on one chart: the team colour, and a dash for the second driver of a
 * team so that teammates stay apart.
 */
export function seriesStyles(entries: readonly { key: string; constructorId: string | null | undefined }[]): Map<string, { color: string; dashed: boolean }> {
  const seen = new Map<string, number>();
  const out = new Map<string, { color: string; dashed: boolean }>();
  for (const e of entries) {
    const team = e.constructorId ?? `?${e.key}`;
    const n = seen.get(team) ?? 0;
    seen.set(team, n + 1);
    out.set(e.key, { color: teamColor(e.constructorId), dashed: n % 2 === 1 });
  }
  return out;
}
