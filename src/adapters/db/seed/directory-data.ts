import type { Universe } from '../../../contracts/organisations.ts';
import { nafSectionOf } from '../../../domain/directory/naf.ts';
import type { HeadcountBand, NeedOfferCategory, Theme } from '../../../domain/directory/vocabulary.ts';
import type { DemoOrganisation } from './demo-data.ts';
import { SeededRandom } from './random.ts';

/**
 * The directory's depth for the demo: activity (NAF), size, themes, website, needs and offers,
 * and a few contacts, generated deterministically from each organisation's universe and text.
 */

const NAF_BY_UNIVERSE: Record<Universe, string[]> = {
  association: ['94.99Z', '94.99Z', '88.99B', '93.12Z', '90.01Z', '85.59A'],
  cooperative: ['01.13Z', '10.71C', '41.20A', '47.11F'],
  social_enterprise: ['38.32Z', '88.10B', '81.30Z', '47.79Z', '49.41B'],
  sme: ['16.23Z', '10.71C', '49.41A', '18.12Z', '43.21A', '70.22Z', '45.20A', '62.01Z', '11.05Z', '56.21Z'],
  large_company: ['35.14Z', '64.19Z', '86.10Z', '49.31Z', '20.14Z', '65.12Z', '29.10Z', '47.11F'],
  entrepreneur: ['70.22Z', '85.59A', '74.10Z'],
  public_body: ['84.11Z', '88.99B'],
  university: ['85.42Z'],
  foundation: ['94.99Z', '88.99B'],
  investor: ['64.30Z', '64.92Z'],
};

const BANDS_BY_UNIVERSE: Record<Universe, HeadcountBand[]> = {
  association: ['NN', '01', '02', '03', '11'],
  cooperative: ['02', '03', '11', '12'],
  social_enterprise: ['11', '12', '21'],
  sme: ['01', '02', '03', '11', '12', '21'],
  large_company: ['32', '41', '42', '51'],
  entrepreneur: ['NN', '00'],
  public_body: ['12', '21', '22', '41'],
  university: ['41', '42'],
  foundation: ['01', '02'],
  investor: ['03', '11', '12'],
};

const THEME_WORDS: [RegExp, Theme][] = [
  [/insertion|emploi|recrut|stage/i, 'employment_inclusion'],
  [/réemploi|recycl|upcycl|récupération|déchet|ressourcerie|repair|réparation/i, 'circular_economy'],
  [/aliment|épicerie|maraîch|denrée|restaura|boulang|traiteur|café/i, 'food'],
  [/cultur|théâtre|musique|spectacle|cirque|patrimoine/i, 'culture'],
  [/enfant|jeune|scolaire|étudiant|devoirs|formation/i, 'education_youth'],
  [/santé|hospitalier|soin/i, 'health'],
  [/solidaire|entraide|pauvreté|réfugiés|aide alimentaire|cohésion/i, 'poverty_solidarity'],
  [/jardin|biologique|compost|environnement|nature/i, 'environment_biodiversity'],
  [/transport|mobilité/i, 'mobility'],
  [/numérique|informatique/i, 'digital'],
  [/habitat|logement/i, 'housing'],
  [/handicap/i, 'disability'],
  [/sporti/i, 'sport'],
  [/énergie/i, 'energy'],
];

export interface DemoProfile {
  naf: string;
  nafSection: string | null;
  headcountBand: HeadcountBand;
  themes: Theme[];
  website: string | null;
  address: string | null;
}

const STREETS = [
  'rue des Tanneurs',
  'rue du Général de Gaulle',
  'place de la Gare',
  'rue de la République',
  'avenue de Colmar',
  'rue des Vosges',
  'rue du Moulin',
];

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

export function profileOf(organisation: DemoOrganisation, random: SeededRandom): DemoProfile {
  const naf = random.pick(NAF_BY_UNIVERSE[organisation.universe]);
  const text = `${organisation.name} ${organisation.description}`;
  const themes = [...new Set(THEME_WORDS.filter(([re]) => re.test(text)).map(([, t]) => t))].slice(0, 3);
  return {
    naf,
    nafSection: nafSectionOf(naf),
    headcountBand: random.pick(BANDS_BY_UNIVERSE[organisation.universe]),
    themes,
    website: random.next() < 0.5 ? `https://www.${slug(organisation.name)}.example.org` : null,
    address: `${1 + random.int(80)} ${random.pick(STREETS)}`,
  };
}

export interface DemoNeedOffer {
  kind: 'need' | 'offer';
  category: NeedOfferCategory;
  title: string;
  description: string;
  quantity: number | null;
  unit: string | null;
  status: 'open' | 'in_discussion' | 'met';
}

