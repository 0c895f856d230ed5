/**
 * Search benchmark: p50 / p95 / p99 latency of 1,000 varied French directory searches at 100,000
 * organisations, PGlite and a PostgreSQL server side by side. Each search is the list the web page
 * asks for (a page of 25 and the total), through the repository. Queries mix common words matching
 * thousands of organisations, multi-word searches, accents and plurals, typos, names, phrases and
 * filters alone (territory at each level, theme, NAF section, size, open needs or offers, distance),
 * with and without text, on page 1 or further.
 *
 * The previous search (one WHERE with an OR of full text and trigram conditions on
 * `immutable_unaccent(lower(name))`, exact `count(*)`) runs in the same process as the baseline, on
 * every tenth query, alternating with the current one so that both see the same machine load.
 *
 *   npx tsx bench/search.bench.ts [organisations=100000] [engines=pglite,postgres] [baselineEvery=10]
 */
import { and, asc, count, desc, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../src/adapters/db/database.ts';
import { filterConditions, organisationRepository } from '../src/adapters/db/organisations.repo.ts';
import { organisations } from '../src/adapters/db/schema.ts';
import { centreOf, territory } from '../src/adapters/territory/territory.ts';
import { OrganisationListQuerySchema, type OrganisationListQuery } from '../src/contracts/organisations.ts';
import { parseSearchQuery } from '../src/domain/directory/search-query.ts';
import { percentile, pgliteEngine, postgresEngine } from './directory-support.ts';
import { loadSearchDirectory } from './search-fixture.ts';

const organisationCount = Number(process.argv[2] ?? 100_000);
const engines = (process.argv[3] ?? 'pglite,postgres').split(',');
const baselineEvery = Number(process.argv[4] ?? 10);
const places = territory();
const nearOf = centreOf(places);

/** Search texts by kind; `broad` ones match thousands of the generated organisations. */
const TEXTS: Record<string, string[]> = {
  broad: [
    'boulangerie',
    'insertion',
    'local',
    'atelier',
    'café',
    'garage',
    'bénévoles',
    'compost',
    'jardin',
    'association',
  ],
  words: [
    'jardin partagé',
    'jardins partages',
    'épicerie solidaire',
    'mécénat de compétences',
    'chutes de bois',
    'papier recyclé',
    'restauration collective',
    'seconde main',
    'réparation vélo',
    'pièces détachées',
    'jeunes quartier',
    'association sportive',
    '"jardin partagé"',
    'camion frigorifique',
    'salle de réunion',
    'expert comptable',
  ],
  typo: [
    'boulangrie',
    'ressourcrie',
    'assocation',
    'assocation sportive',
    'hoffman',
    'zimmerman',
    'menuisrie',
    'epicrie solidaire',
    'banque alimentair',
    'compagnon batisseur',
  ],
  name: [
    'schmitt boulangerie',
    'cafe muller',
    'fischer garage',
    'strasbourg emmaus',
    'emmaüs colmar',
    'weber',
    'klein',
    'repair café mulhouse',
    'boulangerie muller 1200',
    'traiteur 4321',
  ],
};

const FILTERS: Record<string, string>[] = [
  { departement: '67' },
  { departement: '68' },
  { epci: '246700488' },
  { commune: '68224' },
  { region: '44' },
  { theme: 'food' },
  { nafSection: 'C' },
  { nafSection: 'S' },
  { size: 'micro' },
  { size: 'large' },
  { universe: 'association' },
  { hasOpenNeeds: 'true' },
  { hasOpenOffers: 'true' },
  { hasOpenNeeds: 'false', departement: '68' },
  { near: '67482', radiusKm: '15' },
  { departement: '67', nafSection: 'G', size: 'small' },
  { hasOpenNeeds: 'true', theme: 'food' },
];

interface Search {
  kind: string;
  query: OrganisationListQuery;
}

/** 1,000 deterministic searches: each text kind alone and with filters, and filters alone. */
function searches(): Search[] {
  const list: Search[] = [];
  const kinds = Object.keys(TEXTS);
  for (let i = 0; i < 1000; i++) {
    const raw: Record<string, string> = {};
    let kind: string;
    if (i % 6 === 5) {
      kind = 'filters only';
      Object.assign(raw, FILTERS[(i * 7) % FILTERS.length]);
      if (i % 4 === 1) raw['sort'] = 'name';
    } else {
      const textKind = kinds[i % kinds.length]!;
      const texts = TEXTS[textKind]!;
      raw['q'] = texts[Math.floor(i / kinds.length) % texts.length]!;
      kind = textKind;
      if (i % 3 === 1) {
        Object.assign(raw, FILTERS[(i * 5) % FILTERS.length]);
        kind = `${textKind} + filter`;
      }
    }
    if (i % 13 === 4) raw['page'] = String(2 + (i % 5));
    list.push({ kind, query: OrganisationListQuerySchema.parse(raw) });
  }
  return list;
}

/** The search as it was before (one OR'd WHERE, rank of every match, exact count): the baseline. */
function baselineList(db: Db) {
  const ORGANISATION_ID = sql.raw('"organisations"."id"');
  return async (labId: string, query: OrganisationListQuery) => {
    // The filters have not changed; the text match, the order and the count have.
    const centre = query.near ? nearOf(query.near) : undefined;
    const conditions = filterConditions(labId, query, centre && { ...centre, radiusKm: query.radiusKm });
    let rank: SQL | undefined;
    const parsed = parseSearchQuery(query.q);
    if (parsed) {
      const tsquery = sql`websearch_to_tsquery('french_unaccent', ${parsed.text})`;
      const name = sql`immutable_unaccent(lower(${organisations.name}))`;
      conditions.push(
        sql`(${organisations.searchVector} @@ ${tsquery} or ${name} % ${parsed.folded} or ${parsed.folded} <% ${name} or ${name} like ${`%${parsed.folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`,
      );
      rank = sql`(ts_rank_cd(${organisations.searchVector}, ${tsquery}, 1) + word_similarity(${parsed.folded}, ${name}))`;
    }
    const where = and(...conditions);
    const byName = [asc(organisations.name), asc(organisations.id)];
    const [rows, [total]] = await Promise.all([
      db
        .select({
          id: organisations.id,
          name: organisations.name,
          openNeeds: sql<number>`(select count(*) from needs_offers n where n.organisation_id = ${ORGANISATION_ID} and n.kind = 'need' and n.status in ('open', 'in_discussion'))`,
        })
        .from(organisations)
        .where(where)
        .orderBy(...(rank && query.sort === 'relevance' ? [desc(rank), ...byName] : byName))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      db.select({ n: count() }).from(organisations).where(where),
    ]);
    return { items: rows, total: total?.n ?? 0 };
  };
}

const ms = (v: number) => v.toFixed(1).padStart(7);
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
  };
};

const all = searches();
const report: string[] = [];
for (const name of engines) {
  const engine = name === 'postgres' ? await postgresEngine() : await pgliteEngine();
  if (!engine) {
    process.stdout.write(`${name}: no PostgreSQL binaries, skipped\n`);
    continue;
  }
  try {
    const loadStart = performance.now();
    const labId = await loadSearchDirectory(engine.database, organisationCount);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    // The index the baseline's name conditions were written for (dropped by migration 0006).
    if (baselineEvery > 0) {
      await engine.database.db.execute(
        sql.raw(
          'create index bench_name_trgm_idx on organisations using gin (immutable_unaccent(lower(name)) gin_trgm_ops)',
        ),
      );
      await engine.database.db.execute(sql.raw('analyze organisations'));
    }
    const repository = organisationRepository(engine.database.db, nearOf);
    const baseline = baselineList(engine.database.db);
    for (const { query } of all.slice(0, 60)) await repository.list(labId, query); // warm caches
    const times: number[] = [];
    const byKind = new Map<string, number[]>();
    const paired: { current: number; baseline: number }[] = [];
    let hits = 0;
    let capped = 0;
    for (const [i, { kind, query }] of all.entries()) {
      let started = performance.now();
      const page = await repository.list(labId, query);
      const elapsed = performance.now() - started;
      times.push(elapsed);
      byKind.set(kind, [...(byKind.get(kind) ?? []), elapsed]);
      if (page.total > 0) hits++;
      if (page.totalCapped) capped++;
      if (baselineEvery > 0 && i % baselineEvery === 0) {
        started = performance.now();
        await baseline(labId, query);
        paired.push({ current: elapsed, baseline: performance.now() - started });
      }
    }
    const s = stats(times);
    report.push(
      `${engine.name} — ${organisationCount} organisations (loaded in ${loadSeconds.toFixed(0)} s), ${times.length} searches, ${hits} with results, ${capped} with more than 1,000`,
      `  all                      p50 ${ms(s.p50)} ms  p95 ${ms(s.p95)} ms  p99 ${ms(s.p99)} ms  max ${ms(s.max)} ms`,
    );
    for (const [kind, list] of [...byKind.entries()].sort()) {
      const k = stats(list);
      report.push(
        `  ${`${kind} (${list.length})`.padEnd(24)} p50 ${ms(k.p50)} ms  p95 ${ms(k.p95)} ms  p99 ${ms(k.p99)} ms  max ${ms(k.max)} ms`,
      );
    }
    if (paired.length) {
      const b = stats(paired.map((p) => p.baseline));
      const c = stats(paired.map((p) => p.current));
      report.push(
        `  same ${paired.length} searches, alternated — baseline p50 ${ms(b.p50)} ms  p95 ${ms(b.p95)} ms; current p50 ${ms(c.p50)} ms  p95 ${ms(c.p95)} ms; ratio of medians ${(b.p50 / c.p50).toFixed(1)}×, of p95 ${(b.p95 / c.p95).toFixed(1)}×`,
      );
    }
    process.stdout.write(`${report.slice(-(byKind.size + 2 + (paired.length ? 1 : 0))).join('\n')}\n`);
  } finally {
    await engine.close();
  }
}
process.stdout.write(`\n${report.join('\n')}\n`);
