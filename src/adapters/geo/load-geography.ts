import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GeoLookup, Place } from '../../domain/matching/model.ts';

export interface Geography {
  /** Every known code (current communes, delegated and merged ones, arrondissements) → place. */
  communes: ReadonlyMap<string, Place>;
  lookup: GeoLookup;
}

interface CommuneRow {
  code: string;
  type: string;
  departement?: string;
  region?: string;
  chefLieu?: string;
  commune?: string;
  anciensCodes?: string[];
}
interface EpciRow {
  code: string;
  membres: { code: string }[];
}

const require = createRequire(import.meta.url);

// NOTE: the package's index.js reads ./data relative to the working directory, so its JSON
// files are resolved and read directly (shared/data/README.md).
function readPackageJson<T>(file: string): T {
  return JSON.parse(
    readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8'),
  ) as T;
}

/**
 * The official geography as a lookup for the matching engine. Codes of delegated or associated
 * communes, of communes merged away (`anciensCodes`) and of municipal arrondissements resolve to
 * the current commune's EPCI, so an old SIRENE code still finds its neighbours.
 */
export function loadGeography(): Geography {
  const rows = readPackageJson<CommuneRow[]>('communes.json');
  const epciOf = new Map<string, string>();
  for (const epci of readPackageJson<EpciRow[]>('epci.json'))
    for (const m of epci.membres) epciOf.set(m.code, epci.code);
  const centres = readCentres();

  const communes = new Map<string, Place>();
  const placeOf = (code: string, parent: string, row: CommuneRow): Place | undefined => {
    if (!row.departement || !row.region) return undefined;
    const centre = centres.get(code) ?? centres.get(parent);
    const epci = epciOf.get(parent);
    return {
      commune: parent,
      dep: row.departement,
      region: row.region,
      ...(epci ? { epci } : {}),
      ...(centre ? { lat: centre[0], lon: centre[1] } : {}),
    };
  };
  for (const row of rows) {
    if (row.type !== 'commune-actuelle') continue;
    const place = placeOf(row.code, row.code, row);
    if (!place) continue;
    communes.set(row.code, place);
    for (const old of row.anciensCodes ?? []) if (!communes.has(old)) communes.set(old, { ...place });
  }
  for (const row of rows) {
    if (row.type === 'commune-actuelle' || communes.has(row.code)) continue;
    const parent = row.type === 'arrondissement-municipal' ? row.commune : row.chefLieu;
    const place = parent ? placeOf(row.code, parent, row) : undefined;
    if (place) communes.set(row.code, place);
  }
  return { communes, lookup: (code) => communes.get(code) };
}

function readCentres(): Map<string, readonly [number, number]> {
  const text = readFileSync(new URL('./communes-centres.csv', import.meta.url), 'utf8');
  const centres = new Map<string, readonly [number, number]>();
  for (const line of text.split('\n').slice(1)) {
    const [code, lat, lon] = line.split(',');
    if (code && lat && lon) centres.set(code, [Number(lat), Number(lon)]);
  }
  return centres;
}
