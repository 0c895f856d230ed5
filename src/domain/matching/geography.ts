import type { Place } from './model.ts';

export type ProximityLevel = 'commune' | 'epci' | 'departement' | 'region' | 'far' | 'unknown';

export interface Proximity {
  level: ProximityLevel;
  /** Great-circle distance between commune centres, when both are known. */
  km?: number;
  /** In [0, 1]; `unknown` is scored by the caller (weights.unknownProximity). */
  score: number;
}

const LEVEL_SCORE: Readonly<Record<ProximityLevel, number>> = {
  commune: 1,
  epci: 0.85,
  departement: 0.6,
  region: 0.3,
  far: 0,
  unknown: 0,
};

/**
 * How close two organisations are. Administrative levels come first (a lab convenes by
 * territory); a distance, when known, can only raise the score of a close pair across a border.
 */
export function proximity(a: Place | undefined, b: Place | undefined): Proximity {
  if (!a || !b) return { level: 'unknown', score: 0 };
  const level: ProximityLevel =
    a.commune === b.commune
      ? 'commune'
      : a.epci !== undefined && a.epci === b.epci
        ? 'epci'
        : a.dep === b.dep
          ? 'departement'
          : a.region === b.region
            ? 'region'
            : 'far';
  const km = distanceKm(a, b);
  if (km === undefined) return { level, score: LEVEL_SCORE[level] };
  // Within ~15 km people meet as easily as in one EPCI; decays to nothing past ~100 km.
  const byDistance = Math.max(0, Math.min(0.85, 0.85 * Math.exp(-Math.max(0, km - 15) / 40)));
  return { level, km, score: Math.max(LEVEL_SCORE[level], byDistance) };
}

export function distanceKm(a: Place, b: Place): number | undefined {
  if (a.lat === undefined || a.lon === undefined || b.lat === undefined || b.lon === undefined)
    return undefined;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
