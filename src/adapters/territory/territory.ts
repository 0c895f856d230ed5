import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Place, Territory } from '../../app/directory/ports.ts';

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  chefLieu?: string;
  commune?: string;
  anciensCodes?: string[];
}
interface RawEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}
interface RawArea {
  code: string;
  nom: string;
}

const require = createRequire(import.meta.url);

// NOTE: the package's index.js reads ./data relative to the working directory (shared/data/README.md),
// so its JSON files are resolved and read directly.
function readPackageJson<T>(file: string): T {
  return JSON.parse(
    readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8'),
  ) as T;
}

function readCsv(file: string): string[][] {
  return parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8'), {
    from_line: 2,
  }) as string[][];
}

/**
 * The official territory: any commune code SIRENE or the RNA may write (current, delegated,
 * associated, merged away, municipal arrondissement) resolves to the current commune with its
 * EPCI, département, région and centre; NAF codes resolve to their labels.
 */
export interface LoadedTerritory extends Territory {
  /** Every commune code the registries may write, with its place (shared objects for merged codes). */
  readonly places: ReadonlyMap<string, Place>;
}

/** The département a commune code names by its prefix (three digits overseas). */
export function departementPrefix(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

/**
 * Commune resolution alone, from a table of places: what the registry reader needs in its worker
 * thread, which receives the table instead of loading the geography again (about a second).
 */
export function communeResolver(
  places: ReadonlyMap<string, Place>,
): Pick<Territory, 'resolve' | 'departementOfCommune'> {
  return {
    resolve: (code) => places.get(code.toUpperCase()),
    departementOfCommune: (code) => {
      const c = code.toUpperCase();
      return places.get(c)?.departement ?? departementPrefix(c);
    },
  };
}

export function loadTerritory(): LoadedTerritory {
  const communes = readPackageJson<RawCommune[]>('communes.json');
  const epcis = readPackageJson<RawEpci[]>('epci.json');
  const departements = new Map(readPackageJson<RawArea[]>('departements.json').map((d) => [d.code, d.nom]));
  const regions = new Map(readPackageJson<RawArea[]>('regions.json').map((r) => [r.code, r.nom]));
  const epciOf = new Map<string, RawEpci>();
  for (const epci of epcis) for (const member of epci.membres) epciOf.set(member.code, epci);
  const centres = new Map<string, [number, number]>();
  for (const [code, lat, lon] of readCsv('communes-centres.csv')) {
    if (code && lat && lon) centres.set(code, [Number(lat), Number(lon)]);
  }
  const naf = new Map<string, string>();
  for (const [code, label] of readCsv('naf-rev2.csv')) if (code && label) naf.set(code, label);

  const places = new Map<string, Place>();
  const placeOf = (current: RawCommune): Place | undefined => {
    if (!current.departement || !current.region) return undefined;
    const epci = epciOf.get(current.code);
    const centre = centres.get(current.code);
    return {
      communeInsee: current.code,
      communeName: current.nom,
      epci: epci?.code ?? null,
      epciName: epci?.nom ?? null,
      departement: current.departement,
      departementName: departements.get(current.departement) ?? current.departement,
      region: current.region,
      regionName: regions.get(current.region) ?? current.region,
      latitude: centre?.[0] ?? null,
      longitude: centre?.[1] ?? null,
    };
  };
  const byCode = new Map(communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));
  for (const current of byCode.values()) {
    const place = placeOf(current);
    if (!place) continue;
    places.set(current.code, place);
    for (const old of current.anciensCodes ?? []) if (!places.has(old)) places.set(old, place);
  }
  for (const row of communes) {
    if (row.type === 'commune-actuelle' || places.has(row.code)) continue;
    const parentCode = row.type === 'arrondissement-municipal' ? row.commune : row.chefLieu;
    const parent = parentCode ? byCode.get(parentCode) : undefined;
    const place = parent ? places.get(parent.code) : undefined;
    if (!place) continue;
    // An arrondissement keeps its own, more precise centre.
    const centre = centres.get(row.code);
    places.set(row.code, centre ? { ...place, latitude: centre[0], longitude: centre[1] } : place);
  }

  return {
    ...communeResolver(places),
    places,
    nafLabel: (code) => naf.get(code),
    epciName: (code) => epcis.find((e) => e.code === code)?.nom,
    departementName: (code) => departements.get(code),
    regionName: (code) => regions.get(code),
  };
}

/** A commune's centre by any code the territory resolves, for searches "near" a place. */
export function centreOf(
  places: Territory,
): (code: string) => { latitude: number; longitude: number } | undefined {
  return (code) => {
    const place = places.resolve(code);
    return place?.latitude != null && place.longitude != null
      ? { latitude: place.latitude, longitude: place.longitude }
      : undefined;
  };
}

let cached: LoadedTerritory | undefined;

/** The territory, loaded once per process (about 15 MB of JSON). */
export function territory(): LoadedTerritory {
  cached ??= loadTerritory();
  return cached;
}
