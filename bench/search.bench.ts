/**
 * Search benchmark: p50 / p95 latency of 1,000 varied French directory searches (words with and
 * without accents, plurals, typos, phrases, filters) at 100,000 organisations, PGlite and a
 * PostgreSQL server side by side. Each search is the list the web page asks for: a page of 25 and
 * the total count.
 *
 *   npx tsx bench/search.bench.ts [organisations=100000] [engines=pglite,postgres]
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { importRegistryFile } from '../src/adapters/import/registry-import.ts';
import { directoryRepository } from '../src/adapters/db/directory.repo.ts';
import { organisationRepository } from '../src/adapters/db/organisations.repo.ts';
import { territory } from '../src/adapters/territory/territory.ts';
import { OrganisationListQuerySchema, type OrganisationListQuery } from '../src/contracts/organisations.ts';
import {
  createLab,
  OUT,
  percentile,
  pgliteEngine,
  postgresEngine,
  writeSireneFile,
  type Engine,
} from './directory-support.ts';

const count = Number(process.argv[2] ?? 100_000);
const engines = (process.argv[3] ?? 'pglite,postgres').split(',');
const places = territory();
const nearOf = (code: string) => {
  const p = places.resolve(code);
  return p?.latitude != null && p.longitude != null
    ? { latitude: p.latitude, longitude: p.longitude }
    : undefined;
};

const DESCRIPTIONS = [
  'Jardin partagé et chantier d’insertion par le maraîchage biologique ; a besoin de compost.',
  'Atelier de réparation et de réemploi : cherche du matériel et des pièces détachées.',
  'Épicerie solidaire : cherche des bénévoles et des produits frais invendus.',
  'Entreprise familiale qui offre des chutes de bois et du mécénat de compétences.',
  'Association sportive qui accueille les jeunes du quartier et cherche un local.',
  'Traiteur local : débouchés en restauration collective, recrute des apprentis.',
  'Imprimerie engagée : papier recyclé, visibilité pour les associations.',
  'Ressourcerie : collecte, tri et revente d’objets de seconde main.',
];

const WORDS = [
  'jardin partagé',
  'jardins partages',
  'boulangerie',
  'boulangrie',
  'menuiserie',
  'menuisier',
  'garage',
  'imprimerie',
  'traiteur',
  'ressourcerie',
  'ressourcrie',
  'épicerie solidaire',
  'epicerie',
  'café',
  'cafe muller',
  'atelier',
  'transports',
  'conseil',
  'compost',
  'bénévoles',
  'benevole',
  'réemploi',
  'reemploi',
  'insertion',
  'maraîchage',
  'association sportive',
  'assocation',
  'weber',
  'schmitt boulangerie',
  'klein',
  'jeunes quartier',
  'mécénat de compétences',
  'chutes de bois',
  'papier recyclé',
  'local',
  'apprentis',
  '"jardin partagé"',
  'restauration collective',
  'seconde main',
  'zimmermann',
  'hoffman',
  'fischer garage',
  'épiceries',
  'réparation vélo',
  'pièces détachées',
];

/** 1,000 searches: a word list crossed with filters, deterministic. */
function queries(): OrganisationListQuery[] {
  const list: OrganisationListQuery[] = [];
  for (let i = 0; i < 1000; i++) {
    const raw: Record<string, string> = { q: WORDS[i % WORDS.length]! };
    if (i % 3 === 0) raw['departement'] = i % 2 ? '67' : '68';
    if (i % 5 === 1) raw['nafSection'] = ['C', 'G', 'I', 'S', 'M'][i % 5]!;
    if (i % 7 === 2) raw['size'] = ['micro', 'small', 'none'][i % 3]!;
    if (i % 11 === 3) raw['epci'] = '246700488';
    if (i % 13 === 4) {
      delete raw['q'];
      raw['theme'] = 'food';
    }
    if (i % 17 === 5) raw['near'] = '67482';
    if (i % 19 === 6) raw['page'] = '3';
    list.push(OrganisationListQuerySchema.parse(raw));
  }
  return list;
}

async function load(engine: Engine, file: string): Promise<string> {
  const labId = await createLab(engine.database, `search-${Date.now()}`, ['67', '68']);
  await importRegistryFile(
    { directory: directoryRepository(engine.database.db, nearOf), territory: places },
    {
      kind: 'sirene',
      file,
      labId,
      departements: null,
      reportPath: join(OUT, `search-rejets-${engine.name}.csv`),
      batchSize: 1000,
    },
  );
  await engine.database.db.execute(sql`
    update organisations set description = (${sql.raw(`array[${DESCRIPTIONS.map((d) => `'${d.replaceAll("'", "''")}'`).join(',')}]`)})[1 + (abs(hashtext(id::text)) % ${DESCRIPTIONS.length})],
      themes = case when abs(hashtext(id::text)) % 4 = 0 then array['food'] else '{}'::text[] end
    where lab_id = ${labId}`);
  await engine.database.vacuumAnalyze();
  return labId;
}

// Closed rows (one in ten) are not imported: write enough rows for `count` organisations.
const file = await writeSireneFile(Math.ceil(count / 0.9), 5_000_000);
const all = queries();
for (const name of engines) {
  const engine = name === 'postgres' ? await postgresEngine() : await pgliteEngine();
  if (!engine) {
    process.stdout.write(`${name}: no PostgreSQL binaries, skipped\n`);
    continue;
  }
  try {
    const loadStart = performance.now();
    const labId = await load(engine, file);
    const [{ n } = { n: 0 }] = (
      (await engine.database.db.execute(
        sql`select count(*)::int as n from organisations where lab_id = ${labId}`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    const repository = organisationRepository(engine.database.db, nearOf);
    for (const query of all.slice(0, 50)) await repository.list(labId, query); // warm caches
    const times: number[] = [];
    let hits = 0;
    for (const query of all) {
      const started = performance.now();
      const page = await repository.list(labId, query);
      times.push(performance.now() - started);
      if (page.total > 0) hits++;
    }
    times.sort((a, b) => a - b);
    process.stdout.write(
      `${engine.name.padEnd(8)} ${n} organisations (loaded in ${((performance.now() - loadStart) / 1000).toFixed(0)} s): ` +
        `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms over ${times.length} searches (${hits} with results)\n`,
    );
  } finally {
    await engine.close();
  }
}
