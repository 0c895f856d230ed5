import { createRequire } from 'node:module';
import type { Commune, CommuneDirectory } from '../../app/ports.ts';

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  population?: number;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .trim();
}

/**
 * The official current communes (INSEE codes) from @etalab/decoupage-administratif, read once.
 * Its JSON files are read directly rather than through the package's entry point, which loads
 * every level at import time.
 */
export function loadCommuneDirectory(): CommuneDirectory {
  const require = createRequire(import.meta.url);
  const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const byCode = new Map<string, Commune>();
  const folded: { key: string; commune: Commune }[] = [];
  for (const row of raw) {
    if (row.type !== 'commune-actuelle' || !row.departement || !row.region) continue;
    const commune: Commune = {
      code: row.code,
      name: row.nom,
      departement: row.departement,
      region: row.region,
      population: row.population ?? 0,
    };
    byCode.set(row.code, commune);
    folded.push({ key: fold(row.nom), commune });
  }
  return {
    find: (code) => byCode.get(code),
    inDepartement: (departement) => [...byCode.values()].filter((c) => c.departement === departement),
    search(query, limit) {
      const needle = fold(query);
      if (needle.length === 0) return [];
      if (/^\d[\dAB]\d{0,3}$/i.test(needle)) {
        return [...byCode.values()].filter((c) => c.code.startsWith(needle.toUpperCase())).slice(0, limit);
      }
      const starts = folded.filter((f) => f.key.startsWith(needle));
      const contains = folded.filter((f) => !f.key.startsWith(needle) && f.key.includes(needle));
      return [...starts, ...contains].slice(0, limit).map((f) => f.commune);
    },
  };
}