/** The story actors' own needs and offers, as the seeds tell them. */
export const STORY_NEEDS_OFFERS: Record<string, DemoNeedOffer[]> = {
  'SATI — Torréfaction de café': [
    {
      kind: 'offer',
      category: 'materials_waste',
      title: 'Paquets de café défectueux',
      description:
        'Emballages aluminium et paquets mal scellés, chaque semaine, à valoriser plutôt qu’à détruire.',
      quantity: 300,
      unit: 'kg/mois',
      status: 'open',
    },
    {
      kind: 'offer',
      category: 'materials_waste',
      title: 'Marc et pellicules de café',
      description: 'Déchets organiques de torréfaction, utilisables en compost.',
      quantity: 2,
      unit: 't/mois',
      status: 'open',
    },
  ],
  'Libre Objet': [
    {
      kind: 'need',
      category: 'materials_waste',
      title: 'Matières premières de récupération',
      description:
        'Emballages souples et sachets imprimés (café, alimentaire), bâches, chutes de textile : matériaux réguliers que l’atelier d’upcycling transforme en objets.',
      quantity: null,
      unit: null,
      status: 'open',
    },
    {
      kind: 'need',
      category: 'purchasing_outlets',
      title: 'Débouchés pour nos objets',
      description: 'Boutiques, comités d’entreprise et cadeaux d’affaires.',
      quantity: null,
      unit: null,
      status: 'open',
    },
  ],
  'Les Jardins de la Montagne Verte': [
    {
      kind: 'need',
      category: 'materials_waste',
      title: 'Compost et matière organique',
      description: 'Pour les parcelles du jardin partagé et le maraîchage biologique.',
      quantity: 5,
      unit: 't/an',
      status: 'open',
    },
    {
      kind: 'offer',
      category: 'skills',
      title: 'Ateliers de jardinage',
      description: 'Initiation au jardinage biologique pour des équipes de salariés.',
      quantity: null,
      unit: null,
      status: 'open',
    },
  ],
  'Banque Alimentaire du Bas-Rhin': [
    {
      kind: 'need',
      category: 'volunteers',
      title: 'Bénévoles pour la collecte nationale',
      description: 'Tri et collecte des denrées en magasin, deux week-ends par an.',
      quantity: 200,
      unit: 'bénévoles',
      status: 'open',
    },
  ],
  'Grand employeur informatique (site alsacien)': [
    {
      kind: 'offer',
      category: 'skills',
      title: 'Mécénat de compétences numériques',
      description: 'Des salariés volontaires pour des projets informatiques d’associations.',
      quantity: 400,
      unit: 'heures/an',
      status: 'open',
    },
    {
      kind: 'offer',
      category: 'volunteers',
      title: 'Bénévolat d’équipe',
      description: 'Journées solidaires pour des équipes de 10 à 20 salariés.',
      quantity: null,
      unit: null,
      status: 'open',
    },
  ],
  'Compagnie de cirque et d’arts de la rue': [
    {
      kind: 'need',
      category: 'money',
      title: 'Financement d’ateliers cirque pour enfants',
      description: 'Ouvrir nos spectacles et ateliers aux enfants qui n’y ont jamais accès.',
      quantity: 15000,
      unit: '€',
      status: 'open',
    },
  ],
  'Restaurant rapide franchisé de Mulhouse': [
    {
      kind: 'offer',
      category: 'money',
      title: 'Mécénat local pour l’enfance',
      description: 'Soutien financier à des actions culturelles pour les enfants du quartier.',
      quantity: 5000,
      unit: '€/an',
      status: 'open',
    },
    {
      kind: 'offer',
      category: 'visibility',
      title: 'Visibilité auprès des familles',
      description: 'Affichage en salle et sur les plateaux.',
      quantity: null,
      unit: null,
      status: 'open',
    },
  ],
};

