/**
 * The search benchmark's directory: `count` organisations written by one INSERT … SELECT over
 * generate_series (seconds, where the registry import takes minutes at 100,000), with the names,
 * NAF codes, headcount bands and Alsace communes of the generated SIRENE rows, territory resolved
 * from the official geography, one of eight descriptions, themes, and open needs and offers on one
 * organisation in twelve (their text copied into the search document as the repository does).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../src/adapters/db/database.ts';
import { territory } from '../src/adapters/territory/territory.ts';
import { ALSACE_COMMUNES, createLab } from './directory-support.ts';

export const DESCRIPTIONS = [
  'Jardin partagé et chantier d’insertion par le maraîchage biologique ; a besoin de compost.',
  'Atelier de réparation et de réemploi : cherche du matériel et des pièces détachées.',
  'Épicerie solidaire : cherche des bénévoles et des produits frais invendus.',
  'Entreprise familiale qui offre des chutes de bois et du mécénat de compétences.',
  'Association sportive qui accueille les jeunes du quartier et cherche un local.',
  'Traiteur local : débouchés en restauration collective, recrute des apprentis.',
  'Imprimerie engagée : papier recyclé, visibilité pour les associations.',
  'Ressourcerie : collecte, tri et revente d’objets de seconde main.',
];

// As bench/fixtures/sirene.ts generates them, plus association names on one row in ten.
// prettier-ignore
const WORDS = ['Boulangerie', 'Menuiserie', 'Garage', 'Imprimerie', 'Traiteur', 'Jardin', 'Atelier', 'Transports', 'Conseil', 'Épicerie', 'Ressourcerie', 'Café'];
// prettier-ignore
const NAMES = ['Muller', 'Schmitt', 'Meyer', 'Weber', 'Klein', 'Wolff', 'Fischer', 'Roth', 'Bauer', 'Keller', 'Hoffmann', 'Zimmermann'];
// prettier-ignore
const ASSOCIATIONS = ['Association sportive de', 'Emmaüs', 'Les Jardins partagés de', 'Banque alimentaire de', 'Amicale des donneurs de sang de', 'Maison des jeunes et de la culture de', 'Compagnons bâtisseurs de', 'Repair café de'];
// prettier-ignore
const NAF = ['10.71C', '16.23Z', '45.20A', '18.12Z', '56.21Z', '81.30Z', '49.41A', '70.22Z', '47.11F', '94.99Z', '88.99B', '62.01Z'];
const SECTIONS = ['C', 'C', 'G', 'C', 'I', 'N', 'H', 'M', 'G', 'S', 'Q', 'J'];
const BANDS = ['', 'NN', '00', '01', '02', '03', '11', '12', '21', '22', '32'];
const NEEDS = [
  ['need', 'materials', 'Compost et broyat', 'pour les jardins'],
  ['need', 'volunteers', 'Bénévoles pour la collecte', 'le samedi matin'],
  ['offer', 'premises', 'Salle de réunion', 'prêtée en soirée'],
  ['offer', 'equipment', 'Camion frigorifique', 'disponible le week-end'],
  ['need', 'skills', 'Comptabilité', 'un expert-comptable bénévole'],
  ['offer', 'materials', 'Palettes et chutes de bois', 'à donner'],
] as const;

const textArray = (values: readonly string[]) =>
  sql.raw(`(array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}]::text[])`);
const numberArray = (values: readonly (number | null)[]) =>
  sql.raw(`(array[${values.map((v) => (v === null ? 'null' : String(v))).join(',')}]::float8[])`);

/** Writes the lab and its `count` organisations, then VACUUM ANALYZE; returns the lab's id. */
export async function loadSearchDirectory(database: Database, count: number): Promise<string> {
  const labId = await createLab(database, `search-${Date.now()}`, ['67', '68']);
  const places = territory();
  const communes = ALSACE_COMMUNES.map((code) => {
    const place = places.resolve(code);
    if (!place) throw new Error(`unknown commune ${code}`);
    return place;
  });
  const c = (i: string) => sql.raw(`(1 + ${i} % ${communes.length})`);
  const { db } = database;
  await db.execute(sql`
    insert into organisations (lab_id, name, universe, naf, naf_section, headcount_band, commune_insee,
      epci, departement, region, latitude, longitude, position_precision, description, themes, source)
    select ${labId},
      case when n % 10 = 7
        then ${textArray(ASSOCIATIONS)}[1 + (n / 120) % ${sql.raw(String(ASSOCIATIONS.length))}] || ' ' || ${textArray(communes.map((p) => p.communeName))}[${c('n')}] || ' ' || n
        else ${textArray(WORDS)}[1 + n % ${sql.raw(String(WORDS.length))}] || ' ' || ${textArray(NAMES)}[1 + (n * 7) % ${sql.raw(String(NAMES.length))}] || ' ' || n end,
      case when n % 10 = 7 or (n * 5) % ${sql.raw(String(NAF.length))} = 9 then 'association' else 'sme' end,
      ${textArray(NAF)}[1 + (n * 5) % ${sql.raw(String(NAF.length))}],
      ${textArray(SECTIONS)}[1 + (n * 5) % ${sql.raw(String(NAF.length))}],
      nullif(${textArray(BANDS)}[1 + (n * 3) % ${sql.raw(String(BANDS.length))}], ''),
      ${textArray(communes.map((p) => p.communeInsee))}[${c('n')}],
      ${textArray(communes.map((p) => p.epci ?? ''))}[${c('n')}],
      ${textArray(communes.map((p) => p.departement))}[${c('n')}],
      ${textArray(communes.map((p) => p.region))}[${c('n')}],
      ${numberArray(communes.map((p) => p.latitude))}[${c('n')}],
      ${numberArray(communes.map((p) => p.longitude))}[${c('n')}],
      'commune',
      ${textArray(DESCRIPTIONS)}[1 + (abs(hashint4(n)) % ${sql.raw(String(DESCRIPTIONS.length))})],
      case when abs(hashint4(n + 1)) % 4 = 0 then array['food'] else '{}'::text[] end,
      'sirene'
    from generate_series(0, ${sql.raw(String(count - 1))}) as n`);
  await db.execute(sql`
    insert into needs_offers (lab_id, organisation_id, kind, category, title, description, status)
    select o.lab_id, o.id, (${textArray(NEEDS.map((x) => x[0]))})[k], (${textArray(NEEDS.map((x) => x[1]))})[k],
      (${textArray(NEEDS.map((x) => x[2]))})[k], (${textArray(NEEDS.map((x) => x[3]))})[k],
      case when abs(hashtext(o.id::text)) % 5 = 0 then 'met' else 'open' end
    from organisations o, lateral (select 1 + abs(hashtext(o.name)) % ${sql.raw(String(NEEDS.length))} as k) pick
    where o.lab_id = ${labId} and abs(hashtext(o.id::text)) % 12 = 0`);
  await db.execute(sql`
    update organisations o set needs_offers_text = agg.text
    from (select organisation_id, string_agg(title || ' ' || description, ' ') as text
          from needs_offers where lab_id = ${labId} and status in ('open', 'in_discussion') group by organisation_id) agg
    where o.id = agg.organisation_id`);
  await database.vacuumAnalyze();
  return labId;
}
