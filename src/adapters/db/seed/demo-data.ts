import type { Universe } from '../../../contracts/organisations.ts';
import type { Commune } from '../../../app/ports.ts';
import { luhnSum } from '../../../domain/directory/identifiers.ts';
import { SeededRandom } from './random.ts';

export interface DemoOrganisation {
  name: string;
  universe: Universe;
  communeInsee: string;
  siren: string | null;
  siret: string | null;
  rna: string | null;
  description: string;
}

/** The actors of the seeds' own stories (shared/seeds), as the Alsace lab knows them. */
export const STORY_ACTORS: DemoOrganisation[] = [
  {
    name: 'SATI — Torréfaction de café',
    universe: 'sme',
    communeInsee: '67482',
    siren: null,
    siret: null,
    rna: null,
    description:
      'Torréfacteur alsacien. Produit des paquets de café dont une part défectueuse et des déchets organiques (marc, pellicules) dont le traitement coûte cher : cherche à les valoriser.',
  },
  {
    name: 'Libre Objet',
    universe: 'association',
    communeInsee: '67482',
    siren: null,
    siret: null,
    rna: null,
    description:
      "Atelier d'insertion qui crée des objets à partir de matériaux de récupération (upcycling) : cherche des matières premières régulières et des débouchés.",
  },
  {
    name: 'Les Jardins de la Montagne Verte',
    universe: 'association',
    communeInsee: '67482',
    siren: null,
    siret: null,
    rna: null,
    description:
      "Jardin partagé et chantier d'insertion par le maraîchage biologique à Strasbourg : a besoin de compost et de matière organique, recrute des salariés en insertion.",
  },
  {
    name: 'Banque Alimentaire du Bas-Rhin',
    universe: 'association',
    communeInsee: '67218',
    siren: null,
    siret: null,
    rna: null,
    description:
      'Collecte et redistribue des denrées aux associations d’aide alimentaire du département ; a besoin de bénévoles pour les collectes et le tri.',
  },
  {
    name: 'Grand employeur informatique (site alsacien)',
    universe: 'large_company',
    communeInsee: '67482',
    siren: null,
    siret: null,
    rna: null,
    description:
      'Grande entreprise du numérique dont les salariés veulent s’engager : mécénat de compétences et bénévolat d’équipe auprès d’associations locales.',
  },
  {
    name: 'Compagnie de cirque et d’arts de la rue',
    universe: 'association',
    communeInsee: '68224',
    siren: null,
    siret: null,
    rna: null,
    description:
      "Association culturelle qui crée des spectacles de cirque et veut les ouvrir aux enfants qui n'y ont jamais accès.",
  },
  {
    name: 'Restaurant rapide franchisé de Mulhouse',
    universe: 'large_company',
    communeInsee: '68224',
    siren: null,
    siret: null,
    rna: null,
    description:
      'Franchise de restauration rapide : accueille beaucoup de familles, cherche des actions locales pour les enfants et la culture.',
  },
];

const ASSOCIATION_PATTERNS = [
  (place: string) => `Les Amis du patrimoine de ${place}`,
  (place: string) => `Entraide ${place}`,
  (place: string) => `Épicerie solidaire de ${place}`,
  (place: string) => `Jardin partagé ${place}`,
  (place: string) => `Repair café ${place}`,
  (place: string) => `Association sportive de ${place}`,
  (place: string) => `Théâtre en herbe — ${place}`,
  (place: string) => `Accueil des réfugiés ${place}`,
  (place: string) => `Maison des jeunes de ${place}`,
  (place: string) => `Ressourcerie ${place}`,
  (place: string) => `Aide aux devoirs ${place}`,
  (place: string) => `Musique pour tous ${place}`,
];

const SURNAMES = [
  'Muller',
  'Schmitt',
  'Meyer',
  'Weber',
  'Klein',
  'Wolff',
  'Fischer',
  'Roth',
  'Bauer',
  'Keller',
  'Hoffmann',
  'Schneider',
  'Zimmermann',
  'Martin',
  'Bernard',
  'Girard',
  'Faure',
  'Rousseau',
  'Blanc',
  'Garnier',
  'Chevalier',
];

const SME_PATTERNS = [
  (name: string) => `Menuiserie ${name}`,
  (name: string) => `Boulangerie ${name}`,
  (name: string) => `${name} Transports`,
  (name: string) => `Imprimerie ${name}`,
  (name: string) => `${name} & Fils — Bâtiment`,
  (name: string) => `Cabinet ${name} Conseil`,
  (name: string) => `Garage ${name}`,
  (name: string) => `${name} Informatique`,
  (name: string) => `Brasserie artisanale ${name}`,
  (name: string) => `Traiteur ${name}`,
];

const LARGE_COMPANIES = [
  'Énergies du Rhin',
  'Banque Mutuelle de l’Est',
  'Groupe Hospitalier Rhénan',
  'Transports Urbains Régionaux',
  'Chimie de la Plaine d’Alsace',
  'Assurances Solidaires de l’Est',
  'Automobiles du Grand Est',
  'Distribution Alimentaire Régionale',
];