const TEMPLATES: Record<Universe, DemoNeedOffer[]> = {
  association: [
    {
      kind: 'need',
      category: 'volunteers',
      title: 'Bénévoles pour nos activités',
      description: 'Encadrement des ateliers et des sorties.',
      quantity: 10,
      unit: 'bénévoles',
      status: 'open',
    },
    {
      kind: 'need',
      category: 'premises',
      title: 'Un local pour nos réunions',
      description: 'Une salle deux soirs par semaine.',
      quantity: null,
      unit: null,
      status: 'open',
    },
    {
      kind: 'need',
      category: 'equipment',
      title: 'Matériel informatique',
      description: 'Ordinateurs portables reconditionnés pour nos bénéficiaires.',
      quantity: 8,
      unit: 'ordinateurs',
      status: 'open',
    },
    {
      kind: 'need',
      category: 'money',
      title: 'Financement d’un projet jeunesse',
      description: 'Séjours et sorties culturelles pour les jeunes du quartier.',
      quantity: 8000,
      unit: '€',
      status: 'in_discussion',
    },
  ],
  cooperative: [
    {
      kind: 'offer',
      category: 'purchasing_outlets',
      title: 'Produits locaux pour la restauration collective',
      description: 'Légumes et produits laitiers du territoire.',
      quantity: null,
      unit: null,
      status: 'open',
    },
  ],
  social_enterprise: [
    {
      kind: 'offer',
      category: 'purchasing_outlets',
      title: 'Prestations de tri et logistique',
      description: 'Sous-traitance par des salariés en insertion.',
      quantity: null,
      unit: null,
      status: 'open',
    },
    {
      kind: 'need',
      category: 'materials_waste',
      title: 'Équipements électroménagers usagés',
      description: 'Pour réparation et revente solidaire.',
      quantity: null,
      unit: null,
      status: 'open',
    },
  ],
  sme: [
    {
      kind: 'offer',
      category: 'materials_waste',
      title: 'Chutes de bois et de matériaux',
      description: 'Chutes propres disponibles chaque mois.',
      quantity: 1,
      unit: 't/mois',
      status: 'open',
    },
    {
      kind: 'offer',
      category: 'skills',
      title: 'Savoir-faire de nos salariés',
      description: 'Mécénat de compétences ponctuel.',
      quantity: 40,
      unit: 'heures/an',
      status: 'open',
    },
    {
      kind: 'need',
      category: 'skills',
      title: 'Recruter des jeunes du territoire',
      description: 'Apprentis et premiers emplois, avec accompagnement.',
      quantity: 3,
      unit: 'postes',
      status: 'open',
    },
  ],
  large_company: [
    {
      kind: 'offer',
      category: 'money',
      title: 'Mécénat financier',
      description: 'Appel à projets annuel pour les associations locales.',
      quantity: 50000,
      unit: '€/an',
      status: 'open',
    },
    {
      kind: 'offer',
      category: 'equipment',
      title: 'Mobilier de bureau réformé',
      description: 'Bureaux, chaises et armoires en bon état.',
      quantity: 120,
      unit: 'pièces',
      status: 'open',
    },
  ],
  entrepreneur: [
    {
      kind: 'offer',
      category: 'expertise_training',
      title: 'Accompagnement de projets',
      description: 'Conseil bénévole à des porteurs de projets de l’ESS.',
      quantity: 10,
      unit: 'jours/an',
      status: 'open',
    },
  ],
  public_body: [
    {
      kind: 'offer',
      category: 'premises',
      title: 'Salles municipales',
      description: 'Mise à disposition de salles pour des associations.',
      quantity: null,
      unit: null,
      status: 'open',
    },
  ],
  university: [
    {
      kind: 'offer',
      category: 'expertise_training',
      title: 'Projets tutorés d’étudiants',
      description: 'Des étudiants pour un diagnostic ou une étude.',
      quantity: 4,
      unit: 'projets/an',
      status: 'open',
    },
  ],
  foundation: [
    {
      kind: 'offer',
      category: 'money',
      title: 'Subventions d’intérêt général',
      description: 'Soutien à des projets de solidarité et d’inclusion.',
      quantity: 20000,
      unit: '€/an',
      status: 'open',
    },
  ],
  investor: [
    {
      kind: 'offer',
      category: 'money',
      title: 'Prêts solidaires et garanties',
      description: 'Financement des structures de l’ESS du territoire.',
      quantity: null,
      unit: null,
      status: 'open',
    },
  ],
};

export function needsOffersOf(organisation: DemoOrganisation, random: SeededRandom): DemoNeedOffer[] {
  const story = STORY_NEEDS_OFFERS[organisation.name];
  if (story) return story;
  const templates = TEMPLATES[organisation.universe];
  const count = random.next() < 0.3 ? 0 : 1 + random.int(2);
  const chosen = new Set<DemoNeedOffer>();
  for (let i = 0; i < count; i++) chosen.add(random.pick(templates));
  return [...chosen];
}

const FIRST_NAMES = [
  'Camille',
  'Julie',
  'Nicolas',
  'Sarah',
  'Mehdi',
  'Anne',
  'Pierre',
  'Élodie',
  'Youssef',
  'Marie',
  'Lucas',
  'Inès',
];
const LAST_NAMES = [
  'Muller',
  'Schmitt',
  'Meyer',
  'Weber',
  'Klein',
  'Benali',
  'Martin',
  'Nguyen',
  'Roth',
  'Fischer',
  'Haddad',
  'Keller',
];
const ROLES = [
  'Président·e',
  'Directeur·rice',
  'Chargé·e de mission',
  'Responsable RSE',
  'Trésorier·e',
  'Gérant·e',
];

export interface DemoPerson {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  role: string;
  legalBasis: 'legitimate_interest' | 'consent';
  source: 'manual' | 'import';
  informed: boolean;
  newsletter: boolean;
}

export function peopleOf(organisation: DemoOrganisation, index: number, random: SeededRandom): DemoPerson[] {
  if (index >= 80) return [];
  const count = 1 + random.int(2);
  return Array.from({ length: count }, () => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const imported = random.next() < 0.3;
    return {
      firstName,
      lastName,
      email: `${slug(firstName)}.${slug(lastName)}@${slug(organisation.name).slice(0, 20)}.example.org`,
      phone: `03 88 ${String(10 + random.int(89))} ${String(10 + random.int(89))} ${String(10 + random.int(89))}`,
      role: random.pick(ROLES),
      legalBasis: 'legitimate_interest',
      source: imported ? 'import' : 'manual',
      informed: !imported || random.next() < 0.5,
      newsletter: random.next() < 0.4,
    };
  });
}
