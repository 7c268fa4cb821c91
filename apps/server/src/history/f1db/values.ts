// F1DB's value conventions turned into ours. Pure.

/** An Ergast-style public id from an F1DB slug: 'max-verstappen' → 'max_verstappen'. */
export const ergastStyleId = (slug: string) => slug.replace(/-/g, '_');

/** Names compared across sources: no accents, case, punctuation or spaces ('Nico Hülkenberg' → 'nicohulkenberg'). */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Milliseconds of an F1DB duration ('1:31:44.742', '36.604', '+1:14.887'); null for '+1 lap' and blanks. */
export function durationMillis(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /^\+?(?:(?:(\d+):)?(\d+):)?(\d+)(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const [, h, min, s, frac] = m;
  return ((Number(h ?? 0) * 60 + Number(min ?? 0)) * 60 + Number(s)) * 1000 + Number((frac ?? '').padEnd(3, '0'));
}

/** F1DB position (number or text such as DNF) → number and text. */
export function position(p: number | string | null | undefined): { positionNumber: number | null; positionText: string } {
  if (typeof p === 'number') return { positionNumber: p, positionText: String(p) };
  return { positionNumber: null, positionText: p ?? '' };
}

/** Ergast's positionText for an unplaced F1DB result: R retired, D disqualified, E excluded, W withdrew/DNS, F failed to qualify, N not classified. */
export function ergastPositionText(p: number | string): string {
  if (typeof p === 'number') return String(p);
  switch (p) {
    case 'DSQ':
      return 'D';
    case 'EX':
      return 'E';
    case 'DNS':
    case 'DNP':
      return 'W';
    case 'DNQ':
    case 'DNPQ':
      return 'F';
    case 'NC':
      return 'N';
    default:
      return 'R';
  }
}

/** Ergast status text of an F1DB race result. */
export function ergastStatus(r: { position: number | string; reasonRetired: string | null; gap: string | null; time: string | null }): string {
  if (r.reasonRetired) return r.reasonRetired;
  if (r.position === 'DSQ') return 'Disqualified';
  if (r.position === 'EX') return 'Excluded';
  if (r.position === 'DNS') return 'Did not start';
  if (r.position === 'DNQ') return 'Did not qualify';
  if (r.position === 'DNPQ') return 'Did not prequalify';
  if (r.position === 'NC') return 'Not classified';
  const laps = r.gap && /^\+(\d+) laps?$/.exec(r.gap);
  if (laps) return `+${laps[1]} ${laps[1] === '1' ? 'Lap' : 'Laps'}`;
  return typeof r.position === 'number' ? 'Finished' : 'Retired';
}

/** F1DB clock 'HH:MM' → Ergast 'HH:MM:SS'. */
export const clock = (t: string | undefined | null) => (t ? (t.length === 5 ? `${t}:00` : t) : null);

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