const DESCRIPTIONS: Record<Universe, string[]> = {
  association: [
    'Association de quartier qui cherche des bénévoles et un local pour ses activités.',
    "Accompagne des personnes éloignées de l'emploi ; cherche des entreprises partenaires pour des stages.",
    'Organise des ateliers de réparation et de réemploi ; a besoin de matériel et de pièces détachées.',
    'Propose du soutien scolaire et des sorties culturelles aux enfants du quartier.',
  ],
  cooperative: [
    'Coopérative de producteurs locaux ; cherche de nouveaux débouchés en restauration collective.',
  ],
  social_enterprise: [
    "Entreprise d'insertion dans le tri et la logistique ; cherche des marchés auprès des entreprises du territoire.",
    'Entreprise adaptée qui emploie des travailleurs handicapés en sous-traitance industrielle.',
  ],
  sme: [
    'PME familiale qui veut s’engager sur son territoire : offre des chutes de matériaux et du savoir-faire.',
    'Entreprise locale qui cherche à recruter et à former des jeunes du territoire.',
    'Société de services qui peut offrir des compétences de ses salariés (mécénat de compétences).',
  ],
  large_company: [
    'Grand employeur régional avec une politique de mécénat et de bénévolat de ses salariés.',
    'Groupe qui cherche des partenaires associatifs pour ses achats responsables et l’insertion.',
  ],
  entrepreneur: ['Entrepreneur individuel : conseil, formation et accompagnement de projets.'],
  public_body: [
    'Collectivité territoriale : porte des politiques de cohésion sociale et de développement local.',
  ],
  university: ['Établissement d’enseignement supérieur : projets étudiants, recherche-action et stages.'],
  foundation: ['Fondation qui finance des projets d’intérêt général sur le territoire.'],
  investor: [
    'Financeur solidaire : prêts, garanties et investissement à impact pour les structures de l’ESS.',
  ],
};

/** A valid SIREN from eight generated digits and its Luhn check digit. */
export function makeSiren(random: SeededRandom): string {
  const body = String(1 + random.int(8)) + String(random.int(10_000_000)).padStart(7, '0');
  for (let check = 0; check < 10; check++) {
    const candidate = body + String(check);
    if (luhnSum(candidate) % 10 === 0) return candidate;
  }
  throw new Error('no Luhn digit');
}

export function makeSiret(siren: string, random: SeededRandom): string {
  const nic = String(10 + random.int(80)).padStart(4, '0');
  for (let check = 0; check < 10; check++) {
    const candidate = siren + nic + String(check);
    if (luhnSum(candidate) % 10 === 0) return candidate;
  }
  throw new Error('no Luhn digit');
}

const UNIVERSE_SHARES: [Universe, number][] = [
  ['association', 40],
  ['sme', 22],
  ['social_enterprise', 7],
  ['cooperative', 4],
  ['large_company', 6],
  ['entrepreneur', 5],
  ['public_body', 8],
  ['university', 2],
  ['foundation', 3],
  ['investor', 3],
];

/**
 * Generates a lab's demo directory: `count` organisations spread over its communes by
 * population, with valid identifiers. Deterministic for a given seed and commune list.
 */
export function generateOrganisations(seed: number, communes: Commune[], count: number): DemoOrganisation[] {
  const random = new SeededRandom(seed);
  const names = new Set<string>();
  const result: DemoOrganisation[] = [];
  let rnaCounter = 1000;
  while (result.length < count) {
    const commune = random.weighted(communes, (c) => Math.sqrt(c.population + 1));
    const universe = random.weighted(UNIVERSE_SHARES, ([, share]) => share)[0];
    const name = nameFor(universe, commune, random);
    if (names.has(name)) continue;
    names.add(name);
    const siren = universe === 'association' && random.next() < 0.6 ? null : makeSiren(random);
    result.push({
      name,
      universe,
      communeInsee: commune.code,
      siren,
      siret: siren ? makeSiret(siren, random) : null,
      rna:
        universe === 'association'
          ? `W${commune.departement.padStart(2, '0').slice(0, 2)}${String(rnaCounter++).padStart(7, '0')}`
          : null,
      description: random.pick(DESCRIPTIONS[universe]),
    });
  }
  return result;
}

function nameFor(universe: Universe, commune: Commune, random: SeededRandom): string {
  const place = commune.name;
  switch (universe) {
    case 'association':
      return random.pick(ASSOCIATION_PATTERNS)(place);
    case 'sme':
      return random.pick(SME_PATTERNS)(random.pick(SURNAMES));
    case 'large_company':
      return `${random.pick(LARGE_COMPANIES)} — site de ${place}`;
    case 'public_body':
      return random.next() < 0.7 ? `Commune de ${place}` : `CCAS de ${place}`;
    case 'social_enterprise':
      return random.pick(['Envie', 'Tri Services', 'Atelier Solidaire', 'Insertion Verte']) + ` ${place}`;
    case 'cooperative':
      return `Coopérative ${random.pick(['des producteurs', 'd’activités et d’emploi', 'de l’habitat'])} de ${place}`;
    case 'entrepreneur':
      return `${random.pick(['Claire', 'Julien', 'Sophie', 'Thomas', 'Léa', 'Karim'])} ${random.pick(SURNAMES)} — conseil`;
    case 'university':
      return `Antenne universitaire de ${place}`;
    case 'foundation':
      return `Fondation ${random.pick(SURNAMES)} pour ${place}`;
    case 'investor':
      return `Fonds solidaire ${random.pick(['Initiative', 'Active', 'Territoires'])} ${place}`;
  }
}
